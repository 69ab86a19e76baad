#include "tests/pg/diagnose_support.h"
#include "tests/support/test_database.h"
#include "tests/support/verify.h"

#include <QTest>
#include <thread>

using namespace Qt::StringLiterals;
using namespace plumb::testing::diagnosis;
using plumb::testing::TestDatabase;

// Informational checks on the cumulative statistics.
class TestDiagnoseStatistics : public QObject {
    Q_OBJECT
private slots:
    void statisticsAgeGate()
    {
        TestDatabase database(u"diag_statsage"_s);
        auto c = database.connect();
        QVERIFY(run(*c, u"SELECT pg_stat_reset()"_s));
        const CheckResult young = runCheck(*c, u"stats_age"_s);
        QCOMPARE(young.findings.size(), size_t(1));
        QVERIFY(young.findings.front().detail.startsWith(u"last reset "_s));
        QCOMPARE(runCheck(*c, u"stats_age"_s, matureStats()).findings.size(), size_t(0));
    }

    void cacheHitBelowThreshold()
    {
        TestDatabase database(u"diag_cache"_s);
        auto c = database.connect();
        QVERIFY(run(*c, u"CREATE TABLE t AS SELECT generate_series(1, 1000) AS x;"
                        u"SELECT count(*) FROM t;"_s));
        flushStats(*c);
        Options strict;
        strict.cacheHitWarnRatio = 1.01; // every ratio is below it
        QCOMPARE(runCheck(*c, u"cache_hit"_s, strict).findings.size(), size_t(1));
        Options lax;
        lax.cacheHitWarnRatio = 0;
        QCOMPARE(runCheck(*c, u"cache_hit"_s, lax).findings.size(), size_t(0));
    }

    void temporaryFiles()
    {
        TestDatabase database(u"diag_temp"_s);
        auto c = database.connect();
        QCOMPARE(runCheck(*c, u"temp_files"_s).findings.size(), size_t(0));
        QVERIFY(run(*c, u"CREATE TABLE u AS SELECT g, md5(g::text) AS v FROM "
                        u"generate_series(1, 100000) g; SET work_mem = '64kB';"
                        u"SELECT * FROM u ORDER BY md5(v) LIMIT 1; RESET work_mem;"_s));
        flushStats(*c);
        QCOMPARE(runCheck(*c, u"temp_files"_s).findings.size(), size_t(1));
    }

    void deadlocks()
    {
        TestDatabase database(u"diag_deadlock"_s);
        auto c = database.connect();
        auto first = database.connect();
        auto second = database.connect();
        QVERIFY(run(*c, u"CREATE TABLE r (id int PRIMARY KEY, v int);"
                        u"INSERT INTO r VALUES (1, 0), (2, 0);"_s));
        QCOMPARE(runCheck(*c, u"deadlocks"_s).findings.size(), size_t(0));
        QVERIFY(run(*first, u"BEGIN; UPDATE r SET v = 1 WHERE id = 1;"_s));
        QVERIFY(run(*second, u"BEGIN; UPDATE r SET v = 2 WHERE id = 2;"_s));
        bool secondFailed = false;
        std::thread crossing([&] {
            secondFailed = !second->exec(u"UPDATE r SET v = 2 WHERE id = 1"_s).has_value();
        });
        PLUMB_TRY_VERIFY(
            c->exec(u"SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND wait_event_type = 'Lock'"_s,
                    {second->backendPid()})
                ->rowCount() == 1);
        const bool firstFailed = !first->exec(u"UPDATE r SET v = 1 WHERE id = 2"_s).has_value();
        // One of the two is chosen as the victim; the other then gets its lock.
        (void)first->exec(u"ROLLBACK"_s);
        crossing.join();
        (void)second->exec(u"ROLLBACK"_s);
        QVERIFY(firstFailed != secondFailed);
        flushStats(*first);
        flushStats(*second);
        PLUMB_TRY_COMPARE(runCheck(*c, u"deadlocks"_s).findings.size(), size_t(1));
    }

    void fewHotUpdates()
    {
        TestDatabase database(u"diag_hot"_s);
        auto c = database.connect();
        QVERIFY(run(*c, u"CREATE TABLE h (id int PRIMARY KEY, v int); CREATE INDEX ON h (v);"
                        u"INSERT INTO h SELECT g, 0 FROM generate_series(1, 200) g;"
                        u"UPDATE h SET v = v + 1; UPDATE h SET v = v + 1;"_s));
        flushStats(*c);
        Options options;
        options.hotUpdateMinUpdates = 300;
        const CheckResult result = runCheck(*c, u"hot_updates"_s, options);
        QVERIFY(findingOn(result, u"h"_s));
        QVERIFY(findingOn(result, u"h"_s)->fix.note.contains(u"fillfactor"_s));
    }

    void requestedCheckpoints()
    {
        TestDatabase database(u"diag_ckpt"_s);
        auto c = database.connect();
        QVERIFY(run(*c, u"CHECKPOINT; CHECKPOINT; CHECKPOINT;"_s));
        // Timed checkpoints come every few minutes whatever the tests do: compare against
        // thresholds on both sides of any ratio.
        Options any;
        any.requestedCheckpointFraction = 0;
        const CheckResult result = runCheck(*c, u"checkpoints"_s, any);
        QCOMPARE(result.findings.size(), size_t(1));
        QVERIFY(result.findings.front().detail.contains(u"requested"_s));
        Options none;
        none.requestedCheckpointFraction = 1;
        QCOMPARE(runCheck(*c, u"checkpoints"_s, none).findings.size(), size_t(0));
    }
};

QTEST_GUILESS_MAIN(TestDiagnoseStatistics)
#include "tst_pg_diagnose_statistics.moc"
