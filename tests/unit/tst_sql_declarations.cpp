#include "core/sql/declarations.h"
#include "tests/support/verify.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb;
using Kind = sql::Declaration::Kind;

class TestSqlDeclarations : public QObject {
    Q_OBJECT
private slots:
    void findsWhatEachStatementCreates()
    {
        const QString source = u"-- shop\n"
                               u"CREATE TABLE shop.customers (id int PRIMARY KEY);\n"
                               u"\n"
                               u"CREATE INDEX customers_id_idx\n  ON shop.customers (id);\n"
                               u"CREATE INDEX ON shop.customers (id);\n" // unnamed: skipped
                               u"CREATE VIEW v AS SELECT 1 AS one;\n"
                               u"CREATE MATERIALIZED VIEW mv AS SELECT 1 AS one;\n"
                               u"CREATE SEQUENCE s;\n"
                               u"CREATE FUNCTION shop.f() RETURNS int LANGUAGE sql AS 'SELECT 1';\n"
                               u"CREATE TYPE mood AS ENUM ('a');\n"
                               u"CREATE DOMAIN d AS int;\n"
                               u"CREATE TRIGGER t BEFORE UPDATE ON shop.customers FOR EACH ROW "
                               u"EXECUTE FUNCTION shop.f();\n"
                               u"INSERT INTO shop.customers VALUES (1);\n"_s;
        auto found = sql::findDeclarations(source, u"db/schema/shop.sql"_s);
        PLUMB_VERIFY_OK(found);
        QCOMPARE(found->size(), 9);
        const sql::Declaration& table = found->at(0);
        QCOMPARE(table.kind, Kind::Table);
        QCOMPARE(table.schema, u"shop"_s);
        QCOMPARE(table.name, u"customers"_s);
        QCOMPARE(table.file, u"db/schema/shop.sql"_s);
        QCOMPARE(table.line, 1); // the comment before it starts the statement
        QCOMPARE(found->at(1).kind, Kind::Index);
        QCOMPARE(found->at(1).name, u"customers_id_idx"_s);
        QCOMPARE(found->at(1).table, u"customers"_s);
        QCOMPARE(found->at(1).line, 4);
        QCOMPARE(found->at(2).kind, Kind::View);
        QCOMPARE(found->at(2).schema, QString());
        QCOMPARE(found->at(3).kind, Kind::MaterializedView);
        QCOMPARE(found->at(4).kind, Kind::Sequence);
        QCOMPARE(found->at(5).kind, Kind::Function);
        QCOMPARE(found->at(5).schema, u"shop"_s);
        QCOMPARE(found->at(5).name, u"f"_s);
        QCOMPARE(found->at(6).kind, Kind::Type);
        QCOMPARE(found->at(7).name, u"d"_s);
        QCOMPARE(found->at(8).kind, Kind::Trigger);
        QCOMPARE(found->at(8).line, 13);
    }

    void syntaxErrorIsLocated()
    {
        auto found =
            sql::findDeclarations(u"CREATE TABLE a (id int);\nCREATE TABEL b ();"_s, u"x.sql"_s);
        QVERIFY(!found);
        QCOMPARE(found.error().line, 2);
        QCOMPARE(found.error().file, u"x.sql"_s);
    }
};

QTEST_APPLESS_MAIN(TestSqlDeclarations)
#include "tst_sql_declarations.moc"
