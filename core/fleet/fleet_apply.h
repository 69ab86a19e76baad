#pragma once

#include "core/fleet/fleet.h"
#include "core/fleet/rollout.h"
#include "core/migrate/ledger.h"
#include "core/migrate/migration_files.h"
#include "core/migrate/runner.h"
#include "core/plan/executor.h"
#include "core/project/environment.h"
#include "core/workflow/change_lock.h"
#include "core/workflow/target.h"

namespace plumb::fleet {

struct ApplyOptions {
    // The environment the fleet belongs to, and what the person typed (the GUI's dialog) or
    // gave (--confirm NAME): applyFleet checks them itself (authorizeFleetChange) before it
    // connects to change anything. A default Environment is protected.
    project::Environment environment;
    std::optional<QString> confirmation;
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
// The protection of a fleet's environment by that rule (the workbench asks before it changes).
workflow::Protection fleetProtection(const project::Environment& environment);
bool fleetConfirmationRequired(const project::Environment& environment);

Status authorizeFleetChange(const project::Environment& environment,
                            const std::optional<QString>& confirmation, const QString& what);

// Rolls a fleet plan out. First authorizeFleetChange(options.environment, options.confirmation):
// a refusal is returned before any connection is opened. Targets already up to date are marked so
// and left alone, unreadable ones are marked so; the others change in waves (runWaves), each on its
// own connection:
//   1. take the change lock (workflow::ChangeLock: one change at a time per database; for a
//      tenant schema, per schema, the database's lock held shared);
//   2. read the live catalog again: its fingerprint must still be its group's, or the target
//      fails with "changed since the plan" and nothing runs;
//   3. run the group's plan (plan::execute); for a tenant schema, the group's plan made for
//      that schema (the same diff from the catalog just read to the declared objects moved into
//      the schema: the same steps, naming the tenant's schema);
//   4. read the catalog again and verify that nothing differs from `desired` any more.
// The canary is the first target of the largest group that has a plan. `saved` gets the status
// after every target (for the status file).
Result<RolloutStatus> applyFleet(const FleetPlan& plan, const catalog::Catalog& desired,
                                 const ApplyOptions& options,
                                 const std::function<void(const RolloutStatus&)>& saved,
                                 Progress& progress);

// `migrate up` across a fleet of databases: every target runs migrate::Runner::up on its own
// ledger, under its own migration lock, in the same waves. A target with nothing pending counts
// as up to date. Authorized like applyFleet. A tenant-schema fleet is refused (Config): its
// migrations would name one schema, and the ledger is the database's.
Result<RolloutStatus>
migrateFleet(const QList<FleetTarget>& targets, const migrate::MigrationSet& migrations,
             const migrate::Ledger& ledger, const migrate::RunnerOptions& runner,
             const project::Environment& environment, const std::optional<QString>& confirmation,
             const WaveOptions& waves, const std::function<void(const RolloutStatus&)>& saved,
             Progress& progress);

} // namespace plumb::fleet
