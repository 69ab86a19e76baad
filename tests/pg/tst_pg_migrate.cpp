#include "core/migrate/migration_lock.h"
#include "core/migrate/replay.h"
#include "core/migrate/runner.h"
#include "core/migrate/status.h"
#include "tests/support/test_database.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb;
using namespace plumb::migrate;
using plumb::testing::TestDatabase;

namespace {

void writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(content);
}

// A migrations folder with three reversible migrations.
struct Fixture {
    QTemporaryDir dir;
    TestDatabase database{u"migrate"_s};
    std::unique_ptr<db::Connection> connection = database.connect();
    SilentProgress progress;

    Fixture()
    {
        writeFile(dir.filePath(u"001_users.up.sql"_s), "CREATE TABLE users (id int);\n");
        writeFile(dir.filePath(u"001_users.down.sql"_s), "DROP TABLE users;\n");
        writeFile(dir.filePath(u"002_orders.up.sql"_s), "CREATE TABLE orders (id int);\n");
        writeFile(dir.filePath(u"002_orders.down.sql"_s), "DROP TABLE orders;\n");
        writeFile(dir.filePath(u"003_email.up.sql"_s),
                  "ALTER TABLE users ADD COLUMN email text;\n");
        writeFile(dir.filePath(u"003_email.down.sql"_s), "ALTER TABLE users DROP COLUMN email;\n");
    }
    MigrationSet migrations() const { return *discoverMigrations(dir.path()); }
    Ledger ledger() const { return *Ledger::named(u"tb_confiture"_s); }
    Runner runner(RunnerOptions options = {})
    {
        options.lockWaitMs = 2000;
        return Runner(*connection, migrations(), ledger(), options, progress);
    }
    bool hasTable(const QString& name)
    {
        return connection->exec(u"SELECT to_regclass($1) IS NOT NULL"_s, {name})->boolean(0, 0);
    }
    QStringList applied()
    {
        QStringList versions;
        auto rows = ledger().rows(*connection);
        if (rows)
            for (const LedgerRow& row : *rows)
                versions.append(row.version);
        return versions;
    }
};

} // namespace

class TestPgMigrate : public QObject {
    Q_OBJECT
private slots:
    void upCreatesLedgerAndAppliesInOrder()
    {
        Fixture f;
        QVERIFY(!*f.ledger().exists(*f.connection));
        auto report = f.runner().up(u"002"_s);
        QVERIFY2(report, report ? "" : qPrintable(report.error().describe()));
        QCOMPARE(report->steps.size(), 2);
        QCOMPARE(f.applied(), (QStringList{u"001"_s, u"002"_s}));
        auto rest = f.runner().up();
        QVERIFY(rest);
        QCOMPARE(rest->steps.size(), 1);
        QCOMPARE(f.applied(), (QStringList{u"001"_s, u"002"_s, u"003"_s}));
        // Confiture's columns, filled as Confiture fills them.
        auto row = f.connection->exec(
            u"SELECT slug, checksum, applied_by, execution_time_ms, pk_confiture, id "
            u"FROM tb_confiture WHERE version = '001'"_s);
        QVERIFY(row);
        // Confiture's slug: {name}_{YYYYMMDD_HHMMSS}.
        QVERIFY2(QRegularExpression(u"^users_\\d{8}_\\d{6}$"_s).match(row->text(0, 0)).hasMatch(),
                 qPrintable(row->text(0, 0)));
        QCOMPARE(row->text(0, 1), f.migrations().find(u"001"_s)->checksum);
        QCOMPARE(row->text(0, 2), u"postgres"_s);
        QCOMPARE((*f.runner().up()).steps.size(), 0);
        // applied_at reads back whatever the session's time zone.
        QVERIFY(f.connection->exec(u"SET TimeZone = 'Asia/Kolkata'"_s));
        auto rows = f.ledger().rows(*f.connection);
        QVERIFY(rows);
        QVERIFY(rows->front().appliedAt.isValid());
        QVERIFY(qAbs(rows->front().appliedAt.secsTo(QDateTime::currentDateTimeUtc())) < 3600);
    }

