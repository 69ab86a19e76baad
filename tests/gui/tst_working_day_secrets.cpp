// A working day with a known password, in the workbench and in `plumb`: open, plan, apply, sync,
// migrate, preflight (pg_dump), failing connections, the SQL view, a saved connection. Then
// every artefact the day left is searched for the password: CLI output and JSON, what the
// Activity, Log and status bar showed, the settings and every file under the application's
// folders and the project, the server's log, the command lines and passfiles of the client
// programs it started, and every process command line seen while the day ran. Zero hits.
#include "core/data_directory.h"
#include "core/db/connection.h"
#include "core/db/local_cluster.h"
#include "core/db/quote.h"
#include "tests/support/cli_run.h"
#include "tests/support/test_database.h"
#include "tests/support/test_paths.h"
#include "tests/support/verify.h"
#include "ui/confirm_change.h"
#include "ui/connection_store.h"
#include "ui/main_window.h"
#include "ui/result_table_model.h"
#include "ui/sql_editor.h"
#include "ui/sql_view.h"
#include "ui/workbench.h"

#include <QAction>
#include <QComboBox>
#include <QDirIterator>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUrl>
#include <atomic>
#include <mutex>
#include <thread>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace plumb;
using testing::CliRun;
using testing::TestDatabase;

namespace {

// Every process command line on the machine, read over and over on a thread of its own while
// the day runs; a command line that holds the password is kept. Short-lived children may slip
// between two sweeps, so the client programs are also caught for certain by wrappers (below).
// The plumb processes the test starts itself are not counted: their command lines hold what
// the test typed (some commands take URLs as arguments); the programs they start must not.
class CommandLineWatch {
public:
    CommandLineWatch(QList<QByteArray> needles, QByteArray ignoredProgram)
        : m_needles(std::move(needles))
        , m_ignoredProgram(std::move(ignoredProgram))
        , m_thread([this] { watch(); })
    {}
    ~CommandLineWatch()
    {
        m_stop = true;
        m_thread.join();
    }
    QStringList hits() const
    {
        const std::lock_guard lock(m_mutex);
        return m_hits;
    }
    int sweeps() const { return m_sweeps.load(); }

private:
    void watch()
    {
        while (!m_stop) {
            QDirIterator processes(u"/proc"_s, QDir::Dirs | QDir::NoDotAndDotDot);
            while (processes.hasNext()) {
                const QString dir = processes.next();
                QFile cmdline(dir + u"/cmdline"_s);
                if (!cmdline.open(QIODevice::ReadOnly))
                    continue;
                const QByteArray text = cmdline.readAll();
                if (text.startsWith(QByteArray(m_ignoredProgram + '\0')))
                    continue;
                for (const QByteArray& needle : m_needles)
                    if (text.contains(needle)) {
                        const std::lock_guard lock(m_mutex);
                        m_hits << dir + u" ("_s + masked(text) + u')';
                    }
            }
            ++m_sweeps;
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
    }

    // The command line as words, the password in it replaced, to say which program had it.
    QString masked(QByteArray text) const
    {
        for (const QByteArray& needle : m_needles)
            text.replace(needle, "<password>");
        return QString::fromUtf8(text.replace('\0', ' ').trimmed());
    }

    QList<QByteArray> m_needles;
    QByteArray m_ignoredProgram;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_sweeps{0};
    mutable std::mutex m_mutex;
    QStringList m_hits; // guarded by m_mutex
    std::thread m_thread;
};

void writeFile(const QString& path, const QByteArray& content)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(content);
}

// A folder that stands in for PostgreSQL's bin folder: the server tools link to the real ones;
// pg_dump and psql are wrappers that log their command line, whether PGPASSWORD is set, and the
// mode of the passfile they were given, then run the real program.
void makeWrapperBin(const QString& dir, const QString& realBin, const QString& log)
{
    for (const QString& tool : {u"initdb"_s, u"pg_ctl"_s, u"postgres"_s})
        QVERIFY(QFile::link(realBin + u'/' + tool, dir + u'/' + tool));
    for (const QString& tool : {u"pg_dump"_s, u"psql"_s}) {
        const QString script =
            u"#!/bin/sh\n"
            u"{ printf '%s\\n' \"$0 $*\"\n"
            u"  [ -n \"$PGPASSWORD\" ] && echo 'PGPASSWORD is set'\n"
            u"  [ -n \"$PGPASSFILE\" ] && stat -c 'passfile mode %a' \"$PGPASSFILE\"\n"
            u"  [ -n \"$PGSERVICEFILE\" ] && stat -c 'service file mode %a' \"$PGSERVICEFILE\"\n"
            u"} >> '"_s +
            log + u"'\nexec '"_s + realBin + u'/' + tool + u"' \"$@\"\n"_s;
        writeFile(dir + u'/' + tool, script.toUtf8());
        QFile::setPermissions(dir + u'/' + tool, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                     QFileDevice::ExeOwner |
                                                     QFileDevice::ReadOther |
                                                     QFileDevice::ExeOther);
    }
}

QString readAll(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

QString modelText(const QAbstractItemModel* model, const QModelIndex& parent = {})
{
    QString text;
    for (int row = 0; row < model->rowCount(parent); ++row)
        for (int column = 0; column < model->columnCount(parent); ++column) {
            const QModelIndex index = model->index(row, column, parent);
            for (int role : {Qt::DisplayRole, Qt::ToolTipRole})
                text += index.data(role).toString() + u'\n';
            if (column == 0)
                text += modelText(model, index);
        }
    return text;
}

QString stateValue(const QString& key)
{
    for (const QString& line :
         readAll(qEnvironmentVariable("PLUMB_TEST_CLUSTER_STATE")).split(u'\n'))
        if (line.startsWith(key + u'='))
            return line.mid(key.size() + 1);
    return {};
}

} // namespace

class TestWorkingDaySecrets : public QObject {
    Q_OBJECT

