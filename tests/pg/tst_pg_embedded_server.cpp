// The private PostgreSQL Plumbline starts (LocalCluster): reachable only by its user, stopped
// when its owner dies, and running a project's SQL without superuser.
#include "core/db/connection.h"
#include "core/db/local_cluster.h"
#include "core/project/build.h"
#include "core/project/project.h"
#include "tests/pg/migrate_project.h"
#include "tests/support/test_paths.h"
#include "tests/support/verify.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <csignal>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace plumb;

namespace {

qint64 postmasterPid(const QString& clusterDir)
{
    QFile pidFile(clusterDir + u"/data/postmaster.pid"_s);
    if (!pidFile.open(QIODevice::ReadOnly))
        return 0;
    return pidFile.readLine().trimmed().toLongLong();
}

// The inodes of the TCP sockets in LISTEN state, system-wide (/proc/net/tcp and tcp6).
QSet<QString> listeningTcpInodes()
{
    QSet<QString> inodes;
    for (const QString& table : {u"/proc/net/tcp"_s, u"/proc/net/tcp6"_s}) {
        QFile file(table);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        file.readLine(); // header
        while (!file.atEnd()) {
            const QStringList fields =
                QString::fromLatin1(file.readLine()).split(u' ', Qt::SkipEmptyParts);
            if (fields.size() > 9 && fields.at(3) == u"0A") // 0A: LISTEN
                inodes.insert(fields.at(9));
        }
    }
    return inodes;
}

// The socket inodes process `pid` holds open (/proc/PID/fd links read "socket:[INODE]").
QSet<QString> socketInodesOf(qint64 pid)
{
    QSet<QString> inodes;
    static const QRegularExpression socket(u"^socket:\\[(\\d+)\\]$"_s);
    const QDir fds(u"/proc/"_s + QString::number(pid) + u"/fd"_s);
    for (const QString& fd :
         fds.entryList(QDir::NoDotAndDotDot | QDir::AllEntries | QDir::System)) {
        char link[256] = {};
        const QByteArray path = QFile::encodeName(fds.filePath(fd));
        const ssize_t length = ::readlink(path.constData(), link, sizeof link - 1);
        if (length <= 0)
            continue;
        const auto match = socket.match(QString::fromLatin1(link, length));
        if (match.hasMatch())
            inodes.insert(match.captured(1));
    }
    return inodes;
}

struct ToolRun {
    int exitCode = -1;
    QString output;
};

// Runs `program arguments` as the OS user `user` (runuser; the tests run as root).
ToolRun runAs(const QString& user, const QString& program, const QStringList& arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(u"PGPASSWORD"_s);
    process.setProcessEnvironment(environment);
    process.start(u"runuser"_s, QStringList{u"-u"_s, user, u"--"_s, program} + arguments);
    if (!process.waitForFinished(plumb::test::hangTimeoutMs))
        return {};
    return {process.exitCode(), QString::fromLocal8Bit(process.readAll())};
}

bool answers(const db::ConnectionInfo& info)
{
    auto connection = db::Connection::open(info);
    return connection && (*connection)->exec(u"SELECT 1"_s);
}

} // namespace

class TestPgEmbeddedServer : public QObject {
    Q_OBJECT
private slots:
    // The server listens on a socket in a folder only its user may open, and nowhere else.
    void socketOnlyInAPrivateFolder()
    {
        SilentProgress progress;
        auto cluster = db::LocalCluster::start({}, progress);
        QVERIFY2(cluster, cluster ? "" : qPrintable(cluster.error().message));
        struct stat status {};
        QCOMPARE(::stat(QFile::encodeName(cluster->directory()).constData(), &status), 0);
        QCOMPARE(status.st_mode & 0777, mode_t(0700));
        QVERIFY(!cluster->listensOnLoopback());
        QVERIFY(cluster->connectionInfo().host().startsWith(u'/'));

        auto connection = db::Connection::open(cluster->connectionInfo());
        QVERIFY2(connection, connection ? "" : qPrintable(connection.error().message));
        auto listen = (*connection)->exec(u"SELECT current_setting('listen_addresses')"_s);
        QVERIFY(listen);
        QCOMPARE(listen->text(0, 0), QString());

        // No process of the cluster holds a listening TCP socket.
        const qint64 postmaster = postmasterPid(cluster->directory());
        QVERIFY(postmaster > 0);
        const QSet<QString> listening = listeningTcpInodes();
        QVERIFY(!socketInodesOf(postmaster).isEmpty()); // it does hold its Unix socket
        QVERIFY(!socketInodesOf(postmaster).intersects(listening));
    }

