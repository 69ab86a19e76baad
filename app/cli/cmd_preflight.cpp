#include "cli.h"
#include "core/migrate/replay.h"
#include "core/migrate/scratch_copy.h"
#include "project_options.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace plumb::cli {

namespace {

using namespace plumb::migrate;

QString outcomeName(ReplayStep::Outcome outcome)
{
    switch (outcome) {
    case ReplayStep::Outcome::Replayed:
        return u"replayed"_s;
    case ReplayStep::Outcome::Failed:
        return u"failed"_s;
    case ReplayStep::Outcome::Skipped:
        return u"skipped"_s;
    }
    return {};
}

// plumb preflight --against URL: replay the pending migrations on a parallel database and roll
// back. The object-by-object comparison with the declared schema needs the diff module; until it
// lands, the report says that the comparison was not made (schema_compared: false).
int runPreflight(Invocation& invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Replays the migrations pending on a parallel database (--against, e.g. a restored copy "
        u"of production; else a scratch copy plumb makes of the target's schema and ledger) "
        u"inside a transaction that is rolled back; pending per the parallel database's ledger. "
        u"Exits 0 when every migration replays, 7 when one fails. Nothing on the target "
        u"changes."_s);
    addProjectOptions(parser);
    parser.addOption({u"against"_s,
                      u"The parallel database to replay on (default: a scratch "
                      u"copy of the target's schema and ledger)."_s,
                      u"url"_s});
    int exitCode = 0;
    if (!invocation.parse(parser, &exitCode))
        return exitCode;
    auto context = openProject(parser);
    if (!context)
        return invocation.fail(context.error());
    auto migrations = discoverMigrations(context->project.migrationsDir());
    if (!migrations)
        return invocation.fail(migrations.error());
    if (auto unique = migrations->requireNoDuplicates(); !unique)
        return invocation.fail(unique.error());
    const project::Environment* env = context->env();
    auto ledger = Ledger::named(env ? env->trackingTable : u"tb_confiture"_s);
    if (!ledger)
        return invocation.fail(ledger.error());
    StderrProgress progress(invocation);
    // Without --against, the parallel database is a scratch copy of the target's schema and
    // ledger; the scratch server lives until this function returns.
    std::optional<project::ScratchDatabase> scratch;
    db::ConnectionInfo parallel;
    if (parser.isSet(u"against"_s)) {
        auto info = db::ConnectionInfo::parse(parser.value(u"against"_s));
        if (!info)
            return invocation.fail(info.error());
        parallel = *info;
    } else {
        auto target = project::resolveDatabaseUrl(parser.value(u"database-url"_s), env,
                                                  project::UrlPurpose::Management);
        if (!target) {
            Error error = target.error();
            error.message += u"; or pass --against URL (a copy of the target to replay on)"_s;
            return invocation.fail(error);
        }
        auto copy = copySchemaToScratch(target->info, *ledger, progress);
        if (!copy)
            return invocation.fail(copy.error());
        scratch.emplace(std::move(*copy));
        parallel = scratch->info();
    }
    auto connection = db::Connection::open(parallel, progress);
    if (!connection)
        return invocation.fail(connection.error());
    const project::Timeouts timeouts =
        env ? env->migrationTimeouts : project::Timeouts{u"10s"_s, u"30min"_s};
    auto report = replayPending(**connection, *migrations, *ledger, context->project.root(),
                                timeouts, progress);
    if (!report)
        return invocation.fail(report.error());

    const int code = report->failed() > 0 ? exitCodeFor(ErrorCode::Drift) : 0;
    if (invocation.format == OutputFormat::Json) {
        QJsonArray steps;
        for (const ReplayStep& step : report->steps) {
            QJsonObject item{{u"version"_s, step.version},
                             {u"name"_s, step.name},
                             {u"outcome"_s, outcomeName(step.outcome)},
                             {u"file"_s, step.file},
                             {u"duration_ms"_s, step.durationMs}};
            if (!step.message.isEmpty())
                item.insert(u"message"_s, step.message);
            if (step.line > 0)
                item.insert(u"line"_s, step.line);
            steps.append(item);
        }
        invocation.printJson({{u"ok"_s, code == 0},
                              {u"exit_code"_s, code},
                              {u"against"_s, report->target},
                              {u"scratch_copy"_s, scratch.has_value()},
                              {u"ledger_present"_s, report->ledgerPresent},
                              {u"failed"_s, report->failed()},
                              {u"steps"_s, steps},
                              {u"schema_compared"_s, false}});
        return code;
    }
    if (!report->ledgerPresent)
        invocation.printErr(u"The parallel database has no ledger: every migration was taken as "
                            u"pending."_s);
    for (const ReplayStep& step : report->steps) {
        QString line = outcomeName(step.outcome) + u' ' + step.version + u' ' + step.name;
        if (step.outcome == ReplayStep::Outcome::Replayed)
            line += u" ("_s + QString::number(step.durationMs) + u" ms)"_s;
        else
            line += u": "_s + step.file +
                    (step.line > 0 ? u':' + QString::number(step.line) : QString()) + u": "_s +
                    step.message;
        invocation.print(line);
    }
    if (report->steps.isEmpty())
        invocation.print(u"No pending migrations to replay."_s);
    invocation.print(code == 0
                         ? u"Replay passed; everything was rolled back. (The comparison "
                           u"with db/schema is not part of this build.)"_s
                         : QString::number(report->failed()) +
                               u" migration(s) failed to replay: fix them before deploying."_s);
    return code;
}

const CommandRegistration registration{
    {"preflight", "replay pending migrations on a parallel database, then roll back",
     runPreflight}};

} // namespace

} // namespace plumb::cli
