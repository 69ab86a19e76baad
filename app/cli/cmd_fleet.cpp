// plumb fleet plan|apply|migrate|status: the databases an environment's `fleet:` block names,
// planned once per live fingerprint and changed in waves (core/fleet).
#include "cli.h"
#include "core/fleet/fleet_apply.h"
#include "core/fleet/fleet_session.h"
#include "core/workflow/declared.h"
#include "project_options.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace plumb::cli {

namespace {

using namespace plumb::fleet;

// What every fleet subcommand opens: the project, its environment and the fleet it names.
struct FleetContext {
    workflow::Session context;
    project::FleetSpec spec;
    QList<FleetTarget> targets;
    QString statusPath;
};

void addFleetOptions(QCommandLineParser& parser)
{
    addProjectOptions(parser);
    parser.addOption({u"parallelism"_s,
                      u"Databases read or changed at once (default: fleet.parallelism, else 4)."_s,
                      u"n"_s});
    parser.addOption({u"status-file"_s,
                      u"Where the rollout's per-database status is kept (default: in Plumbline's "
                      u"data folder, one per project and environment)."_s,
                      u"file"_s});
}

Result<FleetContext> openFleetContext(const QCommandLineParser& parser, Progress& progress,
                                      bool listTargetsToo = true)
{
    auto context = openSession(parser, false);
    if (!context)
        return std::unexpected(context.error());
    // --parallelism is checked before anything connects.
    int parallelism = 0;
    if (parser.isSet(u"parallelism"_s)) {
        bool ok = false;
        parallelism = parser.value(u"parallelism"_s).toInt(&ok);
        if (!ok || parallelism < 1)
            return fail(ErrorCode::Config, u"--parallelism takes a number of at least 1"_s);
    }
    auto opened = openFleet(*context, progress, listTargetsToo);
    if (!opened)
        return std::unexpected(opened.error());
    FleetContext fleet{opened->session, opened->spec, opened->targets,
                       parser.value(u"status-file"_s)};
    if (fleet.statusPath.isEmpty())
        fleet.statusPath = defaultStatusPath(fleet.context);
    if (parallelism > 0)
        fleet.spec.parallelism = parallelism;
    return fleet;
}

QJsonObject planJson(const FleetPlan& plan)
{
    QJsonArray groups;
    for (const FleetGroup& group : plan.groups) {
        QJsonArray members;
        for (int i : group.targets)
            members.append(plan.targets[i].label);
        QJsonArray steps;
        for (const plan::Step& step : group.plan.steps)
            steps.append(step.summary.isEmpty() ? step.sql : step.summary);
        groups.append(QJsonObject{{u"fingerprint"_s, group.fingerprint},
                                  {u"targets"_s, members},
                                  {u"up_to_date"_s, group.plan.isEmpty()},
                                  {u"changes"_s, group.changeCount},
                                  {u"steps"_s, steps},
                                  {u"blocked_steps"_s, int(group.plan.blockedCount())}});
    }
    QJsonArray unreadable;
    for (const auto& [i, error] : plan.unreadable)
        unreadable.append(
            QJsonObject{{u"target"_s, plan.targets[i].label}, {u"error"_s, error.message}});
    return {{u"targets"_s, int(plan.targets.size())},
            {u"desired_fingerprint"_s, plan.desiredFingerprint},
            {u"plans_computed"_s, plan.plansComputed},
            {u"groups"_s, groups},
            {u"unreadable"_s, unreadable}};
}

void printPlan(Invocation& invocation, const QString& environment, const FleetPlan& plan)
{
    invocation.print(
        u"Fleet %1: %2 database(s) in %3 group(s); %4 plan(s) computed"_s.arg(environment)
            .arg(plan.targets.size())
            .arg(plan.groups.size())
            .arg(plan.plansComputed));
    for (int g = 0; g < plan.groups.size(); ++g) {
        const FleetGroup& group = plan.groups[g];
        QStringList members;
        for (int i : group.targets)
            members.append(plan.targets[i].label);
        invocation.print(u"group %1 %2 (%3 database(s)%4): %5"_s.arg(group.fingerprint.left(12))
                             .arg(group.plan.isEmpty()
                                      ? u"up to date"_s
                                      : u"%1 step(s)"_s.arg(group.plan.steps.size()))
                             .arg(group.targets.size())
                             .arg(g > 0 && !group.plan.isEmpty() ? u", drifted"_s : QString())
                             .arg(members.join(u", "_s)));
        for (const plan::Step& step : group.plan.steps)
            invocation.print(
                u"    "_s + (step.category == plan::Category::Blocked ? u"BLOCKED "_s : QString()) +
                (step.summary.isEmpty() ? step.sql : step.summary));
    }
    for (const auto& [i, error] : plan.unreadable)
        invocation.print(u"unreadable %1: %2"_s.arg(plan.targets[i].label, error.message));
}

void printStatus(Invocation& invocation, const RolloutStatus& status, const QString& path)
{
    if (invocation.format == OutputFormat::Json) {
        QJsonObject payload = toJson(status);
        payload.insert(u"ok"_s, status.count(TargetState::Failed) == 0 &&
                                    status.count(TargetState::Unreadable) == 0 &&
                                    status.count(TargetState::Pending) == 0);
        payload.insert(u"status_file"_s, path);
        invocation.printJson(payload);
        return;
    }
    invocation.print(u"Fleet %1, %2 started %3%4"_s.arg(
        status.environment, status.action, status.started.toString(Qt::ISODate),
        status.finished.isValid() ? u", finished "_s + status.finished.toString(Qt::ISODate)
                                  : u", not finished"_s));
    invocation.print(u"%1 %2 %3 %4 %5"_s.arg(u"database"_s, -24)
                         .arg(u"wave"_s, 4)
                         .arg(u"state"_s, -10)
                         .arg(u"elapsed"_s, 9)
                         .arg(u"detail"_s));
    for (const TargetStatus& t : status.targets)
        invocation.print(u"%1 %2 %3 %4 %5"_s.arg(t.label, -24)
                             .arg(t.wave < 0 ? u"-"_s : QString::number(t.wave), 4)
                             .arg(stateName(t.state), -10)
                             .arg(u"%1 ms"_s.arg(t.elapsedMs), 9)
                             .arg(t.error.isEmpty() ? t.detail : t.error));
    invocation.print(u"%1 done, %2 up to date, %3 failed, %4 pending, %5 unreadable"_s
                         .arg(status.count(TargetState::Done))
                         .arg(status.count(TargetState::UpToDate))
                         .arg(status.count(TargetState::Failed))
                         .arg(status.count(TargetState::Pending))
                         .arg(status.count(TargetState::Unreadable)));
    if (status.stopped)
        invocation.printErr(u"Stopped: "_s + status.stopReason +
                            u". Fix the failed database(s), then run the same command again: "
                            u"it plans again and continues with what is left."_s);
}

int rolloutExitCode(const RolloutStatus& status)
{
    return status.count(TargetState::Failed) + status.count(TargetState::Unreadable) +
                       status.count(TargetState::Pending) ==
                   0
               ? 0
               : exitCodeFor(ErrorCode::Generic);
}

WaveOptions waveOptions(const QCommandLineParser& parser, const project::FleetSpec& spec,
                        Result<int>* budget)
{
    WaveOptions waves{spec.parallelism, spec.failureBudget, spec.canary};
    if (parser.isSet(u"failure-budget"_s)) {
        bool ok = false;
        waves.failureBudget = parser.value(u"failure-budget"_s).toInt(&ok);
        if (!ok || waves.failureBudget < 0)
            *budget = fail(ErrorCode::Config, u"--failure-budget takes a number, 0 or more"_s);
    }
    if (parser.isSet(u"no-canary"_s))
        waves.canary = false;
    return waves;
}

void addRolloutOptions(QCommandLineParser& parser)
{
    parser.addOption({u"failure-budget"_s,
                      u"Failed databases tolerated before the rollout stops after its wave "
                      u"(default: fleet.failure_budget, else 0)."_s,
                      u"n"_s});
    parser.addOption({u"no-canary"_s, u"Do not change one database alone first."_s});
    parser.addOption({u"confirm"_s,
                      u"The environment's name, typed in full: required unless it is a dev "
                      u"environment."_s,
                      u"name"_s});
}

int runPlanOrApply(Invocation& invocation, bool apply)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        apply ? u"Plans the fleet (see 'plumb fleet plan'), then applies each group's plan in "
                u"waves: a canary database alone, then --parallelism at a time, stopping after "
                u"a wave with more failures than the budget. Each database is changed under its "
                u"migration lock, only while its fingerprint is still the one it was planned "
                u"from, and read again afterwards to verify it converged. The per-database "
                u"status is saved after each one; running again continues from there."_s
              : u"Reads every database of the environment's fleet (--parallelism at once), "
                u"groups them by live catalog fingerprint and computes one plan per group "
                u"towards the declared schema (db/schema). Changes nothing."_s);
    addFleetOptions(parser);
    if (apply)
        addRolloutOptions(parser);
    int exitCode = 0;
    if (!invocation.parse(parser, &exitCode))
        return exitCode;
    StderrProgress progress(invocation);
    auto fleet = openFleetContext(parser, progress);
    if (!fleet)
        return invocation.fail(fleet.error());
    const project::Environment& env = *fleet->context.env();
    Result<int> budget = 0;
    const WaveOptions waves = waveOptions(parser, fleet->spec, &budget);
    if (!budget)
        return invocation.fail(budget.error());
    const std::optional<QString> confirmation =
        parser.isSet(u"confirm"_s) ? std::optional(parser.value(u"confirm"_s)) : std::nullopt;
    // Refused before reading anything (core::applyFleet checks again before it changes).
    if (apply)
        if (auto authorized = authorizeFleetChange(
                env, confirmation,
                u"apply the declared schema to %1 target(s)"_s.arg(fleet->targets.size()));
            !authorized)
            return invocation.fail(authorized.error());

    auto declared = workflow::buildDeclared(fleet->context, {}, &declaredCache(), progress);
    if (!declared)
        return invocation.fail(declared.error());
    PlanOptions planOptions;
    planOptions.parallelism = fleet->spec.parallelism;
    planOptions.trackingTable = fleet->context.ledgerTable();
    auto plan = planFleet(fleet->targets, *declared->catalog, planOptions, progress);
    if (!plan)
        return invocation.fail(plan.error());
    if (!apply) {
        if (invocation.format == OutputFormat::Json) {
            QJsonObject payload = planJson(*plan);
            payload.insert(u"ok"_s, true);
            payload.insert(u"environment"_s, env.name);
            invocation.printJson(payload);
        } else {
            printPlan(invocation, env.name, *plan);
        }
        return 0;
    }
    if (invocation.format != OutputFormat::Json)
        printPlan(invocation, env.name, *plan);

    ApplyOptions options;
    options.environment = env;
    options.confirmation = confirmation;
    options.waves = waves;
    options.trackingTable = planOptions.trackingTable;
    options.lock = fleet->context.lockSettings();
    options.execute = fleet->context.executeOptions();
    Status persisted;
    const auto status = applyFleet(
        *plan, *declared->catalog, options,
        [&](const RolloutStatus& now) {
            if (auto saved = saveRollout(now, fleet->statusPath); !saved && persisted)
                persisted = saved;
        },
        progress);
    if (!status)
        return invocation.fail(status.error());
    if (!persisted)
        invocation.printErr(u"warning: "_s + persisted.error().message);
    printStatus(invocation, *status, fleet->statusPath);
    return rolloutExitCode(*status);
}

