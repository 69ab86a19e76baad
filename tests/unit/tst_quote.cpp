#include "core/db/quote.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb::db;

class TestQuote : public QObject {
    Q_OBJECT
private slots:
    void identifiers_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("quoted");
        QTest::newRow("plain") << u"users"_s << u"users"_s;
        QTest::newRow("underscore and digits") << u"_a1"_s << u"_a1"_s;
        QTest::newRow("upper case") << u"Users"_s << u"\"Users\""_s;
        QTest::newRow("space") << u"my table"_s << u"\"my table\""_s;
        QTest::newRow("quote") << u"a\"b"_s << u"\"a\"\"b\""_s;
        QTest::newRow("leading digit") << u"1abc"_s << u"\"1abc\""_s;
        QTest::newRow("reserved") << u"select"_s << u"\"select\""_s;
        QTest::newRow("col name keyword") << u"int"_s << u"\"int\""_s;
        QTest::newRow("unreserved keyword") << u"name"_s << u"name"_s;
        QTest::newRow("unicode") << u"caf\u00e9"_s << u"\"caf\u00e9\""_s;
        QTest::newRow("empty") << QString() << u"\"\""_s;
        QTest::newRow("dollar") << u"a$b"_s << u"\"a$b\""_s;
    }

    void identifiers()
    {
        QFETCH(QString, name);
        QFETCH(QString, quoted);
        QCOMPARE(quoteIdentifier(name), quoted);
    }

    void qualified() { QCOMPARE(qualifiedName(u"public", u"User"), u"public.\"User\""_s); }

    void literals()
    {
        QCOMPARE(quoteLiteral(u"abc"), u"'abc'"_s);
        QCOMPARE(quoteLiteral(u"it's"), u"'it''s'"_s);
        QCOMPARE(quoteLiteral(u"a\\b"), u"E'a\\\\b'"_s);
        QCOMPARE(quoteLiteral(u""), u"''"_s);
    }

    void truncatesAt63Bytes()
    {
        const QString ascii(70, u'x');
        QCOMPARE(truncateIdentifier(ascii), QString(63, u'x'));
        QCOMPARE(truncateIdentifier(u"short"), u"short"_s);
        // 62 ASCII bytes then a two-byte character: it does not fit in 63 and is dropped whole.
        const QString boundary = QString(62, u'a') + u"\u00e9z"_s;
        QCOMPARE(truncateIdentifier(boundary), QString(62, u'a'));
        // Three-byte characters: 21 of them make exactly 63 bytes.
        const QString cjk = QString(25, QChar(0x8868));
        QCOMPARE(truncateIdentifier(cjk).toUtf8().size(), 63);
    }

    void keywordTableIsSane()
    {
        QVERIFY(isReservedKeyword(u"select"));
        QVERIFY(isReservedKeyword(u"user"));
        QVERIFY(!isReservedKeyword(u"users"));
        QVERIFY(
            !isReservedKeyword(u"SELECT")); // the table is lower-case; upper case is quoted anyway
    }
};

QTEST_APPLESS_MAIN(TestQuote)
#include "tst_quote.moc"
