#include "core/migrate/migration_files.h"
#include "core/sql/classify.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb;
using sql::TransactionRule;

namespace {

void writeFile(const QString& path, const QByteArray& content)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(content);
}

const project::Timeouts defaults{u"10s"_s, u"30min"_s};

} // namespace

class TestMigrationFiles : public QObject {
    Q_OBJECT
private slots:
    void classifiesByParsing_data()
    {
        QTest::addColumn<QString>("statement");
        QTest::addColumn<int>("server");
        QTest::addColumn<int>("rule");
        const int tx = int(TransactionRule::Transactional);
        const int non = int(TransactionRule::NonTransactional);
        const int control = int(TransactionRule::TransactionControl);
        QTest::newRow("index") << u"CREATE INDEX i ON t (a)"_s << 0 << tx;
        QTest::newRow("index concurrently")
            << u"create index concurrently i on t (a)"_s << 0 << non;
        QTest::newRow("drop index concurrently")
            << u"DROP INDEX CONCURRENTLY IF EXISTS i"_s << 0 << non;
        QTest::newRow("reindex concurrently") << u"REINDEX TABLE CONCURRENTLY t"_s << 0 << non;
        QTest::newRow("reindex") << u"REINDEX TABLE t"_s << 0 << tx;
        QTest::newRow("vacuum") << u"VACUUM (ANALYZE) t"_s << 0 << non;
        QTest::newRow("analyze") << u"ANALYZE t"_s << 0 << tx;
        QTest::newRow("create database") << u"CREATE DATABASE x"_s << 0 << non;
        QTest::newRow("cluster all") << u"CLUSTER"_s << 0 << non;
        QTest::newRow("cluster table") << u"CLUSTER t USING i"_s << 0 << tx;
        QTest::newRow("add value on 17") << u"ALTER TYPE mood ADD VALUE 'meh'"_s << 170000 << tx;
        QTest::newRow("add value on 11") << u"ALTER TYPE mood ADD VALUE 'meh'"_s << 110000 << non;
        QTest::newRow("comment mentions it")
            << u"-- CREATE INDEX CONCURRENTLY would be nice\nCREATE INDEX i ON t (a)"_s << 0 << tx;
        QTest::newRow("string mentions it") << u"SELECT 'VACUUM; COMMIT'"_s << 0 << tx;
        QTest::newRow("commit") << u"COMMIT"_s << 0 << control;
        QTest::newRow("end") << u"END"_s << 0 << control;
        QTest::newRow("rollback") << u"ROLLBACK"_s << 0 << control;
        QTest::newRow("prepare") << u"PREPARE TRANSACTION 'x'"_s << 0 << control;
        QTest::newRow("savepoint") << u"SAVEPOINT a"_s << 0 << tx;
        QTest::newRow("rollback to") << u"ROLLBACK TO SAVEPOINT a"_s << 0 << tx;
        QTest::newRow("do block with commit text")
            << u"DO $$ BEGIN RAISE NOTICE 'COMMIT'; END $$"_s << 0 << tx;
    }

    void classifiesByParsing()
    {
        QFETCH(QString, statement);
        QFETCH(int, server);
        QFETCH(int, rule);
        auto kind = sql::classifyStatement(statement, server);
        QVERIFY2(kind, kind ? "" : qPrintable(kind.error().message));
        QCOMPARE(int(kind->rule), rule);
    }

