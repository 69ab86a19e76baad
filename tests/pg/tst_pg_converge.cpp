#include "catalog_test_helpers.h"
#include "core/catalog/introspect.h"
#include "core/db/connection.h"
#include "core/migrate/ledger.h"
#include "core/plan/converger.h"
#include "core/plan/schema_compare.h"
#include "core/sql/script.h"
#include "tests/support/test_database.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb;
using plumb::testing::TestDatabase;

namespace {

void load(const TestDatabase& database, const QString& script)
{
    auto connection = database.connect();
    SilentProgress progress;
    auto loaded = sql::runScript(*connection, script, u"test.sql"_s, progress);
    if (!loaded)
        QFAIL(qPrintable(loaded.error().describe()));
}

int scalar(const TestDatabase& database, const QString& sql)
{
    auto connection = database.connect();
    auto result = connection->exec(sql);
    if (!result)
        qFatal("%s", qPrintable(result.error().message));
    return result->int32(0, 0);
}

const QString declaredSql =
    u"CREATE TABLE items (id int PRIMARY KEY, price int NOT NULL DEFAULT 0, note text,"
    u" CONSTRAINT items_price_check CHECK (price >= 0));\n"
    u"CREATE INDEX items_price_idx ON items (price);\n"_s;

} // namespace

class TestPgConverge : public QObject {
    Q_OBJECT

private slots:
    void convergerAppliesOnlyConvergenceSteps()
    {
        TestDatabase declaredDb(u"convdecl"_s);
        load(declaredDb, declaredSql);
        TestDatabase live(u"convlive"_s);
        load(live, u"CREATE TABLE items (id int PRIMARY KEY, price int);\n"
                   u"INSERT INTO items VALUES (1, 5), (2, 7);\n"
                   u"CREATE TABLE tb_confiture (id int);\n"_s);
        plan::ProjectConverger converger(testing::inspect(declaredDb), u"tb_confiture"_s, {});
        auto connection = live.connect();
        SilentProgress progress;

        auto planned = converger.plan(*connection, progress);
        QVERIFY2(planned, planned ? "" : qPrintable(planned.error().message));
        QVERIFY2(planned->changes.join(u'\n').contains(u"items_price_idx"),
                 qPrintable(planned->changes.join(u'\n')));
        QVERIFY(planned->changes.join(u'\n').contains(u"items_price_check"));
        // The missing column is structural: a migration must add it; the ledger is tooling.
        QVERIFY2(planned->needsMigration.join(u'\n').contains(u"note"),
                 qPrintable(planned->needsMigration.join(u'\n')));
        QVERIFY(!planned->needsMigration.join(u'\n').contains(u"tb_confiture"));
        QCOMPARE(scalar(live, u"SELECT count(*) FROM pg_indexes WHERE indexname = "
                              u"'items_price_idx'"_s),
                 0);

        auto applied = converger.apply(*connection, progress);
        QVERIFY2(applied, applied ? "" : qPrintable(applied.error().message));
        QVERIFY2(applied->failed.isEmpty(), qPrintable(applied->failed.join(u'\n')));
        QCOMPARE(scalar(live, u"SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = "
                              u"i.indexrelid WHERE c.relname = 'items_price_idx' AND "
                              u"i.indisvalid"_s),
                 1);
        QCOMPARE(scalar(live, u"SELECT count(*) FROM pg_constraint WHERE conname = "
                              u"'items_price_check' AND convalidated"_s),
                 1);
        QCOMPARE(scalar(live, u"SELECT count(*) FROM pg_attribute WHERE attrelid = "
                              u"'public.items'::regclass AND attname = 'price' AND "
                              u"attnotnull AND atthasdef"_s),
                 1);
        QCOMPARE(scalar(live, u"SELECT count(*) FROM information_schema.columns WHERE "
                              u"table_name = 'items' AND column_name = 'note'"_s),
                 0);

        auto again = converger.plan(*connection, progress);
        QVERIFY(again);
        QVERIFY2(again->changes.isEmpty(), qPrintable(again->changes.join(u'\n')));
        QVERIFY(again->blocked.isEmpty());
        QVERIFY(!again->needsMigration.isEmpty());
    }

