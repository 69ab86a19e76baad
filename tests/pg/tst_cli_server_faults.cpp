// Faults of the whole server under plumb, on a scratch cluster of each test's own (a restart
// would end every other test's sessions on the shared one):
//   - the server restarted while plumb reads the catalog, and in the middle of a migration: a
//     backend killed with SIGKILL makes the postmaster end every session and recover, as after
//     a crash of the server;
//   - the disk full under a migration: a tablespace on a tiny tmpfs (needs the right to mount,
//     which the build environment has: it runs as root in a mount namespace of its own).
// Each ends with a clear error, nothing half-applied, and a retry that completes.
//
// No timing is assumed: the catalog read is held on a lock of the test (pg_description, which
// the readers of comments need and a session's start does not), the migration on a gate table,
// and the test polls pg_stat_activity until plumb's statement is there.
#include "core/db/connection.h"
#include "core/db/local_cluster.h"
#include "core/db/quote.h"
#include "migrate_project.h"
#include "tests/support/test_paths.h"
#include "tests/support/verify.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <memory>
#include <optional>
#include <sys/mount.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using plumb::db::Connection;
using plumb::db::ConnectionInfo;
using plumb::db::LocalCluster;

namespace {

// A project whose local environment is database `app` of a scratch cluster.
class ScratchProject : public plumb::testing::ProjectFolder {
public:
    ScratchProject()
    {
        plumb::SilentProgress progress;
        // A crash restart replays the WAL: what a commit acknowledged must be in it (scratch
        // clusters skip that wait by default, and would lose the last commits in the crash).
        LocalCluster::Options options;
        options.settings << u"synchronous_commit = on"_s;
        auto started = LocalCluster::start(options, progress);
        if (!started) {
            QTest::qFail(qPrintable(started.error().message), __FILE__, __LINE__);
            return;
        }
        cluster.emplace(std::move(*started));
        superuser(u"postgres"_s)->exec(u"CREATE DATABASE app"_s);
        write(u"db/environments/local.yaml"_s,
              "database_url: \"" + url().toUtf8() +
                  "\"\ndev: true\n"
                  "migration:\n  lock_timeout: 30min\n  statement_timeout: 30min\n");
    }

    bool ok() const { return cluster.has_value(); }
    ConnectionInfo info(const QString& database = u"app"_s) const
    {
        return cluster->socketInfo().with(u"dbname"_s, database);
    }
    QString url() const { return info().toUri(); }

    std::unique_ptr<Connection> superuser(const QString& database = u"app"_s) const
    {
        auto connection = Connection::open(info(database));
        if (!connection) {
            QTest::qFail(qPrintable(connection.error().message), __FILE__, __LINE__);
            return {};
        }
        return std::move(*connection);
    }
    int scalar(const QString& sql) const
    {
        auto result = superuser()->exec(sql);
        if (!result) {
            QTest::qFail(qPrintable(result.error().message), __FILE__, __LINE__);
            return -1;
        }
        return result->int32(0, 0);
    }

    std::unique_ptr<QProcess> start(const QStringList& arguments) const
    {
        auto process = std::make_unique<QProcess>();
        process->setProcessEnvironment(environment());
        process->start(plumb::testing::cliPath(), arguments);
        return process;
    }
    // The pid of a session of `app` other than the caller's whose state matches `where` (SQL
    // over pg_stat_activity), once there is one; 0 after two minutes. (plumb may read the catalog
    // on several connections at once: any of them will do.)
    int waitForSession(const QString& where) const
    {
        auto connection = superuser();
        for (int i = 0; i < 2400; ++i) {
            auto result = connection->exec(u"SELECT pid FROM pg_stat_activity WHERE datname = "
                                           u"'app' AND backend_type = 'client backend' AND pid <> "
                                           u"pg_backend_pid() AND "_s +
                                           where + u" ORDER BY pid LIMIT 1"_s);
            if (result && result->rowCount() == 1)
                return result->int32(0, 0);
            QTest::qWait(50);
        }
        return 0;
    }

    // Kills a backend as a crash would: the postmaster ends every other session, recovers and
    // accepts connections again. Returns once it does (false after two minutes).
    bool crashBackend(int pid) const
    {
        if (::kill(pid, SIGKILL) != 0)
            return false;
        for (int i = 0; i < 2400; ++i) {
            QTest::qWait(50);
            // The postmaster may not have noticed the crash yet: a connection that still opens
            // must not be taken for the recovered server, so look for the killed pid as well.
            auto connection = Connection::open(info());
            if (!connection)
                continue;
            auto gone = (*connection)
                            ->exec(u"SELECT count(*) FROM pg_stat_activity WHERE pid = $1"_s,
                                   {QString::number(pid)});
            if (gone && gone->int32(0, 0) == 0)
                return true;
        }
        return false;
    }