    // What a scratch build that commits between statements would end early.
    void findsEffectsThatEndWithTheTransaction_data()
    {
        QTest::addColumn<QString>("statement");
        QTest::addColumn<QString>("effect"); // empty: none
        QTest::newRow("create table") << u"CREATE TABLE t (id int)"_s << QString();
        QTest::newRow("set") << u"SET search_path = app"_s << QString();
        QTest::newRow("set local") << u"SET LOCAL search_path = app"_s << u"SET LOCAL"_s;
        QTest::newRow("set transaction")
            << u"SET TRANSACTION ISOLATION LEVEL SERIALIZABLE"_s << u"SET TRANSACTION"_s;
        QTest::newRow("set constraints")
            << u"SET CONSTRAINTS ALL DEFERRED"_s << u"SET CONSTRAINTS"_s;
        QTest::newRow("cursor") << u"DECLARE c CURSOR FOR SELECT 1"_s << u"DECLARE CURSOR"_s;
        QTest::newRow("temp on commit drop")
            << u"CREATE TEMP TABLE x (a int) ON COMMIT DROP"_s << u"a temporary table ON COMMIT"_s;
        QTest::newRow("temp as on commit delete")
            << u"CREATE TEMP TABLE x ON COMMIT DELETE ROWS AS SELECT 1 AS a"_s
            << u"a temporary table ON COMMIT"_s;
        QTest::newRow("temp preserve")
            << u"CREATE TEMP TABLE x (a int) ON COMMIT PRESERVE ROWS"_s << QString();
        QTest::newRow("set_config")
            << u"SELECT pg_catalog.set_config('search_path', 'app', true)"_s << u"set_config"_s;
        QTest::newRow("do set local")
            << u"DO $$ BEGIN SET LOCAL search_path = app; END $$"_s << u"LOCAL in a DO block"_s;
        QTest::newRow("comment only mentions it")
            << u"-- SET LOCAL x\nCREATE TABLE t (id int)"_s << QString();
        QTest::newRow("string mentions it")
            << u"COMMENT ON TABLE t IS 'SET CONSTRAINTS ALL DEFERRED'"_s << QString();
    }

    void findsEffectsThatEndWithTheTransaction()
    {
        QFETCH(QString, statement);
        QFETCH(QString, effect);
        auto found = sql::transactionScopedEffect(statement);
        QVERIFY2(found, found ? "" : qPrintable(found.error().message));
        QCOMPARE(found->value_or(QString()), effect);
    }