    // Another OS user can reach it neither over the socket nor over TCP.
    void anotherUserIsRefused()
    {
        if (::geteuid() != 0)
            QSKIP("acting as another OS user needs root (the build environment runs tests as "
                  "root)");
        SilentProgress progress;
        auto cluster = db::LocalCluster::start({}, progress);
        QVERIFY2(cluster, cluster ? "" : qPrintable(cluster.error().message));
        const QString psql = cluster->binDir() + u"/psql"_s;
        const QString port = QString::number(cluster->port());
        // The owner (root reaches everything) gets in, so the refusals below are about the user.
        QVERIFY(answers(cluster->connectionInfo()));

        const ToolRun socket =
            runAs(u"nobody"_s, psql,
                  {u"-X"_s, u"-h"_s, cluster->directory(), u"-p"_s, port, u"-U"_s, u"postgres"_s,
                   u"-d"_s, u"postgres"_s, u"-c"_s, u"SELECT 1"_s});
        QVERIFY2(socket.exitCode != 0, qPrintable(socket.output));
        QVERIFY2(socket.output.contains(u"Permission denied"_s), qPrintable(socket.output));

        const ToolRun tcp =
            runAs(u"nobody"_s, psql,
                  {u"-X"_s, u"-h"_s, u"127.0.0.1"_s, u"-p"_s, port, u"-U"_s, u"postgres"_s, u"-d"_s,
                   u"postgres"_s, u"-c"_s, u"SELECT current_setting('data_directory')"_s});
        // Whatever else may listen on that port number, it is not this server.
        QVERIFY2(!tcp.output.contains(cluster->directory()), qPrintable(tcp.output));
        if (!tcp.output.contains(u"password"_s) && !tcp.output.contains(u"does not exist"_s)) {
            QVERIFY2(tcp.exitCode != 0, qPrintable(tcp.output));
            QVERIFY2(tcp.output.contains(u"Connection refused"_s), qPrintable(tcp.output));
        }
    }

    // A cluster whose owner was killed (-9) keeps running until the next start stops it; a
    // cluster of a living owner in the same folder is left alone.
    void orphanStoppedByTheNextStart()
    {
        QTemporaryDir parent;
        QVERIFY(parent.isValid());
        if (::geteuid() == 0) // the postgres user must pass through to its cluster's folder
            QFile::setPermissions(parent.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                     QFileDevice::ExeOwner | QFileDevice::ExeOther);
        QProcess holder;
        holder.start(plumb::testing::testClusterPath(), {u"hold"_s, parent.path()});
        QVERIFY(holder.waitForStarted());
        QString folder;
        while (folder.isEmpty() && holder.waitForReadyRead(120000)) {
            const QString line = QString::fromLocal8Bit(holder.readLine()).trimmed();
            if (line.startsWith(u"ready "_s))
                folder = line.mid(6);
        }
        QVERIFY2(!folder.isEmpty(), holder.readAllStandardError().constData());
        const db::ConnectionInfo orphanInfo =
            db::ConnectionInfo::parse(u"postgresql://postgres@"_s +
                                      QString::fromLatin1(QUrl::toPercentEncoding(folder)) +
                                      u":5432/postgres"_s)
                .value();
        QVERIFY(answers(orphanInfo));

        holder.kill(); // SIGKILL: no destructor runs
        QVERIFY(holder.waitForFinished(plumb::test::hangTimeoutMs));
        QVERIFY(answers(orphanInfo)); // the server outlived its owner

        SilentProgress progress;
        db::LocalCluster::Options options;
        options.parentDir = parent.path();
        auto living = db::LocalCluster::start(options, progress);
        QVERIFY2(living, living ? "" : qPrintable(living.error().message));

        QCOMPARE(db::LocalCluster::stopOrphans(parent.path(), progress), 1);
        QVERIFY(!QDir(folder).exists());
        QVERIFY(!answers(orphanInfo));
        QVERIFY(answers(living->connectionInfo()));
        QCOMPARE(db::LocalCluster::stopOrphans(parent.path(), progress), 0);
    }