    std::optional<LocalCluster> cluster;
};

QString both(const plumb::testing::CliRun& run)
{
    return u"exit "_s + QString::number(run.exitCode) + u"\nstdout: "_s + run.out +
           u"\nstderr: "_s + run.err;
}

struct Finished {
    int exitCode = -1;
    QString out, err;
};
Finished finish(QProcess& process)
{
    // The event loop the test spun while waiting may have seen the process end already.
    if (process.state() != QProcess::NotRunning &&
        !process.waitForFinished(plumb::test::hangTimeoutMs))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

// 001 creates the gate; 002 waits on it (pg_sleep while it has a row) between two writes.
void writeGatedMigrations(const ScratchProject& p)
{
    p.superuser()->exec(u"CREATE TABLE gate (open int)"_s);
    p.superuser()->exec(u"INSERT INTO gate VALUES (1)"_s);
    p.write(u"db/schema/log.sql"_s, "CREATE TABLE gate (open int);\nCREATE TABLE log (id int);\n"
                                    "CREATE TABLE partial (id int);\n");
    p.write(u"db/migrations/001_log.up.sql"_s,
            "CREATE TABLE IF NOT EXISTS gate (open int);\nCREATE TABLE log (id int);\n");
    p.write(u"db/migrations/002_slow.up.sql"_s,
            "CREATE TABLE partial (id int);\nINSERT INTO partial VALUES (1);\n"
            "SELECT pg_sleep(600) FROM gate;\nINSERT INTO log VALUES (2);\n");
}

// A tmpfs of `megabytes` mounted on a folder the server's OS user owns; unmounted on
// destruction. mounted() is false where this process may not mount.
class TinyFilesystem {
public:
    TinyFilesystem(int megabytes, uint ownerUid, uint ownerGid)
    {
        const QByteArray path = QFile::encodeName(m_dir.path());
        const QByteArray options = "size=" + QByteArray::number(megabytes) + "m,mode=0700";
        if (::mount("tmpfs", path.constData(), "tmpfs", 0, options.constData()) != 0)
            return;
        m_mounted = ::chown(path.constData(), ownerUid, ownerGid) == 0;
    }
    ~TinyFilesystem()
    {
        if (m_mounted)
            ::umount2(QFile::encodeName(m_dir.path()).constData(), MNT_DETACH);
    }
    bool mounted() const { return m_mounted; }
    QString path() const { return m_dir.path(); }
    bool grow(int megabytes) const
    {
        const QByteArray options = "size=" + QByteArray::number(megabytes) + "m";
        return ::mount("tmpfs", QFile::encodeName(m_dir.path()).constData(), "tmpfs", MS_REMOUNT,
                       options.constData()) == 0;
    }

private:
    QTemporaryDir m_dir;
    bool m_mounted = false;
};

} // namespace

class TestCliServerFaults : public QObject {
    Q_OBJECT
private slots:
    void serverRestartedDuringIntrospection()
    {
        ScratchProject p;
        QVERIFY(p.ok());
        p.superuser()->exec(u"CREATE TABLE accounts (id int PRIMARY KEY, name text)"_s);
        p.superuser()->exec(u"COMMENT ON TABLE accounts IS 'who pays'"_s);

        // The catalog readers wait for this lock; the test kills the reader while it waits.
        auto holder = p.superuser();
        QVERIFY(holder->exec(u"BEGIN"_s));
        QVERIFY(holder->exec(u"LOCK TABLE pg_catalog.pg_description IN ACCESS EXCLUSIVE MODE"_s));

        auto inspect = p.start({u"inspect"_s, p.url(), u"--format=json"_s});
        QVERIFY(inspect->waitForStarted());
        const int reader = p.waitForSession(u"wait_event_type = 'Lock'"_s);
        QVERIFY2(reader != 0, "plumb inspect never waited on the catalog lock");
        QVERIFY2(p.crashBackend(reader), "the server did not come back after the crash");

        const Finished failed = finish(*inspect);
        const QString said =
            u"exit "_s + QString::number(failed.exitCode) + u": "_s + failed.out + failed.err;
        QVERIFY2(failed.exitCode == 3, qPrintable(said)); // connection
        QVERIFY2(said.contains(u"connection to the server was lost"_s), qPrintable(said));
        QVERIFY2(said.contains(u"retry"_s), qPrintable(said));

        const auto retry =
            plumb::testing::runPlumb({u"inspect"_s, p.url(), u"--format=json"_s}, p.environment());
        QVERIFY2(retry.exitCode == 0, qPrintable(both(retry)));
        QVERIFY2(retry.out.contains(u"who pays"_s), qPrintable(retry.out));
    }

