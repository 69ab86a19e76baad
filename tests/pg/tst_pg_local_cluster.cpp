#include "core/db/connection.h"
#include "core/db/local_cluster.h"
#include "tests/support/test_database.h"

#include <QDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb;

class TestPgLocalCluster : public QObject {
    Q_OBJECT
private slots:
    // The fixture's own server listens on loopback only.
    void fixtureServerIsLoopbackOnly()
    {
        if (!qEnvironmentVariableIsEmpty("PLUMB_TEST_DATABASE_URL"))
            QSKIP("an external server is configured; its settings are its owner's");
        auto connection = db::Connection::open(testing::serverInfo());
        QVERIFY(connection);
        auto listen = (*connection)->exec(u"SELECT current_setting('listen_addresses')"_s);
        QVERIFY(listen);
        QCOMPARE(listen->text(0, 0), u"127.0.0.1"_s);
    }

    // A second, private cluster starts, serves, stops, and leaves nothing behind.
    void startsAndRemovesItself()
    {
        QString folder;
        {
            SilentProgress progress;
            auto cluster = db::LocalCluster::start({}, progress);
            QVERIFY2(cluster, cluster ? "" : qPrintable(cluster.error().message));
            folder = cluster->directory();
            QVERIFY(QDir(folder).exists());
            auto connection = db::Connection::open(cluster->connectionInfo());
            QVERIFY2(connection, connection ? "" : qPrintable(connection.error().message));
            auto version = (*connection)->exec(u"SHOW server_version_num"_s);
            QVERIFY(version && version->int32(0, 0) >= 130000);
        }
        QVERIFY(!QDir(folder).exists());
    }

    void missingBinDirIsAClearError()
    {
        auto bin = db::LocalCluster::findBinDir(u"/nonexistent/bin"_s);
        QVERIFY(!bin);
        QCOMPARE(bin.error().code, ErrorCode::Config);
    }
};

QTEST_GUILESS_MAIN(TestPgLocalCluster)
#include "tst_pg_local_cluster.moc"
