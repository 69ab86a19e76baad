// Conflicts between two changes' touches (coordinate::detectConflicts), without a server.

#include "core/coordinate/conflicts.h"
#include "core/coordinate/extract.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb;
using namespace plumb::coordinate;

namespace {

const QString baseSchema = uR"(
CREATE SCHEMA app;
CREATE TABLE app.users (id bigint PRIMARY KEY, email text NOT NULL, name text);
CREATE TABLE app.orders (id bigint PRIMARY KEY, user_id bigint, total numeric, status text);
CREATE VIEW app.order_totals AS SELECT user_id, sum(total) AS total FROM app.orders GROUP BY 1;
)"_s;

QList<Touch> touchesOf(const QString& ddl)
{
    static const Knowledge knowledge = *knowledgeFromDdl(baseSchema, {u"public"_s});
    auto extraction = analyseChange(ddl, knowledge);
    if (!extraction)
        qFatal("does not parse: %s", qPrintable(extraction.error().message));
    return extraction->touches;
}

// "kind/severity" of each conflict found, e.g. "dependency/error".
QStringList verdict(const QString& a, const QString& b, const QSet<QString>& hot = {})
{
    QStringList found;
    for (const DetectedConflict& conflict :
         detectConflicts(touchesOf(a), touchesOf(b), hot, {u"agent-b"_s, u"feature-b"_s}))
        found.append(conflictKindName(conflict.kind) + u'/' + severityName(conflict.severity));
    return found;
}

} // namespace

class TestCoordinateConflicts : public QObject {
    Q_OBJECT

private slots:
    void pairs_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("drop column vs view reading it")
            << u"ALTER TABLE app.users DROP COLUMN email"_s
            << u"CREATE VIEW app.emails AS SELECT id, email FROM app.users"_s
            << QStringList{u"dependency/error"_s};
        QTest::newRow("drop column vs index on it")
            << u"ALTER TABLE app.users DROP COLUMN email"_s
            << u"CREATE INDEX users_email_idx ON app.users (email)"_s
            << QStringList{u"dependency/error"_s};
        QTest::newRow("different new columns commute")
            << u"ALTER TABLE app.users ADD COLUMN phone text"_s
            << u"ALTER TABLE app.users ADD COLUMN locale text"_s << QStringList{};
        QTest::newRow("same new column") << u"ALTER TABLE app.users ADD COLUMN phone text"_s
                                         << u"ALTER TABLE app.users ADD COLUMN phone varchar(20)"_s
                                         << QStringList{u"name_clash/error"_s};
        QTest::newRow("same index under two names")
            << u"CREATE INDEX CONCURRENTLY orders_user_idx ON app.orders (user_id)"_s
            << u"CREATE INDEX CONCURRENTLY idx_orders_user_id ON app.orders (user_id)"_s
            << QStringList{u"same_object/warning"_s};
        QTest::newRow("two type changes of one column")
            << u"ALTER TABLE app.orders ALTER COLUMN total TYPE numeric(12,2)"_s
            << u"ALTER TABLE app.orders ALTER COLUMN total TYPE bigint"_s
            << QStringList{u"same_object/error"_s};
        QTest::newRow("drop table vs new column")
            << u"DROP TABLE app.orders"_s << u"ALTER TABLE app.orders ADD COLUMN note text"_s
            << QStringList{u"dependency/error"_s};
        QTest::newRow("rename vs reader")
            << u"ALTER TABLE app.users RENAME COLUMN name TO full_name"_s
            << u"CREATE VIEW app.names AS SELECT name FROM app.users"_s
            << QStringList{u"dependency/error"_s};
        QTest::newRow("qualified names are not confused with their schema")
            << u"ALTER TABLE app.users ADD COLUMN a int"_s
            << u"ALTER TABLE app.orders ADD COLUMN a int"_s << QStringList{};
        QTest::newRow("view replaced twice")
            << u"CREATE OR REPLACE VIEW app.order_totals AS SELECT user_id, sum(total) AS total, "
               u"count(*) AS n FROM app.orders GROUP BY 1"_s
            << u"CREATE OR REPLACE VIEW app.order_totals AS SELECT user_id, max(total) AS total "
               u"FROM app.orders GROUP BY 1"_s
            << QStringList{u"same_object/error"_s};
    }

    void pairs()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(QStringList, expected);
        QCOMPARE(verdict(a, b), expected);
        // Whichever change comes first, the verdict is the same.
        QCOMPARE(verdict(b, a), expected);
    }

    void overlappingPartitionsCollide()
    {
        const QString year = u"CREATE TABLE app.o26 PARTITION OF app.orders FOR VALUES FROM "
                             u"('2026-01-01') TO ('2027-01-01')"_s;
        const QString half = u"CREATE TABLE app.o26h1 PARTITION OF app.orders FOR VALUES FROM "
                             u"('2026-01-01') TO ('2026-07-01')"_s;
        const QString next = u"CREATE TABLE app.o27 PARTITION OF app.orders FOR VALUES FROM "
                             u"('2027-01-01') TO ('2028-01-01')"_s;
        QCOMPARE(verdict(year, half), QStringList{u"same_object/error"_s});
        QCOMPARE(verdict(year, next), QStringList{});
    }

    void lockOverlapOnlyOnHotTables()
    {
        const QString a =
            u"ALTER TABLE app.orders ADD COLUMN note text DEFAULT gen_random_uuid()"_s;
        const QString b = u"CREATE INDEX orders_status_idx ON app.orders (status)"_s;
        QCOMPARE(verdict(a, b), QStringList{});
        QCOMPARE(verdict(a, b, {u"public.orders"_s}), QStringList{});
        QCOMPARE(verdict(a, b, {u"app.orders"_s}), QStringList{u"lock_overlap/warning"_s});
    }

    void suggestionsNameTheOtherSide()
    {
        const QList<DetectedConflict> conflicts =
            detectConflicts(touchesOf(u"ALTER TABLE app.users DROP COLUMN email"_s),
                            touchesOf(u"CREATE INDEX ON app.users (email)"_s), {},
                            {u"claude-search"_s, u"email_lookup"_s});
        QCOMPARE(conflicts.size(), 1);
        QVERIFY(conflicts[0].suggestions.join(u' ').contains(u"claude-search (email_lookup)"_s));
        QCOMPARE(conflicts[0].affectedObjects(), QStringList{u"app.users.email"_s});
        QCOMPARE(confitureConflictType(conflicts[0].kind, conflicts[0].points[0].object.kind),
                 u"dependency"_s);
    }
};

QTEST_GUILESS_MAIN(TestCoordinateConflicts)
#include "tst_coordinate_conflicts.moc"
