#include "core/db/local_cluster.h"
#include "tests/pg/diagnose_support.h"
#include "tests/support/test_database.h"
#include "tests/support/verify.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb::testing::diagnosis;
using plumb::testing::TestDatabase;

namespace {

// Burns transaction ids cheaply: one committed txid_current() per loop turn.
const QString burnProcedure =
    u"CREATE PROCEDURE burn(n int) LANGUAGE plpgsql AS $$BEGIN FOR i IN 1..n LOOP "
    u"PERFORM txid_current(); COMMIT; END LOOP; END$$;"_s;

} // namespace

// Vacuum, analyse, wraparound and xmin-horizon checks.
class TestDiagnoseVacuum : public QObject {
    Q_OBJECT
private slots:
    void neverAnalysedTable()
    {
        TestDatabase database(u"diag_fresh"_s);
        auto c = database.connect();
        QVERIFY(run(*c, u"CREATE TABLE f (x int) WITH (autovacuum_enabled = off);"
                        u"INSERT INTO f SELECT generate_series(1, 5000);"_s));
        flushStats(*c);
        const CheckResult result = runCheck(*c, u"stats_freshness"_s);
        const Finding* finding = findingOn(result, u"f"_s);
        QVERIFY(finding);
        QVERIFY(finding->explanation.startsWith(u"never analysed"_s));
        QCOMPARE(result.tier, Tier::Operational);
        QVERIFY(applyFix(*c, *finding));
        QVERIFY(!findingOn(runCheck(*c, u"stats_freshness"_s), u"f"_s));

        // 100% churn since that ANALYZE: stale.
        QVERIFY(run(*c, u"INSERT INTO f SELECT generate_series(1, 5000)"_s));
        flushStats(*c);
        const CheckResult churned = runCheck(*c, u"stats_freshness"_s);
        const Finding* stale = findingOn(churned, u"f"_s); // points into churned
        QVERIFY(stale);
        QVERIFY(stale->explanation.contains(u"stale"_s));
        QVERIFY(applyFix(*c, *stale));
        QVERIFY(!findingOn(runCheck(*c, u"stats_freshness"_s), u"f"_s));
    }

    void deadTuplesAndAutovacuumOff()
    {
        TestDatabase database(u"diag_dead"_s);
        auto c = database.connect();
        QVERIFY(run(*c, u"CREATE TABLE f (x int) WITH (autovacuum_enabled = off);"
                        u"INSERT INTO f SELECT generate_series(1, 10000); ANALYZE f;"
                        u"DELETE FROM f WHERE x % 2 = 0;"_s));
        flushStats(*c);
        const CheckResult dead = runCheck(*c, u"dead_tuples"_s);
        const Finding* finding = findingOn(dead, u"f"_s);
        QVERIFY(finding);
        QVERIFY(finding->detail.contains(u"autovacuum is off"_s));
        QCOMPARE(dead.status, CheckStatus::Warning);

        const CheckResult off = runCheck(*c, u"autovacuum_disabled"_s);
        const Finding* disabled = findingOn(off, u"f"_s);
        QVERIFY(disabled);
        QCOMPARE(disabled->severity, Severity::Warning); // 5000 dead > its trigger of 1050

        QVERIFY(applyFix(*c, *finding));
        QVERIFY(!findingOn(runCheck(*c, u"dead_tuples"_s), u"f"_s));
        QVERIFY(applyFix(*c, *disabled));
        QVERIFY(!findingOn(runCheck(*c, u"autovacuum_disabled"_s), u"f"_s));
    }

    void wraparoundAgeAboveThreshold()
    {
        // A database's age includes the shared catalogs, whose freeze waits for every snapshot
        // in the cluster: other tests running in parallel would hold it back. A private cluster
        // keeps the test about the check and its fix.
        plumb::SilentProgress progress;
        auto cluster = plumb::db::LocalCluster::start({}, progress);
        QVERIFY2(cluster, qPrintable(cluster ? QString() : cluster.error().message));
        auto opened = plumb::db::Connection::open(cluster->connectionInfo());
        QVERIFY(opened);
        plumb::db::Connection& c = **opened;
        QVERIFY(run(c, u"VACUUM (FREEZE)"_s));
        QVERIFY(run(c, burnProcedure));
        QVERIFY(run(c, u"CALL burn(30000)"_s));
        Options options;
        options.wraparoundWarnXids = 20000;
        const CheckResult result = runCheck(c, u"wraparound"_s, options);
        QCOMPARE(result.findings.size(), size_t(1));
        QCOMPARE(result.findings.front().severity, Severity::Warning);
        QVERIFY(result.findings.front().detail.contains(u"oldest tables"_s));
        QVERIFY(applyFix(c, result.findings.front()));
        QVERIFY(runCheck(c, u"wraparound"_s, options).findings.empty());
    }

    void sessionHoldingTheXminHorizon()
    {
        TestDatabase database(u"diag_xmin"_s);
        auto c = database.connect();
        auto holder = database.connect();
        QVERIFY(run(*c, u"CREATE TABLE acct (id int); INSERT INTO acct VALUES (1);"_s));
        QVERIFY(run(*c, burnProcedure));
        QVERIFY(
            run(*holder, u"BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT count(*) FROM acct;"_s));
        QVERIFY(run(*c, u"CALL burn(3000)"_s));
        Options options;
        options.xminHorizonWarnXids = 2000;
        const CheckResult result = runCheck(*c, u"xmin_horizon"_s, options);
        const Finding* finding =
            findingOn(result, u"session "_s + QString::number(holder->backendPid()));
        QVERIFY(finding);
        QVERIFY(applyFix(*c, *finding));
        PLUMB_TRY_COMPARE(runCheck(*c, u"xmin_horizon"_s, options).findings.size(), size_t(0));
        QVERIFY(!holder->exec(u"SELECT 1"_s)); // it was terminated
    }
};

QTEST_GUILESS_MAIN(TestDiagnoseVacuum)
#include "tst_pg_diagnose_vacuum.moc"
