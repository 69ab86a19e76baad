#include "cli.h"
#include "core/migrate/sync.h"
#include "project_options.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace plumb::cli {

namespace {

using namespace plumb::migrate;

// plumb sync [--check]: apply pending migrations, then converge. Convergence comes with the plan
// module (it implements migrate::Converger); until then sync does the migration half and says so.
int runSync(Invocation& invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Applies pending migrations (like 'plumb migrate up'), then converges the database to "
        u"the declared schema. --check changes nothing and exits 7 when anything would change. "
        u"This build has no convergence engine yet: only the migration half runs."_s);
    addProjectOptions(parser);
    parser.addOption({u"check"_s, u"Change nothing; exit 7 if migrations are pending."_s});
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
    auto ledger = Ledger::named(env ? env->trackingTable : u"tb_confiture"_s);
    if (!ledger)
        return invocation.fail(ledger.error());
    RunnerOptions options;
    options.command = u"sync"_s;
    options.projectRoot = context->project.root();
    if (env) {
        options.timeouts = env->migrationTimeouts;
        options.lockWaitMs = env->lockWaitMs;
        options.lock = env->lockingEnabled;
    }
    if (parser.isSet(u"lock-wait"_s))
        options.lockWaitMs = parser.value(u"lock-wait"_s).toInt();
    StderrProgress progress(invocation);
    auto connection = connectDatabase(parser, *context, project::UrlPurpose::Management, progress);
    if (!connection)
        return invocation.fail(connection.error());
    const bool check = parser.isSet(u"check"_s);
    auto report = sync(**connection, *migrations, *ledger, options, nullptr, check, progress);
    if (!report)
        return invocation.fail(report.error());

    const int code = check && report->wouldChange() ? exitCodeFor(ErrorCode::Drift) : 0;
    QStringList applied;
    for (const StepResult& step : report->migrations.steps)
        applied.append(step.version + u' ' + step.name);
    if (invocation.format == OutputFormat::Json) {
        invocation.printJson(
            {{u"ok"_s, code == 0},
             {u"check"_s, check},
             {u"applied_migrations"_s, QJsonArray::fromStringList(applied)},
             {u"pending_migrations"_s, QJsonArray::fromStringList(report->pendingMigrations)},
             {u"convergence"_s, QJsonValue()},
             {u"convergence_available"_s, false}});
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
    invocation.printErr(u"Convergence is not part of this build: only migrations were checked "
                        u"or applied."_s);
    return code;
}

const CommandRegistration registration{
    {"sync", "apply pending migrations, then converge (migration half only for now)", runSync}};

} // namespace

} // namespace plumb::cli