    // name -> text of each artefact the day left.
    QList<std::pair<QString, QString>> m_artefacts;

    void keep(const QString& name, const QString& text) { m_artefacts.append({name, text}); }
    void keep(const QString& name, const CliRun& run)
    {
        keep(name + u" (stdout)"_s, run.out);
        keep(name + u" (stderr)"_s, run.err);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"PlumblineTest"_s);
        QCoreApplication::setApplicationName(u"tst_working_day_secrets"_s);
    }

    void aWorkingDayLeavesNoPassword()
    {
        if (!qEnvironmentVariableIsEmpty("PLUMB_TEST_DATABASE_URL"))
            QSKIP("needs the fixture's server, whose pg_hba asks plumb_password_login members "
                  "for a password over TCP");
        const QString secret = u"Wd:S3cret/"_s + QString::number(::getpid()) + u"@x"_s;
        const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(secret));
        const QString role = u"plumb_wd_"_s + QString::number(::getpid());

        // A role that must give its password, and two databases it owns.
        TestDatabase live(u"wd_live"_s), other(u"wd_other"_s);
        live.exec(u"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = "
                  u"'plumb_password_login') THEN CREATE ROLE plumb_password_login NOLOGIN; "
                  u"END IF; END $$"_s);
        live.exec(u"CREATE ROLE "_s + db::quoteIdentifier(role) + u" LOGIN PASSWORD "_s +
                  db::quoteLiteral(secret) + u" IN ROLE plumb_password_login"_s);
        for (const TestDatabase* database : {&live, &other})
            live.exec(u"ALTER DATABASE "_s + db::quoteIdentifier(database->name()) +
                      u" OWNER TO "_s + db::quoteIdentifier(role));
        const db::ConnectionInfo server = testing::serverInfo();
        auto urlOf = [&](const TestDatabase& database) {
            return u"postgresql://"_s + role + u':' + encoded + u'@' + server.host() + u':' +
                   server.port() + u'/' + database.name();
        };
        const QString liveUrl = urlOf(live), otherUrl = urlOf(other);
        {
            auto withoutPassword = db::ConnectionInfo::parse(liveUrl)->with(u"password"_s, {});
            QVERIFY2(!db::Connection::open(withoutPassword), "the role must need its password");
        }