    void serverRestartedMidMigration()
    {
        ScratchProject p;
        QVERIFY(p.ok());
        writeGatedMigrations(p);
        auto migrate = p.start({u"migrate"_s, u"up"_s, u"--project"_s, p.dir.path()});
        QVERIFY(migrate->waitForStarted());
        const int runner = p.waitForSession(u"state = 'active' AND query LIKE '%pg_sleep(600)%'"_s);
        QVERIFY2(runner != 0, "the migration never reached the gate");
        QVERIFY2(p.crashBackend(runner), "the server did not come back after the crash");

        const Finished failed = finish(*migrate);
        QVERIFY2(failed.exitCode != 0 && failed.exitCode != -1,
                 qPrintable(u"exit "_s + QString::number(failed.exitCode) + u": "_s + failed.out +
                            failed.err));
        QVERIFY2(failed.err.contains(u"002"_s), qPrintable(failed.err));
        QVERIFY2(failed.err.contains(u"connection to the server was lost"_s),
                 qPrintable(failed.err));

        // The crash rolled 002 back whole; the ledger says what the schema holds.
        QCOMPARE(p.scalar(u"SELECT count(*) FROM tb_confiture"_s), 1);
        QCOMPARE(p.scalar(u"SELECT count(*) FROM pg_tables WHERE tablename = 'partial'"_s), 0);

        p.superuser()->exec(u"DELETE FROM gate"_s);
        const auto retry = p.run({u"migrate"_s, u"up"_s});
        QVERIFY2(retry.exitCode == 0, qPrintable(both(retry)));
        QCOMPARE(p.scalar(u"SELECT count(*) FROM tb_confiture"_s), 2);
        QCOMPARE(p.scalar(u"SELECT count(*) FROM partial"_s), 1);
        QCOMPARE(p.scalar(u"SELECT count(*) FROM log"_s), 1);
    }

    void diskFullMidMigration()
    {
        ScratchProject p;
        QVERIFY(p.ok());
        const QFileInfo clusterFolder(p.cluster->directory());
        TinyFilesystem disk(4, clusterFolder.ownerId(), clusterFolder.groupId());
        if (!disk.mounted())
            QSKIP("mounting a tmpfs needs root (the build environment, packaging/toolbox/run, "
                  "runs the tests as root in a mount namespace of its own)");
        // Locations are literals in DDL (no parameters): quoted by the one helper.
        QVERIFY(p.superuser()->exec(u"CREATE TABLESPACE tiny LOCATION "_s +
                                    plumb::db::quoteLiteral(disk.path())));

        p.write(u"db/schema/events.sql"_s,
                "CREATE TABLE log (id int);\nCREATE TABLE events (id int, pad text) "
                "TABLESPACE tiny;\n");
        p.write(u"db/migrations/001_log.up.sql"_s, "CREATE TABLE log (id int);\n");
        // About 20 MB of rows into a 4 MB filesystem.
        p.write(u"db/migrations/002_events.up.sql"_s,
                "CREATE TABLE events (id int, pad text) TABLESPACE tiny;\n"
                "INSERT INTO events SELECT g, repeat('x', 200) FROM generate_series(1, 80000) "
                "g;\nINSERT INTO log VALUES (2);\n");

        const auto full = p.run({u"migrate"_s, u"up"_s});
        QVERIFY2(full.exitCode != 0, qPrintable(both(full)));
        QVERIFY2(full.err.contains(u"002"_s), qPrintable(both(full)));
        QVERIFY2(full.err.contains(u"No space left on device"_s), qPrintable(both(full)));
        QCOMPARE(p.scalar(u"SELECT count(*) FROM tb_confiture"_s), 1);
        QCOMPARE(p.scalar(u"SELECT count(*) FROM pg_tables WHERE tablename = 'events'"_s), 0);
        QCOMPARE(p.scalar(u"SELECT count(*) FROM log"_s), 0);

        // The operator adds space; the same command completes.
        QVERIFY(disk.grow(64));
        const auto retry = p.run({u"migrate"_s, u"up"_s});
        QVERIFY2(retry.exitCode == 0, qPrintable(both(retry)));
        QCOMPARE(p.scalar(u"SELECT count(*) FROM tb_confiture"_s), 2);
        QCOMPARE(p.scalar(u"SELECT count(*) FROM events"_s), 80000);
        QCOMPARE(p.scalar(u"SELECT count(*) FROM log"_s), 1);

        // The tablespace must go before the filesystem under it.
        p.superuser()->exec(u"DROP TABLE events"_s);
        p.superuser()->exec(u"DROP TABLESPACE tiny"_s);
    }
};

QTEST_GUILESS_MAIN(TestCliServerFaults)
#include "tst_cli_server_faults.moc"
