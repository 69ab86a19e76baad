#include "status.h"

#include <QDir>
#include <QHash>

using namespace Qt::StringLiterals;

namespace plumb::migrate {

Result<StatusReport> readStatus(db::Connection& connection, const MigrationSet& migrations,
                                const Ledger& ledger)
{
    StatusReport report;
    report.ledgerName = ledger.name();
    auto present = ledger.exists(connection);
    if (!present)
        return std::unexpected(present.error());
    report.ledgerPresent = *present;
    QList<LedgerRow> rows;
    if (*present) {
        auto read = ledger.rows(connection);
        if (!read)
            return std::unexpected(read.error());
        rows = *read;
    }
    QHash<QString, const LedgerRow*> byVersion;
    for (const LedgerRow& row : rows)
        byVersion.insert(row.version, &row);
    for (const Migration& migration : migrations.migrations) {
        MigrationState state{migration.version,      migration.name,   false, false,
                             migration.reversible(), migration.python, {}};
        if (const LedgerRow* row = byVersion.value(migration.version)) {
            state.applied = true;
            state.appliedAt = row->appliedAt;
            state.modified = !row->checksum.isEmpty() && row->checksum != migration.checksum;
            ++report.appliedCount;
        } else {
            ++report.pendingCount;
        }
        report.migrations.append(state);
    }
    for (const LedgerRow& row : rows)
        if (!migrations.find(row.version))
            report.withoutFiles.append(row);
    if (!rows.isEmpty())
        report.current = rows.back().version;
    return report;
}

int ValidationReport::errorCount() const
{
    return static_cast<int>(std::ranges::count_if(issues, [](const ValidationIssue& i) {
        return i.severity == ValidationIssue::Severity::Error;
    }));
}

std::optional<ErrorCode> ValidationReport::failure() const
{
    std::optional<ErrorCode> worst;
    for (const ValidationIssue& issue : issues) {
        if (issue.severity != ValidationIssue::Severity::Error)
            continue;
        if (issue.code == u"checksum_mismatch")
            return ErrorCode::Drift;
        if (issue.code == u"invalid_sql" || issue.code == u"transaction_control")
            worst = ErrorCode::Schema;
        else if (!worst)
            worst = ErrorCode::Config;
    }
    return worst;
}

Result<ValidationReport> validateMigrations(const MigrationSet& migrations,
                                            const QString& projectRoot, db::Connection* connection,
                                            const Ledger& ledger)
{
    using Severity = ValidationIssue::Severity;
    ValidationReport report;
    const QDir root(projectRoot);
    for (const FileIssue& issue : migrations.issues) {
        switch (issue.kind) {
        case FileIssue::Kind::Duplicate:
            report.issues.append(
                {Severity::Error, u"duplicate_version"_s, issue.message, issue.files.value(0), 0});
            break;
        case FileIssue::Kind::Orphan:
            report.issues.append(
                {Severity::Warning, u"orphan"_s, issue.message, issue.files.value(0), 0});
            break;
        case FileIssue::Kind::DownWithoutUp:
            report.issues.append(
                {Severity::Warning, u"down_without_up"_s, issue.message, issue.files.value(0), 0});
            break;
        }
    }
    const project::Timeouts noTimeouts;
    for (const Migration& migration : migrations.migrations) {
        const QString upName = root.relativeFilePath(migration.upPath);
        if (migration.python)
            continue; // validated only by running it: plumb never runs user code to check it
        if (migration.downPath.isEmpty())
            report.issues.append({Severity::Warning, u"missing_down"_s,
                                  upName + u" has no .down.sql: it cannot be rolled back"_s, upName,
                                  0});
        for (const QString& path : {migration.upPath, migration.downPath}) {
            if (path.isEmpty())
                continue;
            const QString name = root.relativeFilePath(path);
            auto script = loadScript(path, name, noTimeouts, 0);
            if (!script) {
                const Error& error = script.error();
                const bool control = error.message.contains(u"inside a migration");
                report.issues.append({Severity::Error,
                                      control ? u"transaction_control"_s : u"invalid_sql"_s,
                                      error.message, error.file, error.line});
            }
        }
    }
    if (!connection)
        return report;
    auto present = ledger.exists(*connection);
    if (!present)
        return std::unexpected(present.error());
    report.checkedDatabase = true;
    if (!*present)
        return report;
    auto rows = ledger.rows(*connection);
    if (!rows)
        return std::unexpected(rows.error());
    for (const LedgerRow& row : *rows) {
        const Migration* migration = migrations.find(row.version);
        if (!migration) {
            report.issues.append({Severity::Warning,
                                  u"missing_file"_s,
                                  u"applied migration "_s + row.version + u' ' + row.name +
                                      u" has no file: restore it, or remove its row with "
                                      u"'plumb migrate prune --yes'"_s,
                                  {},
                                  0});
            continue;
        }
        const QString upName = root.relativeFilePath(migration->upPath);
        if (row.checksum.isEmpty())
            report.issues.append({Severity::Warning, u"checksum_missing"_s,
                                  u"the ledger row of "_s + upName +
                                      u" has no checksum, so edits to it cannot be detected"_s,
                                  upName, 0});
        else if (row.checksum != migration->checksum)
            report.issues.append({Severity::Error, u"checksum_mismatch"_s,
                                  upName + u" was modified after it was applied: restore the "
                                           u"applied text and put the change in a new "
                                           u"migration"_s,
                                  upName, 0});
    }
    return report;
}

} // namespace plumb::migrate
