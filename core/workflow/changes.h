#pragma once

#include "core/error.h"
#include "core/migrate/runner.h"
#include "core/migrate/sync.h"
#include "core/plan/executor.h"
#include "core/progress.h"
#include "core/project/build.h"
#include "core/workflow/change_lock.h"
#include "core/workflow/declared.h"
#include "core/workflow/live.h"
#include "core/workflow/session.h"

#include <optional>

namespace plumb::workflow {

// What every change takes besides its own inputs. Each change, GUI or CLI, runs the same steps:
//   1. authorizeChange(target, confirmation): read-only and unconfirmed targets stop here, before
//      anything connects;
//   2. connect to the management URL; take the ChangeLock (the same lock for every path);
//   3. re-read under the lock what the change was decided on (the ledger, the live
//      fingerprint) and refuse or re-plan when it moved;
//   4. run with the environment's timeouts; release the lock.
// A preview (dry run) skips 1, 2 and 4: it reads and reports what would run.
struct ChangeOptions {
    std::optional<QString> confirmation; // typed in the dialog, or --confirm NAME
    LockSettings lock;                   // the environment's, unless a flag overrides it
    QString label;                       // labels the lock holder: "plumb sync", "workbench sync"
    bool preview = false;                // run nothing, take no lock
    // Intents this change carries out (--intent ID, the workbench's). Under the lock they, and
    // the active intents registered for the scripts about to run, must still match the live
    // objects they were planned against (core/workflow/intents.h); after the change ran they
    // are completed.
    QStringList intentIds;
};

// Sync: pending migrations, then convergence to the declared schema (indexes, constraints, NOT
// NULL, defaults, storage parameters), under one lock held from the first migration to the last
// convergence step. Without a declared schema only the migrations run. A preview is `sync
// --check`: the pending migrations and the convergence plan, nothing changed.
Result<migrate::SyncReport> sync(const Session& session, const DeclaredSchema* declared,
                                 const ChangeOptions& options, Progress& progress);

// The whole of `plumb sync`: refuses an unconfirmed change before any work, builds the declared
// schema when the project declares one (the cache first), then sync().
Result<migrate::SyncReport> syncProject(const Session& session, const BuildServer& server,
                                        DeclaredCache* cache, const ChangeOptions& options,
                                        Progress& progress);

enum class MigrateAction { Up, Down, DownTo, Baseline, Fake };

struct MigrateRequest {
    MigrateAction action = MigrateAction::Up;
    QString version;       // Up: stop after it (empty: all); DownTo, Baseline (through), Fake
    int steps = 1;         // Down
    bool rehearse = false; // execute, then roll back everything: still a change to confirm
    bool verifyChecksums = true;
    ChangeOptions change;
};

// Runs the migration runner under the change rules. A preview lists what would run (with each
// script's statements) from the ledger as it is now.
Result<migrate::RunReport> migrate(const Session& session, const MigrateRequest& request,
                                   Progress& progress);

// Ledger rows whose migration files are gone; deleted when `apply` (a change, confirmed like
// any other), else only listed.
Result<QList<migrate::LedgerRow>> pruneLedger(const Session& session, bool apply,
                                              const ChangeOptions& options, Progress& progress);

// Applies a plan (the steps given, all when empty) to the target it was computed for. Under the
// lock, the live catalog is read again: a fingerprint other than the plan's means the schema
// changed since, and the plan is refused (ErrorCode::Drift, nothing run) with what to do. A plan
// this process already applied is refused too. A preview checks nothing and runs nothing.
Result<plan::ExecuteResult> applyPlan(const Target& target, const QString& ledgerTable,
                                      const ProjectPlan& plan, const QList<int>& steps,
                                      const plan::ExecuteOptions& execute,
                                      const ChangeOptions& options, Progress& progress);

// `plumb build --into URL`: the declared schema applied to an empty database the user typed (a
// protected environment's database needs its name confirmed), under the lock.
Result<project::BuildReport> buildInto(const Session& session, const QString& url,
                                       const ChangeOptions& options, Progress& progress);

// The comparison behind `plumb diff --apply`, made under the lock so that what is applied is
// what was just read: `from` is changed into `to`.
struct DiffApplyRequest {
    Target from;
    db::ConnectionInfo to;
    QStringList schemas; // compare only these (empty: all)
    diff::DiffOptions diff;
    plan::Mode mode = plan::Mode::Online;
    plan::ExecuteOptions execute;
    bool allowDataLoss = false; // run a plan that drops data
    ChangeOptions change;
};
struct DiffApplyReport {
    plan::Plan plan;
    plan::ExecuteResult result; // empty for a preview
};
Result<DiffApplyReport> applyDiff(const DiffApplyRequest& request, Progress& progress);

} // namespace plumb::workflow
