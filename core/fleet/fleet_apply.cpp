#include "fleet_apply.h"

#include "core/catalog/fingerprint.h"
#include "core/catalog/introspect.h"
#include "core/db/connection.h"
#include "core/diff/change_set.h"

using namespace Qt::StringLiterals;

namespace plumb::fleet {

namespace {

QString shortFingerprint(const QString& fingerprint)
{
    return fingerprint.left(12);
}

Result<catalog::Catalog> readComparable(db::Connection& connection, const QString& trackingTable,
                                        Progress& progress)
{
    auto live = catalog::introspect(connection, {}, progress);
    if (!live)
        return std::unexpected(live.error());
    return comparable(std::move(*live), trackingTable);
}

// One target of applyFleet, on its own connection (this worker thread's).
Result<TargetOutcome> applyOne(const FleetTarget& target, const FleetGroup& group,
                               const catalog::Catalog& goal, const ApplyOptions& options,
                               Progress& progress)
{
    auto connection = db::Connection::open(target.info, progress);
    if (!connection)
        return std::unexpected(connection.error());
    auto lock =
        workflow::ChangeLock::acquire(**connection, u"plumb fleet apply"_s, options.lock, progress);
    if (!lock)
        return std::unexpected(lock.error());
    auto before = readComparable(**connection, options.trackingTable, progress);
    if (!before)
        return std::unexpected(before.error());
    if (catalog::fingerprint(*before) != group.fingerprint)
        return fail(ErrorCode::Generic,
                    u"its schema changed since the fleet was planned (fingerprint %1, planned "
                    u"from %2): nothing was run; plan the fleet again"_s.arg(
                        shortFingerprint(catalog::fingerprint(*before)),
                        shortFingerprint(group.fingerprint)));
    auto executed = plan::execute(**connection, group.plan, options.execute, progress);
    if (!executed)
        return std::unexpected(executed.error());
    for (const plan::StepResult& step : executed->steps)
        if (step.outcome == plan::Outcome::Failed)
            return fail(ErrorCode::Generic,
                        u"step %1 of %2 failed (%3): %4; %5 step(s) had run"_s.arg(step.step + 1)
                            .arg(group.plan.steps.size())
                            .arg(group.plan.steps.value(step.step).summary, step.error)
                            .arg(executed->doneCount()));
    auto after = readComparable(**connection, options.trackingTable, progress);
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

Status authorizeFleetChange(const project::Environment& environment,
                            const std::optional<QString>& confirmation, const QString& what)
{
    if (environment.readOnly)
        return fail(ErrorCode::Config, u"the environment "_s + environment.name +
                                           u" is read only (readonly: true in "_s +
                                           environment.filePath + u"): refusing to "_s + what);
    const bool dev = environment.dev && environment.databaseUrlVariables.isEmpty();
    if (dev && !environment.requireConfirmation)
        return {};
    if (confirmation && *confirmation == environment.name)
        return {};
    return fail(ErrorCode::Unconfirmed,
                u"refusing to %1 of the fleet %2 without confirmation: pass --confirm %2 (the "
                u"environment's name, in full)"_s.arg(what, environment.name));
}

RolloutStatus applyFleet(const FleetPlan& plan, const catalog::Catalog& desired,
                         const ApplyOptions& options,
                         const std::function<void(const RolloutStatus&)>& saved, Progress& progress)
{
    const catalog::Catalog goal = comparable(desired, options.trackingTable);
    RolloutStatus status;
    status.environment = options.environment;
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
            return applyOne(plan.targets[index], *plan.groupOf(index), goal, options, own);
        },
        saved, progress);
    return status;
}

RolloutStatus migrateFleet(const QList<FleetTarget>& targets,
                           const migrate::MigrationSet& migrations, const migrate::Ledger& ledger,
                           const migrate::RunnerOptions& runner, const QString& environment,
                           const WaveOptions& waves,
                           const std::function<void(const RolloutStatus&)>& saved,
                           Progress& progress)
{
    RolloutStatus status;
    status.environment = environment;
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
