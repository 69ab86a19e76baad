#include "migrate_project.h"
#include "tests/support/test_paths.h"
#include "tests/support/verify.h"

#include <QProcess>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using plumb::testing::MigrateProject;

namespace {

std::unique_ptr<QProcess> startUp(const MigrateProject& p)
{
    auto process = std::make_unique<QProcess>();
    process->setProcessEnvironment(p.environment());
    process->start(plumb::testing::cliPath(), {u"migrate"_s, u"up"_s, u"--project"_s, p.root()});
    return process;
}

// Polls until `sql` returns `expected` (an int), up to `seconds`.
bool waitFor(const MigrateProject& p, const QString& sql, int expected, int seconds)
{
    auto connection = p.database.connect();
    for (int i = 0; i < seconds * 20; ++i) {
        auto result = connection->exec(sql);
        if (result && result->int32(0, 0) == expected)
            return true;
        QTest::qWait(50);
    }
    return false;
}

const QString sleeping = u"SELECT count(*) FROM pg_stat_activity WHERE query LIKE "
                         u"'%pg_sleep(600)%' AND pid <> pg_backend_pid() AND datname = "
                         u"current_database()"_s; // other tests sleep on the same cluster

} // namespace

class TestCliMigrateRobustness : public QObject {
    Q_OBJECT
private slots:
    void killedMidMigrationLeavesNothingAndNextUpCompletes()
    {
        MigrateProject p(u"clikill"_s);
        p.write(u"db/migrations/001_log.up.sql"_s, "CREATE TABLE log (id int);\n");
        // 002 sleeps while `gate` has a row: the first runner is killed inside the sleep,
        // whenever it gets there on a loaded machine; the retry finds the gate empty.
        p.database.exec(u"CREATE TABLE gate (open int)"_s);
        p.database.exec(u"INSERT INTO gate VALUES (1)"_s);
        p.write(u"db/migrations/002_slow.up.sql"_s,
                "CREATE TABLE partial (id int);\nINSERT INTO partial VALUES (1);\n"
                "SELECT pg_sleep(600) FROM gate;\nINSERT INTO log VALUES (2);\n");
        auto runner = startUp(p);
        QVERIFY(runner->waitForStarted());
        QVERIFY2(waitFor(p, sleeping, 1, 120), "the runner never reached the slow statement");
        runner->kill(); // SIGKILL
        QVERIFY(runner->waitForFinished(plumb::test::hangTimeoutMs));
        QCOMPARE(runner->exitStatus(), QProcess::CrashExit);

        // The server notices the dead client (client_connection_check_interval) and rolls back.
        QVERIFY2(waitFor(p, sleeping, 0, 120), "the killed runner's statement kept running");
        QCOMPARE(p.scalar(u"SELECT count(*) FROM tb_confiture"_s), 1);
        QCOMPARE(p.scalar(u"SELECT count(*) FROM pg_tables WHERE tablename = 'partial'"_s), 0);
        QCOMPARE(p.scalar(u"SELECT count(*) FROM log"_s), 0);

        p.database.exec(u"DELETE FROM gate"_s);
        const auto next = p.run({u"migrate"_s, u"up"_s});
        QVERIFY2(next.exitCode == 0, qPrintable(next.out + next.err));
        QVERIFY(next.out.contains(u"applied 002 slow"));
        QCOMPARE(p.scalar(u"SELECT count(*) FROM tb_confiture"_s), 2);
        QCOMPARE(p.scalar(u"SELECT count(*) FROM partial"_s), 1);
        QCOMPARE(p.scalar(u"SELECT count(*) FROM log"_s), 1);
    }

    void tenConcurrentRunnersApplyEachMigrationOnce()
    {
        MigrateProject p(u"cliten"_s);
        p.write(u"db/migrations/001_log.up.sql"_s, "CREATE TABLE applied_log (version text);\n");
        for (int v = 2; v <= 6; ++v)
            p.write(u"db/migrations/00%1_step.up.sql"_s.arg(v),
                    "INSERT INTO applied_log VALUES ('00" + QByteArray::number(v) +
                        "');\nSELECT pg_sleep(0.05);\n");
        std::vector<std::unique_ptr<QProcess>> runners;
        for (int i = 0; i < 10; ++i)
            runners.push_back(startUp(p));
        for (auto& runner : runners) {
            QVERIFY(runner->waitForFinished(plumb::test::hangTimeoutMs));
            QVERIFY2(runner->exitStatus() == QProcess::NormalExit && runner->exitCode() == 0,
                     runner->readAllStandardError().constData());
        }
        QCOMPARE(p.scalar(u"SELECT count(*) FROM tb_confiture"_s), 6);
        QCOMPARE(p.scalar(u"SELECT count(*) FROM applied_log"_s), 5);
        QCOMPARE(p.scalar(u"SELECT count(DISTINCT version) FROM applied_log"_s), 5);
    }
};

QTEST_GUILESS_MAIN(TestCliMigrateRobustness)
#include "tst_cli_migrate_robustness.moc"