    void serverReprintedExpressionsConvergeOnce()
    {
        // PostgreSQL prints a varchar IN (...) differently once its own output is run again
        // (the ARRAY cast moves onto the elements). Converging must not leave a difference that
        // asks to rebuild the check, the partial index or the view on every run.
        const QString schema =
            u"CREATE TABLE orders (id int PRIMARY KEY, status varchar(20) NOT NULL,"
            u" CONSTRAINT orders_status_check CHECK (status IN ('new', 'paid', 'shipped')));\n"
            u"CREATE INDEX orders_open ON orders (id) WHERE status IN ('new', 'paid');\n"_s;
        TestDatabase declaredDb(u"convreprint_decl"_s);
        load(declaredDb, schema);
        TestDatabase live(u"convreprint_live"_s);
        load(live, u"CREATE TABLE orders (id int PRIMARY KEY, status varchar(20) NOT NULL);\n"
                   u"CREATE TABLE tb_confiture (id int);\n"_s);
        plan::ProjectConverger converger(testing::inspect(declaredDb), u"tb_confiture"_s, {});
        auto connection = live.connect();
        SilentProgress progress;
        auto applied = converger.apply(*connection, progress);
        QVERIFY2(applied, applied ? "" : qPrintable(applied.error().message));
        QVERIFY2(applied->failed.isEmpty(), qPrintable(applied->failed.join(u'\n')));
        QVERIFY(applied->changes.join(u'\n').contains(u"orders_status_check"));
        // The live text really is the re-printed form, not the declared one.
        auto definition =
            connection->exec(u"SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = "
                             u"'orders_status_check'"_s);
        QVERIFY(definition);
        QVERIFY2(!testing::inspect(declaredDb).constraints.isEmpty() &&
                     definition->text(0, 0) !=
                         testing::inspect(declaredDb).constraints.front().definition,
                 qPrintable(definition->text(0, 0)));

        auto again = converger.plan(*connection, progress);
        QVERIFY(again);
        QVERIFY2(again->changes.isEmpty(), qPrintable(again->changes.join(u'\n')));
        QVERIFY2(again->blocked.isEmpty(), qPrintable(again->blocked.join(u'\n')));
    }

    void blockedStepsAreReportedNotApplied()
    {
        TestDatabase declaredDb(u"convbdecl"_s);
        load(declaredDb, u"CREATE TABLE t (a int, CONSTRAINT t_a_check CHECK (a > 10));\n"_s);
        TestDatabase live(u"convblive"_s);
        load(live, u"CREATE TABLE t (a int, CONSTRAINT t_a_check CHECK (a > 0));\n"
                   u"INSERT INTO t VALUES (5);\n"_s);
        plan::ProjectConverger converger(testing::inspect(declaredDb), u"tb_confiture"_s, {});
        auto connection = live.connect();
        SilentProgress progress;
        auto applied = converger.apply(*connection, progress);
        QVERIFY2(applied, applied ? "" : qPrintable(applied.error().message));
        QVERIFY2(!applied->blocked.isEmpty(), qPrintable(applied->changes.join(u'\n')));
        QVERIFY(applied->blocked.join(u'\n').contains(u"new name"));
        QCOMPARE(scalar(live, u"SELECT count(*) FROM pg_constraint WHERE conname = 't_a_check' "
                              u"AND pg_get_constraintdef(oid) LIKE '%> 0%'"_s),
                 1);
    }

