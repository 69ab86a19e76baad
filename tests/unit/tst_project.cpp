#include "core/project/environment.h"
#include "core/project/project.h"
#include "core/project/schema_sources.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb;

namespace {

void writeFile(const QString& path, const QByteArray& content)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(content);
}

QProcessEnvironment variables(std::initializer_list<std::pair<QString, QString>> values)
{
    QProcessEnvironment environment;
    for (const auto& [key, value] : values)
        environment.insert(key, value);
    return environment;
}

} // namespace

class TestProject : public QObject {
    Q_OBJECT
private slots:
    void expandsVariablesStrictly()
    {
        const auto vars = variables({{u"DB_HOST"_s, u"db.internal"_s}, {u"EMPTY"_s, QString()}});
        QCOMPARE(*project::expandVariables(u"postgresql://${DB_HOST}/x"_s, vars, u"f"_s),
                 u"postgresql://db.internal/x"_s);
        QCOMPARE(*project::expandVariables(u"a${EMPTY}b $${DB_HOST}"_s, vars, u"f"_s),
                 u"ab ${DB_HOST}"_s);
        auto missing = project::expandVariables(u"${NOPE_NOT_SET}"_s, vars, u"env.yaml"_s);
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::Config);
        QVERIFY(missing.error().message.contains(u"NOPE_NOT_SET"));
        QVERIFY(missing.error().message.contains(u"env.yaml"));
        QVERIFY(!project::expandVariables(u"${lower}"_s, vars, u"f"_s));
        QVERIFY(!project::expandVariables(u"${DB_HOST:-x}"_s, vars, u"f"_s));
        QVERIFY(!project::expandVariables(u"${DB_HOST"_s, vars, u"f"_s));
    }

    void loadsConfitureAndPlumbKeys()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"staging.yaml"_s);
        writeFile(path, "database_url: postgresql://app@${DB_HOST}/shop\n"
                        "management_url: postgresql://owner@${DB_HOST}/shop\n"
                        "include_dirs:\n"
                        "  - db/schema\n"
                        "  - path: db/extra\n"
                        "    recursive: false\n"
                        "    order: -1\n"
                        "exclude_dirs: [db/schema/old]\n"
                        "auto_backup: true\n"
                        "pggit: {enabled: false, anything: [1, 2]}\n"
                        "migration:\n"
                        "  tracking_table: ops.ledger\n"
                        "  lock_timeout: 2s\n"
                        "  locking: {enabled: true, timeout_ms: 1500}\n"
                        "convergence: {statement_timeout: 5min}\n"
                        "dev: yes\n");
        auto env = project::loadEnvironment(path, variables({{u"DB_HOST"_s, u"h1"_s}}));
        QVERIFY2(env, env ? "" : qPrintable(env.error().describe()));
        QCOMPARE(env->name, u"staging"_s);
        QCOMPARE(env->databaseUrl, u"postgresql://app@h1/shop"_s);
        QCOMPARE(env->managementUrl, u"postgresql://owner@h1/shop"_s);
        QCOMPARE(env->includeDirs.size(), 2);
        QVERIFY(env->includeDirs[0].required);
        QCOMPARE(env->includeDirs[1].order, -1);
        QVERIFY(!env->includeDirs[1].recursive);
        QCOMPARE(env->excludeDirs, QStringList{u"db/schema/old"_s});
        QCOMPARE(env->trackingTable, u"ops.ledger"_s);
        QCOMPARE(env->migrationTimeouts.lockTimeout, u"2s"_s);
        QCOMPARE(env->migrationTimeouts.statementTimeout, u"30min"_s);
        QCOMPARE(env->convergenceTimeouts.statementTimeout, u"5min"_s);
        QCOMPARE(env->lockWaitMs, 1500);
        QVERIFY(env->dev);
    }

    void databaseBlockBecomesConnectionString()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"local.yaml"_s);
        writeFile(path, "database:\n  host: localhost\n  port: 5433\n  name: app\n"
                        "  user: me\n  password: \"it's\"\n");
        auto env = project::loadEnvironment(path, {});
        QVERIFY2(env, env ? "" : qPrintable(env.error().describe()));
        auto url = project::resolveDatabaseUrl({}, &*env, project::UrlPurpose::Runtime, {});
        QVERIFY2(url, url ? "" : qPrintable(url.error().describe()));
        QCOMPARE(url->info.database(), u"app"_s);
        QCOMPARE(url->info.port(), u"5433"_s);
        QCOMPARE(url->info.value(u"password"), u"it's"_s);
    }

    void unknownKeysLoadWithOneWarningEach()
    {
        // Shaped like Confiture's multi-environment example: an options: block, and keys of other
        // tools' configurations, none of which Confiture reads.
        QTemporaryDir dir;
        const QString path = dir.filePath(u"production.yaml"_s);
        writeFile(path, "name: production\n"
                        "database_url: postgresql://app@db/shop\n"
                        "include_dirs:\n"
                        "  - path: db/schema\n"
                        "    recursve: true\n"
                        "exclude_dirs: []\n"
                        "options:\n"
                        "  allow_drop_tables: false\n"
                        "  statement_timeout: 300000\n"
                        "  anything: ${NOT_SET_AND_NEVER_READ}\n"
                        "pool_size: 10\n"
                        "build:\n"
                        "  sort_mode: alphabetical\n"
                        "  parallel: 4\n"
                        "migration:\n"
                        "  tracking_tabel: ops.ledger\n"
                        "database:\n"
                        "  host: db\n"
                        "  pool_size: 5\n");
        auto env = project::loadEnvironment(path, {});
        QVERIFY2(env, env ? "" : qPrintable(env.error().describe()));
        QCOMPARE(env->databaseUrl, u"postgresql://app@db/shop"_s);
        const QStringList& warnings = env->warnings;
        QCOMPARE(warnings.size(), 6);
        auto warningFor = [&](const QString& key) {
            for (const QString& warning : warnings)
                if (warning.contains(u"'"_s + key + u"'"_s))
                    return warning;
            return QString();
        };
        const QString recursve = warningFor(u"recursve"_s);
        QVERIFY2(recursve.startsWith(path + u":5: unknown"_s), qPrintable(warnings.join(u'\n')));
        const QString options = warningFor(u"options"_s);
        QVERIFY2(options.startsWith(path + u":7:"_s), qPrintable(options));
        QVERIFY2(options.contains(u"statement_timeout only at the top level"_s),
                 qPrintable(options));
        QVERIFY(warningFor(u"pool_size"_s).startsWith(path + u":11:"_s));
        QVERIFY(warningFor(u"build.parallel"_s).startsWith(path + u":14:"_s));
        const QString typo = warningFor(u"migration.tracking_tabel"_s);
        QVERIFY2(typo.contains(u"did you mean 'migration.tracking_table'?"_s), qPrintable(typo));
        QVERIFY(warningFor(u"database.pool_size"_s).startsWith(path + u":19:"_s));
        // Ignored means ignored: nothing of options: reached the connection.
        QVERIFY(env->sessionSettings.isEmpty());
        QCOMPARE(env->trackingTable, u"tb_confiture"_s);
    }

    void connectionKeysReachLibpq()
    {
        QTemporaryDir dir;
        QDir(dir.path()).mkpath(u"db/environments"_s);
        const QString path = dir.filePath(u"db/environments/prod.yaml"_s);
        writeFile(path, "database:\n"
                        "  host: db.internal\n"
                        "  name: shop\n"
                        "  user: app\n"
                        "  ssl_mode: verify-full\n"
                        "  connect_timeout: 7\n"
                        "readonly: true\n"
                        "statement_timeout: 5min\n"
                        "application_name: ${APP}\n"
                        "ssl_root_cert: certs/root.crt\n"
                        "sslcert: /etc/ssl/client.crt\n");
        auto env = project::loadEnvironment(path, variables({{u"APP"_s, u"billing"_s}}));
        QVERIFY2(env, env ? "" : qPrintable(env.error().describe()));
        QVERIFY(env->warnings.isEmpty());
        QVERIFY(env->readOnly);
        auto url = project::resolveDatabaseUrl({}, &*env, project::UrlPurpose::Management, {});
        QVERIFY2(url, url ? "" : qPrintable(url.error().describe()));
        const db::ConnectionInfo& info = url->info;
        QCOMPARE(info.host(), u"db.internal"_s);
        QCOMPARE(info.value(u"sslmode"), u"verify-full"_s);
        QCOMPARE(info.value(u"connect_timeout"), u"7"_s);
        QCOMPARE(info.value(u"application_name"), u"billing"_s);
        QCOMPARE(info.value(u"sslrootcert"), QDir(dir.path()).filePath(u"certs/root.crt"_s));
        QCOMPARE(info.value(u"sslcert"), u"/etc/ssl/client.crt"_s);
        QCOMPARE(info.value(u"options"),
                 u"-c statement_timeout=5min -c default_transaction_read_only=on"_s);

        // What the URL says itself wins; read only does not yield.
        auto flagged = project::resolveDatabaseUrl(
            u"postgresql://other/db?sslmode=disable&options=-c%20statement_timeout%3D1s"_s, &*env,
            project::UrlPurpose::Runtime, {});
        QVERIFY(flagged);
        QCOMPARE(flagged->info.value(u"sslmode"), u"disable"_s);
        QCOMPARE(flagged->info.value(u"options"),
                 u"-c statement_timeout=1s -c default_transaction_read_only=on"_s);

        QVERIFY(project::requireWritable(nullptr, u"apply migrations"_s));
        auto refused = project::requireWritable(&*env, u"apply migrations"_s);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Config);
        QVERIFY(refused.error().message.contains(path));
    }

    void rejectsBadFilesWithActionableErrors_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("mentions");
        QTest::addColumn<int>("line");
        QTest::newRow("legacy key")
            << QByteArray("migration_table: t\n") << u"migration.tracking_table"_s << 1;
        QTest::newRow("malformed yaml")
            << QByteArray("database_url: [unclosed\ninclude_dirs: x\n") << u"malformed YAML"_s << 0;
        QTest::newRow("missing variable") << QByteArray("database_url: ${PLUMB_SURELY_UNSET_VAR}\n")
                                          << u"PLUMB_SURELY_UNSET_VAR"_s << 1;
        QTest::newRow("missing variable in an opaque block")
            << QByteArray("acls:\n  - grants: ${PLUMB_OTHER_UNSET}\n") << u"PLUMB_OTHER_UNSET"_s
            << 2;
        QTest::newRow("bad boolean") << QByteArray("dev: maybe\n") << u"true or false"_s << 1;
        QTest::newRow("hex sort") << QByteArray("build:\n  sort_mode: hex\n") << u"hex"_s << 2;
        QTest::newRow("ssh tunnel") << QByteArray("ssh_tunnel: {host: x}\n") << u"ssh -L"_s << 1;
        QTest::newRow("bad ssl mode")
            << QByteArray("ssl_mode: sometimes\n") << u"verify-full"_s << 1;
        QTest::newRow("bad connect timeout")
            << QByteArray("database:\n  connect_timeout: soon\n") << u"seconds"_s << 2;
        QTest::newRow("bad statement timeout")
            << QByteArray("statement_timeout: forever\n") << u"duration"_s << 1;
        QTest::newRow("bad readonly")
            << QByteArray("readonly: perhaps\n") << u"true or false"_s << 1;
    }

    void rejectsBadFilesWithActionableErrors()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, mentions);
        QFETCH(int, line);
        QTemporaryDir dir;
        const QString path = dir.filePath(u"bad.yaml"_s);
        writeFile(path, yaml);
        auto env = project::loadEnvironment(path, {});
        QVERIFY(!env);
        QCOMPARE(env.error().code, ErrorCode::Config);
        QVERIFY2(env.error().message.contains(mentions), qPrintable(env.error().message));
        QVERIFY2(env.error().message.contains(path) || env.error().file == path,
                 qPrintable(env.error().describe()));
        if (line > 0)
            QCOMPARE(env.error().line, line);
    }

    void connectionPrecedence()
    {
        project::Environment env;
        env.filePath = u"db/environments/local.yaml"_s;
        env.databaseUrl = u"postgresql://h/env"_s;
        env.managementUrl = u"postgresql://h/manage"_s;
        const auto all = variables({{u"PLUMB_DATABASE_URL"_s, u"postgresql://h/plumb"_s},
                                    {u"DATABASE_URL"_s, u"postgresql://h/ambient"_s}});
        using project::UrlPurpose;
        QCOMPARE(
            project::resolveDatabaseUrl(u"postgresql://h/flag"_s, &env, UrlPurpose::Runtime, all)
                ->info.database(),
            u"flag"_s);
        QCOMPARE(project::resolveDatabaseUrl({}, &env, UrlPurpose::Runtime, all)->info.database(),
                 u"plumb"_s);
        const auto ambient = variables({{u"DATABASE_URL"_s, u"postgresql://h/ambient"_s}});
        QCOMPARE(
            project::resolveDatabaseUrl({}, &env, UrlPurpose::Runtime, ambient)->info.database(),
            u"env"_s);
        QCOMPARE(
            project::resolveDatabaseUrl({}, &env, UrlPurpose::Management, ambient)->info.database(),
            u"manage"_s);
        QCOMPARE(
            project::resolveDatabaseUrl({}, nullptr, UrlPurpose::Runtime, ambient)->info.database(),
            u"ambient"_s);
        auto none = project::resolveDatabaseUrl(u"NONE"_s, &env, UrlPurpose::Runtime, all);
        QVERIFY(!none);
        QVERIFY(none.error().message.contains(u"disabled"));
        env.databaseUrl = u"none"_s;
        env.managementUrl.clear();
        auto disabled = project::resolveDatabaseUrl({}, &env, UrlPurpose::Runtime, ambient);
        QVERIFY(!disabled);
        QVERIFY(disabled.error().message.contains(env.filePath));
        auto nothing = project::resolveDatabaseUrl({}, nullptr, UrlPurpose::Runtime, {});
        QVERIFY(!nothing);
        QCOMPARE(nothing.error().code, ErrorCode::Config);
        QVERIFY(nothing.error().message.contains(u"--database-url"));
    }

    void schemaSourcesOrderDeduplicateAndHash()
    {
        QTemporaryDir dir;
        const QString root = dir.path();
        writeFile(root + u"/db/schema/10_tables/b.sql"_s, "CREATE TABLE b (id int);\n");
        writeFile(root + u"/db/schema/10_tables/a.sql"_s, "CREATE TABLE a (id int);\n");
        writeFile(root + u"/db/schema/00_common/ext.sql"_s, "CREATE SCHEMA s;\n");
        writeFile(root + u"/db/schema/9_late/z.sql"_s, "SELECT 1;\n");
        writeFile(root + u"/db/schema/10_tables/notes.txt"_s, "not sql");
        writeFile(root + u"/db/schema/old/legacy.sql"_s, "SELECT 2;\n");
        writeFile(root + u"/db/first/x.sql"_s, "SELECT 3;\n");
        writeFile(root + u"/db/environments/local.yaml"_s,
                  "include_dirs:\n  - db/schema\n  - db/schema/10_tables\n"
                  "  - path: db/first\n    order: -5\n"
                  "  - path: db/missing_but_optional\n"
                  "exclude_dirs: [db/schema/old]\n");
        auto opened = project::Project::open(root + u"/db/schema"_s);
        QVERIFY2(opened, opened ? "" : qPrintable(opened.error().describe()));
        auto env = opened->environment({}, {});
        QVERIFY2(env && *env, "local.yaml should load");
        auto sources = project::collectSchemaSources(*opened, &**env);
        QVERIFY2(sources, sources ? "" : qPrintable(sources.error().describe()));
        QStringList order;
        for (const auto& file : sources->files)
            order.append(file.relativePath);
        QCOMPARE(order, (QStringList{u"db/first/x.sql"_s, u"db/schema/00_common/ext.sql"_s,
                                     u"db/schema/10_tables/a.sql"_s, u"db/schema/10_tables/b.sql"_s,
                                     u"db/schema/9_late/z.sql"_s}));
        QCOMPARE(sources->hash.size(), 64);
        auto again = project::collectSchemaSources(*opened, &**env);
        QCOMPARE(again->hash, sources->hash);
        writeFile(root + u"/db/schema/10_tables/a.sql"_s, "CREATE TABLE a (id bigint);\n");
        QVERIFY(project::collectSchemaSources(*opened, &**env)->hash != sources->hash);

        auto located = project::locateStatements(*sources);
        QVERIFY(located);
        QCOMPARE(located->size(), 5);
        QCOMPARE(located->at(1).file, u"db/schema/00_common/ext.sql"_s);
        QCOMPARE(located->at(1).line, 1);
    }

    void missingRequiredIncludeDirIsAnError()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(u"db/environments/local.yaml"_s), "include_dirs: [db/nowhere]\n");
        auto opened = project::Project::open(dir.path());
        QVERIFY(opened);
        auto env = opened->environment({}, {});
        QVERIFY(env && *env);
        auto sources = project::collectSchemaSources(*opened, &**env);
        QVERIFY(!sources);
        QVERIFY(sources.error().message.contains(u"db/nowhere"));
    }

    void initCreatesAnOpenableProject()
    {
        QTemporaryDir dir;
        auto created = project::Project::init(dir.path());
        QVERIFY2(created, created ? "" : qPrintable(created.error().describe()));
        QCOMPARE(created->environmentNames(), QStringList{u"local"_s});
        auto env =
            created->environment({}, variables({{u"DATABASE_URL"_s, u"postgresql://x/y"_s}}));
        QVERIFY2(env && *env, env ? "" : qPrintable(env.error().describe()));
        auto sources = project::collectSchemaSources(*created, &**env);
        QVERIFY(sources);
        QCOMPARE(sources->files.size(), 2);
        QVERIFY(!project::Project::init(dir.path())); // refuses to overwrite
        QVERIFY(!created->environment(u"prod"_s, {}));
        QVERIFY(!project::Project::open(QDir::tempPath() + u"/surely/not/here"_s));
    }
};

QTEST_GUILESS_MAIN(TestProject)
#include "tst_project.moc"
