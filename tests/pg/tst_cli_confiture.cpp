// Confiture projects open as they are: environment files with keys plumb does not know, the
// database: block, readonly environments, and schema files whose alphabetical order breaks
// their dependencies. The projects are shaped like Confiture's own examples.

#include "core/db/connection.h"
#include "core/project/project.h"
#include "json_schema_check.h"
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

// Confiture's `database:` block for the test's database, plus `extra` lines.
QByteArray databaseBlock(const MigrateProject& p, const QByteArray& extra = {})
{
    const plumb::db::ConnectionInfo& info = p.database.info();
    return "database:\n  host: " + info.host().toUtf8() + "\n  port: " + info.port().toUtf8() +
           "\n  database: " + info.database().toUtf8() + "\n  user: " + info.user().toUtf8() +
           "\n" + extra;
}

// The environment without PLUMB_DATABASE_URL: the file says where the database is.
QProcessEnvironment fileDecides(const MigrateProject& p)
{
    QProcessEnvironment env = p.environment();
    env.remove(u"PLUMB_DATABASE_URL"_s);
    return env;
}

void addMigrations(const MigrateProject& p)
{
    p.write(u"db/migrations/001_users.up.sql"_s, "CREATE TABLE users (id int);\n");
    p.write(u"db/migrations/001_users.down.sql"_s, "DROP TABLE users;\n");
}

// Shaped like a real schema whose files were numbered as they were written: orders (01) uses
// users (02) and a type (03); the view (20_views) uses orders.
void addOutOfOrderSchema(const MigrateProject& p)
{
    p.write(u"db/schema/00_common/schemas.sql"_s, "CREATE SCHEMA app;\n");
    p.write(u"db/schema/10_tables/01_orders.sql"_s,
            "CREATE TABLE app.orders (\n"
            "    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
            "    user_id bigint NOT NULL REFERENCES app.users (id),\n"
            "    status app.order_status NOT NULL DEFAULT 'new'\n"
            ");\n"
            "CREATE INDEX orders_user_id ON app.orders (user_id);\n");
    p.write(u"db/schema/10_tables/02_users.sql"_s,
            "CREATE TABLE app.users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
            "email text NOT NULL);\n");
    p.write(u"db/schema/10_tables/03_types.sql"_s,
            "CREATE TYPE app.order_status AS ENUM ('new', 'paid', 'shipped');\n");
    p.write(u"db/schema/20_views/orders_per_user.sql"_s,
            "CREATE VIEW app.orders_per_user AS SELECT u.email, count(o.id) AS orders\n"
            "FROM app.users u LEFT JOIN app.orders o ON o.user_id = u.id GROUP BY u.email;\n");
}

} // namespace

class TestCliConfiture : public QObject {
    Q_OBJECT
private slots:
    void unknownKeysLoadWithOneWarningEach()
    {
        MigrateProject p(u"cfwarn"_s);
        addMigrations(p);
        // Confiture's multi-environment example: an options: block and pool settings, which
        // Confiture ignores; the database: block form (host, port, database, user).
        p.write(u"db/environments/production.yaml"_s,
                "name: production\n" + databaseBlock(p, "  pool_size: 5\n") +
                    "include_dirs:\n  - db/schema\nexclude_dirs: []\n"
                    "options:\n  migration_timeout: 600\n  allow_drop_tables: false\n"
                    "  statement_timeout: 300000\n"
                    "pool_size: 10\n"
                    "build:\n  sort_mode: alphabetical\n  parallel: true\n");
        const CliRun run =
            p.run({u"--format=json"_s, u"migrate"_s, u"status"_s, u"--env"_s, u"production"_s},
                  fileDecides(p));
        QCOMPARE(run.exitCode, 2); // connected through the database: block; no ledger yet
        QVERIFY2(QJsonDocument::fromJson(run.out.toUtf8()).isObject(), qPrintable(both(run)));
        const QStringList warnings =
            run.err.split(u'\n').filter(QRegularExpression(u"^warning: "_s));
        QCOMPARE(warnings.size(), 4);
        const QString file = p.dir.filePath(u"db/environments/production.yaml"_s);
        QVERIFY2(run.err.contains(file + u":7: unknown key 'database.pool_size' is ignored"),
                 qPrintable(both(run)));
        QVERIFY2(run.err.contains(file + u":11: unknown key 'options' is ignored; plumb applies "
                                         u"statement_timeout only at the top level"),
                 qPrintable(both(run)));
        QVERIFY(run.err.contains(file + u":15: unknown key 'pool_size' is ignored"));
        QVERIFY(run.err.contains(file + u":18: unknown key 'build.parallel' is ignored"));
    }