int runFleetMigrate(Invocation& invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"plumb fleet migrate up: applies pending migrations to every database of the fleet, "
        u"each with its own ledger and migration lock, in waves (a canary, then --parallelism at "
        u"a time), stopping after a wave with more failures than the budget."_s);
    addFleetOptions(parser);
    addRolloutOptions(parser);
    parser.addPositionalArgument(u"up"_s, u"The only migrate subcommand a fleet runs."_s);
    int exitCode = 0;
    if (!invocation.parse(parser, &exitCode))
        return exitCode;
    if (parser.positionalArguments() != QStringList{u"up"_s})
        return invocation.fail(Error::make(
            ErrorCode::Config, u"a fleet runs 'plumb fleet migrate up' (other migrate "
                               u"subcommands run on one database: plumb migrate ...)"_s));
    StderrProgress progress(invocation);
    auto fleet = openFleetContext(parser, progress);
    if (!fleet)
        return invocation.fail(fleet.error());
    const project::Environment& env = *fleet->context.env();
    Result<int> budget = 0;
    const WaveOptions waves = waveOptions(parser, fleet->spec, &budget);
    if (!budget)
        return invocation.fail(budget.error());
    const std::optional<QString> confirmation =
        parser.isSet(u"confirm"_s) ? std::optional(parser.value(u"confirm"_s)) : std::nullopt;
    if (auto authorized = authorizeFleetChange(
            env, confirmation, u"apply migrations to %1 database(s)"_s.arg(fleet->targets.size()));
        !authorized)
        return invocation.fail(authorized.error());
    auto migrations = fleet->context.migrations();
    if (!migrations)
        return invocation.fail(migrations.error());
    if (auto unique = migrations->requireNoDuplicates(); !unique)
        return invocation.fail(unique.error());
    auto ledger = fleet->context.ledger();
    if (!ledger)
        return invocation.fail(ledger.error());
    const migrate::RunnerOptions runner = fleet->context.runnerOptions(u"plumb fleet migrate up"_s);
    Status persisted;
    const auto status = migrateFleet(
        fleet->targets, *migrations, *ledger, runner, env, confirmation, waves,
        [&](const RolloutStatus& now) {
            if (auto saved = saveRollout(now, fleet->statusPath); !saved && persisted)
                persisted = saved;
        },
        progress);
    if (!status)
        return invocation.fail(status.error());
    if (!persisted)
        invocation.printErr(u"warning: "_s + persisted.error().message);
    printStatus(invocation, *status, fleet->statusPath);
    return rolloutExitCode(*status);
}

