#include "cli.h"
#include "core/catalog/introspect.h"
#include "core/migrate/replay.h"
#include "core/migrate/scratch_copy.h"
#include "core/plan/schema_compare.h"
#include "declared_schema.h"
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
    auto declares = declaresSchema(*context);
    if (!declares)
        return invocation.fail(declares.error());
    std::optional<catalog::Catalog> declared;
    if (*declares) {
        auto built = buildDeclaredCatalog(*context, progress);
        if (!built)
            return invocation.fail(built.error());
        declared = std::move(*built);
    }
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
        auto copy = copySchemaToScratch(target->info, *ledger, *migrations, progress);
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
    // The replayed state is read inside the replay's transaction, before it is rolled back.
    QList<plan::ObjectDifference> differences;
    auto compare = [&](db::Connection& replayed) -> Status {
        auto actual = catalog::introspect(replayed, {}, progress);
        if (!actual)
            return std::unexpected(actual.error());
        plan::removeLedgerTable(*actual, ledger->name());
        differences = plan::compareObjects(*declared, *actual);
        return {};
    };
    auto report = replayPending(**connection, *migrations, *ledger, context->project.root(),
                                timeouts, progress,
                                declared ? std::function<Status(db::Connection&)>(compare)
                                         : std::function<Status(db::Connection&)>(),
                                scratch ? scratch->prelude() : project::PrivilegedPrelude{});
    if (!report)
        return invocation.fail(report.error());

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
                              {u"scratch_copy"_s, scratch.has_value()},
                              {u"ledger_present"_s, report->ledgerPresent},
                              {u"failed"_s, report->failed()},
                              {u"steps"_s, steps},
                              {u"schema_compared"_s, declared.has_value()},
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
        invocation.print(declared ? u"Replay passed and the result matches db/schema; "
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
