#include "runner.h"

#include "core/diagnose/check.h"

#include <QHash>
#include <QSet>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace plumb::diagnose {

namespace {

// A READ ONLY transaction with per-check timeouts; rolled back whatever happens.
Result<db::Transaction> beginCheckTransaction(db::Connection& connection, const Options& options)
{
    auto transaction = db::Transaction::begin(connection, u"READ ONLY"_s);
    if (!transaction)
        return std::unexpected(transaction.error());
    auto set = connection.exec(
        u"SELECT set_config('statement_timeout', $1, true), set_config('lock_timeout', $2, true), "
        u"pg_stat_clear_snapshot()"_s,
        {QString::number(options.statementTimeoutMs), QString::number(options.lockTimeoutMs)});
    if (!set)
        return std::unexpected(set.error());
    return transaction;
}

Status gatherFacts(db::Connection& connection, const Options& options, ReportContext& facts)
{
    auto transaction = beginCheckTransaction(connection, options);
    if (!transaction)
        return std::unexpected(transaction.error());
    auto row = connection.exec(
        u"SELECT current_database() AS db, d.stats_reset, "
        u"extract(epoch FROM now() - coalesce(d.stats_reset, pg_postmaster_start_time()))::bigint "
        u"AS age, pg_is_in_recovery() AS recovery, "
        u"(SELECT extversion FROM pg_extension WHERE extname = 'pg_stat_statements') AS pgss, "
        // Only privileged roles see shared_preload_libraries: unknown counts as loaded and
        // the trial read below decides.
        u"coalesce((SELECT setting ~ '(^|[ ,])pg_stat_statements([ ,]|$)' FROM pg_settings "
        u"WHERE name = 'shared_preload_libraries'), true) AS pgss_loaded, "
        u"(SELECT extversion FROM pg_extension WHERE extname = 'hypopg') AS hypopg, "
        u"EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'hypopg') AS hypopg_avail "
        u"FROM pg_stat_database d WHERE d.datname = current_database()"_s);
    if (!row)
        return std::unexpected(row.error());
    if (row->rowCount() == 0)
        return fail(ErrorCode::Generic, u"pg_stat_database has no row for this database; "
                                        u"connect to a regular database and retry"_s);
    const Row r(*row, 0);
    facts.database = r.text(u"db");
    facts.serverVersion = connection.serverVersion();
    facts.serverVersionNum = connection.serverVersionNumber();
    if (!r.isNull(u"stats_reset"))
        facts.statsReset = QDateTime::fromString(r.text(u"stats_reset").left(19), Qt::ISODate);
    facts.statsAgeSeconds = r.int64(u"age");
    facts.statsYoung = facts.statsAgeSeconds < options.minStatsAgeSeconds;
    facts.inRecovery = r.boolean(u"recovery");
    facts.hypopg = !r.isNull(u"hypopg")         ? u"usable"_s
                   : r.boolean(u"hypopg_avail") ? u"available"_s
                                                : u"absent"_s;
    if (r.isNull(u"pgss")) {
        facts.pgStatStatements = u"not_installed"_s;
    } else if (!r.boolean(u"pgss_loaded")) {
        facts.pgStatStatements = u"not_preloaded"_s;
    } else {
        // A trial read tells a role without pg_read_all_stats apart (the view then errors or
        // hides other roles' texts); a savepoint keeps the failure from aborting the facts.
        (void)connection.exec(u"SAVEPOINT probe"_s);
        auto probe = connection.exec(u"SELECT 1 FROM pg_stat_statements LIMIT 1"_s);
        facts.pgStatStatements = probe ? u"usable"_s : u"no_permission"_s;
        (void)connection.exec(u"ROLLBACK TO SAVEPOINT probe"_s);
    }
    return {};
}

// schema.table -> owning extension, from pg_depend deptype 'e'.
Result<QHash<QString, QString>> extensionTables(db::Connection& connection, const Options& options)
{
    auto transaction = beginCheckTransaction(connection, options);
    if (!transaction)
        return std::unexpected(transaction.error());
    auto rows = connection.exec(
        u"SELECT n.nspname AS schema, c.relname AS table, e.extname AS extension "
        u"FROM pg_depend d JOIN pg_class c ON d.classid = 'pg_class'::regclass AND c.oid = d.objid "
        u"JOIN pg_namespace n ON n.oid = c.relnamespace "
        u"JOIN pg_extension e ON d.refclassid = 'pg_extension'::regclass AND e.oid = d.refobjid "
        u"WHERE d.deptype = 'e' AND c.relkind IN ('r', 'p', 'm')"_s);
    if (!rows)
        return std::unexpected(rows.error());
    QHash<QString, QString> owners;
    for (int i = 0; i < rows->rowCount(); ++i) {
        const Row r(*rows, i);
        owners.insert(r.text(u"schema") + u'.' + r.text(u"table"), r.text(u"extension"));
    }
    return owners;
}

void assignOwner(Finding& finding, const QHash<QString, QString>& extensions,
                 const OwnerResolver* resolver)
{
    if (finding.table.isEmpty()) {
        finding.owner.note = u"database- or server-wide: no table owner"_s;
        return;
    }
    const auto extension = extensions.constFind(finding.schema + u'.' + finding.table);
    if (extension != extensions.constEnd()) {
        finding.owner.kind = OwnerKind::Extension;
        finding.owner.extension = *extension;
        finding.owner.note = u"managed by extension "_s + *extension +
                             u": not directly actionable; upgrade or configure the extension"_s;
        return;
    }
    if (resolver) {
        if (auto owner = resolver->resolve(finding.schema, finding.table)) {
            finding.owner = *owner;
            finding.owner.kind = OwnerKind::Project;
            if (!finding.fix.schemaEdit.isEmpty() && !owner->file.isEmpty())
                finding.fix.schemaEdit = owner->file + u':' + QString::number(owner->line) +
                                         u": "_s + finding.fix.schemaEdit;
            return;
        }
        finding.owner.note = u"not declared in the project's schema files"_s;
        return;
    }
    finding.owner.note = u"owner unknown: no project mapping was given"_s;
}

// Plain's cross-check caveats: a finding on a table also flagged upstream reads differently.
void applyCrossCheckCaveats(Report& report)
{
    auto tablesFlaggedBy = [&](QStringView name) {
        QSet<QString> tables;
        if (const CheckResult* check = report.check(name))
            for (const Finding& finding : check->findings)
                if (finding.severity != Severity::Info)
                    tables.insert(finding.schema + u'.' + finding.table);
        return tables;
    };
    const QSet<QString> stale = tablesFlaggedBy(u"stats_freshness");
    const QSet<QString> dead = tablesFlaggedBy(u"dead_tuples");
    for (CheckResult& check : report.checks) {
        for (Finding& finding : check.findings) {
            const QString table = finding.schema + u'.' + finding.table;
            if ((check.name == u"unused_index" || check.name == u"missing_index_candidate") &&
                stale.contains(table))
                finding.caveats << u"planner statistics on this table are absent or stale "
                                   u"(stats_freshness): plans may change after ANALYZE"_s;
            if (check.name == u"unused_index" && dead.contains(table))
                finding.caveats << u"heavy dead-tuple load on this table (dead_tuples) may skew "
                                   u"scan counts: VACUUM before deciding to drop"_s;
        }
    }
}

CheckStatus statusOf(const CheckResult& result)
{
    CheckStatus status = CheckStatus::Ok;
    for (const Finding& finding : result.findings) {
        // Extension-owned findings are reported but do not colour the status (the user cannot
        // act on them directly).
        if (finding.owner.kind == OwnerKind::Extension)
            continue;
        if (finding.severity == Severity::Critical)
            return CheckStatus::Critical;
        if (finding.severity == Severity::Warning)
            status = CheckStatus::Warning;
    }
    return status;
}

QString summaryOf(const CheckResult& result)
{
    if (result.findings.empty())
        return u"ok"_s;
    qsizetype problems = std::ranges::count_if(
        result.findings, [](const Finding& f) { return f.severity != Severity::Info; });
    return QString::number(result.findings.size()) + u" finding"_s +
           (result.findings.size() == 1 ? u""_s : u"s"_s) +
           (problems ? u" ("_s + QString::number(problems) + u" to act on)"_s : QString());
}

} // namespace

