#include "scratch_copy.h"

#include "core/db/connection.h"

#include <QProcess>

using namespace Qt::StringLiterals;

namespace plumb::migrate {

namespace {

// Runs `program` with `arguments`, feeding `input`; returns its stdout.
Result<QByteArray> runTool(const QString& program, const QStringList& arguments,
                           const QByteArray& input, const QString& what)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForStarted(10000))
        return fail(ErrorCode::Generic, u"cannot start "_s + program +
                                            u": install PostgreSQL's client tools, or set "
                                            u"PLUMB_PG_BINDIR"_s);
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(600000)) {
        process.kill();
        return fail(ErrorCode::Generic, what + u" timed out"_s);
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return fail(ErrorCode::Schema,
                    what + u" failed: "_s +
                        QString::fromUtf8(process.readAllStandardError()).trimmed() +
                        u"; pass --against URL with a copy you made instead"_s);
    return process.readAllStandardOutput();
}

} // namespace

Result<project::ScratchDatabase> copySchemaToScratch(const db::ConnectionInfo& source,
                                                     const Ledger& ledger, Progress& progress)
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
    progress.log(u"copying the schema of "_s + source.redacted() + u" into a scratch database"_s);
    auto schema = runTool(
        binDir + u"/pg_dump"_s,
        {u"--schema-only"_s, u"--no-owner"_s, u"--no-privileges"_s, u"--dbname"_s, source.toUri()},
        {}, u"pg_dump of the target's schema"_s);
    if (!schema)
        return std::unexpected(schema.error());
    QByteArray restore = *schema;
    if (*hasLedger) {
        auto rows =
            runTool(binDir + u"/pg_dump"_s,
                    {u"--data-only"_s, u"--table"_s, ledger.name(), u"--dbname"_s, source.toUri()},
                    {}, u"pg_dump of the ledger"_s);
        if (!rows)
            return std::unexpected(rows.error());
        restore += '\n' + *rows;
    }
    auto restored = runTool(
        binDir + u"/psql"_s,
        {u"-X"_s, u"-q"_s, u"-v"_s, u"ON_ERROR_STOP=1"_s, u"--dbname"_s, scratch->info().toUri()},
        restore, u"restoring the target's schema into the scratch database"_s);
    if (!restored)
        return std::unexpected(restored.error());
    return scratch;
}

} // namespace plumb::migrate
