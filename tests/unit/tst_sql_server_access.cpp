#include "core/sql/filter_columns.h"
#include "core/sql/script.h"
#include "core/sql/server_access.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb::sql;

// What a project's SQL may not do where Plumbline runs it unasked, read from the parse tree.
class TestSqlServerAccess : public QObject {
    Q_OBJECT
private slots:
    void refused_data()
    {
        QTest::addColumn<QString>("statement");
        QTest::addColumn<QString>("what");
        QTest::addColumn<int>("line");
        QTest::newRow("copy from program")
            << u"COPY t FROM PROGRAM 'touch /tmp/x'"_s << u"COPY ... FROM PROGRAM"_s << 1;
        QTest::newRow("copy query to program")
            << u"COPY (SELECT 1) TO PROGRAM 'cat > /tmp/x'"_s << u"COPY ... TO PROGRAM"_s << 1;
        QTest::newRow("copy from a server file")
            << u"COPY t FROM '/etc/passwd'"_s << u"COPY ... FROM a server file"_s << 1;
        QTest::newRow("after a comment")
            << u"-- seed\n\nCOPY t FROM PROGRAM 'id'"_s << u"COPY ... FROM PROGRAM"_s << 3;
        QTest::newRow("lo_import in a select") << u"SELECT\n  lo_import('/etc/passwd')"_s
                                               << u"lo_import() (the server's files)"_s << 2;
        QTest::newRow("qualified lo_import in a default")
            << u"CREATE TABLE t (o oid DEFAULT pg_catalog.lo_import('/x'))"_s
            << u"lo_import() (the server's files)"_s << 1;
        QTest::newRow("pg_read_file in a view")
            << u"CREATE VIEW v AS SELECT pg_read_file('/etc/hosts')"_s
            << u"pg_read_file() (the server's files)"_s << 1;
        QTest::newRow("untrusted function")
            << u"CREATE FUNCTION f() RETURNS int\nLANGUAGE plpython3u AS 'return 1'"_s
            << u"a function in the untrusted language plpython3u"_s << 2;
        QTest::newRow("C function")
            << u"CREATE FUNCTION f() RETURNS int AS 'libc.so.6', 'system' LANGUAGE C"_s
            << u"a function in the untrusted language c"_s << 1;
        QTest::newRow("untrusted DO block")
            << u"DO LANGUAGE plperlu $$ system('id') $$"_s
            << u"a DO block in the untrusted language plperlu"_s << 1;
        QTest::newRow("untrusted language extension")
            << u"CREATE EXTENSION plpython3u"_s << u"creating the untrusted language plpython3u"_s
            << 1;
        QTest::newRow("create language")
            << u"CREATE LANGUAGE pltclu"_s << u"creating the untrusted language pltclu"_s << 1;
        QTest::newRow("load") << u"LOAD 'auto_explain'"_s
                              << u"LOAD (a shared library into the server)"_s << 1;
        QTest::newRow("alter system")
            << u"ALTER SYSTEM SET work_mem = '1GB'"_s << u"ALTER SYSTEM"_s << 1;
        QTest::newRow("inside a SQL function's string body")
            << u"CREATE FUNCTION f() RETURNS oid LANGUAGE sql\nAS $$ SELECT lo_import('/x') $$"_s
            << u"lo_import() (the server's files) in the function's body"_s << 2;
        QTest::newRow("inside a BEGIN ATOMIC body")
            << u"CREATE FUNCTION f() RETURNS oid LANGUAGE sql BEGIN ATOMIC SELECT "
               u"lo_export(1, '/x'); END"_s
            << u"lo_export() (the server's files)"_s << 1;
    }
    void refused()
    {
        QFETCH(QString, statement);
        QFETCH(QString, what);
        QFETCH(int, line);
        auto found = findServerAccess(statement);
        QVERIFY2(found, found ? "" : qPrintable(found.error().message));
        QVERIFY2(found->has_value(), qPrintable(statement));
        QCOMPARE((*found)->what, what);
        QCOMPARE((*found)->line, line);
    }

    void allowed_data()
    {
        QTest::addColumn<QString>("statement");
        QTest::newRow("table") << u"CREATE TABLE t (id int PRIMARY KEY, note text)"_s;
        QTest::newRow("copy from stdin") << u"COPY t FROM STDIN"_s;
        QTest::newRow("plpgsql function")
            << u"CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN 1; END $$"_s;
        QTest::newRow("sql function") << u"CREATE FUNCTION f() RETURNS int LANGUAGE sql AS "
                                         u"'SELECT 1'"_s;
        QTest::newRow("trusted extension") << u"CREATE EXTENSION IF NOT EXISTS pgcrypto"_s;
        QTest::newRow("the project's own lo_import") << u"SELECT app.lo_import('x')"_s;
        QTest::newRow("a string that mentions a program")
            << u"COMMENT ON TABLE t IS 'COPY t FROM PROGRAM ''touch /tmp/x'''"_s;
        QTest::newRow("plpgsql DO") << u"DO $$ BEGIN PERFORM 1; END $$"_s;
    }
    void allowed()
    {
        QFETCH(QString, statement);
        auto found = findServerAccess(statement);
        QVERIFY2(found, found ? "" : qPrintable(found.error().message));
        QVERIFY2(!found->has_value(), qPrintable(found->has_value() ? (*found)->what : QString()));
    }

