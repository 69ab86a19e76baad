#include "fleet_apply.h"

#include "core/catalog/fingerprint.h"
#include "core/catalog/introspect.h"
#include "core/db/connection.h"
#include "core/diff/change_set.h"
#include "core/fleet/tenant_schema.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace plumb::fleet {

namespace {

QString shortFingerprint(const QString& fingerprint)
{
    return fingerprint.left(12);
}

// One target of applyFleet, on its own connection (this worker thread's).
Result<TargetOutcome> applyOne(const FleetTarget& target, const FleetGroup& group,
                               const catalog::Catalog& goal, const QString& declaredSchema,
                               const ApplyOptions& options, Progress& progress)
{
    auto connection = db::Connection::open(target.info, progress);
    if (!connection)
        return std::unexpected(connection.error());
    auto lock = workflow::ChangeLock::acquire(**connection, u"plumb fleet apply"_s, options.lock,
                                              progress, target.schema);
    if (!lock)
        return std::unexpected(lock.error());
    auto before = readTarget(**connection, target, declaredSchema, options.trackingTable, progress);
    if (!before)
        return std::unexpected(before.error());
    if (catalog::fingerprint(*before) != group.fingerprint)
        return fail(ErrorCode::Generic,
                    u"its schema changed since the fleet was planned (fingerprint %1, planned "
                    u"from %2): nothing was run; plan the fleet again"_s.arg(
                        shortFingerprint(catalog::fingerprint(*before)),
                        shortFingerprint(group.fingerprint)));
    // A tenant schema runs the group's plan made for its own schema: the same diff, from the
    // catalog just read (whose fingerprint is the group's) to the declared objects moved into
    // the schema, so every statement names the tenant's schema, quoted by the one helper.
    plan::Plan tenantPlan;
    catalog::Catalog tenantGoal;
    if (!target.schema.isEmpty()) {
        tenantGoal = schemaAs(goal, declaredSchema, target.schema);
        const catalog::Catalog live = schemaAs(*before, declaredSchema, target.schema);
        const diff::ChangeSet changes = diff::compare(live, tenantGoal);
        tenantPlan = plan::makePlan(live, tenantGoal, changes, group.plan.mode);
        if (tenantPlan.steps.size() != group.plan.steps.size())
            return fail(ErrorCode::Generic,
                        u"the plan for schema %1 has %2 step(s), its group's %3: nothing was run "
                        u"(a name in a definition may mention the schema in a way the mapping "
                        u"cannot follow)"_s.arg(target.schema)
                            .arg(tenantPlan.steps.size())
                            .arg(group.plan.steps.size()));
    }
    const plan::Plan& run = target.schema.isEmpty() ? group.plan : tenantPlan;
    auto executed = plan::execute(**connection, run, options.execute, progress);
    if (!executed)
        return std::unexpected(executed.error());
    for (const plan::StepResult& step : executed->steps)
        if (step.outcome == plan::Outcome::Failed)
            return fail(ErrorCode::Generic,
                        u"step %1 of %2 failed (%3): %4; %5 step(s) had run"_s.arg(step.step + 1)
                            .arg(run.steps.size())
                            .arg(run.steps.value(step.step).summary, step.error)
                            .arg(executed->doneCount()));
    auto after = readTarget(**connection, target, declaredSchema, options.trackingTable, progress);
    if (!after)
        return std::unexpected(after.error());
    const diff::ChangeSet left = diff::compare(*after, goal);
    if (!left.isEmpty())
        return fail(ErrorCode::Generic,
                    u"%1 step(s) ran but %2 difference(s) remain (first: %3 %4)%5"_s
                        .arg(executed->doneCount())
                        .arg(left.changes.size())
                        .arg(diff::actionName(left.changes.first().action),
                             diff::objectTypeName(left.changes.first().type))
                        .arg(group.plan.blockedCount() > 0
                                 ? u"; the plan has %1 blocked step(s), which need their guidance "
                                   u"followed first"_s.arg(group.plan.blockedCount())
                                 : QString()));
    return TargetOutcome{u"%1 step(s), verified"_s.arg(executed->doneCount())};
}

} // namespace

workflow::Protection fleetProtection(const project::Environment& environment)
{
    if (environment.readOnly)
        return workflow::Protection::ReadOnly;
    return environment.dev && environment.databaseUrlVariables.isEmpty()
               ? workflow::Protection::Dev
               : workflow::Protection::Protected;
}

bool fleetConfirmationRequired(const project::Environment& environment)
{
    return fleetProtection(environment) != workflow::Protection::Dev ||
           environment.requireConfirmation;
}

