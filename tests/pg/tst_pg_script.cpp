#include "core/sql/script.h"
#include "tests/support/test_database.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb;

class TestPgScript : public QObject {
    Q_OBJECT
private slots:
    void runsEveryStatement()
    {
        testing::TestDatabase database(u"script"_s);
        auto connection = database.connect();
        QVERIFY(connection);
        SilentProgress progress;
        auto ran = sql::runScript(*connection,
                                  u"CREATE TABLE a (id int);\nINSERT INTO a VALUES (1), (2);\n"
                                  u"CREATE VIEW v AS SELECT count(*) AS n FROM a;"_s,
                                  u"s.sql"_s, progress);
        QVERIFY2(ran, ran ? "" : qPrintable(ran.error().describe()));
        auto count = connection->exec(u"SELECT n FROM v"_s);
        QVERIFY(count);
        QCOMPARE(count->int32(0, 0), 2);
    }

    void errorPointsAtTheFailingLine()
    {
        testing::TestDatabase database(u"scripterr"_s);
        auto connection = database.connect();
        QVERIFY(connection);
        SilentProgress progress;
        auto ran = sql::runScript(
            *connection,
            u"CREATE TABLE a (id int);\n\nCREATE VIEW v AS\n  SELECT missing_column\n  FROM a;"_s,
            u"db/schema/a.sql"_s, progress);
        QVERIFY(!ran);
        QCOMPARE(ran.error().file, u"db/schema/a.sql"_s);
        QCOMPARE(ran.error().line, 4);
        QCOMPARE(ran.error().sqlState, u"42703"_s);
    }
};

QTEST_GUILESS_MAIN(TestPgScript)
#include "tst_pg_script.moc"