QStringList checkNames()
{
    QStringList names;
    for (const Check& check : allChecks())
        names << QString::fromLatin1(check.name);
    return names;
}

Result<Report> diagnose(db::Connection& connection, Progress& progress, const Options& options,
                        const OwnerResolver* resolver)
{
    std::vector<Check> checks = allChecks();
    const QStringList known = checkNames();
    for (const QString& name : options.onlyChecks)
        if (!known.contains(name))
            return fail(ErrorCode::Config, u"unknown check \""_s + name + u"\"; known checks: "_s +
                                               known.join(u", "_s));
    if (!options.onlyChecks.isEmpty())
        std::erase_if(checks, [&](const Check& check) {
            return !options.onlyChecks.contains(QString::fromLatin1(check.name));
        });

    Report report;
    if (auto facts = gatherFacts(connection, options, report.context); !facts)
        return std::unexpected(facts.error());
    auto extensions = extensionTables(connection, options);
    if (!extensions)
        return std::unexpected(extensions.error());

    const int total = static_cast<int>(checks.size());
    for (int index = 0; index < total; ++index) {
        const Check& check = checks[static_cast<size_t>(index)];
        if (progress.isCanceled())
            return fail(ErrorCode::Canceled, u"diagnose was canceled"_s);
        progress.step(index, total, QString::fromLatin1(check.label));

        CheckResult result;
        result.name = QString::fromLatin1(check.name);
        result.label = QString::fromLatin1(check.label);
        result.tier = check.tier;
        Result<CheckOutcome> outcome = [&]() -> Result<CheckOutcome> {
            auto transaction = beginCheckTransaction(connection, options);
            if (!transaction)
                return std::unexpected(transaction.error());
            const CheckContext context{connection, progress, options, report.context};
            return check.run(context); // the transaction rolls back on scope exit
        }();
        if (!connection.isAlive())
            return fail(ErrorCode::Connection, u"the connection was lost during check "_s +
                                                   result.name +
                                                   u"; reconnect and run diagnose again"_s);
        if (!outcome) {
            if (outcome.error().code == ErrorCode::Canceled)
                return std::unexpected(outcome.error());
            result.status = CheckStatus::Error;
            result.summary = u"error"_s;
            result.message = outcome.error().describe() +
                             (outcome.error().sqlState == u"57014"
                                  ? u" (the check hit its statement_timeout; raise it with "
                                    u"Options::statementTimeoutMs)"_s
                                  : u" (this check failed; the others still ran)"_s);
        } else if (!outcome->skipped.isEmpty()) {
            result.status = CheckStatus::Skipped;
            result.summary = u"skipped"_s;
            result.message = outcome->skipped;
        } else {
            result.findings = std::move(outcome->findings);
            result.message = outcome->note;
            for (Finding& finding : result.findings) {
                if (check.tier == Tier::Informational)
                    finding.severity = Severity::Info;
                assignOwner(finding, *extensions, resolver);
            }
        }
        report.checks.push_back(std::move(result));
    }
    applyCrossCheckCaveats(report);
    for (CheckResult& result : report.checks) {
        if (result.status == CheckStatus::Error || result.status == CheckStatus::Skipped)
            continue;
        result.status = statusOf(result);
        result.summary = summaryOf(result);
    }
    progress.step(total, total, u"done"_s);
    return report;
}

} // namespace plumb::diagnose