    void readonlyEnvironmentRefusesChanges()
    {
        MigrateProject p(u"cfreadonly"_s);
        addMigrations(p);
        p.write(u"db/schema/tables.sql"_s, "CREATE TABLE users (id int);\n");
        p.write(u"db/environments/production.yaml"_s,
                databaseBlock(p) + "readonly: true\napplication_name: plumb-proof\n");
        const QProcessEnvironment env = fileDecides(p);
        const QStringList production{u"--env"_s, u"production"_s};
        for (const QStringList& command :
             {QStringList{u"migrate"_s, u"up"_s},
              QStringList{u"migrate"_s, u"up"_s, u"--rehearse"_s},
              QStringList{u"migrate"_s, u"baseline"_s, u"--through"_s, u"001"_s},
              QStringList{u"migrate"_s, u"fake"_s, u"001"_s}, QStringList{u"migrate"_s, u"down"_s},
              QStringList{u"sync"_s}}) {
            const CliRun run = p.run(command + production, env);
            QVERIFY2(run.exitCode == 5 && run.err.contains(u"read-only") &&
                         run.err.contains(u"production.yaml"),
                     qPrintable(command.join(u' ') + u": "_s + both(run)));
        }
        QCOMPARE(p.scalar(u"SELECT count(*) FROM pg_class WHERE relname IN ('users', "
                          u"'tb_confiture')"_s),
                 0);
        // Reading still works, and so does a dry run, which runs nothing.
        QCOMPARE(p.run({u"migrate"_s, u"status"_s, u"--env"_s, u"production"_s}, env).exitCode, 2);
        const CliRun preview =
            p.run(QStringList{u"migrate"_s, u"up"_s, u"--dry-run"_s} + production, env);
        QVERIFY2(preview.exitCode == 0 && preview.out.contains(u"would be applied 001 users"),
                 qPrintable(both(preview)));
        QCOMPARE(p.scalar(u"SELECT count(*) FROM pg_class WHERE relname = 'tb_confiture'"_s), 0);

        // Below plumb's own refusal, the server refuses too: every session of a read-only
        // environment is read only, whatever statement reaches it.
        auto project = plumb::project::Project::open(p.root());
        QVERIFY(project);
        auto environment = project->environment(u"production"_s, env);
        QVERIFY(environment && *environment);
        auto url = plumb::project::resolveDatabaseUrl({}, &**environment,
                                                      plumb::project::UrlPurpose::Management, env);
        QVERIFY(url);
        auto connection = plumb::db::Connection::open(url->info);
        QVERIFY(connection);
        auto name = (*connection)->exec(u"SELECT current_setting('application_name')"_s);
        QVERIFY(name);
        QCOMPARE(name->text(0, 0), u"plumb-proof"_s);
        auto write = (*connection)->exec(u"CREATE TABLE sneaky (id int)"_s);
        QVERIFY(!write);
        QCOMPARE(write.error().sqlState, u"25006"_s); // read_only_sql_transaction
    }