    void downAndDownTo()
    {
        Fixture f;
        QVERIFY(f.runner().up());
        auto down = f.runner().down(1);
        QVERIFY(down);
        QCOMPARE(f.applied(), (QStringList{u"001"_s, u"002"_s}));
        QVERIFY(!f.connection->exec(u"SELECT email FROM users"_s));
        QVERIFY(f.runner().up());
        auto to = f.runner().downTo(u"001"_s);
        QVERIFY2(to, to ? "" : qPrintable(to.error().describe()));
        QCOMPARE(to->steps.size(), 2);
        QCOMPARE(to->steps[0].version, u"003"_s);
        QCOMPARE(f.applied(), QStringList{u"001"_s});
        QVERIFY(!f.hasTable(u"orders"_s));
        auto unknown = f.runner().downTo(u"003"_s);
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().code, ErrorCode::Config);
    }

    void downToRefusesAtomicallyWithoutDownFile()
    {
        Fixture f;
        QVERIFY(f.runner().up());
        QFile::remove(f.dir.filePath(u"002_orders.down.sql"_s));
        auto refused = f.runner().downTo(u"001"_s);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Irreversible);
        QVERIFY(refused.error().message.contains(u"002_orders"));
        QVERIFY(refused.error().message.contains(u"Nothing was changed"));
        // 003 was reversible but must not have been rolled back.
        QCOMPARE(f.applied(), (QStringList{u"001"_s, u"002"_s, u"003"_s}));
        QVERIFY(f.connection->exec(u"SELECT email FROM users"_s));
    }

    void failedMigrationLeavesNothing()
    {
        Fixture f;
        writeFile(f.dir.filePath(u"004_broken.up.sql"_s),
                  "CREATE TABLE half (id int);\nINSERT INTO nowhere VALUES (1);\n");
        auto report = f.runner().up();
        QVERIFY(!report);
        QCOMPARE(report.error().code, ErrorCode::Schema);
        QVERIFY(report.error().file.endsWith(u"004_broken.up.sql"));
        QCOMPARE(report.error().line, 2);
        QCOMPARE(f.applied(), (QStringList{u"001"_s, u"002"_s, u"003"_s}));
        QVERIFY(!f.hasTable(u"half"_s));
    }

    void dryRunRollsBackForReal()
    {
        Fixture f;
        RunnerOptions options;
        options.rehearse = true;
        auto report = f.runner(options).up();
        QVERIFY2(report, report ? "" : qPrintable(report.error().describe()));
        QCOMPARE(report->steps.size(), 3);
        QVERIFY(report->rehearsal);
        QVERIFY(!f.hasTable(u"users"_s));
        QVERIFY(!*f.ledger().exists(*f.connection));
        // With a ledger present, its rows are rolled back too.
        QVERIFY(f.runner().up(u"001"_s));
        QVERIFY(f.runner(options).up());
        QCOMPARE(f.applied(), QStringList{u"001"_s});
        QVERIFY(!f.hasTable(u"orders"_s));
    }

    void nonTransactionalStatementsRunOutsideTransaction()
    {
        Fixture f;
        writeFile(f.dir.filePath(u"004_index.up.sql"_s),
                  "-- plumb: lock_timeout=1s\n"
                  "CREATE INDEX CONCURRENTLY users_id ON users (id);\n"
                  "COMMENT ON INDEX users_id IS 'built online';\n");
        writeFile(f.dir.filePath(u"004_index.down.sql"_s), "DROP INDEX CONCURRENTLY users_id;\n");
        auto report = f.runner().up();
        QVERIFY2(report, report ? "" : qPrintable(report.error().describe()));
        QCOMPARE(report->steps.size(), 4);
        QVERIFY(!report->steps.last().transactional);
        QVERIFY(f.hasTable(u"users_id"_s));
        QCOMPARE(f.applied().size(), 4);
        QVERIFY(f.runner().down(1));
        QVERIFY(!f.hasTable(u"users_id"_s));
        QCOMPARE(f.applied().size(), 3);
    }

    void perFileLockTimeoutApplies()
    {
        Fixture f;
        QVERIFY(f.runner().up());
        writeFile(f.dir.filePath(u"004_locked.up.sql"_s),
                  "-- plumb: lock_timeout=200ms\nALTER TABLE users ADD COLUMN age int;\n");
        auto blocker = f.database.connect();
        QVERIFY(blocker->exec(u"BEGIN"_s));
        QVERIFY(blocker->exec(u"LOCK TABLE users IN ACCESS SHARE MODE"_s));
        auto report = f.runner().up();
        QVERIFY(!report);
        QCOMPARE(report.error().sqlState, u"55P03"_s);
        QCOMPARE(report.error().code, ErrorCode::Lock);
        QVERIFY(blocker->exec(u"ROLLBACK"_s));
        QCOMPARE(f.applied().size(), 3);
        QVERIFY(f.runner().up());
        QCOMPARE(f.applied().size(), 4);
    }

    void perFileStatementTimeoutApplies()
    {
        Fixture f;
        writeFile(f.dir.filePath(u"004_slow.up.sql"_s),
                  "-- plumb: statement_timeout=200ms\nCREATE TABLE slow (id int);\n"
                  "SELECT pg_sleep(5);\n");
        auto report = f.runner().up();
        QVERIFY(!report);
        QCOMPARE(report.error().sqlState, u"57014"_s);
        QCOMPARE(report.error().line, 3);
        QCOMPARE(f.applied().size(), 3);
        QVERIFY(!f.hasTable(u"slow"_s));
        // Without the directive, the environment's timeouts apply.
        RunnerOptions strict;
        strict.timeouts = {u"1s"_s, u"100ms"_s};
        writeFile(f.dir.filePath(u"004_slow.up.sql"_s), "SELECT pg_sleep(5);\n");
        auto defaulted = f.runner(strict).up();
        QVERIFY(!defaulted);
        QCOMPARE(defaulted.error().sqlState, u"57014"_s);
    }

    void dryRunDownChangesNothing()
    {
        Fixture f;
        QVERIFY(f.runner().up());
        RunnerOptions options;
        options.rehearse = true;
        auto report = f.runner(options).downTo(u"001"_s);
        QVERIFY2(report, report ? "" : qPrintable(report.error().describe()));
        QCOMPARE(report->steps.size(), 2);
        QCOMPARE(f.applied().size(), 3);
        QVERIFY(f.hasTable(u"orders"_s));
    }

    void secondRunnerWaitsThenNamesTheHolder()
    {
        Fixture f;
        auto other = f.database.connect();
        SilentProgress quiet;
        auto held = MigrationLock::acquire(*other, u"migrate up"_s, 1000, quiet);
        QVERIFY(held);
        RunnerOptions options;
        options.lockWaitMs = 300;
        auto blocked = Runner(*f.connection, f.migrations(), f.ledger(), options, f.progress).up();
        QVERIFY(!blocked);
        QCOMPARE(blocked.error().code, ErrorCode::Lock);
        QVERIFY2(blocked.error().message.contains(u"pid "_s + QString::number(other->backendPid())),
                 qPrintable(blocked.error().message));
        QVERIFY(blocked.error().message.contains(u"plumb migrate up since"));
        QVERIFY(blocked.error().message.contains(u"pg_terminate_backend"));
        QVERIFY(!*f.ledger().exists(*f.connection));
        auto holder = MigrationLock::holder(*f.connection);
        QVERIFY(holder && *holder);
        QCOMPARE((*holder)->pid, other->backendPid());
        QVERIFY((*holder)->since.isValid());
    }

    // A session holding the migration lock cannot sit idle inside a transaction for ever: the
    // server would end it, releasing its table locks and the migration lock.
    void lockHolderHasAnIdleInTransactionTimeout()
    {
        Fixture f;
        auto session = f.database.connect();
        auto setting = [&] {
            auto shown = session->exec(u"SHOW idle_in_transaction_session_timeout"_s);
            return shown ? shown->text(0, 0) : QString();
        };
        QCOMPARE(setting(), u"0"_s);
        {
            SilentProgress quiet;
            auto held = MigrationLock::acquire(*session, u"migrate up"_s, 1000, quiet);
            QVERIFY(held);
            QCOMPARE(setting(), u"1min"_s);
        }
        QCOMPARE(setting(), u"0"_s); // restored with the lock's release
    }

    void checksumMismatchRefusesUp()
    {
        Fixture f;
        QVERIFY(f.runner().up(u"002"_s));
        writeFile(f.dir.filePath(u"001_users.up.sql"_s), "CREATE TABLE users (id bigint);\n");
        auto refused = f.runner().up();
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Drift);
        QVERIFY(refused.error().message.contains(u"001_users.up.sql"));
        QVERIFY(refused.error().message.contains(u"new migration"));
        RunnerOptions lenient;
        lenient.verifyChecksums = false;
        QVERIFY(f.runner(lenient).up());
        auto status = readStatus(*f.connection, f.migrations(), f.ledger());
        QVERIFY(status);
        QVERIFY(status->migrations[0].modified);
        auto validation =
            validateMigrations(f.migrations(), f.dir.path(), f.connection.get(), f.ledger());
        QVERIFY(validation);
        QCOMPARE(validation->failure(), std::optional(ErrorCode::Drift));
    }

    void baselineFakePruneAndStatus()
    {
        Fixture f;
        auto marked = f.runner().baseline(u"002"_s);
        QVERIFY2(marked, marked ? "" : qPrintable(marked.error().describe()));
        QCOMPARE(marked->steps.size(), 2);
        QVERIFY(!f.hasTable(u"users"_s)); // nothing ran
        auto status = readStatus(*f.connection, f.migrations(), f.ledger());
        QVERIFY(status);
        QCOMPARE(status->appliedCount, 2);
        QCOMPARE(status->pendingCount, 1);
        QCOMPARE(status->current, u"002"_s);
        QVERIFY(f.runner().fake(u"003"_s));
        QCOMPARE(f.applied().size(), 3);
        QVERIFY(!f.runner().fake(u"999"_s));

        QFile::remove(f.dir.filePath(u"003_email.up.sql"_s));
        QFile::remove(f.dir.filePath(u"003_email.down.sql"_s));
        auto listed = f.runner().prune(false);
        QVERIFY(listed);
        QCOMPARE(listed->size(), 1);
        QCOMPARE(f.applied().size(), 3);
        auto pruned = f.runner().prune(true);
        QVERIFY(pruned);
        QCOMPARE(f.applied(), (QStringList{u"001"_s, u"002"_s}));
    }

    void replayIsCumulativeIsolatedAndRolledBack()
    {
        Fixture f;
        QVERIFY(f.runner().up(u"001"_s));
        writeFile(f.dir.filePath(u"004_bad.up.sql"_s), "ALTER TABLE nowhere ADD COLUMN x int;\n");
        writeFile(f.dir.filePath(u"005_after.up.sql"_s),
                  "ALTER TABLE orders ADD COLUMN total numeric;\n");
        int inspectedTables = -1;
        auto report = replayPending(
            *f.connection, f.migrations(), f.ledger(), f.dir.path(), {u"1s"_s, u"1min"_s},
            f.progress, [&](db::Connection& connection) -> Status {
                inspectedTables = connection
                                      .exec(u"SELECT count(*) FROM pg_tables WHERE tablename IN "
                                            u"('users', 'orders')"_s)
                                      ->int32(0, 0);
                return {};
            });
        QVERIFY2(report, report ? "" : qPrintable(report.error().describe()));
        QVERIFY(report->ledgerPresent);
        QCOMPARE(report->steps.size(), 4); // 002, 003, 004, 005
        QCOMPARE(report->failed(), 1);
        QCOMPARE(int(report->steps[2].outcome), int(ReplayStep::Outcome::Failed));
        QCOMPARE(int(report->steps[3].outcome), int(ReplayStep::Outcome::Replayed));
        QCOMPARE(inspectedTables, 2);
        QVERIFY(!f.hasTable(u"orders"_s));
        QCOMPARE(f.applied(), QStringList{u"001"_s});
    }
};

QTEST_GUILESS_MAIN(TestPgMigrate)
#include "tst_pg_migrate.moc"
