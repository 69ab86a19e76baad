// The workbench's embedded PostgreSQL over its whole life: a workbench killed with SIGKILL
// leaves its server running; the next workbench finds it and stops it; a workbench that ends
// normally stops its own.
#include "core/db/connection.h"
#include "tests/support/test_paths.h"
#include "tests/support/verify.h"
#include "ui/workbench.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace plumb;

namespace {

// The cluster folders in `parent`.
QStringList clusterFolders(const QString& parent)
{
    QStringList folders;
    const QDir dir(parent);
    for (const QString& entry : dir.entryList({u"plumb-pg-*"_s}, QDir::Dirs | QDir::NoDotAndDotDot))
        folders << dir.filePath(entry);
    return folders;
}

// True when the server of the cluster in `folder` accepts a connection on its socket.
bool answers(const QString& folder)
{
    auto info = db::ConnectionInfo::parse(u"postgresql://postgres@"_s +
                                          QString::fromLatin1(QUrl::toPercentEncoding(folder)) +
                                          u":5432/postgres"_s);
    if (!info)
        return false;
    auto connection = db::Connection::open(*info);
    return connection && (*connection)->exec(u"SELECT 1"_s);
}

} // namespace

class TestEmbeddedServer : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"PlumblineTest"_s);
        QCoreApplication::setApplicationName(u"tst_embedded_server"_s);
    }

    void orphanOfAKilledWorkbenchIsStoppedByTheNext()
    {
        // A temp folder of this test's own, so the embedded servers' parent is too.
        QTemporaryDir temp;
        QVERIFY(temp.isValid());
        // root's clusters run as postgres, which must pass through to its folder.
        QFile::setPermissions(temp.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                               QFileDevice::ExeOwner | QFileDevice::ExeOther);
        const QString parent =
            temp.path() + u"/plumbline-embedded-"_s + QString::number(::geteuid());
        QDir(temp.path()).mkpath(u"home"_s);
        QDir(temp.path()).mkpath(u"project/db/schema"_s);
        QFile schema(temp.filePath(u"project/db/schema/t.sql"_s));
        QVERIFY(schema.open(QIODevice::WriteOnly));
        schema.write("CREATE TABLE t (id int PRIMARY KEY);\n");
        schema.close();

        QProcess workbench;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"TMPDIR"_s, temp.path());
        environment.insert(u"HOME"_s, temp.filePath(u"home"_s));
        environment.insert(u"XDG_CONFIG_HOME"_s, temp.filePath(u"home/config"_s));
        environment.insert(u"XDG_DATA_HOME"_s, temp.filePath(u"home/data"_s));
        environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        workbench.setProcessEnvironment(environment);
        workbench.setProcessChannelMode(QProcess::ForwardedChannels);
        workbench.start(plumb::testing::guiPath(), {u"--project"_s, temp.filePath(u"project"_s)});
        QVERIFY(workbench.waitForStarted());
        // Its embedded server comes up (in a job; give a loaded machine its time).
        PLUMB_TRY_VERIFY(clusterFolders(parent).size() == 1 &&
                         answers(clusterFolders(parent).first()));
        const QString orphan = clusterFolders(parent).first();
        workbench.kill(); // SIGKILL: no destructor, no shutdown
        QVERIFY(workbench.waitForFinished(plumb::test::hangTimeoutMs));
        QVERIFY(answers(orphan)); // left running

        qputenv("TMPDIR", QFile::encodeName(temp.path()));
        {
            ui::Workbench next;
            next.startEmbeddedServer();
            PLUMB_TRY_VERIFY(!next.embeddedServerStarting());
            QVERIFY(!QDir(orphan).exists());
            QVERIFY(!answers(orphan));
            const QStringList running = clusterFolders(parent);
            QCOMPARE(running.size(), 1);
            QVERIFY(answers(running.first()));
            PLUMB_TRY_VERIFY(next.settled());
        }
        // The workbench that ended normally stopped its own.
        QCOMPARE(clusterFolders(parent).size(), 0);
        qunsetenv("TMPDIR");

        // So does one ended by SIGTERM (a logout, `kill`).
        workbench.start(plumb::testing::guiPath(), {u"--project"_s, temp.filePath(u"project"_s)});
        QVERIFY(workbench.waitForStarted());
        PLUMB_TRY_VERIFY(clusterFolders(parent).size() == 1 &&
                         answers(clusterFolders(parent).first()));
        const QString terminated = clusterFolders(parent).first();
        workbench.terminate();
        QVERIFY(workbench.waitForFinished(plumb::test::hangTimeoutMs));
        QCOMPARE(workbench.exitStatus(), QProcess::NormalExit);
        QVERIFY(!QDir(terminated).exists());
        QVERIFY(!answers(terminated));
    }
};

QTEST_MAIN(TestEmbeddedServer)
#include "tst_embedded_server.moc"