    void objectComparisonNamesTheDifferingObject()
    {
        TestDatabase declaredDb(u"cmpdecl"_s);
        load(declaredDb, declaredSql);
        TestDatabase other(u"cmpother"_s);
        load(other, u"CREATE TABLE items (id int PRIMARY KEY, price int NOT NULL DEFAULT 0,"
                    u" note varchar(10), CONSTRAINT items_price_check CHECK (price >= 0));\n"
                    u"CREATE TABLE extra (id int);\n"_s);
        const auto differences =
            plan::compareObjects(testing::inspect(declaredDb), testing::inspect(other));
        QStringList seen;
        for (const auto& d : differences)
            seen.append(d.kind + u' ' + d.name + u' ' + plan::statusName(d.status) +
                        (d.converged ? u" converged"_s : u""_s));
        QVERIFY2(seen.contains(u"table public.items differs"_s), qPrintable(seen.join(u'\n')));
        QVERIFY2(seen.contains(u"table public.extra unexpected"_s), qPrintable(seen.join(u'\n')));
        QVERIFY2(seen.contains(u"index public.items_price_idx missing converged"_s),
                 qPrintable(seen.join(u'\n')));
        QCOMPARE(plan::structuralCount(differences), 2);
        for (const auto& d : differences)
            if (d.name == u"public.items") {
                QVERIFY(d.declaredDdl.contains(u"note text"));
                QVERIFY(d.actualDdl.contains(u"character varying(10)"));
            }
        QVERIFY(plan::compareObjects(testing::inspect(declaredDb), testing::inspect(declaredDb))
                    .isEmpty());
    }

    void tableStatusesMarkEachTable()
    {
        TestDatabase declaredDb(u"stdecl"_s);
        load(declaredDb, declaredSql + u"CREATE TABLE orders (id int);\n"
                                       u"CREATE TABLE same (id int);\n"
                                       u"CREATE TABLE shape (id int, b text);\n"_s);
        TestDatabase live(u"stlive"_s);
        load(live, u"CREATE TABLE items (id int PRIMARY KEY, price int NOT NULL DEFAULT 0,"
                   u" note text, CONSTRAINT items_price_check CHECK (price >= 0));\n"
                   u"CREATE TABLE same (id int);\n"
                   u"CREATE TABLE shape (id int);\n"
                   u"CREATE TABLE legacy (id int);\n"
                   u"CREATE TABLE tb_confiture (id int);\n"_s);
        catalog::Catalog liveCatalog = testing::inspect(live);
        plan::removeLedgerTable(liveCatalog, u"tb_confiture"_s);
        QStringList seen;
        for (const auto& status : plan::tableStatuses(testing::inspect(declaredDb), liveCatalog))
            seen.append(status.table.display() + u'=' + plan::markerName(status.marker));
        seen.sort();
        QCOMPARE(seen, (QStringList{u"public.items=will be converged"_s,
                                    u"public.legacy=unmanaged"_s, u"public.orders=missing"_s,
                                    u"public.same=ok"_s, u"public.shape=differs"_s}));
    }

    void introspectionInsideATransactionDoesNotCommitIt()
    {
        TestDatabase database(u"nested"_s);
        auto connection = database.connect();
        SilentProgress progress;
        auto outer = db::Transaction::begin(*connection);
        QVERIFY(outer);
        QVERIFY(connection->exec(u"CREATE TABLE inside (id int)"_s));
        auto catalog = catalog::introspect(*connection, {}, progress);
        QVERIFY2(catalog, catalog ? "" : qPrintable(catalog.error().message));
        QVERIFY(catalog->table({u"public"_s, u"inside"_s}));
        QVERIFY(connection->inTransactionBlock());
        QVERIFY(outer->rollback());
        QCOMPARE(scalar(database, u"SELECT count(*) FROM pg_tables WHERE tablename = "
                                  u"'inside'"_s),
                 0);
    }

    void durationsParse()
    {
        QCOMPARE(plan::durationMs(u"3s"_s), 3000);
        QCOMPARE(plan::durationMs(u"250ms"_s), 250);
        QCOMPARE(plan::durationMs(u"10min"_s), 600000);
        QCOMPARE(plan::durationMs(u"1500"_s), 1500);
        QCOMPARE(plan::durationMs(u"soon"_s), 0);
    }
};

QTEST_GUILESS_MAIN(TestPgConverge)
#include "tst_pg_converge.moc"
