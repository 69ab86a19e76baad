#include "tests/support/cli_run.h"
#include "tests/support/test_database.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

using plumb::testing::CliRun;

namespace {
CliRun cli(const QStringList& arguments)
{
    return plumb::testing::runPlumb(arguments);
}
} // namespace

class TestCliPing : public QObject {
    Q_OBJECT
private slots:
    void version()
    {
        const CliRun run = cli({u"--version"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.startsWith(u"plumb "));
    }

    void pingPrintsServerVersion()
    {
        const CliRun run = cli({u"ping"_s, plumb::testing::serverInfo().toUri()});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith(u"PostgreSQL "), qPrintable(run.out + run.err));
    }

    void pingJson()
    {
        const CliRun run =
            cli({u"ping"_s, u"--format"_s, u"json"_s, plumb::testing::serverInfo().toUri()});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject payload = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(payload.value(u"ok"_s).toBool(), true);
        QVERIFY(payload.value(u"server_version_num"_s).toInt() >= 130000);
    }

    void unreachableExitsThree()
    {
        const CliRun run = cli({u"ping"_s, u"postgresql://postgres@127.0.0.1:1/postgres"_s});
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains(u"cannot connect"), qPrintable(run.err));
    }

    void unreachableJsonEnvelope()
    {
        const CliRun run =
            cli({u"--format=json"_s, u"ping"_s, u"postgresql://u:hunter2@127.0.0.1:1/postgres"_s});
        QCOMPARE(run.exitCode, 3);
        const QJsonObject payload = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(payload.value(u"ok"_s).toBool(true), false);
        const QJsonObject error = payload.value(u"error"_s).toObject();
        QCOMPARE(error.value(u"code"_s).toString(), u"connection"_s);
        QCOMPARE(error.value(u"exit_code"_s).toInt(), 3);
        QVERIFY(!run.out.contains(u"hunter2"));
        QVERIFY(!run.err.contains(u"hunter2"));
    }

    void malformedUrlExitsFive()
    {
        const CliRun run = cli({u"ping"_s, u"postgresql://h:port/db"_s});
        QCOMPARE(run.exitCode, 5);
        QVERIFY(run.err.contains(u"malformed"));
    }

    void usageErrors()
    {
        QCOMPARE(cli({u"ping"_s}).exitCode, 5);
        QCOMPARE(cli({u"no-such-command"_s}).exitCode, 5);
        QCOMPARE(cli({}).exitCode, 5);
        QCOMPARE(cli({u"ping"_s, u"--help"_s}).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestCliPing)
#include "tst_cli_ping.moc"
