#pragma once

// The client SIGKILLed in the middle of `plumb migrate up`, at a random point: after each kill
// the ledger must agree with the schema (a migration is recorded exactly when all of its
// statements took effect, and nothing of an unrecorded one is left), and a retry must complete.
// Shared by tst_cli_faults (a few trials) and bench_kill_migrate (a hundred or more).

#include "core/db/connection_info.h"
#include "core/error.h"

#include <QString>
#include <QTemporaryDir>
#include <random>

namespace plumb::testing {

struct KillTrialOutcome {
    bool killed = false;    // false: the run finished before the kill came
    int recordedAtKill = 0; // migrations in the ledger right after the kill
    QString violation;      // empty when the ledger agreed with the schema and the retry completed
};

class KillTrials {
public:
    // A project of `migrations` migrations (each creates and fills a table, indexes it, adds a
    // column, then marks it complete) run against fresh databases on `server` (a superuser URL).
    KillTrials(db::ConnectionInfo server, int migrations);

    // The time one whole `plumb migrate up` takes here, which bounds the random kill points.
    Result<qint64> calibrate();
    // One trial: a fresh database, `plumb migrate up` killed after `killAfterMs`, the check,
    // the retry and the check again.
    KillTrialOutcome run(qint64 killAfterMs);
    // A kill point drawn uniformly from [0, 1.2 x the calibrated time].
    qint64 randomPoint();

private:
    QString freshDatabase();
    void dropDatabase(const QString& name);
    Status waitForNoSessions(const QString& database);
    QString check(const QString& database, bool complete, int* recorded);

    db::ConnectionInfo m_server;
    int m_migrations;
    QTemporaryDir m_project;
    QTemporaryDir m_data; // plumb's data folder (declared catalogs), private to the trials
    qint64 m_calibratedMs = 0;
    int m_databases = 0;
    std::mt19937_64 m_random;
};

} // namespace plumb::testing
