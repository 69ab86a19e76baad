// Python migrations as Confiture writes them (db/migrations/NNN_name.py, a Migration subclass
// with up() and down() calling self.execute), run by `plumb migrate` through the user's Python
// interpreter, with Plumbline's own confiture.models.migration: Confiture is not installed here.

#include "core/migrate/migration_files.h"
#include "migrate_project.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using plumb::testing::CliRun;
using plumb::testing::MigrateProject;

namespace {

QString both(const CliRun& run)
{
    return u"exit "_s + QString::number(run.exitCode) + u"\nstdout: "_s + run.out +
           u"\nstderr: "_s + run.err;
}

// Shaped like Confiture's examples/basic: the initial schema as a Python migration.
const QByteArray initialSchema = R"py("""Migration: create_initial_schema

Version: 001
"""

from confiture.models.migration import Migration


class CreateInitialSchema(Migration):
    """Migration: create_initial_schema."""

    version = "001"
    name = "create_initial_schema"

    def up(self) -> None:
        self.execute("""
            CREATE TABLE users (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                username TEXT NOT NULL UNIQUE,
                email TEXT NOT NULL
            );
            CREATE INDEX idx_users_email ON users (email)
        """)
        self.execute(
            "INSERT INTO users (username, email) VALUES (%s, %s), (%s, %s)",
            ("ada", "ada@example.com", "grace", "grace@example.com"),
        )
        print("created users")

    def down(self) -> None:
        self.execute("DROP TABLE IF EXISTS users CASCADE")
)py";

// A data migration that reads rows through the connection and binds named parameters.
const QByteArray backfill = R"py(from confiture.models.migration import Migration


class BackfillDisplayNames(Migration):
    version = "003"
    name = "backfill_display_names"

    def up(self):
        with self.connection.cursor() as cursor:
            cursor.execute("SELECT id, username FROM users WHERE id > %s ORDER BY id", (0,))
            rows = cursor.fetchall()
        for user_id, username in rows:
            self.execute(
                "UPDATE users SET display_name = %(name)s WHERE id = %(id)s",
                {"name": username.title(), "id": user_id},
            )

    def down(self):
        self.execute("UPDATE users SET display_name = NULL")
)py";

const QByteArray sqlMigration = R"py(from confiture.models.migration import SQLMigration


class AddAudit(SQLMigration):
    version = "004"
    name = "add_audit"
    up_sql = "CREATE TABLE audit (id int); INSERT INTO audit VALUES (1)"
    down_sql = "DROP TABLE audit"
)py";

const QByteArray concurrentIndex = R"py(from confiture.models.migration import Migration


class AddNameIndex(Migration):
    version = "005"
    name = "add_name_index"
    transactional = False

    def up(self):
        self.execute("CREATE INDEX CONCURRENTLY idx_users_display_name ON users (display_name)")

    def down(self):
        self.execute("DROP INDEX CONCURRENTLY IF EXISTS idx_users_display_name")
)py";

QByteArray migrationBody(const QByteArray& version, const QByteArray& name, const QByteArray& up,
                         const QByteArray& extra = {})
{
    return "from confiture.models.migration import Migration\n" + extra +
           "\n\nclass M(Migration):\n    version = \"" + version + "\"\n    name = \"" + name +
           "\"\n\n    def up(self):\n" + up + "\n    def down(self):\n        pass\n";
}

void writeChain(const MigrateProject& p)
{
    p.write(u"db/migrations/001_create_initial_schema.py"_s, initialSchema);
    p.write(u"db/migrations/002_add_display_name.up.sql"_s,
            "ALTER TABLE users ADD COLUMN display_name text;\n");
    p.write(u"db/migrations/002_add_display_name.down.sql"_s,
            "ALTER TABLE users DROP COLUMN display_name;\n");
    p.write(u"db/migrations/003_backfill_display_names.py"_s, backfill);
    p.write(u"db/migrations/004_add_audit.py"_s, sqlMigration);
    p.write(u"db/migrations/005_add_name_index.py"_s, concurrentIndex);
}

} // namespace

class TestCliPythonMigrations : public QObject {
    Q_OBJECT
private slots:
    void applyAndRollBackWithConfitureLedgerRows()
    {
        MigrateProject p(u"pyapply"_s);
        writeChain(p);
        CliRun run = p.run({u"migrate"_s, u"up"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(both(run)));
        QVERIFY2(run.out.contains(u"applied 001 create_initial_schema"), qPrintable(both(run)));
        // The migration's print() reaches the log, marked with its file.
        QVERIFY2(run.err.contains(u"db/migrations/001_create_initial_schema.py: created users"),
                 qPrintable(both(run)));
        QCOMPARE(p.scalar(u"SELECT count(*) FROM users WHERE display_name IN ('Ada', 'Grace')"_s),
                 2);
        QCOMPARE(p.scalar(u"SELECT count(*) FROM audit"_s), 1);
        QCOMPARE(p.scalar(u"SELECT count(*) FROM pg_index WHERE indisvalid AND indexrelid = "
                          u"'idx_users_display_name'::regclass"_s),
                 1);

        // The rows Confiture writes: version and name from the class, slug
        // {name}_{YYYYMMDD_HHMMSS}, SHA-256 of the file, the applying role, a duration.
        auto connection = p.database.connect();
        auto rows = connection->exec(
            u"SELECT version, name, slug, checksum, applied_by = current_user, "
            u"execution_time_ms >= 0, id IS NOT NULL, pk_confiture FROM tb_confiture "
            u"ORDER BY pk_confiture"_s);
        QVERIFY(rows);
        QCOMPARE(rows->rowCount(), 5);
        const QStringList files{u"001_create_initial_schema.py"_s, u"002_add_display_name.up.sql"_s,
                                u"003_backfill_display_names.py"_s, u"004_add_audit.py"_s,
                                u"005_add_name_index.py"_s};
        for (int row = 0; row < rows->rowCount(); ++row) {
            const QString name = rows->text(row, 1);
            QCOMPARE(rows->text(row, 0) + u'_' + name, files[row].section(u'.', 0, 0));
            QVERIFY2(QRegularExpression(u"^"_s + name + u"_\\d{8}_\\d{6}$"_s)
                         .match(rows->text(row, 2))
                         .hasMatch(),
                     qPrintable(rows->text(row, 2)));
            QCOMPARE(rows->text(row, 3),
                     plumb::migrate::sha256File(p.dir.filePath(u"db/migrations/"_s + files[row])));
            QVERIFY(rows->boolean(row, 4));
            QVERIFY(rows->boolean(row, 5));
            QVERIFY(rows->boolean(row, 6));
        }

        // Listed with their ledger status; Python migrations roll back through down().
        const QJsonObject status = p.json({u"migrate"_s, u"status"_s});
        const QJsonObject first = status[u"migrations"_s].toArray().first().toObject();
        QCOMPARE(first[u"status"_s].toString(), u"applied"_s);
        QVERIFY(first[u"reversible"_s].toBool());

        run = p.run({u"migrate"_s, u"down-to"_s, u"002"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(both(run)));
        QCOMPARE(p.scalar(u"SELECT count(*) FROM tb_confiture"_s), 2);
        QCOMPARE(p.scalar(u"SELECT count(*) FROM users WHERE display_name IS NOT NULL"_s), 0);
        QCOMPARE(p.scalar(u"SELECT count(*) FROM pg_class WHERE relname IN ('audit', "
                          u"'idx_users_display_name')"_s),
                 0);
        run = p.run({u"migrate"_s, u"down"_s, u"--steps"_s, u"2"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(both(run)));
        QCOMPARE(p.scalar(u"SELECT count(*) FROM tb_confiture"_s), 0);
        QCOMPARE(p.scalar(u"SELECT count(*) FROM pg_class WHERE relname = 'users'"_s), 0);
    }

    void rehearsalLeavesNothing()
    {
        MigrateProject p(u"pyrehearse"_s);
        writeChain(p);
        const CliRun run = p.run({u"migrate"_s, u"up"_s, u"--rehearse"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(both(run)));
        QVERIFY2(run.err.contains(u"db/migrations/003_backfill_display_names.py up()"),
                 qPrintable(both(run)));
        // Not transactional: it could not be rolled back, so a rehearsal leaves it out.
        QVERIFY2(run.err.contains(u"005_add_name_index.py was not run in the rehearsal"),
                 qPrintable(both(run)));
        QCOMPARE(p.scalar(u"SELECT count(*) FROM pg_class WHERE relname IN ('users', 'audit', "
                          u"'tb_confiture')"_s),
                 0);
    }

    void dryRunListsWithoutRunningPython()
    {
        // A dry run runs nothing: a Python migration is listed, and the output says why its
        // statements are not shown; the SQL one shows its statements.
        MigrateProject p(u"pydry"_s);
        writeChain(p);
        const CliRun run = p.run({u"migrate"_s, u"up"_s, u"--dry-run"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(both(run)));
        QVERIFY2(run.out.contains(u"would be applied 001 create_initial_schema "
                                  u"(db/migrations/001_create_initial_schema.py)"),
                 qPrintable(both(run)));
        QVERIFY(run.out.contains(u"ALTER TABLE users ADD COLUMN display_name text;"));
        QVERIFY2(run.err.contains(u"001_create_initial_schema.py is a Python migration: the dry "
                                  u"run lists it but cannot show its statements"),
                 qPrintable(both(run)));
        QVERIFY(!run.err.contains(u"running db/migrations/"));
        QCOMPARE(p.scalar(u"SELECT count(*) FROM pg_class WHERE relname IN ('users', 'audit', "
                          u"'tb_confiture')"_s),
                 0);
    }

    void aFailingMigrationLeavesNeitherChangesNorRow_data()
    {
        QTest::addColumn<QByteArray>("up");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("says");
        QTest::addColumn<int>("line");
        const QByteArray marker = "        self.execute(\"CREATE TABLE marker (id int)\")\n";
        QTest::newRow("failing statement")
            << QByteArray(marker + "        self.execute(\"INSERT INTO nowhere VALUES (1)\")\n")
            << 4 << u"relation \"nowhere\" does not exist"_s << 10;
        QTest::newRow("error caught by the migration")
            << QByteArray(marker + "        try:\n            self.execute(\"SELECT 1/0\")\n"
                                   "        except Exception:\n            pass\n")
            << 4 << u"a statement failed and the migration went on"_s << 0;
        QTest::newRow("commit in the body")
            << QByteArray(marker + "        self.execute(\"COMMIT\")\n") << 4
            << u"COMMIT inside a migration"_s << 10;
        QTest::newRow("concurrently in a transactional migration")
            << QByteArray(marker + "        self.execute(\"CREATE INDEX CONCURRENTLY i ON marker "
                                   "(id)\")\n")
            << 4 << u"set transactional = False"_s << 10;
        QTest::newRow("python exception")
            << QByteArray(marker + "        raise ValueError(\"no such customer\")\n") << 4
            << u"up() raised ValueError: no such customer"_s << 10;
        QTest::newRow("parameters for two statements")
            << QByteArray(marker + "        self.execute(\"SELECT %s; SELECT 2\", (1,))\n") << 4
            << u"exactly one statement"_s << 10;
    }

    void aFailingMigrationLeavesNeitherChangesNorRow()
    {
        QFETCH(QByteArray, up);
        QFETCH(int, exitCode);
        QFETCH(QString, says);
        QFETCH(int, line);
        MigrateProject p(u"pyfail"_s);
        p.write(u"db/migrations/001_fails.py"_s, migrationBody("001", "fails", up));
        const CliRun run = p.run({u"--format=json"_s, u"migrate"_s, u"up"_s});
        QCOMPARE(run.exitCode, exitCode);
        const QJsonObject error =
            QJsonDocument::fromJson(run.out.toUtf8()).object()[u"error"_s].toObject();
        QVERIFY2(error[u"message"_s].toString().contains(says), qPrintable(both(run)));
        QCOMPARE(error[u"file"_s].toString(), u"db/migrations/001_fails.py"_s);
        if (line > 0)
            QCOMPARE(error[u"line"_s].toInt(), line);
        QCOMPARE(p.scalar(u"SELECT count(*) FROM pg_class WHERE relname = 'marker'"_s), 0);
        QCOMPARE(p.scalar(u"SELECT count(*) FROM tb_confiture"_s), 0);
    }

    void savepointsAndSqlFilesWork()
    {
        // Confiture's transaction contract: a body may open its own savepoints and recover from
        // a failed statement inside one; execute_file() reads SQL relative to the project.
        MigrateProject p(u"pysavepoint"_s);
        p.write(u"db/sql/create_orders.sql"_s,
                "CREATE TABLE orders (id int PRIMARY KEY);\nINSERT INTO orders VALUES (1);\n");
        p.write(u"db/migrations/001_orders.py"_s,
                migrationBody("001", "orders",
                              "        self.execute_file(\"db/sql/create_orders.sql\")\n"
                              "        try:\n"
                              "            with self.connection.transaction():\n"
                              "                self.execute(\"INSERT INTO orders VALUES (1)\")\n"
                              "        except Exception as error:\n"
                              "            print(\"duplicate skipped:\", error.sqlstate if "
                              "hasattr(error, 'sqlstate') else error)\n"
                              "        self.execute(\"INSERT INTO orders VALUES (2)\")\n"));
        const CliRun run = p.run({u"migrate"_s, u"up"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(both(run)));
        QVERIFY2(run.err.contains(u"duplicate skipped"), qPrintable(both(run)));
        QCOMPARE(p.scalar(u"SELECT count(*) FROM orders"_s), 2);
        QCOMPARE(p.scalar(u"SELECT count(*) FROM tb_confiture"_s), 1);
    }

    void runsInTheLedgerRowsTransactionUnderTheLock()
    {
        // What the migration's statements see, kept in a table: the advisory lock Confiture's
        // runners take (key 1751936052) held by the session that runs them, and the idle bound
        // while Python works between two statements (the migration's statement_timeout, not
        // the lock's one minute). The table and the ledger row share one transaction id.
        MigrateProject p(u"pylock"_s);
        p.write(u"db/migrations/001_seen.py"_s,
                migrationBody("001", "seen",
                              "        self.execute(\"\"\"CREATE TABLE seen AS SELECT\n"
                              "            current_setting('idle_in_transaction_session_timeout')"
                              " AS idle,\n"
                              "            (SELECT count(*) FROM pg_locks WHERE locktype = "
                              "'advisory'\n"
                              "             AND classid = 1751936052 AND granted AND pid = "
                              "pg_backend_pid()) AS locks\"\"\")\n"));
        const CliRun run = p.run({u"migrate"_s, u"up"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(both(run)));
        auto connection = p.database.connect();
        auto seen = connection->exec(u"SELECT idle, locks FROM seen"_s);
        QVERIFY(seen && seen->rowCount() == 1);
        QCOMPARE(seen->text(0, 0), u"30min"_s);
        QCOMPARE(seen->text(0, 1), u"1"_s);
        QCOMPARE(p.scalar(u"SELECT count(*) FROM seen s, tb_confiture t WHERE s.xmin = t.xmin "
                          u"AND t.version = '001'"_s),
                 1);
    }

    void classAndFileNameMustAgree()
    {
        MigrateProject p(u"pyname"_s);
        p.write(u"db/migrations/002_create_things.py"_s,
                migrationBody("001", "create_things", "        pass\n"));
        const CliRun run = p.run({u"migrate"_s, u"up"_s});
        QCOMPARE(run.exitCode, 4);
        QVERIFY2(run.err.contains(u"says version '001'") && run.err.contains(u"make them agree"),
                 qPrintable(both(run)));
    }

    void checksumsAreValidatedLikeSqlOnes()
    {
        MigrateProject p(u"pychecksum"_s);
        p.write(u"db/migrations/001_create_initial_schema.py"_s, initialSchema);
        QCOMPARE(p.run({u"migrate"_s, u"up"_s}).exitCode, 0);
        p.write(u"db/migrations/001_create_initial_schema.py"_s,
                initialSchema + "\n# edited after it was applied\n");
        p.write(u"db/migrations/002_more.py"_s, migrationBody("002", "more", "        pass\n"));
        CliRun run = p.run({u"migrate"_s, u"up"_s});
        QCOMPARE(run.exitCode, 7);
        QVERIFY2(run.err.contains(u"db/migrations/001_create_initial_schema.py"),
                 qPrintable(both(run)));
        QCOMPARE(p.scalar(u"SELECT count(*) FROM tb_confiture"_s), 1);
        const QJsonObject report = p.json({u"migrate"_s, u"validate"_s});
        bool mismatch = false;
        for (const QJsonValue& issue : report[u"issues"_s].toArray())
            mismatch = mismatch || (issue[u"code"_s].toString() == u"checksum_mismatch" &&
                                    issue[u"file"_s].toString() ==
                                        u"db/migrations/001_create_initial_schema.py");
        QVERIFY2(mismatch, QJsonDocument(report).toJson().constData());
        const QJsonObject status = p.json({u"migrate"_s, u"status"_s});
        QVERIFY(status[u"migrations"_s].toArray().first()[u"modified"_s].toBool());
    }

    void missingPythonOrImportsSayWhatToInstall()
    {
        MigrateProject p(u"pymissing"_s);
        p.write(u"db/migrations/001_create_initial_schema.py"_s, initialSchema);

        CliRun run = p.run({u"migrate"_s, u"up"_s, u"--python"_s, u"/nonexistent/python3"_s});
        QCOMPARE(run.exitCode, 5);
        QVERIFY2(run.err.contains(u"'/nonexistent/python3' (from --python) was not found"),
                 qPrintable(both(run)));
        run = p.run({u"sync"_s, u"--python"_s, u"/nonexistent/python3"_s});
        QCOMPARE(run.exitCode, 5);
        QVERIFY2(run.err.contains(u"'/nonexistent/python3' (from --python) was not found"),
                 qPrintable(both(run)));

        // No interpreter anywhere: nothing on PATH, no PLUMB_PYTHON.
        QTemporaryDir emptyBin;
        QProcessEnvironment env = p.environment();
        env.insert(u"PATH"_s, emptyBin.path());
        env.remove(u"PLUMB_PYTHON"_s);
        run = p.run({u"migrate"_s, u"up"_s}, env);
        QCOMPARE(run.exitCode, 5);
        QVERIFY2(run.err.contains(u"no Python interpreter was found (python3 or python on PATH)") &&
                     run.err.contains(u"Install Python 3.8 or newer") &&
                     run.err.contains(u"PLUMB_PYTHON"),
                 qPrintable(both(run)));

        env = p.environment();
        env.insert(u"PLUMB_PYTHON"_s, u"/nonexistent/python3"_s);
        run = p.run({u"migrate"_s, u"up"_s}, env);
        QCOMPARE(run.exitCode, 5);
        QVERIFY2(run.err.contains(u"(from PLUMB_PYTHON)"), qPrintable(both(run)));

        // An interpreter too old for the host (what the bootstrap answers for Python 2).
        const QString old = emptyBin.filePath(u"python2"_s);
        QFile script(old);
        QVERIFY2(script.open(QIODevice::WriteOnly), qPrintable(script.errorString()));
        script.write("#!/bin/sh\necho 'plumb: this is Python 2.7' >&2\nexit 3\n");
        script.close();
        QVERIFY(QFile::setPermissions(old, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
        run = p.run({u"migrate"_s, u"up"_s, u"--python"_s, old});
        QCOMPARE(run.exitCode, 5);
        QVERIFY2(run.err.contains(u"is too old (plumb: this is Python 2.7)") &&
                     run.err.contains(u"needs Python 3.8 or newer"),
                 qPrintable(both(run)));
        QCOMPARE(p.scalar(u"SELECT count(*) FROM tb_confiture"_s), 0);

        // An import the interpreter lacks: the module, and the command that installs it.
        p.write(u"db/migrations/001_create_initial_schema.py"_s,
                "import plumb_surely_missing_module\n" + initialSchema);
        run = p.run({u"--format=json"_s, u"migrate"_s, u"up"_s});
        QCOMPARE(run.exitCode, 5);
        const QJsonObject error =
            QJsonDocument::fromJson(run.out.toUtf8()).object()[u"error"_s].toObject();
        const QString message = error[u"message"_s].toString();
        QVERIFY2(message.contains(u"imports 'plumb_surely_missing_module'") &&
                     message.contains(u" -m pip install plumb_surely_missing_module"),
                 qPrintable(both(run)));
        QCOMPARE(error[u"line"_s].toInt(), 1);
        QCOMPARE(p.scalar(u"SELECT count(*) FROM tb_confiture"_s), 0);
    }

    void onlyTheBaseClassIsShipped()
    {
        MigrateProject p(u"pyconfiture"_s);
        p.write(u"db/migrations/001_guarded.py"_s,
                migrationBody("001", "guarded", "        pass\n",
                              "from confiture.core.preconditions import TableExists\n"));
        const CliRun run = p.run({u"migrate"_s, u"up"_s});
        QCOMPARE(run.exitCode, 4);
        QVERIFY2(run.err.contains(u"which is part of Confiture itself") &&
                     run.err.contains(u"confiture.models.migration"),
                 qPrintable(both(run)));
    }

    void neverRunOnStatusValidateOrPreflight()
    {
        MigrateProject p(u"pynever"_s);
        QTemporaryDir markers;
        const QString marker = markers.filePath(u"ran"_s);
        // Importing the module is already running user code: it leaves a file behind.
        p.write(
            u"db/migrations/001_create_initial_schema.py"_s,
            "open(" +
                QJsonDocument(QJsonArray{marker}).toJson(QJsonDocument::Compact).mid(1).chopped(1) +
                ", 'w').close()\n" + initialSchema);
        QCOMPARE(p.run({u"migrate"_s, u"status"_s}).exitCode, 2);
        QVERIFY(p.run({u"migrate"_s, u"validate"_s}).exitCode == 0);
        const CliRun preflight = p.run({u"preflight"_s, u"--against"_s, p.url()});
        QVERIFY2(preflight.err.contains(u"preflight never runs user code") ||
                     preflight.out.contains(u"preflight never runs user code"),
                 qPrintable(both(preflight)));
        QVERIFY(!QFile::exists(marker));
        QCOMPARE(p.run({u"migrate"_s, u"up"_s}).exitCode, 0);
        QVERIFY(QFile::exists(marker));
    }
};

QTEST_GUILESS_MAIN(TestCliPythonMigrations)
#include "tst_cli_python_migrations.moc"
