// Faults injected into the server side of plumb's writing commands: the backend terminated
// (pg_terminate_backend) in the middle of a migration, a sync, a convergence step and a preflight,
// and statement_timeout hit by a long VALIDATE. Each must end with a clear error, nothing
// half-applied, and a retry that completes.
//
// No timing is assumed: a slow statement is held open by a gate (a table with a row, or an open
// transaction of the test) and the test polls pg_stat_activity until the statement is there.
#include "migrate_project.h"
#include "tests/support/kill_trials.h"
#include "tests/support/test_paths.h"
#include "tests/support/verify.h"

#include <QProcess>
#include <memory>

using namespace Qt::StringLiterals;
using plumb::testing::CliRun;
using plumb::testing::MigrateProject;

namespace {

QString both(const CliRun& run)
{
    return u"exit "_s + QString::number(run.exitCode) + u"\nstdout: "_s + run.out +
           u"\nstderr: "_s + run.err;
}

// A project whose lock and statement timeouts are long: the faults below, not a timeout, end
// the statements (except where a test sets a short one on purpose).
struct Project : MigrateProject {
    explicit Project(const QString& tag, const QByteArray& migrationStatementTimeout = "30min")
        : MigrateProject(tag)
    {
        setMigrationTimeout(migrationStatementTimeout);
    }
    void setMigrationTimeout(const QByteArray& statementTimeout) const
    {
        writeDevEnvironment("shadow_url: \"" + plumb::testing::serverInfo().toUri().toUtf8() +
                            "\"\n"
                            "migration:\n  lock_timeout: 30min\n  statement_timeout: " +
                            statementTimeout +
                            "\n"
                            "convergence:\n  lock_timeout: 30min\n  statement_timeout: 30min\n");
    }
    QProcessEnvironment cliEnvironment() const { return environment(); }
    CliRun cli(const QStringList& arguments) const { return run(arguments, cliEnvironment()); }
    std::unique_ptr<QProcess> start(QStringList arguments) const
    {
        arguments << u"--project"_s << root();
        auto process = std::make_unique<QProcess>();
        process->setProcessEnvironment(cliEnvironment());
        process->start(plumb::testing::cliPath(), arguments);
        return process;
    }

    // Polls until `sql` returns a count of at least one, up to two minutes.
    bool waitFor(const QString& sql) const
    {
        auto connection = database.connect();
        for (int i = 0; i < 2400; ++i) {
            auto result = connection->exec(sql);
            if (result && result->int32(0, 0) > 0)
                return true;
            QTest::qWait(50);
        }
        return false;
    }

    // Terminates the backends of this database other than the caller's whose statement matches
    // `pattern` (LIKE); returns how many.
    int terminate(const QString& pattern) const
    {
        auto connection = database.connect();
        auto result = connection->exec(
            u"SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = "
            u"current_database() AND pid <> pg_backend_pid() AND query LIKE $1"_s,
            {pattern});
        return result ? result->int32(0, 0) : -1;
    }
    QString activeQuery(const QString& pattern) const
    {
        return u"SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND "
               u"pid <> pg_backend_pid() AND state = 'active' AND query LIKE '"_s +
               pattern + u"'"_s;
    }
};

// 002 sleeps as long as `gate` has a row; the retry finds it empty.
void writeGatedMigrations(const Project& p)
{
    p.database.exec(u"CREATE TABLE gate (open int)"_s);
    p.database.exec(u"INSERT INTO gate VALUES (1)"_s);
    p.write(u"db/schema/log.sql"_s, "CREATE TABLE gate (open int);\nCREATE TABLE log (id int);\n"
                                    "CREATE TABLE partial (id int);\n");
    p.write(u"db/migrations/001_log.up.sql"_s,
            "CREATE TABLE IF NOT EXISTS gate (open int);\nCREATE TABLE log (id int);\n");
    p.write(u"db/migrations/002_slow.up.sql"_s,
            "CREATE TABLE partial (id int);\nINSERT INTO partial VALUES (1);\n"
            "SELECT pg_sleep(600) FROM gate;\nINSERT INTO log VALUES (2);\n");
}

const QString sleepPattern = u"%pg_sleep(600)%"_s;

} // namespace

