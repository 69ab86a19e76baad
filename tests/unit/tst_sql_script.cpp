#include "core/sql/script.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb;

class TestSqlScript : public QObject {
    Q_OBJECT
private slots:
    void splitsAndLocatesStatements()
    {
        const QString source = u"-- users\n"
                               u"CREATE TABLE users (id int);\n"
                               u"\n"
                               u"CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$\n"
                               u"BEGIN\n"
                               u"  RETURN 1; -- a semicolon inside the body\n"
                               u"END $$;\n"
                               u"CREATE FUNCTION g() RETURNS int LANGUAGE sql\n"
                               u"BEGIN ATOMIC SELECT 1; SELECT 2; END;\n"
                               u"INSERT INTO users VALUES (1) /* ; */;\n"
                               u"SELECT E'it\\'s; here'"_s;
        auto statements = sql::splitStatements(source, u"schema.sql"_s);
        QVERIFY2(statements, statements ? "" : qPrintable(statements.error().describe()));
        QCOMPARE(statements->size(), 5);
        QCOMPARE(statements->at(0).line, 1); // the leading comment belongs to the statement
        QVERIFY(statements->at(0).text.endsWith(u"CREATE TABLE users (id int)"));
        QCOMPARE(statements->at(1).line, 4);
        QVERIFY(statements->at(1).text.contains(u"RETURN 1;"));
        QCOMPARE(statements->at(2).line, 8);
        QVERIFY(statements->at(2).text.endsWith(u"END"));
        QCOMPARE(statements->at(3).line, 10);
        QCOMPARE(statements->at(4).line, 11);
    }

    void syntaxErrorNamesFileAndLine()
    {
        auto statements = sql::splitStatements(u"SELECT 1;\n\nCREATE TABEL x (id int);\n"_s,
                                               u"db/schema/10.sql"_s);
        QVERIFY(!statements);
        QCOMPARE(statements.error().code, ErrorCode::Schema);
        QCOMPARE(statements.error().file, u"db/schema/10.sql"_s);
        QCOMPARE(statements.error().line, 3);
        QVERIFY(statements.error().message.contains(u"TABEL"));
    }

    void emptySourceHasNoStatements()
    {
        auto statements = sql::splitStatements(u"  -- nothing\n\n"_s);
        QVERIFY(statements);
        QVERIFY(statements->isEmpty());
    }

    void multibyteTextKeepsLines()
    {
        auto statements = sql::splitStatements(u"SELECT '\u8868\u00e9';\nSELECT 2;"_s);
        QVERIFY(statements);
        QCOMPARE(statements->size(), 2);
        QCOMPARE(statements->at(0).text, u"SELECT '\u8868\u00e9'"_s);
        QCOMPARE(statements->at(1).line, 2);
    }
};

QTEST_APPLESS_MAIN(TestSqlScript)
#include "tst_sql_script.moc"