    void discoversMigrationsAndIssues()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(u"002_add_b.up.sql"_s), "SELECT 2;");
        writeFile(dir.filePath(u"002_add_b.down.sql"_s), "SELECT -2;");
        writeFile(dir.filePath(u"001_init.up.sql"_s), "SELECT 1;");
        writeFile(dir.filePath(u"003_forgot_suffix.sql"_s), "SELECT 3;");
        writeFile(dir.filePath(u"004_stray.down.sql"_s), "SELECT 4;");
        writeFile(dir.filePath(u"README.md"_s), "notes");
        auto set = migrate::discoverMigrations(dir.path());
        QVERIFY(set);
        QCOMPARE(set->migrations.size(), 2);
        QCOMPARE(set->migrations[0].version, u"001"_s);
        QVERIFY(set->migrations[0].downPath.isEmpty());
        QCOMPARE(set->migrations[1].name, u"add_b"_s);
        QVERIFY(!set->migrations[1].downPath.isEmpty());
        QCOMPARE(set->migrations[1].checksum.size(), 64);
        QVERIFY(!set->hasDuplicates());
        QCOMPARE(set->issues.size(), 2);

        writeFile(dir.filePath(u"002_other.up.sql"_s), "SELECT 22;");
        auto duplicated = migrate::discoverMigrations(dir.path());
        QVERIFY(duplicated->hasDuplicates());
        auto refused = duplicated->requireNoDuplicates();
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Config);
        QVERIFY(refused.error().message.contains(u"002_add_b.up.sql"));
        QVERIFY(refused.error().message.contains(u"002_other.up.sql"));
        QVERIFY(refused.error().message.contains(u"new, later version"));
    }

    void scriptDirectivesAndWrapper()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"005_x.up.sql"_s);
        writeFile(path, "-- adds things\n-- plumb: lock_timeout=2s statement_timeout=1min\n"
                        "BEGIN;\nCREATE TABLE a (id int);\nCREATE INDEX CONCURRENTLY ai ON a "
                        "(id);\nCOMMIT;\n");
        auto script = migrate::loadScript(path, u"005_x.up.sql"_s, defaults, 170000);
        QVERIFY2(script, script ? "" : qPrintable(script.error().describe()));
        QCOMPARE(script->timeouts.lockTimeout, u"2s"_s);
        QCOMPARE(script->timeouts.statementTimeout, u"1min"_s);
        QCOMPARE(script->statements.size(), 2);
        QVERIFY(!script->transactional);
        QCOMPARE(script->warnings.size(), 1);

        writeFile(path, "-- plumb: lock_timeout=2s\nSELECT 1;\n-- plumb: statement_timeout=1s\n");
        auto late = migrate::loadScript(path, u"005_x.up.sql"_s, defaults, 170000);
        QVERIFY(late);
        QCOMPARE(late->timeouts.statementTimeout, u"30min"_s); // only the leading block counts
        QVERIFY(late->transactional);

        writeFile(path, "-- plumb: lock_timout=2s\nSELECT 1;\n");
        auto typo = migrate::loadScript(path, u"005_x.up.sql"_s, defaults, 170000);
        QVERIFY(!typo);
        QCOMPARE(typo.error().code, ErrorCode::Config);
        QCOMPARE(typo.error().line, 1);
    }

    void statementsPointAtTheirFirstToken()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"007_z.up.sql"_s);
        writeFile(path, "-- header\n\n/* a\n   comment */\nSELECT 1;\n-- tail\nSELECT\n 2;\n");
        auto script = migrate::loadScript(path, u"007_z.up.sql"_s, defaults, 0);
        QVERIFY(script);
        QCOMPARE(script->statements.size(), 2);
        QCOMPARE(script->statements[0].line, 5);
        QCOMPARE(script->statements[0].text, u"SELECT 1"_s);
        QCOMPARE(script->statements[1].line, 7);
    }

    void commitInsideIsAnError()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"006_y.up.sql"_s);
        writeFile(path, "CREATE TABLE a (id int);\nCOMMIT;\nCREATE TABLE b (id int);\n");
        auto script = migrate::loadScript(path, u"db/migrations/006_y.up.sql"_s, defaults, 0);
        QVERIFY(!script);
        QCOMPARE(script.error().code, ErrorCode::Schema);
        QCOMPARE(script.error().file, u"db/migrations/006_y.up.sql"_s);
        QCOMPARE(script.error().line, 2);
        QVERIFY(script.error().message.contains(u"COMMIT inside a migration"));
        QVERIFY(script.error().message.contains(u"split the file"));
    }

    void tenThousandMigrationsAreDiscoveredInOrder()
    {
        QTemporaryDir dir;
        for (int v = 10000; v >= 1; --v)
            writeFile(dir.filePath(u"%1_step.up.sql"_s.arg(v, 5, 10, QChar(u'0'))),
                      "SELECT " + QByteArray::number(v) + ";\n");
        auto set = migrate::discoverMigrations(dir.path());
        QVERIFY(set);
        QCOMPARE(set->migrations.size(), 10000);
        QVERIFY(set->issues.isEmpty());
        for (int i = 0; i < 10000; ++i)
            QCOMPARE(set->migrations[i].version, u"%1"_s.arg(i + 1, 5, 10, QChar(u'0')));
        QCOMPARE(set->find(u"10000"_s), &set->migrations.back());
    }

    void oversizedMigrationIsRefusedUnread()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"007_big.up.sql"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(200LL * 1024 * 1024)); // sparse: nothing is written to disk
        file.close();
        auto script = migrate::loadScript(path, u"db/migrations/007_big.up.sql"_s, defaults, 0);
        QVERIFY(!script);
        QCOMPARE(script.error().code, ErrorCode::Config);
        QVERIFY2(script.error().message.contains(u"db/migrations/007_big.up.sql is 200.00 MiB"_s),
                 qPrintable(script.error().message));
    }
};

QTEST_GUILESS_MAIN(TestMigrationFiles)
#include "tst_migration_files.moc"
