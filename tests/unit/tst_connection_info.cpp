#include "core/db/connection_info.h"

#include <QTest>

using namespace Qt::StringLiterals;
using plumb::ErrorCode;
using plumb::db::ConnectionInfo;

class TestConnectionInfo : public QObject {
    Q_OBJECT
private slots:
    void parsesUri()
    {
        auto info = ConnectionInfo::parse(u"postgresql://alice:s3cret@db.example:6543/app"_s);
        QVERIFY(info);
        QCOMPARE(info->host(), u"db.example"_s);
        QCOMPARE(info->port(), u"6543"_s);
        QCOMPARE(info->user(), u"alice"_s);
        QCOMPARE(info->database(), u"app"_s);
        QCOMPARE(info->value(u"password"), u"s3cret"_s);
    }

    void acceptsPostgresScheme()
    {
        auto info = ConnectionInfo::parse(u"postgres://bob@localhost/x"_s);
        QVERIFY(info);
        QCOMPARE(info->user(), u"bob"_s);
    }

    void passesQueryParametersThrough()
    {
        auto info = ConnectionInfo::parse(
            u"postgresql://h/db?sslmode=require&application_name=ci&connect_timeout=4"_s);
        QVERIFY(info);
        QCOMPARE(info->value(u"sslmode"), u"require"_s);
        QCOMPARE(info->value(u"application_name"), u"ci"_s);
        QCOMPARE(info->value(u"connect_timeout"), u"4"_s);
        QVERIFY(info->redacted().contains(u"sslmode=require"));
    }

    void parsesKeyValueForm()
    {
        auto info = ConnectionInfo::parse(
            u"host=/run/postgresql port=5433 dbname='my db' user=carol password=pw"_s);
        QVERIFY(info);
        QCOMPARE(info->host(), u"/run/postgresql"_s);
        QCOMPARE(info->database(), u"my db"_s);
        QCOMPARE(info->port(), u"5433"_s);
    }

    void redactedNeverShowsThePassword()
    {
        for (const QString& text : {u"postgresql://u:topsecret@h/db"_s,
                                    u"host=h user=u password=topsecret dbname=db"_s}) {
            auto info = ConnectionInfo::parse(text);
            QVERIFY(info);
            QVERIFY(!info->redacted().contains(u"topsecret"));
            QVERIFY(info->toUri().contains(u"topsecret"));
        }
    }

    void roundTripsThroughUri()
    {
        auto info = ConnectionInfo::parse(
            u"host='/tmp/sock dir' port=5432 dbname=n\u00e4me user='we ird' password=p@ss:w/rd "
            u"sslmode=disable"_s);
        QVERIFY(info);
        auto again = ConnectionInfo::parse(info->toUri());
        QVERIFY2(again, qPrintable(info->toUri()));
        QCOMPARE(*again, *info);
    }

    void passwordWithoutUserRoundTripsThroughUri()
    {
        // Found by fuzz_connection_info: with no user there is no "user:password@", and the
        // password was dropped from the URI that children and libpq connect with.
        auto info = ConnectionInfo::parse(u"host=db.internal password=s3cret dbname=shop"_s);
        QVERIFY(info);
        auto again = ConnectionInfo::parse(info->toUri());
        QVERIFY2(again, qPrintable(info->toUri()));
        QCOMPARE(again->value(u"password"), u"s3cret"_s);
        QVERIFY(!info->redacted().contains(u"s3cret"_s));
    }

    void hostListsRoundTripThroughUri_data()
    {
        QTest::addColumn<QString>("text");
        // Found by fuzz_connection_info: "a,b" and "5432,5433" were written as a,b:5432,5433,
        // which libpq reads as the hosts a and b:5432 and a third host 5433.
        QTest::newRow("ports per host")
            << u"postgres://a,b:5432,5433/db?target_session_attrs=read-write"_s;
        QTest::newRow("one port for all") << u"host=a,b port=5433 dbname=db"_s;
        QTest::newRow("empty entry") << u"host=a,,b port=1,2,3 dbname=db"_s;
        QTest::newRow("socket and host") << u"host=/run/postgresql,db.internal port=5432"_s;
    }
    void hostListsRoundTripThroughUri()
    {
        QFETCH(QString, text);
        auto info = ConnectionInfo::parse(text);
        QVERIFY(info);
        auto again = ConnectionInfo::parse(info->toUri());
        QVERIFY2(again, qPrintable(info->toUri()));
        QCOMPARE(again->host(), info->host());
        QCOMPARE(again->port(), info->port());
        QCOMPARE(again->database(), info->database());
    }

    void withReplacesOneKeyword()
    {
        auto info = ConnectionInfo::parse(u"postgresql://u@h:1/one"_s);
        QVERIFY(info);
        const ConnectionInfo other = info->with(u"dbname"_s, u"two"_s);
        QCOMPARE(other.database(), u"two"_s);
        QCOMPARE(other.port(), u"1"_s);
        QCOMPARE(info->database(), u"one"_s);
    }

    void rejectsMalformedUrls_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("garbage") << u"not a url"_s;
        QTest::newRow("bad port") << u"postgresql://h:notaport/db"_s;
        QTest::newRow("unknown parameter") << u"postgresql://h/db?nosuchoption=1"_s;
        QTest::newRow("unterminated quote") << u"host='h dbname=x"_s;
    }

    void rejectsMalformedUrls()
    {
        QFETCH(QString, text);
        auto info = ConnectionInfo::parse(text);
        QVERIFY(!info);
        QCOMPARE(info.error().code, ErrorCode::Config);
        // The message says what a good URL looks like.
        QVERIFY2(info.error().message.contains(u"postgresql://"), qPrintable(info.error().message));
    }
};

QTEST_APPLESS_MAIN(TestConnectionInfo)
#include "tst_connection_info.moc"