int runFleetStatus(Invocation& invocation)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Prints the saved per-database status of the fleet's last rollout (apply or migrate "
        u"up): its wave, state, elapsed time and error. Reads no database."_s);
    addFleetOptions(parser);
    int exitCode = 0;
    if (!invocation.parse(parser, &exitCode))
        return exitCode;
    SilentProgress progress;
    auto fleet = openFleetContext(parser, progress, false);
    if (!fleet)
        return invocation.fail(fleet.error());
    auto status = loadRollout(fleet->statusPath);
    if (!status)
        return invocation.fail(status.error());
    printStatus(invocation, *status, fleet->statusPath);
    return rolloutExitCode(*status);
}

int runFleet(Invocation& invocation)
{
    const QString usage =
        u"Usage: plumb fleet SUBCOMMAND [OPTIONS]\n\n"
        u"The databases an environment's fleet: block names (urls, databases on its server "
        u"matching a LIKE pattern, or tenant schemas of its database matching a glob), planned "
        u"once per live fingerprint and changed in waves.\n\n"
        u"Subcommands:\n"
        u"  plan        read every database, group by fingerprint, one plan per group\n"
        u"  apply       plan, then apply in waves (canary, parallelism, failure budget)\n"
        u"  migrate up  apply pending migrations to every database in waves\n"
        u"  status      the saved per-database status of the last rollout\n\n"
        u"Run 'plumb fleet SUBCOMMAND --help' for its options."_s;
    const QStringList rest = invocation.arguments.mid(1);
    if (rest.isEmpty())
        return invocation.fail(Error::make(
            ErrorCode::Config,
            u"fleet needs a subcommand (plan, apply, migrate up, status); see 'plumb fleet --help'"_s));
    if (rest.front() == u"--help" || rest.front() == u"-h") {
        invocation.print(usage);
        return 0;
    }
    const QString sub = rest.front();
    Invocation child = invocation;
    child.arguments = QStringList{invocation.arguments.front() + u' ' + sub} + rest.mid(1);
    if (sub == u"plan")
        return runPlanOrApply(child, false);
    if (sub == u"apply")
        return runPlanOrApply(child, true);
    if (sub == u"migrate")
        return runFleetMigrate(child);
    if (sub == u"status")
        return runFleetStatus(child);
    return invocation.fail(Error::make(ErrorCode::Config, u"unknown fleet subcommand '"_s + sub +
                                                              u"'; see 'plumb fleet --help'"_s));
}

const CommandRegistration registration{
    {"fleet", "plan and roll out changes across the databases of a fleet", runFleet}};

} // namespace

} // namespace plumb::cli
