#include "core/db/connection.h"
#include "core/db/local_cluster.h"
#include "core/project/build.h"
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

    // A schema is built in one transaction, which locks every relation it creates: the private
    // servers make room for a 10,000-table schema's locks.
    void privateClustersHaveRoomForLargeSchemas()
    {
        SilentProgress progress;
        auto cluster = db::LocalCluster::start({}, progress);
        QVERIFY2(cluster, cluster ? "" : qPrintable(cluster.error().message));
        auto connection = db::Connection::open(cluster->connectionInfo());
        QVERIFY(connection);
        auto locks = (*connection)->exec(u"SHOW max_locks_per_transaction"_s);
        QVERIFY(locks);
        QCOMPARE(locks->text(0, 0), u"512"_s);
    }

    // A server whose lock table a build fills says so, and what to change: not "fix the
    // statement", which is not at fault.
    void aFullLockTableIsAnErrorThatSaysWhatToDo()
    {
        SilentProgress progress;
        db::LocalCluster::Options options;
        options.settings = {u"max_locks_per_transaction = 10"_s, u"max_connections = 10"_s};
        auto cluster = db::LocalCluster::start(options, progress);
        QVERIFY2(cluster, cluster ? "" : qPrintable(cluster.error().message));
        auto connection = db::Connection::open(cluster->connectionInfo());
        QVERIFY(connection);
        QByteArray schema;
        for (int i = 0; i < 1500; ++i)
            schema +=
                "CREATE TABLE t" + QByteArray::number(i) + " (id int PRIMARY KEY, note text);\n";
        project::SchemaSources sources;
        sources.files.append({u"db/schema/tables.sql"_s, {}, schema});
        auto built = project::applySchema(**connection, sources, progress);
        QVERIFY(!built);
        QCOMPARE(built.error().sqlState, u"53200"_s);
        QCOMPARE(built.error().file, u"db/schema/tables.sql"_s);
        QVERIFY2(built.error().message.contains(u"Raise max_locks_per_transaction"_s),
                 qPrintable(built.error().message));
        QVERIFY(!built.error().message.contains(u"Fix the statement"_s));
        auto tables = (*connection)->exec(u"SELECT count(*) FROM pg_class WHERE relname = 't0'"_s);
        QVERIFY(tables);
        QCOMPARE(tables->int64(0, 0), 0); // rolled back whole
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
