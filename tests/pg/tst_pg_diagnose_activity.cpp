#include "core/db/local_cluster.h"
#include "tests/pg/diagnose_support.h"
#include "tests/support/test_database.h"
#include "tests/support/verify.h"

#include <QTest>
#include <thread>

using namespace Qt::StringLiterals;
using namespace plumb::testing::diagnosis;
using plumb::testing::TestDatabase;

namespace {

bool waitingOnALock(plumb::db::Connection& connection, int pid)
{
    auto rows = connection.exec(
        u"SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND wait_event_type = 'Lock'"_s, {pid});
    return rows && rows->rowCount() == 1;
}

Options immediate()
{
    Options options;
    options.blockingWarnSeconds = 0;
    options.idleInTransactionWarnSeconds = 0;
    options.activeQueryWarnSeconds = 0;
    return options;
}

} // namespace

// Live-activity checks with second sessions holding locks or transactions open.
class TestDiagnoseActivity : public QObject {
    Q_OBJECT
private slots:
    void relationLockBlockingIsFound()
    {
        // A transaction-id join (pg-extras) misses this: the wait is on a relation lock.
        TestDatabase database(u"diag_block"_s);
        auto c = database.connect();
        auto blocker = database.connect();
        auto victim = database.connect();
        QVERIFY(run(*c, u"CREATE TABLE acct (id int PRIMARY KEY, bal int);"
                        u"INSERT INTO acct VALUES (1, 0);"_s));
        QVERIFY(run(*blocker, u"BEGIN; LOCK TABLE acct IN ACCESS EXCLUSIVE MODE;"_s));
        std::thread reader([&] { (void)victim->exec(u"SELECT * FROM acct"_s); });
        PLUMB_TRY_VERIFY(waitingOnALock(*c, victim->backendPid()));

        const CheckResult result = runCheck(*c, u"blocking_queries"_s, immediate());
        const Finding* finding =
            findingOn(result, u"pid "_s + QString::number(blocker->backendPid()));
        QVERIFY(finding);
        QVERIFY(finding->explanation.contains(u"root of the lock tree"_s));
        QVERIFY(finding->detail.contains(u"AccessShareLock on acct"_s));
        QVERIFY(finding->fix.sql.startsWith(u"SELECT pg_terminate_backend("_s));
        QVERIFY(applyFix(*c, *finding));
        reader.join();
        QCOMPARE(runCheck(*c, u"blocking_queries"_s, immediate()).findings.size(), size_t(0));

        // Below the threshold a wait is not reported.
        QCOMPARE(runCheck(*c, u"blocking_queries"_s).status, CheckStatus::Ok);
    }

    void rowLockBlockingIsFound()
    {
        TestDatabase database(u"diag_rowlock"_s);
        auto c = database.connect();
        auto blocker = database.connect();
        auto victim = database.connect();
        QVERIFY(run(*c, u"CREATE TABLE acct (id int PRIMARY KEY, bal int);"
                        u"INSERT INTO acct VALUES (1, 0);"_s));
        QVERIFY(run(*blocker, u"BEGIN; UPDATE acct SET bal = 1 WHERE id = 1;"_s));
        std::thread writer([&] { (void)victim->exec(u"UPDATE acct SET bal = 2 WHERE id = 1"_s); });
        PLUMB_TRY_VERIFY(waitingOnALock(*c, victim->backendPid()));
        const CheckResult result = runCheck(*c, u"blocking_queries"_s, immediate());
        const Finding* finding =
            findingOn(result, u"pid "_s + QString::number(blocker->backendPid()));
        QVERIFY(finding);
        QVERIFY(applyFix(*c, *finding));
        writer.join();
        QCOMPARE(runCheck(*c, u"blocking_queries"_s, immediate()).findings.size(), size_t(0));
    }

    void idleInTransaction()
    {
        TestDatabase database(u"diag_idle"_s);
        auto c = database.connect();
        auto idle = database.connect();
        QVERIFY(run(*idle, u"BEGIN; SELECT 1;"_s));
        const QString object = u"pid "_s + QString::number(idle->backendPid());
        const CheckResult result = runCheck(*c, u"idle_in_transaction"_s, immediate());
        const Finding* finding = findingOn(result, object);
        QVERIFY(finding);
        QCOMPARE(result.status, CheckStatus::Warning);
        QVERIFY(!findingOn(runCheck(*c, u"idle_in_transaction"_s), object)); // 60 s default
        QVERIFY(applyFix(*c, *finding));
        PLUMB_TRY_VERIFY(!findingOn(runCheck(*c, u"idle_in_transaction"_s, immediate()), object));
    }

