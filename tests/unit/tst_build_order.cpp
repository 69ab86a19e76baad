// What a repaired build says: which files each moved file needs, and the renames that make
// alphabetical order work (project::explainRepairs, no server: the applied order is given).

#include "core/project/build_order.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb;

namespace {

project::SchemaSources sources(const QList<std::pair<QString, QByteArray>>& files)
{
    project::SchemaSources result;
    for (const auto& [path, content] : files)
        result.files.append({path, path, content});
    return result;
}

} // namespace

class TestBuildOrder : public QObject {
    Q_OBJECT
private slots:
    void movedFileGoesRightAfterWhatItNeeds()
    {
        const auto files = sources({
            {u"db/schema/10_tables/01_orders.sql"_s,
             "CREATE TABLE orders (user_id int REFERENCES users, status order_status);"},
            {u"db/schema/10_tables/02_users.sql"_s, "CREATE TABLE users (id int PRIMARY KEY);"},
            {u"db/schema/10_tables/03_types.sql"_s, "CREATE TYPE order_status AS ENUM ('a');"},
            {u"db/schema/10_tables/04_items.sql"_s, "CREATE TABLE items (id int);"},
        });
        const QList<project::OrderRepair> repairs = project::explainRepairs(
            files,
            {u"db/schema/10_tables/02_users.sql"_s, u"db/schema/10_tables/03_types.sql"_s,
             u"db/schema/10_tables/04_items.sql"_s, u"db/schema/10_tables/01_orders.sql"_s},
            {{u"db/schema/10_tables/01_orders.sql"_s, {u"relation \"users\" does not exist"_s}}});
        QCOMPARE(repairs.size(), 1);
        // Not after 04_items (built before it, but unrelated): after the type it uses, with the
        // number that is free there... 04 is taken, so the letter form.
        QCOMPARE(repairs[0].needs, (QStringList{u"db/schema/10_tables/02_users.sql"_s,
                                                u"db/schema/10_tables/03_types.sql"_s}));
        QCOMPARE(repairs[0].suggestedPath, u"db/schema/10_tables/03a_orders.sql"_s);
        QVERIFY(!repairs[0].staysInPlace);
    }

    void nextFreeNumberAndFilesWithoutNumbers()
    {
        const auto numbered = sources({
            {u"db/schema/a/10_orders.sql"_s, "CREATE TABLE orders (u int REFERENCES users);"},
            {u"db/schema/a/20_users.sql"_s, "CREATE TABLE users (id int PRIMARY KEY);"},
            {u"db/schema/a/30_other.sql"_s, "CREATE TABLE other (id int);"},
        });
        auto repairs = project::explainRepairs(
            numbered,
            {u"db/schema/a/20_users.sql"_s, u"db/schema/a/30_other.sql"_s,
             u"db/schema/a/10_orders.sql"_s},
            {{u"db/schema/a/10_orders.sql"_s, {u"relation \"users\" does not exist"_s}}});
        QCOMPARE(repairs.value(0).suggestedPath, u"db/schema/a/21_orders.sql"_s);

        const auto plain = sources({
            {u"db/schema/orders.sql"_s, "CREATE TABLE orders (u int REFERENCES users);"},
            {u"db/schema/users.sql"_s, "CREATE TABLE users (id int PRIMARY KEY);"},
        });
        repairs = project::explainRepairs(
            plain, {u"db/schema/users.sql"_s, u"db/schema/orders.sql"_s},
            {{u"db/schema/orders.sql"_s, {u"relation \"users\" does not exist"_s}}});
        QCOMPARE(repairs.value(0).suggestedPath, u"db/schema/users_orders.sql"_s);
    }

    void aFileThatOnlyWaitedForAMovedOneStays()
    {
        const auto files = sources({
            {u"db/schema/10_tables/01_orders.sql"_s,
             "CREATE TABLE orders (u int REFERENCES users);"},
            {u"db/schema/10_tables/02_users.sql"_s, "CREATE TABLE users (id int PRIMARY KEY);"},
            {u"db/schema/20_views/totals.sql"_s,
             "CREATE VIEW totals AS SELECT count(*) FROM orders;"},
        });
        const auto repairs = project::explainRepairs(
            files,
            {u"db/schema/10_tables/02_users.sql"_s, u"db/schema/10_tables/01_orders.sql"_s,
             u"db/schema/20_views/totals.sql"_s},
            {{u"db/schema/10_tables/01_orders.sql"_s, {u"relation \"users\" does not exist"_s}},
             {u"db/schema/20_views/totals.sql"_s, {u"relation \"orders\" does not exist"_s}}});
        QCOMPARE(repairs.size(), 2);
        QCOMPARE(repairs[0].suggestedPath, u"db/schema/10_tables/03_orders.sql"_s);
        QVERIFY(repairs[1].staysInPlace);
        QCOMPARE(repairs[1].needs, QStringList{u"db/schema/10_tables/01_orders.sql"_s});
        QVERIFY(repairs[1].suggestedPath.isEmpty());
    }

    void movedFilesChainAfterEachOther()
    {
        // items needs orders, orders needs users: both move, items after orders' new name.
        const auto files = sources({
            {u"db/schema/01_items.sql"_s, "CREATE TABLE items (o int REFERENCES orders);"},
            {u"db/schema/02_orders.sql"_s, "CREATE TABLE orders (id int PRIMARY KEY, u int "
                                           "REFERENCES users);"},
            {u"db/schema/03_users.sql"_s, "CREATE TABLE users (id int PRIMARY KEY);"},
        });
        const auto repairs = project::explainRepairs(
            files,
            {u"db/schema/03_users.sql"_s, u"db/schema/02_orders.sql"_s,
             u"db/schema/01_items.sql"_s},
            {{u"db/schema/01_items.sql"_s, {u"relation \"orders\" does not exist"_s}},
             {u"db/schema/02_orders.sql"_s, {u"relation \"users\" does not exist"_s}}});
        QCOMPARE(repairs.size(), 2);
        QCOMPARE(repairs[0].file, u"db/schema/02_orders.sql"_s);
        QCOMPARE(repairs[0].suggestedPath, u"db/schema/04_orders.sql"_s);
        QCOMPARE(repairs[1].suggestedPath, u"db/schema/05_items.sql"_s);
    }
};

QTEST_GUILESS_MAIN(TestBuildOrder)
#include "tst_build_order.moc"
