#include "core/db/connection.h"
#include "core/db/local_cluster.h"
#include "json_schema_check.h"
#include "migrate_project.h"
#include "tests/support/test_paths.h"
#include "tests/support/verify.h"

#include <QJsonArray>
#include <QProcess>

using namespace Qt::StringLiterals;
using plumb::testing::CliRun;
using plumb::testing::MigrateProject;

namespace {

QString both(const CliRun& run)
{
    return u"exit "_s + QString::number(run.exitCode) + u"\nstdout: "_s + run.out +
           u"\nstderr: "_s + run.err;
}

void addUsersMigrations(const MigrateProject& p)
{
    p.write(u"db/migrations/001_users.up.sql"_s, "CREATE TABLE users (id int);\n");
    p.write(u"db/migrations/001_users.down.sql"_s, "DROP TABLE users;\n");
    p.write(u"db/migrations/002_orders.up.sql"_s, "CREATE TABLE orders (id int);\n");
    p.write(u"db/migrations/002_orders.down.sql"_s, "DROP TABLE orders;\n");
}

} // namespace

class TestCliMigrate : public QObject {
    Q_OBJECT
private slots:
    void initThenBuildInScratchAndInto()
    {
        QTemporaryDir dir;
        const CliRun init = plumb::testing::runPlumb({u"init"_s, dir.path()});
        QVERIFY2(init.exitCode == 0, qPrintable(both(init)));
        QVERIFY(QFile::exists(dir.filePath(u"db/environments/local.yaml"_s)));
        QVERIFY(plumb::testing::runPlumb({u"init"_s, dir.path()}).exitCode == 5);

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"DATABASE_URL"_s, u"none"_s);
        // No shadow_url: a private scratch server.
        const CliRun scratch =
            plumb::testing::runPlumb({u"build"_s, u"--project"_s, dir.path()}, env);
        QVERIFY2(scratch.exitCode == 0, qPrintable(both(scratch)));
        QVERIFY(scratch.out.contains(u"Built 2 statements from 2 files"));

        plumb::testing::TestDatabase target(u"buildinto"_s);
        const CliRun into =
            plumb::testing::runPlumb({u"--format=json"_s, u"build"_s, u"--project"_s, dir.path(),
                                      u"--into"_s, target.info().toUri()},
                                     env);
        QVERIFY2(into.exitCode == 0, qPrintable(both(into)));
        const QJsonObject payload = QJsonDocument::fromJson(into.out.toUtf8()).object();
        QCOMPARE(payload[u"statements"_s].toInt(), 2);
        QCOMPARE(payload[u"hash"_s].toString().size(), 64);
        QCOMPARE(payload[u"files"_s].toArray().first().toString(),
                 u"db/schema/00_common/extensions.sql"_s);
        QVERIFY(target.connect()->exec(u"SELECT * FROM app.example"_s));