        // The project: declared schema, two migrations, a dev environment whose URL comes from
        // a variable, which makes it protected: the changes below take the typed confirmation
        // (--confirm in plumb, the confirmation dialog in the workbench).
        QTemporaryDir projectDir, binDir, logDir;
        const QString project = projectDir.path();
        writeFile(project + u"/db/schema/10_items.sql"_s,
                  "CREATE TABLE item (id bigint PRIMARY KEY, name text NOT NULL, note text);\n"
                  "CREATE INDEX item_name_idx ON item (name);\n");
        writeFile(project + u"/db/migrations/001_item.up.sql"_s,
                  "CREATE TABLE item (id bigint PRIMARY KEY, name text NOT NULL);\n");
        writeFile(project + u"/db/migrations/002_note.up.sql"_s,
                  "ALTER TABLE item ADD COLUMN note text;\n");
        // "local": the environment the workbench opens.
        writeFile(project + u"/db/environments/local.yaml"_s,
                  "database_url: ${WD_DATABASE_URL}\ndev: true\n");
        const QString toolLog = logDir.filePath(u"client-programs.log"_s);
        // The server tools run as postgres when the tests run as root.
        QFile::setPermissions(binDir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                 QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                                 QFileDevice::ExeOther);
        auto realBin = db::LocalCluster::findBinDir();
        QVERIFY(realBin);
        makeWrapperBin(binDir.path(), *realBin, toolLog);

        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(u"PLUMB_DATABASE_URL"_s);
        environment.remove(u"DATABASE_URL"_s);
        environment.remove(u"PGPASSWORD"_s);
        environment.insert(u"WD_DATABASE_URL"_s, liveUrl);
        environment.insert(u"PLUMB_PG_BINDIR"_s, binDir.path());
        // What plumb keeps on disk (caches, the data folder) lands here, to be searched too.
        QTemporaryDir cliHome;
        for (const auto& [variable, folder] : {std::pair{u"XDG_DATA_HOME"_s, u"data"_s},
                                               std::pair{u"XDG_CONFIG_HOME"_s, u"config"_s},
                                               std::pair{u"XDG_CACHE_HOME"_s, u"cache"_s}})
            environment.insert(variable, cliHome.filePath(folder));
        constexpr int anyExit = -2;
        auto plumb = [&](const QString& name, const QStringList& arguments, int expected) {
            const CliRun run = testing::runPlumb(arguments, environment);
            keep(u"plumb "_s + name, run);
            if (expected != anyExit && run.exitCode != expected)
                QTest::qFail(qPrintable(name + u": exit "_s + QString::number(run.exitCode) +
                                        u'\n' + run.out + run.err),
                             __FILE__, __LINE__);
        };
        const QStringList inProject{u"--project"_s, project, u"--env"_s, u"local"_s};

        CommandLineWatch watch({secret.toUtf8(), encoded.toUtf8()},
                               plumb::testing::cliPath().toUtf8());

