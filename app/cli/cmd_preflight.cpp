#include "cli.h"
#include "core/workflow/preflight.h"
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

QJsonArray differencesJson(const QList<plan::ObjectDifference>& differences)
{
    QJsonArray list;
    for (const plan::ObjectDifference& difference : differences)
        list.append(QJsonObject{{u"kind"_s, difference.kind},
                                {u"name"_s, difference.name},
                                {u"status"_s, plan::statusName(difference.status)},
                                {u"declared_ddl"_s, difference.declaredDdl},
                                {u"replayed_ddl"_s, difference.actualDdl},
                                {u"converged_by_sync"_s, difference.converged}});
    return list;
}

void printDifferences(Invocation& invocation, const QList<plan::ObjectDifference>& differences)
{
    for (const plan::ObjectDifference& difference : differences) {
        invocation.print((difference.converged ? u"converges "_s : u"drift "_s) + difference.kind +
                         u' ' + difference.name + u" ("_s + plan::statusName(difference.status) +
                         u")"_s);
        if (!difference.declaredDdl.isEmpty())
            invocation.print(u"  declared:\n    "_s +
                             difference.declaredDdl.trimmed().replace(u'\n', u"\n    "_s));
        if (!difference.actualDdl.isEmpty())
            invocation.print(u"  after the migrations:\n    "_s +
                             difference.actualDdl.trimmed().replace(u'\n', u"\n    "_s));
    }
}

// plumb preflight --against URL: replay the pending migrations on a parallel database, compare
// what they leave with the declared schema (db/schema built in scratch) object by object, and
// roll back. Exit 0: every migration replays and the result matches; 7: a migration fails or the
// result drifts from the declared schema. Without a declared schema, only the replay is checked.
int runPreflight(Invocation& invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Replays the migrations pending on a parallel database (--against, e.g. a restored copy "
        u"of production; else a scratch copy plumb makes of the target's schema and ledger) "
        u"inside a transaction that is rolled back; pending per the parallel database's ledger. "
        u"The result is compared object by object with db/schema (built in a scratch "
        u"database). Exits 0 when every migration replays and the result matches, 7 when one "
        u"fails or the result drifts. Nothing on the target changes."_s);
    addProjectOptions(parser);
    parser.addOption({u"against"_s,
                      u"The parallel database to replay on (default: a scratch "
                      u"copy of the target's schema and ledger)."_s,
                      u"url"_s});
    parser.addOption({u"confirm"_s,
                      u"The --against database's name, typed in full: needed when it is the "
                      u"database of a protected environment (the replay runs DDL there before "
                      u"rolling back)."_s,
                      u"database"_s});
    int exitCode = 0;
    if (!invocation.parse(parser, &exitCode))
        return exitCode;
    auto session = openSession(parser, false);
    if (!session)
        return invocation.fail(session.error());
    workflow::PreflightRequest request;
    request.against = parser.value(u"against"_s);
    if (given(parser, u"confirm"_s))
        request.confirmation = parser.value(u"confirm"_s);
    if (given(parser, u"database-url"_s))
        request.resolve.databaseUrl = parser.value(u"database-url"_s);
    StderrProgress progress(invocation);
    auto preflight = workflow::preflight(*session, {}, &declaredCache(), request, progress);
    if (!preflight)
        return invocation.fail(preflight.error());
    const migrate::ReplayReport* report = &preflight->replay;
    const QList<plan::ObjectDifference>& differences = preflight->differences;
    const bool compared = preflight->schemaCompared;
    const qsizetype drifted = plan::structuralCount(differences);
    const int code = report->failed() > 0 || drifted > 0 ? exitCodeFor(ErrorCode::Drift) : 0;
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
                              {u"scratch_copy"_s, preflight->scratchCopy},
                              {u"ledger_present"_s, report->ledgerPresent},
                              {u"failed"_s, report->failed()},
                              {u"steps"_s, steps},
                              {u"schema_compared"_s, compared},
                              {u"drifted"_s, int(drifted)},
                              {u"differences"_s, differencesJson(differences)}});
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
    printDifferences(invocation, differences);
    if (report->failed() > 0)
        invocation.print(QString::number(report->failed()) +
                         u" migration(s) failed to replay: fix them before deploying."_s);
    if (drifted < differences.size())
        invocation.print(QString::number(differences.size() - drifted) +
                         u" object(s) differ only in what 'plumb sync' converges (indexes, "
                         u"constraints, NOT NULL, defaults): no migration needed for them."_s);
    if (drifted > 0)
        invocation.print(QString::number(drifted) +
                         u" object(s) differ between the migrated database and db/schema: "
                         u"change the migrations (or the schema) until they agree; 'plumb "
                         u"migrations create' writes the missing structural migration."_s);
    if (code == 0)
        invocation.print(compared ? u"Replay passed and the result matches db/schema; "
                                    u"everything was rolled back."_s
                                  : u"Replay passed; everything was rolled back. (db/schema "
                                    u"declares nothing, so no comparison was made.)"_s);
    return code;
}

const CommandRegistration registration{
    {"preflight", "replay pending migrations on a parallel database, then roll back",
     runPreflight}};

} // namespace

} // namespace plumb::cli
