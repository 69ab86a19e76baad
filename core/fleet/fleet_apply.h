#pragma once

#include "core/fleet/fleet.h"
#include "core/fleet/rollout.h"
#include "core/migrate/ledger.h"
#include "core/migrate/migration_files.h"
#include "core/migrate/runner.h"
#include "core/plan/executor.h"
#include "core/project/environment.h"
#include "core/workflow/change_lock.h"

namespace plumb::fleet {

struct ApplyOptions {
    QString environment;
    WaveOptions waves;
    plan::ExecuteOptions execute;
    workflow::LockSettings lock;
    QString trackingTable = QStringLiteral("tb_confiture");
};

// The confirmation rule for a fleet, which has no single database name to type: a read-only
// environment is never changed; a dev environment (dev: true, its URL written in the file) without
// require_confirmation changes without confirmation; any other needs the environment's name typed
// in full (--confirm NAME in the CLI). ErrorCode::Unconfirmed (exit 5) otherwise. Called before
// anything connects to change.
Status authorizeFleetChange(const project::Environment& environment,
                            const std::optional<QString>& confirmation, const QString& what);

// Rolls a fleet plan out (the caller has authorized the change: workflow::authorizeChange).
// Targets already up to date are marked so and left alone, unreadable ones are marked so; the
// others change in waves (runWaves), each on its own connection:
//   1. take the change lock (workflow::ChangeLock: one change at a time per database);
//   2. read the live catalog again: its fingerprint must still be its group's, or the target
//      fails with "changed since the plan" and nothing runs;
//   3. run the group's plan (plan::execute);
//   4. read the catalog again and verify that nothing differs from `desired` any more.
// The canary is the first target of the largest group that has a plan. `saved` gets the status
// after every target (for the status file).
RolloutStatus applyFleet(const FleetPlan& plan, const catalog::Catalog& desired,
                         const ApplyOptions& options,
                         const std::function<void(const RolloutStatus&)>& saved,
                         Progress& progress);

// `migrate up` across a fleet: every target runs migrate::Runner::up on its own ledger, under
// its own migration lock, in the same waves. A target with nothing pending counts as up to date.
RolloutStatus migrateFleet(const QList<FleetTarget>& targets,
                           const migrate::MigrationSet& migrations, const migrate::Ledger& ledger,
                           const migrate::RunnerOptions& runner, const QString& environment,
                           const WaveOptions& waves,
                           const std::function<void(const RolloutStatus&)>& saved,
                           Progress& progress);

} // namespace plumb::fleet