Status authorizeFleetChange(const project::Environment& environment,
                            const std::optional<QString>& confirmation, const QString& what)
{
    if (fleetProtection(environment) == workflow::Protection::ReadOnly)
        return fail(ErrorCode::Config, u"the environment "_s + environment.name +
                                           u" is read only (readonly: true in "_s +
                                           environment.filePath + u"): refusing to "_s + what);
    if (!fleetConfirmationRequired(environment))
        return {};
    if (confirmation && !environment.name.isEmpty() && *confirmation == environment.name)
        return {};
    return fail(ErrorCode::Unconfirmed,
                u"refusing to %1 of the fleet %2 without confirmation: pass --confirm %2 (the "
                u"environment's name, in full)"_s.arg(what, environment.name));
}

Result<RolloutStatus> applyFleet(const FleetPlan& plan, const catalog::Catalog& desired,
                                 const ApplyOptions& options,
                                 const std::function<void(const RolloutStatus&)>& saved,
                                 Progress& progress)
{
    if (auto authorized = authorizeFleetChange(
            options.environment, options.confirmation,
            u"apply the declared schema to %1 target(s)"_s.arg(plan.targets.size()));
        !authorized)
        return std::unexpected(authorized.error());
    catalog::Catalog goal = comparable(desired, options.trackingTable);
    if (!plan.declaredSchema.isEmpty())
        goal = schemaAs(goal, plan.declaredSchema, plan.declaredSchema);
    RolloutStatus status;
    status.environment = options.environment.name;
    status.action = u"apply"_s;
    status.started = QDateTime::currentDateTimeUtc();

    // The targets in the status: the canary candidate (the first target of the largest group
    // with a plan) first, then the rest in the fleet's order. `order[k]` is the target index of
    // status.targets[k].
    QList<int> order;
    for (const FleetGroup& group : plan.groups)
        if (!group.plan.isEmpty()) {
            order.append(group.targets.first());
            break;
        }
    for (int i = 0; i < plan.targets.size(); ++i)
        if (!order.contains(i))
            order.append(i);
    for (int index : order) {
        TargetStatus target;
        target.label = plan.targets[index].label;
        if (const FleetGroup* group = plan.groupOf(index)) {
            target.group = shortFingerprint(group->fingerprint);
            target.state = group->plan.isEmpty() ? TargetState::UpToDate : TargetState::Pending;
        } else {
            target.state = TargetState::Unreadable;
            for (const auto& [i, error] : plan.unreadable)
                if (i == index)
                    target.error = error.message;
        }
        status.targets.append(target);
    }
    runWaves(
        status, options.waves,
        [&](int k, Progress& own) {
            const int index = order[k];
            return applyOne(plan.targets[index], *plan.groupOf(index), goal, plan.declaredSchema,
                            options, own);
        },
        saved, progress);
    return status;
}

Result<RolloutStatus>
migrateFleet(const QList<FleetTarget>& targets, const migrate::MigrationSet& migrations,
             const migrate::Ledger& ledger, const migrate::RunnerOptions& runner,
             const project::Environment& environment, const std::optional<QString>& confirmation,
             const WaveOptions& waves, const std::function<void(const RolloutStatus&)>& saved,
             Progress& progress)
{
    if (auto authorized = authorizeFleetChange(
            environment, confirmation, u"apply migrations to %1 target(s)"_s.arg(targets.size()));
        !authorized)
        return std::unexpected(authorized.error());
    if (std::ranges::any_of(targets, [](const FleetTarget& t) { return !t.schema.isEmpty(); }))
        return fail(ErrorCode::Config,
                    u"migrate up runs on fleets of databases: the tenant schemas of one database "
                    u"share its ledger, and a migration names its schema. Use `plumb fleet "
                    u"apply`, which maps the declared schema into each tenant schema"_s);
    RolloutStatus status;
    status.environment = environment.name;
    status.action = u"migrate up"_s;
    status.started = QDateTime::currentDateTimeUtc();
    for (const FleetTarget& target : targets) {
        TargetStatus entry;
        entry.label = target.label;
        status.targets.append(entry);
    }
    runWaves(
        status, waves,
        [&](int index, Progress& own) -> Result<TargetOutcome> {
            auto connection = db::Connection::open(targets[index].info, own);
            if (!connection)
                return std::unexpected(connection.error());
            migrate::Runner run(**connection, migrations, ledger, runner, own);
            auto report = run.up();
            if (!report)
                return std::unexpected(report.error());
            return TargetOutcome{u"%1 migration(s) applied"_s.arg(report->steps.size()),
                                 report->steps.isEmpty()};
        },
        saved, progress);
    return status;
}

} // namespace plumb::fleet
