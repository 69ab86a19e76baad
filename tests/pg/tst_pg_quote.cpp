#include "core/db/connection.h"
#include "core/db/quote.h"
#include "tests/support/test_database.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb;
using plumb::testing::TestDatabase;

class TestPgQuote : public QObject {
    Q_OBJECT
private slots:
    // Our quoting agrees with the server's quote_ident on every keyword it knows and on awkward
    // names, so generated DDL reads the way PostgreSQL itself would write it.
    void agreesWithQuoteIdent()
    {
        TestDatabase database(u"quote"_s);
        auto connection = database.connect();
        QVERIFY(connection);
        auto keywords = connection->exec(u"SELECT word FROM pg_get_keywords()"_s);
        QVERIFY(keywords);
        QStringList names;
        for (int row = 0; row < keywords->rowCount(); ++row)
            names << keywords->text(row, 0);
        names << u"users"_s << u"Users"_s << u"my table"_s << u"a\"b"_s << u"1st"_s
              << u"caf\u00e9"_s << u"\u8868"_s << u"_x9"_s << u"with$dollar"_s;
        for (const QString& name : std::as_const(names)) {
            auto server = connection->exec(u"SELECT quote_ident($1)"_s, {name});
            QVERIFY(server);
            QCOMPARE(db::quoteIdentifier(name), server->text(0, 0));
        }
    }

    void literalsReadBackUnchanged()
    {
        TestDatabase database(u"literal"_s);
        auto connection = database.connect();
        QVERIFY(connection);
        for (const QString& value : {u"plain"_s, u"it's"_s, u"back\\slash"_s, u"both '\\' "_s,
                                     u"\u00e9\u8868"_s, QString()}) {
            for (const QString& setting : {u"on"_s, u"off"_s}) {
                QVERIFY(connection->exec(
                    u"SELECT set_config('standard_conforming_strings', $1, false)"_s, {setting}));
                auto echoed = connection->exec(u"SELECT "_s + db::quoteLiteral(value));
                QVERIFY2(echoed, qPrintable(echoed ? QString() : echoed.error().message));
                QCOMPARE(echoed->text(0, 0), value);
            }
        }
    }

    void awkwardTableNamesRoundTrip_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("quotes") << u"say \"hi\""_s;
        QTest::newRow("spaces") << u"order lines"_s;
        QTest::newRow("unicode") << u"na\u00efve \u8868"_s;
        QTest::newRow("keyword") << u"select"_s;
        QTest::newRow("mixed case") << u"CamelCase"_s;
        QTest::newRow("long ascii") << QString(80, u'n');
        QTest::newRow("long multibyte") << QString(40, u'\u00e9');
        QTest::newRow("cut inside a character") << QString(62, u'a') + u"\u00e9\u00e9"_s;
    }

    void awkwardTableNamesRoundTrip()
    {
        QFETCH(QString, name);
        TestDatabase database(u"names"_s);
        auto connection = database.connect();
        QVERIFY(connection);
        auto created = connection->exec(u"CREATE TABLE "_s + db::qualifiedName(u"public", name) +
                                        u" (id int)"_s);
        QVERIFY2(created, qPrintable(created ? QString() : created.error().message));
        auto stored = connection->exec(
            u"SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind = 'r'"_s);
        QVERIFY(stored);
        QCOMPARE(stored->rowCount(), 1);
        QCOMPARE(stored->text(0, 0), db::truncateIdentifier(name));
        // The stored name, quoted by us, addresses the same table.
        auto found = connection->exec(u"SELECT count(*) FROM "_s +
                                      db::qualifiedName(u"public", stored->text(0, 0)));
        QVERIFY(found);
    }
};

QTEST_GUILESS_MAIN(TestPgQuote)
#include "tst_pg_quote.moc"
