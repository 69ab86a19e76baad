#include "core/catalog/json.h"
#include "core/sql/script.h"
#include "tests/support/cli_run.h"
#include "tests/support/test_database.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb;
using plumb::testing::CliRun;
using plumb::testing::runPlumb;

// plumb inspect URL [--format text|json|sql] [--schema NAME...]
class TestCliInspect : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        m_database = std::make_unique<testing::TestDatabase>(u"cli_inspect"_s);
        for (const QString& sql :
             {u"CREATE SCHEMA app"_s, u"CREATE TABLE app.item (id int PRIMARY KEY, name text)"_s,
              u"CREATE TABLE public.other (id int)"_s})
            m_database->exec(sql);
    }

    void jsonIsTheCatalogAndReadsBack()
    {
        const CliRun run =
            runPlumb({u"inspect"_s, m_database->info().toUri(), u"--format"_s, u"json"_s});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QVERIFY(json.value(u"ok"_s).toBool());
        QCOMPARE(json.value(u"fingerprint"_s).toString().size(), 64);
        auto catalog = catalog::readJson(run.out.toUtf8());
        QVERIFY2(catalog, catalog ? "" : qPrintable(catalog.error().message));
        QVERIFY(catalog->table({u"app"_s, u"item"_s}));
        QVERIFY(catalog->table({u"public"_s, u"other"_s}));
    }

    void sqlIsLoadableDdl()
    {
        const CliRun run = runPlumb({u"inspect"_s, m_database->info().toUri(), u"--format=sql"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(u"CREATE TABLE app.item"), qPrintable(run.out));
        QVERIFY(run.out.contains(u"ADD CONSTRAINT item_pkey PRIMARY KEY (id)"));
        testing::TestDatabase copy(u"cli_inspect_copy"_s);
        copy.exec(u"DROP SCHEMA public"_s);
        auto connection = copy.connect();
        QVERIFY(connection);
        SilentProgress progress;
        QVERIFY(sql::runScript(*connection, run.out, u"inspect.sql"_s, progress));
    }

    void ownersOnRequest()
    {
        const CliRun plain =
            runPlumb({u"inspect"_s, m_database->info().toUri(), u"--format"_s, u"sql"_s});
        QVERIFY(!plain.out.contains(u"OWNER TO"));
        const CliRun owners = runPlumb(
            {u"inspect"_s, m_database->info().toUri(), u"--format"_s, u"sql"_s, u"--owners"_s});
        QCOMPARE(owners.exitCode, 0);
        QVERIFY2(owners.out.contains(u"ALTER TABLE app.item OWNER TO"), qPrintable(owners.out));
    }

    void schemaOptionFilters()
    {
        const CliRun run = runPlumb({u"inspect"_s, m_database->info().toUri(), u"--schema"_s,
                                     u"app"_s, u"--format"_s, u"json"_s});
        QCOMPARE(run.exitCode, 0);
        auto catalog = catalog::readJson(run.out.toUtf8());
        QVERIFY(catalog);
        QVERIFY(catalog->table({u"app"_s, u"item"_s}));
        QVERIFY(!catalog->table({u"public"_s, u"other"_s}));
    }

    void textSummary()
    {
        const CliRun run = runPlumb({u"inspect"_s, m_database->info().toUri()});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(u"tables:"), qPrintable(run.out));
        QVERIFY(run.out.contains(u"fingerprint:"));
    }

    void errorsMapToExitCodes()
    {
        QCOMPARE(runPlumb({u"inspect"_s}).exitCode, 5);
        const CliRun unreachable = runPlumb(
            {u"inspect"_s, u"postgresql://nobody@127.0.0.1:1/none"_s, u"--format"_s, u"json"_s});
        QCOMPARE(unreachable.exitCode, 3);
        const QJsonObject json = QJsonDocument::fromJson(unreachable.out.toUtf8()).object();
        QCOMPARE(json.value(u"ok"_s).toBool(true), false);
    }

    void cleanupTestCase() { m_database.reset(); }

private:
    std::unique_ptr<testing::TestDatabase> m_database;
};

QTEST_GUILESS_MAIN(TestCliInspect)
#include "tst_cli_inspect.moc"