    void syntaxErrorIsAnError() { QVERIFY(!findServerAccess(u"CREATE TABLE ("_s)); }

    void untrustedLanguages()
    {
        for (const QString& name : {u"c"_s, u"C"_s, u"internal"_s, u"plpythonu"_s, u"plpython3u"_s,
                                    u"plperlu"_s, u"pltclu"_s, u"plsh"_s})
            QVERIFY2(isUntrustedLanguage(name), qPrintable(name));
        for (const QString& name :
             {u"sql"_s, u"plpgsql"_s, u"plperl"_s, u"pltcl"_s, u"plv8"_s, u"plu"_s})
            QVERIFY2(!isUntrustedLanguage(name), qPrintable(name));
    }

    void extensionRequestIsRebuiltFromItsParts()
    {
        auto request = extensionRequest(
            u"create extension if not exists \"uuid-ossp\" with schema ext version '1.1' "
            u"cascade"_s);
        QVERIFY(request);
        QCOMPARE(request->name, u"uuid-ossp"_s);
        QCOMPARE(request->schema, u"ext"_s);
        QCOMPARE(request->version, u"1.1"_s);
        QVERIFY(request->cascade);
        QCOMPARE(
            request->sql(),
            u"CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\" SCHEMA ext VERSION '1.1' CASCADE"_s);

        auto plain = extensionRequest(u"CREATE EXTENSION hstore"_s);
        QVERIFY(plain);
        QCOMPARE(plain->sql(), u"CREATE EXTENSION IF NOT EXISTS hstore"_s);
        // Whatever follows in the text is not part of the request.
        auto injected = extensionRequest(u"CREATE EXTENSION \"a; DROP TABLE t\""_s);
        QVERIFY(injected);
        QCOMPARE(injected->sql(), u"CREATE EXTENSION IF NOT EXISTS \"a; DROP TABLE t\""_s);
        QVERIFY(!extensionRequest(u"CREATE TABLE t (id int)"_s));
        QVERIFY(!extensionRequest(u"CREATE EXTENSION a; CREATE EXTENSION b"_s));
    }

    void bareSchemas()
    {
        QCOMPARE(bareCreateSchema(u"CREATE SCHEMA ext"_s), std::optional(u"ext"_s));
        QCOMPARE(bareCreateSchema(u"CREATE SCHEMA IF NOT EXISTS ext"_s), std::optional(u"ext"_s));
        QVERIFY(!bareCreateSchema(u"CREATE SCHEMA ext AUTHORIZATION app"_s));
        QVERIFY(!bareCreateSchema(u"CREATE SCHEMA ext CREATE TABLE t (id int)"_s));
        QVERIFY(!bareCreateSchema(u"CREATE TABLE ext (id int)"_s));
    }

    // What the SQL view may log of a statement someone typed.
    void literalsAreNotLogged()
    {
        QCOMPARE(withoutLiterals(u"ALTER ROLE app PASSWORD 'hunter22'"_s),
                 u"ALTER ROLE app PASSWORD $1"_s);
        QCOMPARE(withoutLiterals(u"INSERT INTO c (email) VALUES ('ada@example.org')"_s),
                 u"INSERT INTO c (email) VALUES ($1)"_s);
        QVERIFY(!withoutLiterals(u"SELEC 'secret'"_s).contains(u"secret"_s));
    }

    void filteredColumnsOfARecordedQuery()
    {
        QCOMPARE(
            filteredColumns(u"SELECT * FROM u WHERE v = $1 AND id > $2"_s, u"public"_s, u"u"_s),
            (QStringList{u"v"_s, u"id"_s}));
        QCOMPARE(filteredColumns(u"SELECT o.id FROM orders o JOIN customers c ON c.id = "
                                 u"o.customer_id WHERE o.state = $1 AND c.region = $2"_s,
                                 u"public"_s, u"orders"_s),
                 (QStringList{u"customer_id"_s, u"state"_s}));
        // Unqualified columns are someone else's as soon as another table is read.
        QCOMPARE(filteredColumns(u"SELECT * FROM a, b WHERE x = $1"_s, u"public"_s, u"a"_s),
                 QStringList());
        QCOMPARE(filteredColumns(u"SELECT * FROM other.u WHERE v = $1"_s, u"public"_s, u"u"_s),
                 QStringList());
        QCOMPARE(filteredColumns(u"not sql"_s, u"public"_s, u"u"_s), QStringList());
    }
};

QTEST_GUILESS_MAIN(TestSqlServerAccess)
#include "tst_sql_server_access.moc"