    // The project's SQL runs as a role without superuser, after the superuser created the
    // extensions it asks for, in the schema it names.
    void projectSqlRunsUnprivileged()
    {
        QTemporaryDir root;
        QDir(root.path()).mkpath(u"db/schema"_s);
        QFile schema(root.filePath(u"db/schema/10_app.sql"_s));
        QVERIFY(schema.open(QIODevice::WriteOnly));
        schema.write("CREATE SCHEMA ext;\n"
                     "CREATE EXTENSION pgcrypto SCHEMA ext;\n"
                     "CREATE EXTENSION pg_stat_statements;\n"
                     "CREATE TABLE item (id uuid PRIMARY KEY DEFAULT ext.gen_random_uuid());\n"
                     "CREATE TABLE whoami AS SELECT current_user::text AS name, (SELECT rolsuper "
                     "FROM pg_roles WHERE rolname = current_user) AS super;\n");
        schema.close();
        auto opened = project::Project::open(root.path());
        QVERIFY(opened);
        auto sources = project::collectSchemaSources(*opened, nullptr);
        QVERIFY(sources);
        SilentProgress progress;
        QString role;
        bool super = true;
        auto built = project::buildInScratch(
            *sources, std::nullopt, progress, [&](db::Connection& connection) -> Status {
                auto who = connection.exec(u"SELECT name, super FROM whoami"_s);
                if (!who)
                    return std::unexpected(who.error());
                role = who->text(0, 0);
                super = who->boolean(0, 1);
                return {};
            });
        QVERIFY2(built, built ? "" : qPrintable(built.error().describe()));
        QCOMPARE(role, db::LocalCluster::projectRole());
        QVERIFY(!super);
    }

