#pragma once

#include "core/catalog/catalog.h"
#include "core/migrate/sync.h"
#include "core/plan/executor.h"

namespace plumb::plan {

// The convergence half of `plumb sync`: brings a database that has its migrations applied to the
// declared schema for what convergence owns (indexes, constraints, NOT NULL, defaults, storage
// parameters), with the online recipes (CREATE INDEX CONCURRENTLY, NOT VALID then VALIDATE).
// Structural differences are never applied here: they are listed as needing a migration. Blocked
// steps are listed with their guidance. Owned by the thread that runs sync.
class ProjectConverger final : public migrate::Converger {
public:
    // `declared` is the introspected declared schema (built in scratch); `trackingTable` names
    // the migration ledger, which is left out of the comparison.
    ProjectConverger(catalog::Catalog declared, QString trackingTable, ExecuteOptions options);

    Result<migrate::ConvergeSummary> plan(db::Connection& connection, Progress& progress) override;
    Result<migrate::ConvergeSummary> apply(db::Connection& connection, Progress& progress) override;

private:
    catalog::Catalog m_declared;
    QString m_trackingTable;
    ExecuteOptions m_options;
};

// "3s", "250ms", "10min", "1h", or a bare number of milliseconds; 0 for empty or unreadable.
int durationMs(const QString& text);

} // namespace plumb::plan
