#include "migration_files.h"

#include "core/sql/file_size.h"
#include "core/sql/script.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QMap>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace plumb::migrate {

namespace {

// "<version>_<name>" split at the first '_'.
bool splitStem(const QString& stem, QString* version, QString* name)
{
    const qsizetype underscore = stem.indexOf(u'_');
    if (underscore <= 0 || underscore == stem.size() - 1)
        return false;
    *version = stem.left(underscore);
    *name = stem.mid(underscore + 1);
    return true;
}

// A file of the folder by name. Not QDir::filePath: it takes a name starting with ':' for a Qt
// resource path and returns it alone (a migration named ":10_a.up.sql" was then not found: found
// by fuzz_migration_names).
QString inFolder(const QDir& dir, const QString& file)
{
    return dir.path() + u'/' + file;
}

} // namespace

const Migration* MigrationSet::find(const QString& version) const
{
    for (const Migration& migration : migrations)
        if (migration.version == version)
            return &migration;
    return nullptr;
}

bool MigrationSet::hasDuplicates() const
{
    return std::ranges::any_of(
        issues, [](const FileIssue& i) { return i.kind == FileIssue::Kind::Duplicate; });
}

Status MigrationSet::requireNoDuplicates() const
{
    for (const FileIssue& issue : issues)
        if (issue.kind == FileIssue::Kind::Duplicate)
            return fail(ErrorCode::Config, issue.message);
    return {};
}

QString sha256File(const QString& path, bool* ok)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (ok)
            *ok = false;
        return {};
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    if (ok)
        *ok = true;
    return QString::fromLatin1(hash.result().toHex());
}

Result<MigrationSet> discoverMigrations(const QString& directory)
{
    MigrationSet set;
    QDir dir(directory);
    if (!dir.exists())
        return set;
    const QStringList files = dir.entryList(QDir::Files, QDir::Name);
    QMap<QString, QStringList> upByVersion;
    QMap<QString, Migration> byVersion;
    QMap<QString, QString> downs; // stem -> file
    for (const QString& file : files) {
        if (file.endsWith(u".down.sql"))
            downs.insert(file.chopped(9), file);
    }
    for (const QString& file : files) {
        QString stem, version, name;
        bool python = false;
        if (file.endsWith(u".up.sql")) {
            stem = file.chopped(7);
        } else if (file.endsWith(u".py") && !file.startsWith(u'_')) {
            stem = file.chopped(3);
            python = true;
        } else if (file.endsWith(u".sql") && !file.endsWith(u".down.sql") &&
                   !file.endsWith(u".verify.sql")) {
            if (splitStem(file.chopped(4), &version, &name))
                set.issues.append({FileIssue::Kind::Orphan,
                                   version,
                                   {file},
                                   file +
                                       u" is not a migration (no .up.sql suffix) and is "
                                       u"ignored: rename it to "_s +
                                       file.chopped(4) + u".up.sql if it should run"_s});
            continue;
        } else {
            continue;
        }
        if (!splitStem(stem, &version, &name))
            continue;
        upByVersion[version].append(file);
        Migration migration{version, name, inFolder(dir, file), {}, {}, python};
        if (const auto down = downs.constFind(stem); down != downs.cend())
            migration.downPath = inFolder(dir, *down);
        migration.checksum = sha256File(migration.upPath);
        byVersion.insert(version, migration);
    }
    for (auto it = downs.cbegin(); it != downs.cend(); ++it)
        if (!QFile::exists(inFolder(dir, it.key() + u".up.sql"_s))) {
            QString version, name;
            splitStem(it.key(), &version, &name);
            set.issues.append({FileIssue::Kind::DownWithoutUp,
                               version,
                               {*it},
                               *it + u" has no matching .up.sql: add the up file, or delete the "
                                     u"stray down file"_s});
        }
    for (auto it = upByVersion.cbegin(); it != upByVersion.cend(); ++it)
        if (it->size() > 1)
            set.issues.append({FileIssue::Kind::Duplicate, it.key(), *it,
                               u"duplicate migration version "_s + it.key() + u": "_s +
                                   it->join(u" and "_s) +
                                   u" share it; give one of them a new, later version"_s});
    set.migrations = byVersion.values(); // QMap orders keys as strings
    return set;
}

