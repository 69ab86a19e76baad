#include "cli.h"
#include "core/migrate/replay.h"
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
        u"of production; pending per its own ledger) inside a transaction that is rolled back. "
        u"Exits 0 when every migration replays, 7 when one fails. Nothing persists."_s);
    addProjectOptions(parser, false);
    parser.addOption({u"against"_s, u"The parallel database to replay on."_s, u"url"_s});
    int exitCode = 0;
    if (!invocation.parse(parser, &exitCode))
        return exitCode;
    if (!parser.isSet(u"against"_s))
        return invocation.fail(Error::make(
            ErrorCode::Config,
            u"preflight needs --against URL: a parallel database (a copy of the target) to "
            u"replay the pending migrations on"_s));
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
    auto info = db::ConnectionInfo::parse(parser.value(u"against"_s));
    if (!info)
        return invocation.fail(info.error());
    StderrProgress progress(invocation);
    auto connection = db::Connection::open(*info, progress);
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
