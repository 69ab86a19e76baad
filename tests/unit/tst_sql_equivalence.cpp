#include "core/sql/equivalence.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb::sql;

class TestSqlEquivalence : public QObject {
    Q_OBJECT

private slots:
    void reprintedArrayCastsAreEquivalent_data()
    {
        QTest::addColumn<QString>("printed");
        QTest::addColumn<QString>("reprinted");
        QTest::newRow("check") << u"CHECK (((status)::text = ANY ((ARRAY['a'::character varying, "
                                  u"'b'::character varying])::text[])))"_s
                               << u"CHECK (((status)::text = ANY (ARRAY[('a'::character "
                                  u"varying)::text, ('b'::character varying)::text])))"_s;
        QTest::newRow("predicate")
            << u"((s)::text = ANY ((ARRAY['x'::character varying])::text[]))"_s
            << u"((s)::text = ANY (ARRAY[('x'::character varying)::text]))"_s;
        QTest::newRow("index") << u"CREATE INDEX i ON public.t USING btree (id) WHERE ((s)::text "
                                  u"= ANY ((ARRAY['x'::character varying])::text[]))"_s
                               << u"CREATE INDEX i ON public.t USING btree (id) WHERE ((s)::text "
                                  u"= ANY (ARRAY[('x'::character varying)::text]))"_s;
        QTest::newRow("two dimensions")
            << u"(ARRAY[ARRAY[1, 2], ARRAY[3, 4]])::bigint[][]"_s
            << u"ARRAY[ARRAY[(1)::bigint, (2)::bigint], ARRAY[(3)::bigint, (4)::bigint]]"_s;
        QTest::newRow("union branch names")
            << u" SELECT a FROM t UNION ALL SELECT NULL::integer FROM u"_s
            << u" SELECT a FROM t UNION ALL SELECT NULL::integer AS int4 FROM u"_s;
        QTest::newRow("layout") << u"CHECK ((a > 0))"_s << u"CHECK (a>0)"_s;
    }
    void reprintedArrayCastsAreEquivalent()
    {
        QFETCH(QString, printed);
        QFETCH(QString, reprinted);
        QVERIFY(equivalentSql(printed, reprinted));
        QVERIFY(equivalentSql(reprinted, printed));
        if (printed.contains(u"ARRAY["_s))
            QCOMPARE(comparableSql(printed), comparableSql(reprinted));
    }

    void differentMeaningsStayDifferent_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::newRow("values")
            << u"CHECK ((s)::text = ANY ((ARRAY['a'::character varying])::text[]))"_s
            << u"CHECK ((s)::text = ANY (ARRAY[('b'::character varying)::text]))"_s;
        QTest::newRow("element type")
            << u"(ARRAY[1, 2])::bigint[]"_s << u"ARRAY[(1)::integer, (2)::integer]"_s;
        QTest::newRow("scalar cast kept") << u"(ARRAY[1])::text"_s << u"ARRAY[(1)::text]"_s;
        QTest::newRow("empty array type") << u"(ARRAY[])::integer[]"_s << u"(ARRAY[])::text[]"_s;
        QTest::newRow("first branch names the columns")
            << u"SELECT a AS x FROM t UNION SELECT b FROM u"_s
            << u"SELECT a AS y FROM t UNION SELECT b FROM u"_s;
        QTest::newRow("operator") << u"CHECK ((a > 0))"_s << u"CHECK ((a >= 0))"_s;
        QTest::newRow("not sql") << u"not ( sql"_s << u"not (sql"_s;
        QTest::newRow("empty") << u""_s << u"CHECK (true)"_s;
    }
    void differentMeaningsStayDifferent()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QVERIFY2(!equivalentSql(a, b), qPrintable(canonicalParseTree(a)));
    }

    void textsWithoutArraysAreTheirOwnComparableForm()
    {
        QCOMPARE(comparableSql(u"CHECK ((a > 0))"_s), u"CHECK ((a > 0))"_s);
        QCOMPARE(comparableSql(u"ARRAY[ unparsable"_s), u"ARRAY[ unparsable"_s);
    }
};

QTEST_GUILESS_MAIN(TestSqlEquivalence)
#include "tst_sql_equivalence.moc"