Result<MigrationScript> loadScript(const QString& path, const QString& displayName,
                                   const project::Timeouts& defaults, int serverVersionNum)
{
    if (Status size = sql::requireReadableSize(path, displayName); !size)
        return std::unexpected(size.error());
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Config,
                    u"cannot read "_s + displayName + u": "_s + file.errorString());
    const QString source = QString::fromUtf8(file.readAll());

    MigrationScript script;
    script.file = displayName;
    script.timeouts = defaults;

    // Directives live in the leading comment block only, so that a statement's text never
    // changes how the file runs.
    static const QRegularExpression directive(u"^--\\s*plumb:\\s*(.*)$"_s);
    static const QRegularExpression setting(u"^(lock_timeout|statement_timeout)=(\\S+)$"_s);
    const QStringList lines = source.split(u'\n');
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines[i].trimmed();
        if (line.isEmpty())
            continue;
        if (!line.startsWith(u"--"))
            break;
        const auto match = directive.match(line);
        if (!match.hasMatch())
            continue;
        for (const QString& part : match.captured(1).split(u' ', Qt::SkipEmptyParts)) {
            const auto kv = setting.match(part);
            if (!kv.hasMatch()) {
                Error error = Error::make(
                    ErrorCode::Config,
                    u"unknown plumb directive '"_s + part +
                        u"': the header takes lock_timeout=VALUE and statement_timeout=VALUE "
                        u"(PostgreSQL durations such as 5s or 10min)"_s);
                error.file = displayName;
                error.line = i + 1;
                return std::unexpected(error);
            }
            (kv.captured(1) == u"lock_timeout" ? script.timeouts.lockTimeout
                                               : script.timeouts.statementTimeout) = kv.captured(2);
        }
    }

    auto statements = sql::splitStatements(source, displayName);
    if (!statements)
        return std::unexpected(statements.error());
    QList<MigrationStatement> parsed;
    for (const sql::Statement& piece : *statements) {
        sql::Statement statement{piece.text, piece.line};
        statement.text = sql::withoutLeadingComments(piece.text, &statement.line);
        if (statement.text.isEmpty())
            continue;
        auto kind = sql::classifyStatement(statement.text, serverVersionNum);
        if (!kind) {
            Error error = kind.error();
            error.file = displayName;
            error.line = statement.line;
            return std::unexpected(error);
        }
        parsed.append({statement.text, statement.line, *kind});
    }
    // A BEGIN ... COMMIT wrapper around the whole file is redundant: the runner wraps it.
    auto isControl = [](const MigrationStatement& s, QStringView what) {
        return s.kind.rule == sql::TransactionRule::TransactionControl && s.kind.what == what;
    };
    if (parsed.size() >= 2 &&
        (isControl(parsed.front(), u"BEGIN") || isControl(parsed.front(), u"START TRANSACTION")) &&
        isControl(parsed.back(), u"COMMIT")) {
        script.warnings.append(displayName +
                               u": the BEGIN/COMMIT wrapper was dropped; plumb runs each "
                               u"migration in its own transaction"_s);
        parsed.removeFirst();
        parsed.removeLast();
    }
    for (const MigrationStatement& statement : parsed) {
        if (statement.kind.rule == sql::TransactionRule::TransactionControl) {
            Error error = Error::make(
                ErrorCode::Schema,
                statement.kind.what +
                    u" inside a migration: plumb runs each migration in its own transaction "
                    u"and records it in the same one, so the file must not end or start "
                    u"transactions. Remove it; split the file into two migrations if you need "
                    u"two transactions"_s);
            error.file = displayName;
            error.line = statement.line;
            return std::unexpected(error);
        }
        if (statement.kind.rule == sql::TransactionRule::NonTransactional)
            script.transactional = false;
    }
    script.statements = parsed;
    return script;
}

} // namespace plumb::migrate