        const CliRun again = plumb::testing::runPlumb(
            {u"build"_s, u"--project"_s, dir.path(), u"--into"_s, target.info().toUri()}, env);
        QCOMPARE(again.exitCode, 4);
        QVERIFY2(again.err.contains(u"not empty"), qPrintable(both(again)));
    }

    void buildOnShadowServerDropsItsScratchDatabase()
    {
        // A shadow server of its own: other tests create scratch databases on the shared one
        // at any moment, so a count there would race with them.
        plumb::SilentProgress progress;
        auto shadow = plumb::db::LocalCluster::start({}, progress);
        QVERIFY2(shadow, qPrintable(shadow ? QString() : shadow.error().message));
        auto countScratch = [&] {
            auto connection = plumb::db::Connection::open(shadow->connectionInfo());
            auto count = connection
                             ? (*connection)
                                   ->exec(u"SELECT count(*) FROM pg_database WHERE datname LIKE "
                                          u"'plumb\\_scratch\\_%'"_s)
                             : std::unexpected(connection.error());
            return count ? count->int32(0, 0) : -1;
        };
        MigrateProject p(u"clishadow"_s);
        p.write(u"db/schema/00_a.sql"_s,
                "CREATE TABLE a (id int);\nCREATE VIEW v AS SELECT * FROM a;\n");
        p.write(u"db/environments/ci.yaml"_s, "shadow_url: ${SHADOW}\n");
        QProcessEnvironment env = p.environment();
        env.insert(u"SHADOW"_s, shadow->connectionInfo().toUri());
        QCOMPARE(countScratch(), 0);
        const CliRun run = p.run({u"build"_s, u"--env"_s, u"ci"_s}, env);
        QVERIFY2(run.exitCode == 0, qPrintable(both(run)));
        QVERIFY(run.out.contains(u"Built 2 statements from 1 files"));
        QVERIFY(!run.err.contains(u"private PostgreSQL")); // the shadow server was used
        QCOMPARE(countScratch(), 0);
    }

    void buildErrorNamesFileLineAndStatement()
    {
        MigrateProject p(u"builderr"_s);
        p.write(u"db/schema/00_a.sql"_s, "CREATE TABLE a (id int);\n");
        p.write(u"db/schema/10_b.sql"_s,
                "-- b\n\nCREATE TABLE b (id int REFERENCES missing (id));\n");
        const CliRun run = p.run({u"build"_s, u"--into"_s, p.url()});
        QCOMPARE(run.exitCode, 4);
        QVERIFY2(run.err.contains(u"db/schema/10_b.sql:"), qPrintable(both(run)));
        QVERIFY(run.err.contains(u"in statement: CREATE TABLE b"));
        QVERIFY(run.err.contains(u"does not exist"));
        // One transaction: nothing of the failed build stays.
        QCOMPARE(p.scalar(u"SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"_s), 0);
        const QJsonObject envelope = p.json({u"build"_s, u"--into"_s, p.url()});
        const QJsonObject error = envelope[u"error"_s].toObject();
        QCOMPARE(error[u"code"_s].toString(), u"schema"_s);
        QCOMPARE(error[u"file"_s].toString(), u"db/schema/10_b.sql"_s);
        QCOMPARE(error[u"line"_s].toInt(), 3);
        QCOMPARE(error[u"sqlstate"_s].toString(), u"42P01"_s);
    }

    void everyMigrateCommand()
    {
        MigrateProject p(u"clicmds"_s);
        addUsersMigrations(p);

        CliRun status = p.run({u"migrate"_s, u"status"_s});
        QCOMPARE(status.exitCode, 2); // no ledger yet
        QVERIFY(status.err.contains(u"does not exist yet"));
        QCOMPARE(p.run({u"migrate"_s, u"current"_s}).exitCode, 2);

        CliRun up = p.run({u"migrate"_s, u"up"_s, u"--target"_s, u"001"_s});
        QVERIFY2(up.exitCode == 0, qPrintable(both(up)));
        QVERIFY(up.out.contains(u"applied 001 users"));
        QJsonObject payload = p.json({u"migrate"_s, u"up"_s});
        QCOMPARE(payload[u"steps"_s].toArray().size(), 1);
        QCOMPARE(payload[u"steps"_s].toArray()[0][u"version"_s].toString(), u"002"_s);

        payload = p.json({u"migrate"_s, u"status"_s});
        QCOMPARE(payload[u"applied_count"_s].toInt(), 2);
        QCOMPARE(payload[u"current"_s].toString(), u"002"_s);
        QCOMPARE(payload[u"ledger_present"_s].toBool(), true);
        QCOMPARE(p.run({u"migrate"_s, u"current"_s}).out.trimmed(), u"002"_s);
        QCOMPARE(p.json({u"migrate"_s, u"current"_s})[u"name"_s].toString(), u"orders"_s);

        CliRun down = p.run({u"migrate"_s, u"down"_s, u"--steps"_s, u"2"_s});
        QVERIFY2(down.exitCode == 0, qPrintable(both(down)));
        QCOMPARE(p.scalar(u"SELECT count(*) FROM tb_confiture"_s), 0);
        QCOMPARE(p.run({u"migrate"_s, u"current"_s}).out.trimmed(), u"(none)"_s);

        // --dry-run runs nothing and prints what would run; --rehearse runs, then rolls back.
        CliRun dry = p.run({u"migrate"_s, u"up"_s, u"--dry-run"_s});
        QVERIFY2(dry.exitCode == 0, qPrintable(both(dry)));
        QVERIFY2(dry.out.contains(u"would be applied 001 users (db/migrations/001_users.up.sql)"),
                 qPrintable(both(dry)));
        QVERIFY(dry.out.contains(u"CREATE TABLE users (id int);"));
        QVERIFY(dry.out.contains(u"nothing was run"));
        CliRun rehearsal = p.run({u"migrate"_s, u"up"_s, u"--rehearse"_s});
        QVERIFY2(rehearsal.exitCode == 0, qPrintable(both(rehearsal)));
        QVERIFY(rehearsal.out.contains(u"rolled back"));
        QCOMPARE(p.scalar(u"SELECT count(*) FROM tb_confiture"_s), 0);
        QCOMPARE(p.scalar(u"SELECT count(*) FROM pg_tables WHERE tablename = 'users'"_s), 0);
        QCOMPARE(p.run({u"migrate"_s, u"up"_s, u"--dry-run"_s, u"--rehearse"_s}).exitCode, 5);

        QVERIFY(p.run({u"migrate"_s, u"up"_s}).exitCode == 0);
        CliRun downTo = p.run({u"migrate"_s, u"down-to"_s, u"001"_s});
        QVERIFY2(downTo.exitCode == 0, qPrintable(both(downTo)));
        QCOMPARE(p.scalar(u"SELECT count(*) FROM tb_confiture"_s), 1);

        CliRun baseline = p.run({u"migrate"_s, u"baseline"_s, u"--through"_s, u"002"_s});
        QVERIFY2(baseline.exitCode == 0, qPrintable(both(baseline)));
        QCOMPARE(p.scalar(u"SELECT count(*) FROM tb_confiture"_s), 2);
        QCOMPARE(p.scalar(u"SELECT count(*) FROM pg_tables WHERE tablename = 'orders'"_s), 0);

        p.write(u"db/migrations/003_more.up.sql"_s, "SELECT 1;\n");
        CliRun fake = p.run({u"migrate"_s, u"fake"_s, u"003"_s});
        QVERIFY2(fake.exitCode == 0, qPrintable(both(fake)));
        QCOMPARE(p.scalar(u"SELECT count(*) FROM tb_confiture"_s), 3);

        p.remove(u"db/migrations/003_more.up.sql"_s);
        CliRun listed = p.run({u"migrate"_s, u"prune"_s});
        QVERIFY(listed.out.contains(u"stale 003 more"));
        QCOMPARE(p.scalar(u"SELECT count(*) FROM tb_confiture"_s), 3);
        payload = p.json({u"migrate"_s, u"prune"_s, u"--yes"_s});
        QCOMPARE(payload[u"rows"_s].toArray().size(), 1);
        QCOMPARE(p.scalar(u"SELECT count(*) FROM tb_confiture"_s), 2);

        payload = p.json({u"migrate"_s, u"validate"_s});
        QCOMPARE(payload[u"ok"_s].toBool(), true);
        QCOMPARE(payload[u"checked_database"_s].toBool(), true);
    }

    void failuresGiveTheirExitCodeAndAdvice()
    {
        MigrateProject p(u"clierr"_s);
        addUsersMigrations(p);

        // An unreachable server (a --database-url makes the environment protected: confirmed).
        CliRun run = p.run({u"migrate"_s, u"up"_s, u"--database-url"_s,
                            u"postgresql://postgres@127.0.0.1:1/x"_s, u"--confirm"_s, u"x"_s});
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(u"start PostgreSQL"), qPrintable(both(run)));

        // Malformed YAML.
        p.write(u"db/environments/local.yaml"_s, "database_url: [oops\n");
        run = p.run({u"migrate"_s, u"status"_s});
        QCOMPARE(run.exitCode, 5);
        QVERIFY2(run.err.contains(u"malformed YAML") && run.err.contains(u"local.yaml"),
                 qPrintable(both(run)));
        QVERIFY(run.err.contains(u"fix the syntax"));

        // A missing ${VAR}.
        p.write(u"db/environments/local.yaml"_s, "database_url: ${PLUMB_TEST_NOT_SET_ANYWHERE}\n");
        run = p.run({u"migrate"_s, u"up"_s});
        QCOMPARE(run.exitCode, 5);
        QVERIFY2(run.err.contains(u"PLUMB_TEST_NOT_SET_ANYWHERE is not set"),
                 qPrintable(both(run)));
        QVERIFY(run.err.contains(u"export it"));

        // An unknown key loads with a warning naming it (Confiture ignores unknown keys too);
        // the file still names the database, so the command runs (and says the ledger is
        // missing: exit 2, not a config error).
        p.writeDevEnvironment("databse_url: x\n");
        run = p.run({u"migrate"_s, u"status"_s});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(u"local.yaml:3: unknown key 'databse_url' is ignored; did you "
                                  u"mean 'database_url'?"),
                 qPrintable(both(run)));
        p.writeDevEnvironment();

        // Duplicate versions: refused before connecting.
        p.write(u"db/migrations/002_again.up.sql"_s, "SELECT 1;\n");
        run = p.run({u"migrate"_s, u"up"_s});
        QCOMPARE(run.exitCode, 5);
        QVERIFY2(run.err.contains(u"duplicate migration version 002"), qPrintable(both(run)));
        QVERIFY(run.err.contains(u"give one of them a new, later version"));
        QCOMPARE(p.run({u"migrate"_s, u"validate"_s}).exitCode, 5);
        p.remove(u"db/migrations/002_again.up.sql"_s);

        // A modified applied migration.
        QCOMPARE(p.run({u"migrate"_s, u"up"_s}).exitCode, 0);
        p.write(u"db/migrations/001_users.up.sql"_s, "CREATE TABLE users (id bigint);\n");
        run = p.run({u"migrate"_s, u"up"_s});
        QCOMPARE(run.exitCode, 7);
        QVERIFY2(run.err.contains(u"modified after being applied"), qPrintable(both(run)));
        QVERIFY(run.err.contains(u"restore the applied text") ||
                run.err.contains(u"Restore the applied text"));
        QCOMPARE(p.run({u"migrate"_s, u"validate"_s}).exitCode, 7);
        QCOMPARE(p.run({u"migrate"_s, u"up"_s, u"--no-verify-checksums"_s}).exitCode, 0);
        p.write(u"db/migrations/001_users.up.sql"_s, "CREATE TABLE users (id int);\n");

        // A COMMIT inside a file.
        p.write(u"db/migrations/003_commit.up.sql"_s,
                "CREATE TABLE c (id int);\nCOMMIT;\nCREATE TABLE d (id int);\n");
        run = p.run({u"migrate"_s, u"up"_s});
        QCOMPARE(run.exitCode, 4);
        QVERIFY2(run.err.contains(u"db/migrations/003_commit.up.sql:2"), qPrintable(both(run)));
        QVERIFY(run.err.contains(u"COMMIT inside a migration"));
        QCOMPARE(p.scalar(u"SELECT count(*) FROM pg_tables WHERE tablename = 'c'"_s), 0);
        QCOMPARE(p.run({u"migrate"_s, u"validate"_s, u"--offline"_s}).exitCode, 4);
        p.remove(u"db/migrations/003_commit.up.sql"_s);

        // down-to with a missing .down.sql: refused, nothing changes.
        p.write(u"db/migrations/003_irreversible.up.sql"_s, "CREATE TABLE e (id int);\n");
        QCOMPARE(p.run({u"migrate"_s, u"up"_s}).exitCode, 0);
        run = p.run({u"migrate"_s, u"down-to"_s, u"001"_s});
        QCOMPARE(run.exitCode, 8);
        QVERIFY2(run.err.contains(u"003_irreversible"), qPrintable(both(run)));
        QCOMPARE(p.scalar(u"SELECT count(*) FROM tb_confiture"_s), 3);

        // The database disabled with none.
        run = p.run({u"migrate"_s, u"status"_s, u"--database-url"_s, u"none"_s});
        QCOMPARE(run.exitCode, 5);
        QVERIFY(run.err.contains(u"disabled"));
        QCOMPARE(p.run({u"migrate"_s, u"nonsense"_s}).exitCode, 5);
    }

    void lockContentionExitsSixNamingTheHolder()
    {
        MigrateProject p(u"clilock"_s);
        addUsersMigrations(p);
        // Long enough that a loaded machine still starts the second runner while the first
        // holds the lock; the first is killed at the end.
        p.write(u"db/migrations/003_slow.up.sql"_s, "SELECT pg_sleep(600);\n");
        QProcess first;
        first.setProcessEnvironment(p.environment());
        first.start(plumb::testing::cliPath(), {u"migrate"_s, u"up"_s, u"--project"_s, p.root()});
        QVERIFY(first.waitForStarted());
        // Wait until the first runner sleeps inside 003, holding the lock.
        auto watcher = p.database.connect();
        bool holding = false;
        for (int i = 0; i < 2400 && !holding; ++i) {
            auto sleeping = watcher->exec(u"SELECT count(*) FROM pg_stat_activity "
                                          u"WHERE query LIKE 'SELECT pg_sleep(600)%' "
                                          u"AND datname = current_database()"_s);
            holding = sleeping && sleeping->int32(0, 0) > 0;
            if (!holding)
                QTest::qWait(50);
        }
        QVERIFY2(holding, "the first runner never reached its slow migration");
        const CliRun second =
            p.run({u"--format=json"_s, u"migrate"_s, u"up"_s, u"--lock-wait"_s, u"300"_s});
        QCOMPARE(second.exitCode, 6);
        const QJsonObject error =
            QJsonDocument::fromJson(second.out.toUtf8()).object()[u"error"_s].toObject();
        QCOMPARE(error[u"code"_s].toString(), u"lock"_s);
        const QString message = error[u"message"_s].toString();
        QVERIFY2(message.contains(u"application_name 'plumb migrate up since"),
                 qPrintable(message));
        QVERIFY(message.contains(u"pid "));
        QVERIFY(message.contains(u"since 20"));
        first.kill();
        first.waitForFinished(plumb::test::hangTimeoutMs);
    }

    void preflightReplaysAndRollsBack()
    {
        MigrateProject p(u"clipreflight"_s);
        addUsersMigrations(p);
        QCOMPARE(p.run({u"migrate"_s, u"up"_s, u"--target"_s, u"001"_s}).exitCode, 0);
        CliRun run = p.run({u"preflight"_s, u"--against"_s, p.url()});
        QVERIFY2(run.exitCode == 0, qPrintable(both(run)));
        QVERIFY(run.out.contains(u"replayed 002 orders"));
        QCOMPARE(p.scalar(u"SELECT count(*) FROM pg_tables WHERE tablename = 'orders'"_s), 0);

        p.write(u"db/migrations/003_bad.up.sql"_s, "ALTER TABLE nowhere ADD COLUMN x int;\n");
        p.write(u"db/migrations/004_good.up.sql"_s, "ALTER TABLE orders ADD COLUMN x int;\n");
        const QJsonObject report = p.json({u"preflight"_s, u"--against"_s, p.url()});
        QCOMPARE(report[u"exit_code"_s].toInt(), 7);
        QCOMPARE(report[u"failed"_s].toInt(), 1);
        const QJsonArray steps = report[u"steps"_s].toArray();
        QCOMPARE(steps.size(), 3);
        QCOMPARE(steps[1][u"outcome"_s].toString(), u"failed"_s);
        QCOMPARE(steps[2][u"outcome"_s].toString(), u"replayed"_s); // cumulative: sees orders
        QCOMPARE(report[u"schema_compared"_s].toBool(true), false);
        QCOMPARE(p.run({u"preflight"_s, u"--against"_s, p.url()}).exitCode, 7);
        QCOMPARE(p.scalar(u"SELECT count(*) FROM tb_confiture"_s), 1);
        QCOMPARE(p.run({u"preflight"_s, u"--database-url"_s, u"none"_s}).exitCode, 5);
    }

    void preflightWithoutAgainstReplaysOnAScratchCopy()
    {
        MigrateProject p(u"cliprecopy"_s);
        addUsersMigrations(p);
        p.write(u"db/migrations/003_email.up.sql"_s, "ALTER TABLE users ADD COLUMN email text;\n");
        QCOMPARE(p.run({u"migrate"_s, u"up"_s, u"--target"_s, u"001"_s}).exitCode, 0);
        p.database.exec(u"INSERT INTO users VALUES (1)"_s);
        const CliRun run = p.run({u"--format=json"_s, u"preflight"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(both(run)));
        const QJsonObject report = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(report[u"scratch_copy"_s].toBool(), true);
        QCOMPARE(report[u"ledger_present"_s].toBool(), true);
        const QJsonArray steps = report[u"steps"_s].toArray();
        QCOMPARE(steps.size(), 2); // 001 is applied on the target, so on the copy too
        QCOMPARE(steps[0][u"version"_s].toString(), u"002"_s);
        QCOMPARE(steps[1][u"outcome"_s].toString(), u"replayed"_s);
        // The target is untouched.
        QCOMPARE(p.scalar(u"SELECT count(*) FROM tb_confiture"_s), 1);
        QCOMPARE(p.scalar(u"SELECT count(*) FROM information_schema.columns "
                          u"WHERE table_name = 'users' AND column_name = 'email'"_s),
                 0);
        QCOMPARE(p.scalar(u"SELECT count(*) FROM users"_s), 1);

        p.write(u"db/migrations/004_bad.up.sql"_s, "ALTER TABLE users ADD COLUMN email text;\n");
        QCOMPARE(p.run({u"preflight"_s}).exitCode, 7); // email added twice: 004 fails
    }

    void payloadsMatchTheirSchemas()
    {
        MigrateProject p(u"clischema"_s);
        addUsersMigrations(p);
        p.write(u"db/schema/t.sql"_s, "CREATE TABLE t (id int);\n");
        p.write(u"db/migrations/003_bad.sql"_s, "SELECT 1;\n"); // an orphan, for validate
        auto check = [&](const QString& schema, QStringList arguments, int exitCode) {
            arguments.prepend(u"--format=json"_s);
            const CliRun run = p.run(arguments);
            QVERIFY2(run.exitCode == exitCode, qPrintable(both(run)));
            const QString mismatch = plumb::testing::schemaMismatch(schema, run.out);
            QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch + u"\n"_s + run.out));
        };
        check(u"migrate-status"_s, {u"migrate"_s, u"status"_s}, 2);
        check(u"error-envelope"_s, {u"migrate"_s, u"current"_s}, 2);
        check(u"migrate-run"_s, {u"migrate"_s, u"up"_s, u"--target"_s, u"001"_s}, 0);
        check(u"sync"_s, {u"sync"_s, u"--check"_s}, 7);
        // db/schema declares t, the migrations make users and orders: drift.
        check(u"preflight"_s, {u"preflight"_s, u"--against"_s, p.url()}, 7);
        check(u"migrate-run"_s, {u"migrate"_s, u"up"_s, u"--dry-run"_s}, 0);
        check(u"sync"_s, {u"sync"_s}, 0);
        check(u"migrate-status"_s, {u"migrate"_s, u"status"_s}, 0);
        check(u"migrate-current"_s, {u"migrate"_s, u"current"_s}, 0);
        check(u"migrate-validate"_s, {u"migrate"_s, u"validate"_s}, 0);
        check(u"migrate-prune"_s, {u"migrate"_s, u"prune"_s}, 0);
        check(u"migrate-run"_s, {u"migrate"_s, u"down-to"_s, u"001"_s}, 0);
        check(u"migrate-run"_s, {u"migrate"_s, u"baseline"_s, u"--through"_s, u"002"_s}, 0);
        check(u"error-envelope"_s, {u"migrate"_s, u"fake"_s, u"404"_s}, 5);
        plumb::testing::TestDatabase empty(u"schemabuild"_s);
        check(u"build"_s, {u"build"_s, u"--into"_s, empty.info().toUri()}, 0);
        QTemporaryDir fresh;
        const CliRun init = plumb::testing::runPlumb({u"--format=json"_s, u"init"_s, fresh.path()});
        QCOMPARE(init.exitCode, 0);
        QVERIFY2(plumb::testing::schemaMismatch(u"init"_s, init.out).isEmpty(),
                 qPrintable(init.out));
    }

    void syncAppliesMigrationsAndCheckReports()
    {
        MigrateProject p(u"clisync"_s);
        addUsersMigrations(p);
        CliRun check = p.run({u"sync"_s, u"--check"_s});
        QCOMPARE(check.exitCode, 7);
        QVERIFY2(check.out.contains(u"pending 001 users"), qPrintable(both(check)));
        QCOMPARE(p.scalar(u"SELECT count(*) FROM pg_tables WHERE tablename = 'users'"_s), 0);
        CliRun sync = p.run({u"sync"_s});
        QVERIFY2(sync.exitCode == 0, qPrintable(both(sync)));
        QVERIFY(sync.out.contains(u"Applied 2 migration(s)"));
        QVERIFY(sync.err.contains(u"db/schema declares nothing"));
        const QJsonObject clean = p.json({u"sync"_s, u"--check"_s});
        QCOMPARE(clean[u"ok"_s].toBool(), true);
        QCOMPARE(clean[u"convergence_available"_s].toBool(true), false);
    }
};

QTEST_GUILESS_MAIN(TestCliMigrate)
#include "tst_cli_migrate.moc"