    void outOfOrderFilesBuildWithTheRepairReported()
    {
        MigrateProject p(u"cforder"_s);
        addOutOfOrderSchema(p);
        QProcessEnvironment env = p.environment();
        env.insert(u"DATABASE_URL"_s, u"none"_s);
        env.remove(u"PLUMB_DATABASE_URL"_s);
        CliRun run = p.run({u"build"_s}, env);
        QVERIFY2(run.exitCode == 0, qPrintable(both(run)));
        QVERIFY2(run.out.contains(u"The build order was repaired: 2 files failed in alphabetical "
                                  u"order for a missing object"),
                 qPrintable(both(run)));
        QVERIFY2(run.out.contains(u"db/schema/10_tables/01_orders.sql needs "
                                  u"db/schema/10_tables/02_users.sql, "
                                  u"db/schema/10_tables/03_types.sql") &&
                     run.out.contains(u"rename it to db/schema/10_tables/04_orders.sql"),
                 qPrintable(both(run)));
        QVERIFY2(run.out.contains(u"db/schema/20_views/orders_per_user.sql needs "
                                  u"db/schema/10_tables/01_orders.sql") &&
                     run.out.contains(u"no rename needed"),
                 qPrintable(both(run)));

        run = p.run({u"--format=json"_s, u"build"_s}, env);
        QVERIFY2(run.exitCode == 0, qPrintable(both(run)));
        const QString mismatch = plumb::testing::schemaMismatch(u"build"_s, run.out);
        QVERIFY2(mismatch.isEmpty(), qPrintable(mismatch));
        const QJsonObject payload = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QVERIFY(payload[u"order_repaired"_s].toBool());
        const QStringList applied = payload[u"applied_order"_s].toVariant().toStringList();
        QCOMPARE(applied, (QStringList{u"db/schema/00_common/schemas.sql"_s,
                                       u"db/schema/10_tables/02_users.sql"_s,
                                       u"db/schema/10_tables/03_types.sql"_s,
                                       u"db/schema/10_tables/01_orders.sql"_s,
                                       u"db/schema/20_views/orders_per_user.sql"_s}));

        // Into a real database: the result is the whole schema, built in one transaction.
        plumb::testing::TestDatabase target(u"cforderinto"_s);
        run = p.run({u"build"_s, u"--into"_s, target.info().toUri()}, env);
        QVERIFY2(run.exitCode == 0, qPrintable(both(run)));
        QVERIFY(target.connect()->exec(u"SELECT * FROM app.orders_per_user"_s));

        // Renamed as suggested, alphabetical order works as it is.
        QVERIFY(QFile::rename(p.dir.filePath(u"db/schema/10_tables/01_orders.sql"_s),
                              p.dir.filePath(u"db/schema/10_tables/04_orders.sql"_s)));
        run = p.run({u"build"_s}, env);
        QVERIFY2(run.exitCode == 0 && !run.out.contains(u"repaired"), qPrintable(both(run)));
    }

    void repairWorksInAutocommitBuildsToo()
    {
        MigrateProject p(u"cforderauto"_s);
        addOutOfOrderSchema(p);
        p.write(u"db/schema/30_indexes/emails.sql"_s,
                "CREATE INDEX CONCURRENTLY users_email ON app.users (email);\n");
        QProcessEnvironment env = p.environment();
        env.insert(u"DATABASE_URL"_s, u"none"_s);
        env.remove(u"PLUMB_DATABASE_URL"_s);
        plumb::testing::TestDatabase target(u"cforderautointo"_s);
        const CliRun run = p.run({u"build"_s, u"--into"_s, target.info().toUri()}, env);
        QVERIFY2(run.exitCode == 0 && run.out.contains(u"The build order was repaired"),
                 qPrintable(both(run)));
        QVERIFY(target.connect()->exec(u"SELECT * FROM app.orders_per_user"_s));
    }

    void filesThatNeedEachOtherStillFail()
    {
        MigrateProject p(u"cfcycle"_s);
        p.write(u"db/schema/a.sql"_s,
                "CREATE TABLE a (id int PRIMARY KEY, b_id int REFERENCES b);\n");
        p.write(u"db/schema/b.sql"_s,
                "CREATE TABLE b (id int PRIMARY KEY, a_id int REFERENCES a);\n");
        p.write(u"db/schema/c.sql"_s, "CREATE TABLE c (id int);\n");
        QProcessEnvironment env = p.environment();
        env.insert(u"DATABASE_URL"_s, u"none"_s);
        env.remove(u"PLUMB_DATABASE_URL"_s);
        plumb::testing::TestDatabase target(u"cfcycleinto"_s);
        CliRun run = p.run({u"build"_s, u"--into"_s, target.info().toUri()}, env);
        QCOMPARE(run.exitCode, 4);
        QVERIFY2(run.err.contains(u"db/schema/a.sql:1: relation \"b\" does not exist") &&
                     run.err.contains(u"It was tried again after every other file was built") &&
                     run.err.contains(u"Also failing: db/schema/b.sql"),
                 qPrintable(both(run)));
        // Nothing half-built: the one transaction was rolled back.
        QCOMPARE(target.connect()
                     ->exec(u"SELECT count(*) FROM pg_class WHERE relname = 'c'"_s)
                     ->int32(0, 0),
                 0);

        // Any other error is not retried: it is reported as it was.
        p.write(u"db/schema/b.sql"_s, "CREATE TABLE b (id int PRIMARY KEY, a_id int);\n");
        p.write(u"db/schema/c.sql"_s, "CREATE TABLE c (id int CHECK (id > 'x'));\n");
        run = p.run({u"build"_s, u"--into"_s, target.info().toUri()}, env);
        QCOMPARE(run.exitCode, 4);
        QVERIFY2(run.err.contains(u"db/schema/c.sql") && !run.err.contains(u"tried again"),
                 qPrintable(both(run)));
    }
};

QTEST_GUILESS_MAIN(TestCliConfiture)
#include "tst_cli_confiture.moc"