class TestCliFaults : public QObject {
    Q_OBJECT
private slots:
    void backendTerminatedMidMigration_data()
    {
        QTest::addColumn<QStringList>("command");
        QTest::newRow("migrate up") << QStringList{u"migrate"_s, u"up"_s};
        QTest::newRow("sync") << QStringList{u"sync"_s};
    }
    void backendTerminatedMidMigration()
    {
        QFETCH(QStringList, command);
        Project p(u"faultmig"_s);
        writeGatedMigrations(p);
        auto runner = p.start(command);
        QVERIFY(runner->waitForStarted());
        QVERIFY2(p.waitFor(p.activeQuery(sleepPattern)), "the migration never reached the gate");
        QCOMPARE(p.terminate(sleepPattern), 1);
        QVERIFY(runner->waitForFinished(plumb::test::hangTimeoutMs));
        const QString err = QString::fromUtf8(runner->readAllStandardError());
        const QString out = QString::fromUtf8(runner->readAllStandardOutput());
        QCOMPARE(runner->exitStatus(), QProcess::NormalExit);
        QVERIFY2(runner->exitCode() != 0, qPrintable(out + err));
        // A clear error: which migration, and what the server said.
        QVERIFY2(err.contains(u"002"_s), qPrintable(err));
        QVERIFY2(err.contains(u"terminat"_s, Qt::CaseInsensitive), qPrintable(err));

        // 001 is applied and recorded; 002 left nothing.
        QCOMPARE(p.scalar(u"SELECT count(*) FROM tb_confiture"_s), 1);
        QCOMPARE(p.scalar(u"SELECT count(*) FROM pg_tables WHERE tablename = 'partial'"_s), 0);

        p.database.exec(u"DELETE FROM gate"_s);
        const CliRun retry = p.cli(command);
        QVERIFY2(retry.exitCode == 0, qPrintable(both(retry)));
        QCOMPARE(p.scalar(u"SELECT count(*) FROM tb_confiture"_s), 2);
        QCOMPARE(p.scalar(u"SELECT count(*) FROM partial"_s), 1);
    }

    void backendTerminatedMidPreflight()
    {
        Project p(u"faultpre"_s);
        writeGatedMigrations(p);
        auto runner = p.start({u"preflight"_s, u"--against"_s, p.url()});
        QVERIFY(runner->waitForStarted());
        QVERIFY2(p.waitFor(p.activeQuery(sleepPattern)), "the replay never reached the gate");
        QCOMPARE(p.terminate(sleepPattern), 1);
        QVERIFY(runner->waitForFinished(plumb::test::hangTimeoutMs));
        const QString output =
            QString::fromUtf8(runner->readAllStandardOutput() + runner->readAllStandardError());
        QCOMPARE(runner->exitStatus(), QProcess::NormalExit);
        QVERIFY2(runner->exitCode() != 0, qPrintable(output));
        QVERIFY2(output.contains(u"terminat"_s, Qt::CaseInsensitive), qPrintable(output));
        // The replay runs in a transaction that is never committed.
        QCOMPARE(p.scalar(u"SELECT count(*) FROM pg_tables WHERE tablename IN ('log', "
                          u"'partial', 'tb_confiture')"_s),
                 0);

        p.database.exec(u"DELETE FROM gate"_s);
        const CliRun retry = p.cli({u"preflight"_s, u"--against"_s, p.url()});
        QVERIFY2(retry.exitCode == 0, qPrintable(both(retry)));
        QCOMPARE(p.scalar(u"SELECT count(*) FROM pg_tables WHERE tablename = 'log'"_s), 0);
    }

    void backendTerminatedMidIndexBuild()
    {
        // CREATE INDEX CONCURRENTLY commits an invalid index first, then waits for the writers
        // before it: killed there, it leaves the invalid index behind. The retry must rebuild it.
        Project p(u"faultcic"_s);
        p.write(u"db/schema/items.sql"_s, "CREATE TABLE items (id int PRIMARY KEY, price int);\n"
                                          "CREATE INDEX items_price_idx ON items (price);\n");
        p.write(u"db/migrations/001_items.up.sql"_s,
                "CREATE TABLE items (id int PRIMARY KEY, price int);\n");
        const CliRun migrated = p.cli({u"migrate"_s, u"up"_s});
        QVERIFY2(migrated.exitCode == 0, qPrintable(both(migrated)));
        p.database.exec(u"INSERT INTO items SELECT g, g FROM generate_series(1, 100) g"_s);

        auto writer = p.database.connect();
        QVERIFY(writer->exec(u"BEGIN"_s));
        QVERIFY(writer->exec(u"INSERT INTO items VALUES (1000, 1)"_s));
        auto runner = p.start({u"sync"_s});
        QVERIFY(runner->waitForStarted());
        const QString building = u"CREATE INDEX CONCURRENTLY%items_price_idx%"_s;
        QVERIFY2(p.waitFor(p.activeQuery(building) + u" AND wait_event_type = 'Lock'"_s),
                 "the index build never waited for the open writer");
        QCOMPARE(p.terminate(building), 1);
        QVERIFY(runner->waitForFinished(plumb::test::hangTimeoutMs));
        const QString output =
            QString::fromUtf8(runner->readAllStandardOutput() + runner->readAllStandardError());
        QVERIFY2(runner->exitCode() != 0, qPrintable(output));
        QVERIFY2(output.contains(u"items_price_idx"_s), qPrintable(output));
        QVERIFY2(output.contains(u"terminat"_s, Qt::CaseInsensitive), qPrintable(output));
        QVERIFY(writer->exec(u"COMMIT"_s));
        QCOMPARE(p.scalar(u"SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = "
                          u"i.indexrelid WHERE c.relname = 'items_price_idx' AND "
                          u"NOT i.indisvalid"_s),
                 1);

        const CliRun retry = p.cli({u"sync"_s});
        QVERIFY2(retry.exitCode == 0, qPrintable(both(retry)));
        QCOMPARE(p.scalar(u"SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = "
                          u"i.indexrelid WHERE c.relname = 'items_price_idx' AND i.indisvalid"_s),
                 1);
        const CliRun clean = p.cli({u"sync"_s, u"--check"_s});
        QVERIFY2(clean.exitCode == 0, qPrintable(both(clean)));
    }

