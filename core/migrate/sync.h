#pragma once

#include "core/db/connection.h"
#include "core/error.h"
#include "core/migrate/runner.h"
#include "core/progress.h"

#include <QStringList>
#include <optional>

namespace plumb::migrate {

// What convergence found or did (indexes, constraints, nullability, defaults: the changes
// plain.postgres applies without migration files).
struct ConvergeSummary {
    QStringList changes;        // one line per correction, planned or applied
    QStringList blocked;        // drifts that need a staged rollout, with guidance
    QStringList needsMigration; // structural differences: a migration file must make them
    QStringList failed;         // apply: steps the server refused, with its message
};

// The convergence half of `plumb sync`, implemented by plan::ProjectConverger.
class Converger {
public:
    virtual ~Converger() = default;
    // Plans without changing anything (sync --check).
    virtual Result<ConvergeSummary> plan(db::Connection& connection, Progress& progress) = 0;
    // Plans again under the migration lock and applies.
    virtual Result<ConvergeSummary> apply(db::Connection& connection, Progress& progress) = 0;
};

struct SyncReport {
    bool check = false;
    RunReport migrations;                       // applied (sync) or empty (check)
    QStringList pendingMigrations;              // "version name" left to apply (check)
    std::optional<ConvergeSummary> convergence; // empty when no converger was given
    bool wouldChange() const;
};

// sync: apply pending migrations, then converge. check: change nothing; report what would run.
Result<SyncReport> sync(db::Connection& connection, const MigrationSet& migrations,
                        const Ledger& ledger, const RunnerOptions& options, Converger* converger,
                        bool check, Progress& progress);

} // namespace plumb::migrate