    void longRunningQuery()
    {
        TestDatabase database(u"diag_active"_s);
        auto c = database.connect();
        auto busy = database.connect();
        const int pid = busy->backendPid();
        std::thread sleeper([&] { (void)busy->exec(u"SELECT pg_sleep(60)"_s); });
        PLUMB_TRY_VERIFY(
            c->exec(u"SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND state = 'active'"_s, {pid})
                ->rowCount() == 1);
        const QString object = u"pid "_s + QString::number(pid);
        const CheckResult result = runCheck(*c, u"long_running_queries"_s, immediate());
        const Finding* finding = findingOn(result, object);
        QVERIFY(finding);
        QVERIFY(finding->fix.sql.startsWith(u"SELECT pg_cancel_backend("_s));
        QVERIFY(applyFix(*c, *finding));
        sleeper.join();
        QVERIFY(!findingOn(runCheck(*c, u"long_running_queries"_s, immediate()), object));
        QVERIFY(busy->exec(u"SELECT 1"_s)); // canceled, not terminated
    }

    void connectionSaturation()
    {
        TestDatabase database(u"diag_conn"_s);
        auto c = database.connect();
        Options full;
        full.connectionWarnPercent = 0;
        full.connectionCriticalPercent = 100000;
        const CheckResult result = runCheck(*c, u"connection_saturation"_s, full);
        QCOMPARE(result.findings.size(), size_t(1));
        QCOMPARE(result.findings.front().severity, Severity::Warning);
        QVERIFY(result.findings.front().detail.contains(u"usable connections"_s));
        QCOMPARE(runCheck(*c, u"connection_saturation"_s).findings.size(), size_t(0));
    }

    void preparedTransactionsDisabledIsSkipped()
    {
        TestDatabase database(u"diag_prep"_s);
        auto c = database.connect();
        auto setting = c->exec(u"SELECT current_setting('max_prepared_transactions')::int"_s);
        QVERIFY(setting);
        if (setting->int32(0, 0) > 0)
            QSKIP("this server allows prepared transactions; the skip path does not apply");
        const CheckResult result = runCheck(*c, u"prepared_transactions"_s);
        QCOMPARE(result.status, CheckStatus::Skipped);
        QVERIFY(result.message.contains(u"max_prepared_transactions = 0"_s));
    }

    void inactiveReplicationSlot()
    {
        TestDatabase database(u"diag_slot"_s);
        auto c = database.connect();
        const QString slot = u"plumb_diag_slot_"_s + QString::number(c->backendPid());
        QVERIFY(c->exec(u"SELECT pg_create_physical_replication_slot($1, true)"_s, {slot}));
        QVERIFY(run(*c, u"CREATE TABLE w AS SELECT generate_series(1, 10000) AS x;"_s));
        Options options;
        options.slotRetainedWarnBytes = 1;
        const CheckResult result = runCheck(*c, u"replication_slots"_s, options);
        const Finding* finding = findingOn(result, slot);
        QVERIFY(finding);
        QCOMPARE(finding->severity, Severity::Warning);
        // The default threshold (1 GB) is far above what this slot holds.
        QVERIFY(!findingOn(runCheck(*c, u"replication_slots"_s), slot));
        QVERIFY(applyFix(*c, *finding));
        QVERIFY(!findingOn(runCheck(*c, u"replication_slots"_s, options), slot));
    }

    void preparedTransactionLeftBehind()
    {
        // The shared test cluster disables prepared transactions: start a private one that
        // allows them.
        plumb::db::LocalCluster::Options clusterOptions;
        clusterOptions.settings = {u"max_prepared_transactions = 5"_s};
        plumb::SilentProgress progress;
        auto cluster = plumb::db::LocalCluster::start(clusterOptions, progress);
        QVERIFY2(cluster, qPrintable(cluster ? QString() : cluster.error().message));
        auto opened = plumb::db::Connection::open(cluster->connectionInfo());
        QVERIFY(opened);
        plumb::db::Connection& c = **opened;
        QVERIFY(run(c, u"CREATE TABLE acct (id int); BEGIN; INSERT INTO acct VALUES (9);"
                       u"PREPARE TRANSACTION 'diag';"_s));
        Options options;
        options.preparedXactWarnSeconds = 0;
        options.xminHorizonWarnXids = 0;
        const CheckResult result = runCheck(c, u"prepared_transactions"_s, options);
        const Finding* finding = findingOn(result, u"diag"_s);
        QVERIFY(finding);
        QCOMPARE(result.status, CheckStatus::Warning);
        QCOMPARE(finding->fix.sql, u"ROLLBACK PREPARED 'diag';"_s);
        QVERIFY(findingOn(runCheck(c, u"xmin_horizon"_s, options), u"prepared diag"_s));
        QVERIFY(applyFix(c, *finding));
        QCOMPARE(runCheck(c, u"prepared_transactions"_s, options).findings.size(), size_t(0));
        QVERIFY(!findingOn(runCheck(c, u"xmin_horizon"_s, options), u"prepared diag"_s));
    }
};

QTEST_GUILESS_MAIN(TestDiagnoseActivity)
#include "tst_pg_diagnose_activity.moc"