    void statementTimeoutDuringValidate()
    {
        // The usual online change: 001 adds a check NOT VALID, 002 validates it. Validating
        // takes 50 ms a row (a slow function): 60 rows cannot validate within the one second
        // the environment allows migrations. (Convergence steps that only take SHARE UPDATE
        // EXCLUSIVE, such as its own VALIDATE, run without a statement timeout by design.)
        Project p(u"faultval"_s, "1s");
        p.write(u"db/migrations/001_items.up.sql"_s,
                "CREATE FUNCTION slow_positive(v int) RETURNS boolean LANGUAGE sql IMMUTABLE AS\n"
                "$$ SELECT pg_sleep(0.05) IS NOT NULL AND v >= 0 $$;\n"
                "CREATE TABLE items (id int PRIMARY KEY, price int);\n"
                "INSERT INTO items SELECT g, g FROM generate_series(1, 60) g;\n"
                "ALTER TABLE items ADD CONSTRAINT items_price_check CHECK (slow_positive(price))"
                " NOT VALID;\n");
        p.write(u"db/migrations/002_validate.up.sql"_s,
                "ALTER TABLE items VALIDATE CONSTRAINT items_price_check;\n");

        const CliRun timedOut = p.cli({u"migrate"_s, u"up"_s});
        QVERIFY2(timedOut.exitCode != 0, qPrintable(both(timedOut)));
        const QString output = timedOut.out + timedOut.err;
        QVERIFY2(output.contains(u"statement timeout"_s), qPrintable(both(timedOut)));
        QVERIFY2(output.contains(u"002"_s), qPrintable(both(timedOut)));
        QCOMPARE(p.scalar(u"SELECT count(*) FROM tb_confiture"_s), 1);
        QCOMPARE(p.scalar(u"SELECT count(*) FROM pg_constraint WHERE conname = "
                          u"'items_price_check' AND NOT convalidated"_s),
                 1);

        p.setMigrationTimeout("30min");
        const CliRun retry = p.cli({u"migrate"_s, u"up"_s});
        QVERIFY2(retry.exitCode == 0, qPrintable(both(retry)));
        QCOMPARE(p.scalar(u"SELECT count(*) FROM tb_confiture"_s), 2);
        QCOMPARE(p.scalar(u"SELECT count(*) FROM pg_constraint WHERE conname = "
                          u"'items_price_check' AND convalidated"_s),
                 1);
    }

    void sigkillAtRandomPoints()
    {
        // A few trials here; bench_kill_migrate runs a hundred (PLUMB_KILL_TRIALS sets both).
        const int trials = qEnvironmentVariableIsSet("PLUMB_KILL_TRIALS")
                               ? qEnvironmentVariableIntValue("PLUMB_KILL_TRIALS")
                               : 4;
        plumb::testing::KillTrials harness(plumb::testing::serverInfo(), 4);
        auto calibrated = harness.calibrate();
        QVERIFY2(calibrated, calibrated ? "" : qPrintable(calibrated.error().message));
        for (int trial = 0; trial < trials; ++trial) {
            const plumb::testing::KillTrialOutcome outcome = harness.run(harness.randomPoint());
            QVERIFY2(outcome.violation.isEmpty(), qPrintable(outcome.violation));
        }
    }
};

QTEST_GUILESS_MAIN(TestCliFaults)
#include "tst_cli_faults.moc"
