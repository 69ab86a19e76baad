#include "core/db/client_tool.h"
#include "core/db/connection_info.h"
#include "core/db/secrets.h"
#include "core/migrate/plain_dump.h"

#include <QFile>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb;
using db::ConnectionInfo;

// Passwords stay out of what leaves the process: printed URLs, parse errors, child processes'
// command lines.
class TestSecrets : public QObject {
    Q_OBJECT
private slots:
    void redactedUrlHasNoSecret()
    {
        auto info = ConnectionInfo::parse(
            u"postgresql://alice:pa55word@db:5432/app?sslpassword=keyphrase&sslmode=require"_s);
        QVERIFY(info);
        const QString shown = info->redacted();
        QVERIFY2(!shown.contains(u"pa55word"_s) && !shown.contains(u"keyphrase"_s),
                 qPrintable(shown));
        QVERIFY(shown.contains(u"sslmode=require"_s));
        QVERIFY(info->toUri().contains(u"keyphrase"_s)); // libpq still gets it
    }

    void parseErrorsDoNotQuoteThePassword_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("secret");
        QTest::newRow("bad percent escape in the password")
            << u"postgresql://alice:s3cr%zzet@db/app"_s << u"s3cr%zzet"_s;
        QTest::newRow("key=value with an unterminated quote")
            << u"host=db password='s3cret value"_s << u"s3cret value"_s;
        QTest::newRow("bad query parameter")
            << u"postgresql://alice:hunter22@db/app?nosuchkeyword=1"_s << u"hunter22"_s;
    }
    void parseErrorsDoNotQuoteThePassword()
    {
        QFETCH(QString, url);
        QFETCH(QString, secret);
        auto info = ConnectionInfo::parse(url);
        QVERIFY(!info);
        QVERIFY2(!info.error().message.contains(secret), qPrintable(info.error().message));
    }

    void rememberedSecretsAreScrubbed()
    {
        auto info = ConnectionInfo::parse(u"postgresql://bob:Zq9%2Fpass@db/app"_s);
        QVERIFY(info);
        QCOMPARE(info->value(u"password"), u"Zq9/pass"_s);
        const QString scrubbed =
            db::redactSecrets(u"failed: postgresql://bob:Zq9%2Fpass@db/app (password Zq9/pass)"_s);
        QVERIFY2(!scrubbed.contains(u"Zq9"_s), qPrintable(scrubbed));
        QCOMPARE(scrubbed, u"failed: postgresql://bob:***@db/app (password ***)"_s);
        // Too short to be worth garbling the output for.
        db::rememberSecret(u"ab"_s);
        QCOMPARE(db::redactSecrets(u"tab"_s), u"tab"_s);
    }

    void clientToolGetsNoSecretOnItsCommandLine()
    {
        auto info = ConnectionInfo::parse(
            u"postgresql://carol:c0l%3Aon%5C@db.example:6000/app?sslmode=require"_s);
        QVERIFY(info);
        auto tool = db::ClientToolConnection::prepare(*info);
        QVERIFY2(tool, tool ? "" : qPrintable(tool.error().message));
        QCOMPARE(db::ClientToolConnection::dbnameArgument(), u"service=plumb"_s);
        QProcessEnvironment base;
        base.insert(u"PGPASSWORD"_s, u"other"_s);
        base.insert(u"PATH"_s, u"/usr/bin"_s);
        const QProcessEnvironment environment = tool->environment(base);
        QVERIFY(!environment.contains(u"PGPASSWORD"_s));
        QCOMPARE(environment.value(u"PATH"_s), u"/usr/bin"_s);

        QFile service(environment.value(u"PGSERVICEFILE"_s));
        QVERIFY(service.open(QIODevice::ReadOnly));
        const QString serviceText = QString::fromUtf8(service.readAll());
        QVERIFY(serviceText.startsWith(u"[plumb]\n"_s));
        QVERIFY(serviceText.contains(u"host=db.example\n"_s));
        QVERIFY(serviceText.contains(u"sslmode=require\n"_s));
        QVERIFY(!serviceText.contains(u"c0l"_s));
        QFile passfile(environment.value(u"PGPASSFILE"_s));
        QVERIFY(passfile.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(passfile.readAll()), u"*:*:*:*:c0l\\:on\\\\\n"_s);
        for (QFile* file : {&service, &passfile})
            QCOMPARE(file->permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
                     QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    }

    void clientToolWithoutPasswordKeepsTheUsersOwn()
    {
        auto info = ConnectionInfo::parse(u"postgresql://dave@db/app"_s);
        QVERIFY(info);
        auto tool = db::ClientToolConnection::prepare(*info);
        QVERIFY(tool);
        QProcessEnvironment base;
        base.insert(u"PGPASSWORD"_s, u"users-own"_s);
        const QProcessEnvironment environment = tool->environment(base);
        QCOMPARE(environment.value(u"PGPASSWORD"_s), u"users-own"_s);
        QVERIFY(!environment.contains(u"PGPASSFILE"_s));
    }

    void plainDumpSplitsAtEntryHeaders()
    {
        const QByteArray dump = "SET x = 1;\n\n--\n-- Name: pgcrypto; Type: EXTENSION; Schema: -; "
                                "Owner: -\n--\n\nCREATE EXTENSION IF NOT EXISTS pgcrypto WITH "
                                "SCHEMA public;\n\n\n--\n-- Name: EXTENSION pgcrypto; Type: "
                                "COMMENT; Schema: -; Owner: \n--\n\nCOMMENT ON EXTENSION pgcrypto "
                                "IS 'c';\n\n--\n-- Name: t; Type: TABLE; Schema: public; Owner: "
                                "-\n--\n\nCREATE TABLE public.t (id integer);\n";
        const QList<migrate::DumpEntry> entries = migrate::splitPlainDump(dump);
        QCOMPARE(entries.size(), 4);
        QCOMPARE(entries[0].type, QString());
        QCOMPARE(entries[1].type, u"EXTENSION"_s);
        QCOMPARE(entries[1].name, u"pgcrypto"_s);
        QCOMPARE(entries[1].line, 3);
        QCOMPARE(entries[2].type, u"COMMENT"_s);
        QCOMPARE(entries[2].name, u"EXTENSION pgcrypto"_s);
        QCOMPARE(entries[3].type, u"TABLE"_s);
        QByteArray joined;
        for (const migrate::DumpEntry& entry : entries)
            joined += entry.text;
        QCOMPARE(joined, dump);
    }
};

QTEST_GUILESS_MAIN(TestSecrets)
#include "tst_secrets.moc"
