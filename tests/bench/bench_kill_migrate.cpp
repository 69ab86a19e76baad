// Harness: `plumb migrate up` SIGKILLed at random points, then checked and retried.
//
//   bench_kill_migrate [TRIALS] [MIGRATIONS]     (defaults: 100 trials, 6 migrations)
//
// Starts a private PostgreSQL server, times one whole run, then for each trial migrates a fresh
// database and kills the client (SIGKILL) at a point drawn uniformly from [0, 1.2 x that time].
// After each kill the ledger must agree with the schema (a recorded migration is whole, an
// unrecorded one left nothing) and a retry must apply everything. Prints how many trials were
// killed mid-run, how many migrations were recorded at the kill, and every violation; exits 1 on
// any. Built with the tests, never run by ctest (tst_cli_faults runs a few trials of the same).
#include "core/db/local_cluster.h"
#include "tests/support/kill_trials.h"

#include <QCoreApplication>
#include <QMap>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace plumb;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int trials = args.size() > 1 ? args[1].toInt() : 100;
    const int migrations = args.size() > 2 ? args[2].toInt() : 6;
    SilentProgress progress;
    auto cluster = db::LocalCluster::start({}, progress);
    if (!cluster) {
        std::fprintf(stderr, "bench_kill_migrate: %s\n", qPrintable(cluster.error().message));
        return 1;
    }
    testing::KillTrials harness(cluster->connectionInfo(), migrations);
    auto calibrated = harness.calibrate();
    if (!calibrated) {
        std::fprintf(stderr, "bench_kill_migrate: %s\n", qPrintable(calibrated.error().message));
        return 1;
    }
    std::printf("one whole run of %d migrations: %lld ms; %d trials\n", migrations,
                static_cast<long long>(*calibrated), trials);
    int killed = 0;
    QStringList violations;
    QMap<int, int> recordedAtKill; // migrations recorded when killed -> trials
    for (int trial = 1; trial <= trials; ++trial) {
        const testing::KillTrialOutcome outcome = harness.run(harness.randomPoint());
        killed += outcome.killed ? 1 : 0;
        if (outcome.killed)
            ++recordedAtKill[outcome.recordedAtKill];
        if (!outcome.violation.isEmpty()) {
            violations << outcome.violation;
            std::printf("trial %d: %s\n", trial, qPrintable(outcome.violation));
        }
        std::fflush(stdout);
    }
    std::printf("%d trials, %d killed mid-run, %lld violations\n", trials, killed,
                static_cast<long long>(violations.size()));
    for (auto it = recordedAtKill.cbegin(); it != recordedAtKill.cend(); ++it)
        std::printf("  killed with %d of %d migrations recorded: %d trials\n", it.key(), migrations,
                    it.value());
    return violations.isEmpty() ? 0 : 1;
}
