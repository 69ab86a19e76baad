#include "cli.h"
#include "core/migrate/sync.h"
#include "core/plan/converger.h"
#include "declared_schema.h"
#include "project_options.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace plumb::cli {

namespace {

using namespace plumb::migrate;

QJsonObject convergenceJson(const ConvergeSummary& summary)
{
    return {{u"changes"_s, QJsonArray::fromStringList(summary.changes)},
            {u"blocked"_s, QJsonArray::fromStringList(summary.blocked)},
            {u"needs_migration"_s, QJsonArray::fromStringList(summary.needsMigration)},
            {u"failed"_s, QJsonArray::fromStringList(summary.failed)}};
}

void printConvergence(Invocation& invocation, const ConvergeSummary& summary, bool check)
{
    for (const QString& line : summary.changes)
        invocation.print((check ? u"would converge "_s : u"converged "_s) + line);
    for (const QString& line : summary.failed)
        invocation.print(u"failed "_s + line);
    for (const QString& line : summary.blocked)
        invocation.print(u"blocked "_s + line);
    for (const QString& line : summary.needsMigration)
        invocation.print(u"needs a migration: "_s + line);
    if (summary.changes.isEmpty() && summary.blocked.isEmpty() && summary.failed.isEmpty() &&
        summary.needsMigration.isEmpty())
        invocation.print(u"The database matches the declared schema."_s);
    if (!summary.needsMigration.isEmpty())
        invocation.printErr(u"Structural differences are never applied by sync: write a "
                            u"migration for them ('plumb migrations create')."_s);
}

// plumb sync [--check]: apply pending migrations, then converge the database to db/schema for
// what convergence owns (indexes, constraints, NOT NULL, defaults, storage parameters).
// Exit codes: 0 done (or, with --check, nothing would change); 7 (--check) migrations are
// pending or convergence would change something or is blocked; 1 a convergence step failed.
int runSync(Invocation& invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Applies pending migrations (like 'plumb migrate up'), then converges the database to "
        u"the declared schema (db/schema, built in a scratch database): indexes (CREATE INDEX "
        u"CONCURRENTLY), constraints (NOT VALID, then VALIDATE), NOT NULL, defaults and storage "
        u"parameters. Structural differences are reported, never applied: they need a "
        u"migration. --check changes nothing and exits 7 when anything would change."_s);
    addProjectOptions(parser);
    parser.addOption({u"check"_s,
                      u"Change nothing; exit 7 if migrations are pending or convergence would "
                      u"change something."_s});
    parser.addOption(
        {u"lock-wait"_s, u"How long to wait for another runner's lock, in ms."_s, u"ms"_s});
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
    auto ledger = Ledger::named(trackingTableOf(*context));
    if (!ledger)
        return invocation.fail(ledger.error());
    RunnerOptions options;
    options.command = u"sync"_s;
    options.projectRoot = context->project.root();
    plan::ExecuteOptions executeOptions;
    if (env) {
        options.timeouts = env->migrationTimeouts;
        options.lockWaitMs = env->lockWaitMs;
        options.lock = env->lockingEnabled;
        if (const int ms = plan::durationMs(env->convergenceTimeouts.lockTimeout); ms > 0)
            executeOptions.lockTimeoutMs = ms;
        if (const int ms = plan::durationMs(env->convergenceTimeouts.statementTimeout); ms > 0)
            executeOptions.statementTimeoutMs = ms;
    }
    if (parser.isSet(u"lock-wait"_s))
        options.lockWaitMs = parser.value(u"lock-wait"_s).toInt();
    if (!parser.isSet(u"check"_s))
        if (auto writable = project::requireWritable(env, u"sync"_s); !writable)
            return invocation.fail(writable.error());
    StderrProgress progress(invocation);
    auto connection = connectDatabase(parser, *context, project::UrlPurpose::Management, progress);
    if (!connection)
        return invocation.fail(connection.error());

    // Without a declared schema there is nothing to converge to: the migration half runs alone.
    auto declares = declaresSchema(*context);
    if (!declares)
        return invocation.fail(declares.error());
    std::optional<plan::ProjectConverger> converger;
    if (*declares) {
        auto declared = buildDeclaredCatalog(*context, progress);
        if (!declared)
            return invocation.fail(declared.error());
        converger.emplace(std::move(*declared), ledger->name(), executeOptions);
    }
    const bool check = parser.isSet(u"check"_s);
    auto report = sync(**connection, *migrations, *ledger, options,
                       converger ? &*converger : nullptr, check, progress);
    if (!report)
        return invocation.fail(report.error());

    int code = check && report->wouldChange() ? exitCodeFor(ErrorCode::Drift) : 0;
    if (report->convergence && !report->convergence->failed.isEmpty())
        code = exitCodeFor(ErrorCode::Generic);
    QStringList applied;
    for (const StepResult& step : report->migrations.steps)
        applied.append(step.version + u' ' + step.name);
    if (invocation.format == OutputFormat::Json) {
        invocation.printJson(
            {{u"ok"_s, code == 0},
             {u"check"_s, check},
             {u"applied_migrations"_s, QJsonArray::fromStringList(applied)},
             {u"pending_migrations"_s, QJsonArray::fromStringList(report->pendingMigrations)},
             {u"convergence"_s, report->convergence
                                    ? QJsonValue(convergenceJson(*report->convergence))
                                    : QJsonValue()},
             {u"convergence_available"_s, report->convergence.has_value()}});
        return code;
    }
    for (const QString& line : applied)
        invocation.print(u"applied "_s + line);
    for (const QString& line : report->pendingMigrations)
        invocation.print(u"pending "_s + line);
    if (check)
        invocation.print(report->pendingMigrations.isEmpty()
                             ? u"No pending migrations."_s
                             : QString::number(report->pendingMigrations.size()) +
                                   u" migration(s) would be applied."_s);
    else
        invocation.print(applied.isEmpty() ? u"No migrations to apply."_s
                                           : u"Applied "_s + QString::number(applied.size()) +
                                                 u" migration(s)."_s);
    if (report->convergence)
        printConvergence(invocation, *report->convergence, check);
    else
        invocation.printErr(u"db/schema declares nothing: only migrations were checked or "
                            u"applied."_s);
    if (report->convergence && !report->convergence->failed.isEmpty())
        invocation.printErr(u"Some convergence steps failed (see above): fix the cause (often "
                            u"a lock timeout or rows that violate a constraint), then run "
                            u"'plumb sync' again."_s);
    return code;
}

const CommandRegistration registration{
    {"sync", "apply pending migrations, then converge to the declared schema", runSync}};

} // namespace

} // namespace plumb::cli
