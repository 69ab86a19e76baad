#pragma once

#include "core/error.h"
#include "core/migrate/ledger.h"
#include "core/migrate/migration_files.h"
#include "core/migrate/runner.h"
#include "core/plan/executor.h"
#include "core/project/environment.h"
#include "core/project/project.h"
#include "core/workflow/change_lock.h"
#include "core/workflow/target.h"

#include <optional>

namespace plumb::workflow {

// The ledger table's name for an environment (migration.tracking_table, Confiture's default
// "tb_confiture"): the one place every part of the loop asks.
QString ledgerTableOf(const project::Environment* environment);

// What opens a session: a project folder, an environment, and what does not come from the
// project (flags, the process environment).
struct SessionOptions {
    QString projectDir;  // empty: the current folder or the nearest parent with a db/ folder
    QString environment; // empty: "local" when that file exists, else none
    ResolveOptions resolve;
    // When false, a project with no database configured still opens (target stays empty and
    // targetProblem says why): for commands and views that work on files alone.
    bool requireTarget = true;
};

// One project and one environment, resolved once: the value every step of the loop starts from.
// Cheap to copy; safe to hand to a job.
struct Session {
    project::Project project;
    std::optional<project::Environment> environment;
    std::optional<Target> target; // empty only when opened with requireTarget = false
    QString targetProblem;        // why target is empty

    const project::Environment* env() const { return environment ? &*environment : nullptr; }
    QString ledgerTable() const { return ledgerTableOf(env()); }
    Result<migrate::Ledger> ledger() const { return migrate::Ledger::named(ledgerTable()); }
    Result<migrate::MigrationSet> migrations() const;
    // The environment's migration timeouts and locking, for a runner labelled `command`.
    migrate::RunnerOptions runnerOptions(const QString& command) const;
    // The environment's convergence timeouts, for the plan executor.
    plan::ExecuteOptions executeOptions() const;
    LockSettings lockSettings() const { return lockSettingsOf(env()); }
    // The target, or a Config error saying why there is none.
    Result<Target> requireTarget() const;
};

Result<Session> openSession(const SessionOptions& options);

} // namespace plumb::workflow
