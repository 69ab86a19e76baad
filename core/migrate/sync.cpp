#include "sync.h"

#include "core/migrate/status.h"

using namespace Qt::StringLiterals;

namespace plumb::migrate {

bool SyncReport::wouldChange() const
{
    return !pendingMigrations.isEmpty() ||
           (convergence && (!convergence->changes.isEmpty() || !convergence->blocked.isEmpty()));
}

Result<SyncReport> sync(db::Connection& connection, const MigrationSet& migrations,
                        const Ledger& ledger, const RunnerOptions& options, Converger* converger,
                        bool check, Progress& progress)
{
    SyncReport report;
    report.check = check;
    if (check) {
        if (auto unique = migrations.requireNoDuplicates(); !unique)
            return std::unexpected(unique.error());
        auto status = readStatus(connection, migrations, ledger);
        if (!status)
            return std::unexpected(status.error());
        for (const MigrationState& state : status->migrations)
            if (!state.applied)
                report.pendingMigrations.append(state.version + u' ' + state.name);
        if (converger) {
            auto planned = converger->plan(connection, progress);
            if (!planned)
                return std::unexpected(planned.error());
            report.convergence = *planned;
        }
        return report;
    }
    Runner runner(connection, migrations, ledger, options, progress);
    auto applied = runner.up();
    if (!applied)
        return std::unexpected(applied.error());
    report.migrations = *applied;
    if (converger) {
        auto converged = converger->apply(connection, progress);
        if (!converged)
            return std::unexpected(converged.error());
        report.convergence = *converged;
    }
    return report;
}

} // namespace plumb::migrate
