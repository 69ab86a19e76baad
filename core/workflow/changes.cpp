#include "changes.h"

#include "core/catalog/introspect.h"
#include "core/db/connection.h"
#include "core/plan/converger.h"
#include "core/workflow/confirmation.h"
#include "core/workflow/intents.h"

#include <QSet>
#include <mutex>

using namespace Qt::StringLiterals;

namespace plumb::workflow {

namespace {

// Plans this process applied, by id: the same plan is never applied twice, even when the first
// run changed nothing the fingerprint sees.
class AppliedPlans {
public:
    bool claim(const QString& id)
    {
        std::lock_guard lock(m_mutex);
        if (m_ids.contains(id))
            return false;
        m_ids.insert(id);
        return true;
    }

private:
    std::mutex m_mutex;
    QSet<QString> m_ids; // guarded by m_mutex
};

AppliedPlans& appliedPlans()
{
    static AppliedPlans plans;
    return plans;
}

QString labelOr(const ChangeOptions& options, const QString& fallback)
{
    return options.label.isEmpty() ? fallback : options.label;
}

// Opens the management connection and, unless previewing, takes the lock on it.
struct Held {
    std::unique_ptr<db::Connection> connection;
    std::optional<ChangeLock> lock;
};

Result<Held> connectAndLock(const Target& target, const ChangeOptions& options, const QString& what,
                            Progress& progress)
{
    Held held;
    auto connection = db::Connection::open(target.management.info, progress);
    if (!connection)
        return std::unexpected(connection.error());
    held.connection = std::move(*connection);
    if (options.preview)
        return held;
    auto lock =
        ChangeLock::acquire(*held.connection, labelOr(options, what), options.lock, progress);
    if (!lock)
        return std::unexpected(lock.error());
    held.lock.emplace(std::move(*lock));
    return held;
}

QString actionName(MigrateAction action)
{
    switch (action) {
    case MigrateAction::Up:
        return u"migrate up"_s;
    case MigrateAction::Down:
        return u"migrate down"_s;
    case MigrateAction::DownTo:
        return u"migrate down-to"_s;
    case MigrateAction::Baseline:
        return u"migrate baseline"_s;
    case MigrateAction::Fake:
        return u"migrate fake"_s;
    }
    return {};
}

} // namespace

Result<migrate::SyncReport> sync(const Session& session, const DeclaredSchema* declared,
                                 const ChangeOptions& options, Progress& progress)
{
    auto target = session.requireTarget();
    if (!target)
        return std::unexpected(target.error());
    if (!options.preview)
        if (auto allowed = authorizeChange(*target, options.confirmation, u"sync"_s); !allowed)
            return std::unexpected(allowed.error());
    auto migrations = session.migrations();
    if (!migrations)
        return std::unexpected(migrations.error());
    if (auto unique = migrations->requireNoDuplicates(); !unique)
        return std::unexpected(unique.error());
    auto ledger = session.ledger();
    if (!ledger)
        return std::unexpected(ledger.error());
    auto held = connectAndLock(*target, options, u"sync"_s, progress);
    if (!held)
        return std::unexpected(held.error());
    migrate::RunnerOptions runner = session.runnerOptions(labelOr(options, u"sync"_s));
    runner.lock = false; // held above, for migrations and convergence alike
    std::optional<plan::ProjectConverger> converger;
    if (declared && declared->catalog)
        converger.emplace(*declared->catalog, ledger->name(), session.executeOptions());
    std::optional<coordinate::ApplyIntents> intents;
    if (!options.preview) {
        auto checked = checkMigrationIntents(*held->connection, options.intentIds, *migrations,
                                             *ledger, {}, progress);
        if (!checked)
            return std::unexpected(checked.error());
        intents = std::move(*checked);
    }
    auto report = migrate::sync(*held->connection, *migrations, *ledger, runner,
                                converger ? &*converger : nullptr, options.preview, progress);
    if (report && intents)
        report->migrations.warnings +=
            completeIntents(*held->connection, *intents, labelOr(options, u"sync"_s));
    return report;
}

Result<migrate::SyncReport> syncProject(const Session& session, const BuildServer& server,
                                        DeclaredCache* cache, const ChangeOptions& options,
                                        Progress& progress)
{
    auto target = session.requireTarget();
    if (!target)
        return std::unexpected(target.error());
    if (!options.preview)
        if (auto allowed = authorizeChange(*target, options.confirmation, u"sync"_s); !allowed)
            return std::unexpected(allowed.error());
    // Without a declared schema there is nothing to converge to: the migration half runs alone.
    auto declares = declaresSchema(session);
    if (!declares)
        return std::unexpected(declares.error());
    std::optional<DeclaredSchema> declared;
    if (*declares) {
        auto built = buildDeclared(session, server, cache, progress);
        if (!built)
            return std::unexpected(built.error());
        declared = std::move(*built);
    }
    return sync(session, declared ? &*declared : nullptr, options, progress);
}

Result<migrate::RunReport> migrate(const Session& session, const MigrateRequest& request,
                                   Progress& progress)
{
    auto target = session.requireTarget();
    if (!target)
        return std::unexpected(target.error());
    const QString what =
        (request.rehearse ? u"rehearse "_s : QString()) + actionName(request.action);
    if (!request.change.preview)
        if (auto allowed = authorizeChange(*target, request.change.confirmation, what); !allowed)
            return std::unexpected(allowed.error());
    auto migrations = session.migrations();
    if (!migrations)
        return std::unexpected(migrations.error());
    auto ledger = session.ledger();
    if (!ledger)
        return std::unexpected(ledger.error());
    auto held = connectAndLock(*target, request.change, what, progress);
    if (!held)
        return std::unexpected(held.error());
    migrate::RunnerOptions options = session.runnerOptions(labelOr(request.change, what));
    options.lock = false; // held above
    options.rehearse = request.rehearse;
    options.preview = request.change.preview;
    options.verifyChecksums = request.verifyChecksums;
    const bool up = request.action == MigrateAction::Up;
    std::optional<coordinate::ApplyIntents> intents;
    if (!request.change.preview) {
        // Only `up` runs scripts an intent may be registered for; the others check named ones.
        auto checked = checkMigrationIntents(*held->connection, request.change.intentIds,
                                             up ? *migrations : migrate::MigrationSet{}, *ledger,
                                             request.version, progress);
        if (!checked)
            return std::unexpected(checked.error());
        intents = std::move(*checked);
    }
    migrate::Runner runner(*held->connection, *migrations, *ledger, options, progress);
    Result<migrate::RunReport> report = fail(ErrorCode::Generic, u"unknown migrate action"_s);
    switch (request.action) {
    case MigrateAction::Up:
        report = runner.up(request.version);
        break;
    case MigrateAction::Down:
        report = runner.down(request.steps);
        break;
    case MigrateAction::DownTo:
        report = runner.downTo(request.version);
        break;
    case MigrateAction::Baseline:
        report = runner.baseline(request.version);
        break;
    case MigrateAction::Fake:
        report = runner.fake(request.version);
        break;
    }
    if (report && intents && up && !request.rehearse)
        report->warnings += completeIntents(*held->connection, *intents, what);
    return report;
}

Result<QList<migrate::LedgerRow>> pruneLedger(const Session& session, bool apply,
                                              const ChangeOptions& options, Progress& progress)
{
    auto target = session.requireTarget();
    if (!target)
        return std::unexpected(target.error());
    ChangeOptions change = options;
    change.preview = options.preview || !apply;
    if (!change.preview)
        if (auto allowed = authorizeChange(*target, options.confirmation, u"delete ledger rows"_s);
            !allowed)
            return std::unexpected(allowed.error());
    auto migrations = session.migrations();
    if (!migrations)
        return std::unexpected(migrations.error());
    auto ledger = session.ledger();
    if (!ledger)
        return std::unexpected(ledger.error());
    auto held = connectAndLock(*target, change, u"migrate prune"_s, progress);
    if (!held)
        return std::unexpected(held.error());
    migrate::RunnerOptions runner = session.runnerOptions(labelOr(options, u"migrate prune"_s));
    runner.lock = false;
    runner.preview = change.preview;
    migrate::Runner pruner(*held->connection, *migrations, *ledger, runner, progress);
    return pruner.prune(!change.preview);
}

Result<plan::ExecuteResult> applyPlan(const Target& target, const QString& ledgerTable,
                                      const ProjectPlan& planned, const QList<int>& steps,
                                      const plan::ExecuteOptions& execute,
                                      const ChangeOptions& options, Progress& progress)
{
    plan::Plan subset;
    subset.mode = planned.plan.mode;
    for (int step : steps) {
        if (step < 0 || step >= planned.plan.steps.size())
            return fail(ErrorCode::Config, u"the plan has no step "_s + QString::number(step + 1));
        subset.steps.append(planned.plan.steps[step]);
    }
    if (steps.isEmpty())
        subset.steps = planned.plan.steps;
    if (options.preview)
        return plan::ExecuteResult{};
    const QString what = u"apply %1 plan step(s)"_s.arg(subset.steps.size());
    if (auto allowed = authorizeChange(target, options.confirmation, what); !allowed)
        return std::unexpected(allowed.error());
    auto held = connectAndLock(target, options, u"apply plan"_s, progress);
    if (!held)
        return std::unexpected(held.error());
    // Under the lock, nothing else changes the schema through plumb or Confiture: what is read
    // now is what the steps will meet.
    auto now = liveFingerprint(*held->connection, ledgerTable, progress);
    if (!now)
        return std::unexpected(now.error());
    if (*now != planned.liveFingerprint)
        return fail(ErrorCode::Drift,
                    u"refusing to apply a stale plan: the schema of "_s +
                        held->connection->info().redacted() +
                        u" changed since the plan was computed (fingerprint "_s +
                        planned.liveFingerprint.left(12) + u", now "_s + now->left(12) +
                        u"). Nothing was run. Compute the plan again, review it, then apply "
                        u"that one."_s);
    auto intents = coordinate::checkBeforeApply(*held->connection, options.intentIds,
                                                {coordinate::planDdl(subset.steps)}, progress);
    if (!intents)
        return std::unexpected(intents.error());
    if (!appliedPlans().claim(planned.id))
        return fail(ErrorCode::Config, u"this plan was already applied: nothing was run. "
                                       u"Compute the plan again to see what is left to do."_s);
    auto executed = plan::execute(*held->connection, subset, execute, progress);
    if (executed && executed->ok())
        for (const QString& warning : completeIntents(*held->connection, *intents, what))
            progress.log(warning);
    return executed;
}

Result<project::BuildReport> buildInto(const Session& session, const QString& url,
                                       const ChangeOptions& options, Progress& progress)
{
    auto sources = project::collectSchemaSources(session.project, session.env());
    if (!sources)
        return std::unexpected(sources.error());
    if (sources->files.isEmpty())
        return fail(ErrorCode::Schema,
                    u"no schema files found (looked in the include_dirs of "_s +
                        (session.env() ? session.env()->filePath : u"db/schema"_s) +
                        u"): add .sql files under db/schema"_s);
    // A typed URL is the user's choice, unless it is a protected environment's database.
    auto into = resolveTypedUrl(url, &session.project);
    if (!into)
        return std::unexpected(into.error());
    if (auto allowed = authorizeChange(*into, options.confirmation, u"build into"_s); !allowed)
        return std::unexpected(allowed.error());
    ChangeOptions locked = options;
    locked.preview = false;
    auto held = connectAndLock(*into, locked, u"build --into"_s, progress);
    if (!held)
        return std::unexpected(held.error());
    if (auto empty = project::requireEmptyDatabase(*held->connection); !empty)
        return std::unexpected(empty.error());
    return project::applySchema(*held->connection, *sources, progress);
}

Result<DiffApplyReport> applyDiff(const DiffApplyRequest& request, Progress& progress)
{
    if (!request.change.preview)
        if (auto allowed =
                authorizeChange(request.from, request.change.confirmation, u"apply the diff"_s);
            !allowed)
            return std::unexpected(allowed.error());
    auto held = connectAndLock(request.from, request.change, u"diff --apply"_s, progress);
    if (!held)
        return std::unexpected(held.error());
    // Both sides are read under the lock: the plan is made from what the steps will meet.
    auto from = catalog::introspect(*held->connection, {request.schemas}, progress);
    if (!from)
        return std::unexpected(from.error());
    auto toConnection = db::Connection::open(request.to, progress);
    if (!toConnection)
        return std::unexpected(toConnection.error());
    auto to = catalog::introspect(**toConnection, {request.schemas}, progress);
    if (!to)
        return std::unexpected(to.error());
    DiffApplyReport report;
    const diff::ChangeSet changes = diff::compare(*from, *to, request.diff);
    report.plan = plan::makePlan(*from, *to, changes, request.mode);
    if (request.change.preview)
        return report;
    const bool dropsData = std::ranges::any_of(report.plan.steps, [](const plan::Step& step) {
        return step.hazards.contains(plan::Hazard::DropsData);
    });
    if (dropsData && !request.allowDataLoss)
        return fail(ErrorCode::Config,
                    u"The plan drops data (see the steps marked drops_data). Review it with "
                    u"`plumb diff` first, then run again with --yes to apply it."_s);
    auto intents = coordinate::checkBeforeApply(*held->connection, request.change.intentIds,
                                                {coordinate::planDdl(report.plan.steps)}, progress);
    if (!intents)
        return std::unexpected(intents.error());
    auto executed = plan::execute(*held->connection, report.plan, request.execute, progress);
    if (!executed)
        return std::unexpected(executed.error());
    report.result = std::move(*executed);
    if (report.result.ok())
        for (const QString& warning :
             completeIntents(*held->connection, *intents, u"diff --apply"_s))
            progress.log(warning);
    return report;
}

} // namespace plumb::workflow
