#pragma once

#include <QStringList>

namespace plumb::diagnose {

// Every threshold a check uses, with the defaults the research settled on. Tests lower them to
// create conditions on small tables and short waits.
struct Options {
    QStringList onlyChecks;        // run only these checks (by name); empty runs all
    int statementTimeoutMs = 5000; // per check, SET LOCAL statement_timeout
    int lockTimeoutMs = 1000;

    // Cumulative statistics younger than this hold back unused/missing-index findings.
    qint64 minStatsAgeSeconds = 7 * 24 * 3600;

    qint64 unusedIndexMinBytes = 1024 * 1024;
    qint64 missingIndexMinTableBytes = 10 * 1024 * 1024;
    qint64 missingIndexMinSeqScans = 10;
    double hypopgMinSavingFraction = 0.5; // a hypothetical index must cut the cost this much

    double sequenceInfoPercent = 50;
    double sequenceWarningPercent = 75;
    double sequenceCriticalPercent = 90;

    qint64 freshnessMinModifications = 1000;
    qint64 freshnessMinBytes = 10 * 1024 * 1024; // never-analysed tables this big are flagged
    double freshnessStaleFraction = 0.25;
    qint64 deadTuplesMin = 1000;
    double deadTuplesFraction = 0.10;

    double nullHeavyFraction = 0.5;
    qint64 nullHeavyMinIndexBytes = 10 * 1024 * 1024;

    int blockingWarnSeconds = 30;
    int blockingCriticalSeconds = 300;
    int idleInTransactionWarnSeconds = 60;
    int idleInTransactionCriticalSeconds = 600;
    int activeQueryWarnSeconds = 300;
    int activeQueryCriticalSeconds = 1800;
    qint64 xminHorizonWarnXids = 10'000'000;
    qint64 wraparoundWarnXids = 300'000'000; // 1.5 x the default autovacuum_freeze_max_age
    qint64 wraparoundCriticalXids = 1'000'000'000;
    double connectionWarnPercent = 80;
    double connectionCriticalPercent = 95;
    qint64 slotRetainedWarnBytes = 1024LL * 1024 * 1024;
    int preparedXactWarnSeconds = 300;

    qint64 hotUpdateMinUpdates = 10000;
    double hotUpdateMinFraction = 0.10;
    double cacheHitWarnRatio = 0.99;
    double requestedCheckpointFraction = 0.3;
    double slowQueryMeanMs = 20;
    qint64 slowQueryMinCalls = 100;
};

} // namespace plumb::diagnose