        // Morning, in the terminal.
        plumb(u"ping"_s, {u"ping"_s, liveUrl}, 0);
        plumb(u"inspect"_s, {u"--format=json"_s, u"inspect"_s, liveUrl}, 0);
        plumb(u"build"_s, QStringList{u"build"_s} + inProject, 0);
        const QStringList confirmed{u"--confirm"_s, live.name()};
        plumb(u"migrate up 001"_s,
              QStringList{u"migrate"_s, u"up"_s, u"--target"_s, u"001"_s} + inProject + confirmed,
              0);
        plumb(u"migrate status"_s,
              QStringList{u"--format=json"_s, u"migrate"_s, u"status"_s} + inProject, 0);
        plumb(u"preflight"_s, QStringList{u"--format=json"_s, u"preflight"_s} + inProject, 0);
        plumb(u"sync refused"_s, QStringList{u"sync"_s} + inProject, 5);
        plumb(u"sync"_s, QStringList{u"sync"_s} + inProject + confirmed, 0);
        plumb(u"diff (plan)"_s,
              {u"--format=json"_s, u"diff"_s, u"--from"_s, otherUrl, u"--to"_s, liveUrl}, 0);
        plumb(u"diff --apply"_s,
              {u"diff"_s, u"--from"_s, otherUrl, u"--to"_s, liveUrl, u"--apply"_s}, 0);
        plumb(u"diagnose"_s, {u"--format=json"_s, u"diagnose"_s, u"--database-url"_s, liveUrl},
              anyExit); // findings are not failures here
        // Failing connections, each carrying the password.
        const QString base = u"postgresql://"_s + role + u':' + encoded + u'@';
        plumb(u"refused"_s, {u"ping"_s, base + u"127.0.0.1:1/x"_s}, 3);
        plumb(u"no such database"_s,
              {u"--format=json"_s, u"ping"_s,
               base + server.host() + u':' + server.port() + u"/no_such_db"_s},
              3);
        plumb(u"malformed"_s, {u"ping"_s, base + u"127.0.0.1:notaport/x"_s}, 5);
        plumb(
            u"malformed key=value"_s,
            {u"--format=json"_s, u"ping"_s,
             u"host=127.0.0.1 port=1 user="_s + role + u" password='"_s + secret + u"' dbname=x"_s},
            3);

        // Afternoon, in the workbench, on the same project.
        qputenv("WD_DATABASE_URL", liveUrl.toUtf8());
        qputenv("PLUMB_PG_BINDIR", QFile::encodeName(binDir.path()));
        {
            ui::MainWindow window({.startEmbeddedServer = false});
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            ui::Workbench* workbench = window.workbench();
            workbench->openProject(project);
            PLUMB_TRY_VERIFY2(workbench->projectShown() && workbench->project()->hasLive(),
                              qPrintable(window.statusBar()->currentMessage()));
            PLUMB_TRY_VERIFY(workbench->settled());

            auto* sql = window.findChild<ui::SqlView*>();
            QVERIFY(sql);
            auto* databases = window.findChild<QComboBox*>(u"sql.database"_s);
            PLUMB_TRY_VERIFY(databases->count() >= 1);
            databases->setCurrentIndex(databases->count() - 1);
            // The environment is protected: one statement that writes, with the name typed.
            auto confirm = [&] {
                ui::ConfirmChangeDialog* dialog = nullptr;
                PLUMB_TRY_VERIFY((dialog = window.findChild<ui::ConfirmChangeDialog*>()) &&
                                 dialog->isVisible());
                keep(u"confirmation dialog"_s,
                     dialog->findChild<QLabel*>(u"confirmChange.facts"_s)->text());
                QTest::keyClicks(dialog->findChild<QLineEdit*>(u"confirmChange.name"_s),
                                 live.name());
                dialog->findChild<QPushButton*>(u"confirmChange.go"_s)->click();
            };
            window.findChild<QAction*>(u"action.allowWrites"_s)->setChecked(true);
            sql->editor()->setPlainText(u"INSERT INTO item (id, name) VALUES (1, 'one');"_s);
            sql->run();
            confirm();
            PLUMB_TRY_VERIFY(workbench->settled());
            sql->editor()->setPlainText(u"SELECT current_user, name FROM item;"_s);
            sql->run();
            PLUMB_TRY_COMPARE(sql->results()->rowCount(), 1);
            QCOMPARE(sql->results()->index(0, 0).data().toString(), role);

            workbench->sync(&window);
            confirm();
            PLUMB_TRY_VERIFY(workbench->settled());

            // A connection saved by hand, with its password (the keychain may be absent here:
            // then the password lives for the session only, and says so).
            auto* store = window.findChild<ui::ConnectionStore*>();
            QVERIFY(store);
            QSignalSpy keychain(store, &ui::ConnectionStore::message);
            store->add(u"wd saved"_s, *db::ConnectionInfo::parse(otherUrl), false);
            keychain.wait(10000); // a failing keychain reports; a working one says nothing
            for (const QList<QVariant>& message : std::as_const(keychain))
                keep(u"connection store message"_s, message.at(0).toString());
            // A connection that fails, from the workbench.
            workbench->addDatabase(
                {u"wd refused"_s, *db::ConnectionInfo::parse(base + u"127.0.0.1:1/x"_s), false});
            databases->setCurrentIndex(databases->count() - 1);
            sql->editor()->setPlainText(u"SELECT 1;"_s);
            sql->run();
            PLUMB_TRY_VERIFY(workbench->settled());

            auto* activity = window.findChild<QTreeView*>(u"activity.jobs"_s);
            QVERIFY(activity);
            keep(u"Activity view"_s, modelText(activity->model()));
            auto* log = window.findChild<QPlainTextEdit*>(u"log.text"_s);
            QVERIFY(log);
            keep(u"Log view"_s, log->toPlainText());
            QVERIFY2(log->toPlainText().contains(u"Sync"_s), qPrintable(log->toPlainText()));
            keep(u"status bar"_s, window.statusBar()->currentMessage());
            keep(u"SQL view status"_s,
                 window.findChild<QWidget*>(u"sql.status"_s)->property("text").toString());
            window.close();
        }
        QSettings().sync();
        qunsetenv("WD_DATABASE_URL");
        qunsetenv("PLUMB_PG_BINDIR");

