#include "scratch_copy.h"

#include "core/db/client_tool.h"
#include "core/db/connection.h"
#include "core/migrate/plain_dump.h"

#include <QFileInfo>
#include <QProcess>
#include <QSet>

using namespace Qt::StringLiterals;

namespace plumb::migrate {

namespace {

// Runs a PostgreSQL client program connected through `connection` (no secret on its command
// line), feeding `input`; returns its stdout.
Result<QByteArray> runClientTool(const QString& program, const QStringList& arguments,
                                 const db::ClientToolConnection& connection,
                                 const QByteArray& input, const QString& what)
{
    QProcess process;
    process.setProcessEnvironment(connection.environment());
    process.start(program, arguments + QStringList{u"--dbname"_s,
                                                   db::ClientToolConnection::dbnameArgument()});
    if (!process.waitForStarted(10000))
        return fail(ErrorCode::Generic, u"cannot start "_s + program +
                                            u": install PostgreSQL's client tools, or set "
                                            u"PLUMB_PG_BINDIR"_s);
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(600000)) {
        process.kill();
        process.waitForFinished();
        return fail(ErrorCode::Generic, what + u" timed out"_s);
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return fail(ErrorCode::Schema,
                    what + u" failed: "_s +
                        QString::fromUtf8(process.readAllStandardError()).trimmed() +
                        u"; pass --against URL with a copy you made instead"_s);
    return process.readAllStandardOutput();
}

// The statements that run on the copy before the pending migrations' own: their CREATE
// EXTENSION requests, located in their files.
Result<QList<project::LocatedStatement>>
pendingStatements(db::Connection& copy, const Ledger& ledger, const MigrationSet& migrations)
{
    QSet<QString> applied;
    auto present = ledger.exists(copy);
    if (!present)
        return std::unexpected(present.error());
    if (*present) {
        auto rows = ledger.rows(copy);
        if (!rows)
            return std::unexpected(rows.error());
        for (const LedgerRow& row : *rows)
            applied.insert(row.version);
    }
    QList<project::LocatedStatement> statements;
    for (const Migration& migration : migrations.migrations) {
        if (migration.python || applied.contains(migration.version))
            continue;
        const QString file = QFileInfo(migration.upPath).fileName();
        auto script = loadScript(migration.upPath, file, {}, copy.serverVersionNumber());
        if (!script)
            continue; // the replay reports it, as a failed migration
        for (const MigrationStatement& statement : script->statements)
            statements.append({file, statement.line, statement.text});
    }
    return statements;
}

} // namespace

Result<project::ScratchDatabase> copySchemaToScratch(const db::ConnectionInfo& source,
                                                     const Ledger& ledger,
                                                     const MigrationSet& migrations,
                                                     Progress& progress)
{
    auto connection = db::Connection::open(source, progress);
    if (!connection)
        return std::unexpected(connection.error());
    auto hasLedger = ledger.exists(**connection);
    if (!hasLedger)
        return std::unexpected(hasLedger.error());

    auto scratch = project::ScratchDatabase::create(std::nullopt, progress);
    if (!scratch)
        return std::unexpected(scratch.error());
    const QString binDir = scratch->binDir();
    auto sourceTool = db::ClientToolConnection::prepare(source);
    if (!sourceTool)
        return std::unexpected(sourceTool.error());
    progress.log(u"copying the schema of "_s + source.redacted() + u" into a scratch database"_s);
    auto schema = runClientTool(binDir + u"/pg_dump"_s,
                                {u"--schema-only"_s, u"--no-owner"_s, u"--no-privileges"_s,
                                 u"--no-publications"_s, u"--no-subscriptions"_s},
                                *sourceTool, {}, u"pg_dump of the target's schema"_s);
    if (!schema)
        return std::unexpected(schema.error());

    // The dump's extensions go to the superuser; its event triggers nowhere; the rest, which
    // the unprivileged role restores, stays as pg_dump wrote it.
    const QList<DumpEntry> entries = splitPlainDump(*schema);
    QList<project::LocatedStatement> extensions;
    for (const DumpEntry& entry : entries)
        if (entry.type == u"EXTENSION")
            for (const QString& line : QString::fromUtf8(entry.text).split(u'\n'))
                if (line.startsWith(u"CREATE EXTENSION"))
                    extensions.append({u"pg_dump"_s, entry.line, line});
    auto prelude = scratch->runPrelude(extensions, progress);
    if (!prelude)
        return std::unexpected(prelude.error());
    QByteArray restore;
    for (const DumpEntry& entry : entries) {
        const bool skipped =
            entry.type == u"EXTENSION" ||
            (entry.type == u"COMMENT" && entry.name.startsWith(u"EXTENSION ")) ||
            (entry.type == u"SCHEMA" && prelude->schemas.contains(entry.name)) ||
            entry.type == u"EVENT TRIGGER"; // done by the superuser, or only its business
        if (entry.type == u"EVENT TRIGGER")
            progress.log(u"not copying the event trigger "_s + entry.name +
                         u": only a superuser may create one"_s);
        if (!skipped) {
            restore += entry.text;
            continue;
        }
        // psql's own lines stay (the last entry carries pg_dump's closing \unrestrict).
        for (const QByteArray& line : entry.text.split('\n'))
            if (line.startsWith('\\'))
                restore += line + '\n';
    }
    if (*hasLedger) {
        auto rows =
            runClientTool(binDir + u"/pg_dump"_s, {u"--data-only"_s, u"--table"_s, ledger.name()},
                          *sourceTool, {}, u"pg_dump of the ledger"_s);
        if (!rows)
            return std::unexpected(rows.error());
        restore += '\n' + *rows;
    }
    auto copyTool = db::ClientToolConnection::prepare(scratch->info());
    if (!copyTool)
        return std::unexpected(copyTool.error());
    auto restored = runClientTool(
        binDir + u"/psql"_s, {u"-X"_s, u"-q"_s, u"-v"_s, u"ON_ERROR_STOP=1"_s}, *copyTool, restore,
        u"restoring the target's schema into the scratch database"_s);
    if (!restored)
        return std::unexpected(restored.error());

    if (auto prepared = prepareForPendingMigrations(*scratch, ledger, migrations, progress);
        !prepared)
        return std::unexpected(prepared.error());
    return scratch;
}

Status prepareForPendingMigrations(project::ScratchDatabase& scratch, const Ledger& ledger,
                                   const MigrationSet& migrations, Progress& progress)
{
    if (!scratch.isPrivate())
        return {};
    auto connection = db::Connection::open(scratch.info(), progress);
    if (!connection)
        return std::unexpected(connection.error());
    auto pending = pendingStatements(**connection, ledger, migrations);
    if (!pending)
        return std::unexpected(pending.error());
    if (auto done = scratch.runPrelude(*pending, progress); !done)
        return std::unexpected(done.error());
    return {};
}

} // namespace plumb::migrate
