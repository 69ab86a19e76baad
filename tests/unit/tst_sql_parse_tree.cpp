#include "core/sql/classify.h"
#include "core/sql/declarations.h"
#include "core/sql/equivalence.h"
#include "core/sql/parse_tree.h"
#include "core/sql/server_access.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb::sql;

namespace {

// A view concatenating `columns` columns: every || nests the tree deeper, and a thousand columns
// go past the 1024 levels Qt's JSON reader takes (found by fuzz_sql_script).
QString deepView(int columns, const QString& extra = {})
{
    QStringList parts;
    for (int i = 0; i < columns; ++i)
        parts << u"c%1"_s.arg(i);
    return u"CREATE VIEW wide AS SELECT "_s + parts.join(u" || "_s) + extra +
           u" AS joined FROM t"_s;
}

} // namespace

// libpg_query's JSON trees of ordinary but long SQL are deeper than Qt's JSON reader takes: the
// readers must still see what they need, and the check for server access must never pass what it
// could not read.
class TestSqlParseTree : public QObject {
    Q_OBJECT
private slots:
    void cutReplacesDeepValuesWithNull()
    {
        bool cut = false;
        QCOMPARE(cutDeeperThan("{\"a\":[1,{\"b\":\"}]{[\"}],\"c\":2}", 2, &cut),
                 QByteArray("{\"a\":[1,null],\"c\":2}"));
        QVERIFY(cut);
        const QByteArray brackets = "{\"a\":\"[[[\\\"{\"}"; // {"a":"[[[\"{"}: all inside a string
        QCOMPARE(cutDeeperThan(brackets, 1, &cut), brackets);
        QVERIFY(!cut);
    }

    void shallowTreeIsComplete()
    {
        auto tree = parseTree("SELECT 1; SELECT 2");
        QVERIFY(tree);
        QVERIFY(tree->complete);
        QCOMPARE(tree->statements.size(), 2);
    }

    void syntaxErrorGivesItsPosition()
    {
        int position = 0;
        auto tree = parseTree("SELECT 1;\nSELEC 2", &position);
        QVERIFY(!tree);
        QCOMPARE(position, 11);
    }

    void deepViewIsStillDeclared()
    {
        const QString view = deepView(1000);
        auto tree = parseTree(view.toUtf8());
        QVERIFY(tree);
        QVERIFY(!tree->complete);
        QCOMPARE(tree->statements.size(), 1);

        auto declarations = findDeclarations(view, u"views.sql"_s);
        QVERIFY(declarations);
        QCOMPARE(declarations->size(), 1);
        QCOMPARE(declarations->first().name, u"wide"_s);
        QCOMPARE(declarations->first().kind, Declaration::Kind::View);

        auto kind = classifyStatement(view, 170000);
        QVERIFY(kind);
        QCOMPARE(kind->rule, TransactionRule::Transactional);
    }

    void deepStatementWithoutAccessPasses()
    {
        auto access = findServerAccess(deepView(1000));
        QVERIFY(access);
        QVERIFY(!access->has_value());
    }

    void deepStatementWithAccessIsRefused()
    {
        // Hidden below the cut: the check reports it rather than passing the statement.
        auto access = findServerAccess(deepView(1000, u" || pg_read_file('/etc/passwd')"_s));
        QVERIFY(access);
        QVERIFY(access->has_value());
        QVERIFY2((*access)->what.contains(u"pg_read_file"_s), qPrintable((*access)->what));
    }

    void deepStatementsCompareAsText()
    {
        QVERIFY(equivalentSql(deepView(1000), deepView(1000)));
        QVERIFY(!equivalentSql(deepView(1000), deepView(1001)));
    }
};

QTEST_GUILESS_MAIN(TestSqlParseTree)
#include "tst_sql_parse_tree.moc"