        const QStringList commandLines = watch.hits();
        QVERIFY(watch.sweeps() > 0);

        // The evidence.
        keep(u"client programs' log"_s, readAll(toolLog));
        const QString programs = readAll(toolLog);
        QVERIFY2(programs.contains(u"pg_dump"_s), "preflight ran no pg_dump");
        QVERIFY2(programs.contains(u"passfile mode 600"_s), qPrintable(programs));
        QVERIFY2(!programs.contains(u"PGPASSWORD is set"_s), qPrintable(programs));
        keep(u"settings file "_s + QSettings().fileName(), readAll(QSettings().fileName()));
        for (const auto location :
             {QStandardPaths::AppDataLocation, QStandardPaths::AppLocalDataLocation,
              QStandardPaths::AppConfigLocation, QStandardPaths::GenericConfigLocation,
              QStandardPaths::CacheLocation, QStandardPaths::GenericCacheLocation}) {
            const QString root = QStandardPaths::writableLocation(location);
            for (QDirIterator files(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
                 files.hasNext();) {
                const QString path = files.next();
                keep(path, readAll(path));
            }
        }
        for (const QString& root : {project, cliHome.path(), dataDirectory()})
            for (QDirIterator files(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
                 files.hasNext();) {
                const QString path = files.next();
                keep(path, readAll(path));
            }
        const QString serverLog = stateValue(u"dir"_s) + u"/server.log"_s;
        keep(u"server log"_s, readAll(serverLog));

        QStringList leaks;
        for (const auto& [name, text] : std::as_const(m_artefacts))
            if (text.contains(secret) || text.contains(encoded))
                leaks << name;
        for (const QString& process : commandLines)
            leaks << u"command line of "_s + process;
        QVERIFY2(leaks.isEmpty(), qPrintable(u"the password is in: "_s + leaks.join(u", "_s)));
        QVERIFY(m_artefacts.size() > 30);
    }

    void cleanupTestCase()
    {
        TestDatabase admin(u"wd_cleanup"_s);
        admin.exec(u"DROP ROLE IF EXISTS "_s +
                   db::quoteIdentifier(QString(u"plumb_wd_"_s + QString::number(::getpid()))));
    }
};

QTEST_MAIN(TestWorkingDaySecrets)
#include "tst_working_day_secrets.moc"