    // Preflight's copy of the target and `migrations create`'s chain run the migrations as the
    // unprivileged role too; the extensions they need (trusted or not, in a schema of their
    // own) are created for them first, and the target's event trigger stays behind.
    void migrationsOnScratchRunUnprivileged()
    {
        testing::MigrateProject p(u"unprivileged"_s);
        p.write(u"db/migrations/001_base.up.sql"_s,
                "CREATE SCHEMA ext;\nCREATE EXTENSION pgcrypto SCHEMA ext;\n"
                "CREATE TABLE t (id uuid PRIMARY KEY DEFAULT ext.gen_random_uuid());\n");
        p.write(u"db/migrations/002_stats.up.sql"_s,
                "CREATE EXTENSION pg_stat_statements;\n"
                "CREATE VIEW top_queries AS SELECT queryid, calls FROM pg_stat_statements;\n"
                "CREATE TABLE whoami AS SELECT current_user::text AS name;\n");
        QCOMPARE(p.run({u"migrate"_s, u"up"_s, u"--target"_s, u"001"_s}).exitCode, 0);
        p.database.exec(u"CREATE FUNCTION note_ddl() RETURNS event_trigger LANGUAGE plpgsql AS "
                        u"$$ BEGIN RAISE NOTICE 'ddl'; END $$;\n"_s);
        p.database.exec(u"CREATE EVENT TRIGGER note_ddl ON ddl_command_end "
                        u"EXECUTE FUNCTION note_ddl()"_s);

        const testing::CliRun preflight = p.run({u"--format=json"_s, u"preflight"_s});
        QVERIFY2(preflight.exitCode == 0, qPrintable(preflight.out + preflight.err));
        const QJsonObject report = QJsonDocument::fromJson(preflight.out.toUtf8()).object();
        QCOMPARE(report[u"scratch_copy"_s].toBool(), true);
        const QJsonArray steps = report[u"steps"_s].toArray();
        QCOMPARE(steps.size(), 1);
        QCOMPARE(steps[0][u"version"_s].toString(), u"002"_s);
        QCOMPARE(steps[0][u"outcome"_s].toString(), u"replayed"_s);

        // The chain from an empty database, as `migrations create` builds it, declared alike.
        p.write(u"db/schema/10_all.sql"_s,
                "CREATE SCHEMA ext;\nCREATE EXTENSION pgcrypto SCHEMA ext;\n"
                "CREATE TABLE t (id uuid PRIMARY KEY DEFAULT ext.gen_random_uuid());\n"
                "CREATE EXTENSION pg_stat_statements;\n"
                "CREATE VIEW top_queries AS SELECT queryid, calls FROM pg_stat_statements;\n"
                "CREATE TABLE whoami AS SELECT current_user::text AS name;\n");
        const testing::CliRun create = p.run({u"migrations"_s, u"create"_s, u"--name"_s, u"x"_s});
        QVERIFY2(create.exitCode == 0, qPrintable(create.out + create.err));
        QVERIFY2(!QFile::exists(p.dir.filePath(u"db/migrations/003_x.up.sql"_s)),
                 qPrintable(create.out));
    }

    // A schema file that would run a program is refused, naming the file and line, and the
    // program never runs: not when the parser sees it, nor when it hides in a DO block.
    void copyFromProgramLeavesNoFile()
    {
        QTemporaryDir witness;
        witness.setAutoRemove(true);
        QFile::setPermissions(witness.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                  QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                                  QFileDevice::WriteOther | QFileDevice::ExeOther);
        const QString seen = witness.filePath(u"seen"_s);
        const QString hidden = witness.filePath(u"hidden"_s);
        testing::MigrateProject p(u"program"_s);
        p.write(u"db/schema/10_t.sql"_s, "CREATE TABLE t (line text);\n\n"
                                         "COPY t FROM PROGRAM 'touch " +
                                             seen.toUtf8() + "';\n");
        const testing::CliRun refused = p.run({u"build"_s});
        QCOMPARE(refused.exitCode, 4);
        QVERIFY2(refused.err.contains(u"db/schema/10_t.sql:3"_s), qPrintable(refused.err));
        QVERIFY2(refused.err.contains(u"COPY ... FROM PROGRAM"_s), qPrintable(refused.err));

        p.write(u"db/schema/10_t.sql"_s, "CREATE TABLE t (line text);\n"
                                         "DO $$ BEGIN EXECUTE 'COPY t FROM PROGRAM ''touch " +
                                             hidden.toUtf8() + "'''; END $$;\n");
        const testing::CliRun denied = p.run({u"build"_s});
        QCOMPARE(denied.exitCode, 4);
        QVERIFY2(denied.err.contains(u"db/schema/10_t.sql:2"_s), qPrintable(denied.err));
        QVERIFY2(denied.err.contains(u"pg_execute_server_program"_s) ||
                     denied.err.contains(u"superuser"_s),
                 qPrintable(denied.err));

        QVERIFY(!QFile::exists(seen));
        QVERIFY(!QFile::exists(hidden));
    }
};

QTEST_GUILESS_MAIN(TestPgEmbeddedServer)
#include "tst_pg_embedded_server.moc"
