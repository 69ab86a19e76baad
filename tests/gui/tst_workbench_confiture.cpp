// A Confiture project opens in the workbench as it is: its environment files' unknown keys are
// shown (Project view and Log), a read-only environment is marked, the schema files build in a
// repaired order (said in the Log), and a Python migration is listed, never run on open, and
// applied from the Migrations view with the interpreter set in Settings.
#include "tests/support/test_database.h"
#include "tests/support/verify.h"
#include "ui/log_view.h"
#include "ui/main_window.h"
#include "ui/migrations_model.h"
#include "ui/migrations_view.h"
#include "ui/project_view.h"
#include "ui/settings_dialog.h"
#include "ui/workbench.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QMessageBox>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace plumb::ui;

namespace {

void write(const QTemporaryDir& dir, const QString& relative, const QByteArray& content)
{
    const QString path = dir.filePath(relative);
    QDir().mkpath(QFileInfo(path).path());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(content);
}

} // namespace

class TestWorkbenchConfiture : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"PlumblineTest"_s);
        QCoreApplication::setApplicationName(u"tst_workbench_confiture"_s);
    }

    void confitureProjectOpensAsItIs()
    {
        plumb::testing::TestDatabase database(u"guiconfiture"_s);
        const QByteArray url = database.info().toUri().toUtf8();
        QTemporaryDir project;
        write(project, u"db/environments/local.yaml"_s,
              "name: local\ndatabase_url: " + url +
                  "\ninclude_dirs:\n  - db/schema\noptions:\n  verbose: true\npool_size: 10\n"
                  "dev: true\n");
        write(project, u"db/environments/production.yaml"_s,
              "database_url: " + url + "\nreadonly: true\n");
        write(project, u"db/schema/01_orders.sql"_s,
              "CREATE TABLE orders (id int, customer_id int REFERENCES customers);\n");
        // A new project each run: its declared catalog cannot come from an earlier run's cache
        // (a cached catalog is not built again, so no repair would be logged).
        write(project, u"db/schema/02_customers.sql"_s,
              "-- " + QUuid::createUuid().toByteArray() +
                  "\nCREATE TABLE customers (id int PRIMARY KEY);\n");
        // Importing the module runs its code: the marker shows whether anything ran it.
        QTemporaryDir markers;
        const QString marker = markers.filePath(u"imported"_s);
        write(project, u"db/migrations/001_create_customers.py"_s,
              "open(r'" + marker.toUtf8() +
                  "', 'w').close()\n"
                  "from confiture.models.migration import Migration\n\n\n"
                  "class CreateCustomers(Migration):\n"
                  "    version = \"001\"\n    name = \"create_customers\"\n\n"
                  "    def up(self):\n"
                  "        self.execute(\"CREATE TABLE customers (id int PRIMARY KEY)\")\n\n"
                  "    def down(self):\n        self.execute(\"DROP TABLE customers\")\n");

        MainWindow window({.startEmbeddedServer = true});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        Workbench* workbench = window.workbench();
        const QString root = QDir(project.path()).canonicalPath();
        workbench->openProject(root);
        PLUMB_TRY_VERIFY(workbench->projectDir() == root && workbench->projectShown());

        auto* projectView = window.findChild<ProjectView*>();
        QStandardItemModel* environments = projectView->environments();
        QCOMPARE(environments->rowCount(), 2);
        QCOMPARE(environments->index(0, 1).data().toString(), u"dev"_s);
        QCOMPARE(environments->index(1, 1).data().toString(), u"read-only"_s);
        auto* warnings = window.findChild<QLabel*>(u"project.warnings"_s);
        QVERIFY(warnings && warnings->isVisibleTo(&window));
        QVERIFY2(warnings->text().contains(u"db/environments/local.yaml:7: unknown key "
                                           u"'pool_size' is ignored"_s),
                 qPrintable(warnings->text()));
        auto* log = window.findChild<LogView*>();
        QVERIFY(log);
        PLUMB_TRY_VERIFY(log->toPlainText().contains(u"The build order was repaired"_s));
        QVERIFY(log->toPlainText().contains(u"unknown key 'options' is ignored"_s));

        auto* migrations = window.findChild<MigrationsView*>()->model();
        QCOMPARE(migrations->rowCount(), 1);
        QCOMPARE(migrations->index(0, MigrationsModel::Name).data().toString(),
                 u"create_customers (Python)"_s);
        QCOMPARE(migrations->index(0, MigrationsModel::State).data().toString(), u"pending"_s);

        // Opening the project (building it, reading the ledger) ran none of its Python.
        PLUMB_TRY_VERIFY(workbench->settled());
        QVERIFY(!QFile::exists(marker));

        // Applied from the Migrations view (a dev database: one Yes), with the interpreter set
        // in Settings: first a wrong path, which the error names, then python3's.
        auto applyPending = [&] {
            QTimer::singleShot(0, this, [] {
                auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
                QVERIFY(box);
                box->button(QMessageBox::Yes)->click();
            });
            window.findChild<QAction*>(u"action.migrateUp"_s)->trigger();
        };
        Preferences preferences = Preferences::load();
        preferences.pythonInterpreter = u"/nonexistent/python3"_s;
        preferences.save();
        applyPending();
        auto* status = window.findChild<QLabel*>(u"migrations.status"_s);
        QVERIFY(status);
        PLUMB_TRY_VERIFY(status->text().contains(u"'/nonexistent/python3' (from Settings) "
                                                 u"was not found"_s));
        QVERIFY(!QFile::exists(marker));
        const QString python3 = QStandardPaths::findExecutable(u"python3"_s);
        QVERIFY(!python3.isEmpty());
        preferences.pythonInterpreter = python3;
        preferences.save();
        PLUMB_TRY_VERIFY(workbench->settled());
        applyPending();
        PLUMB_TRY_COMPARE(
            window.findChild<MigrationsView*>()->model()->index(0, MigrationsModel::State).data(),
            QVariant(u"applied"_s));
        auto connection = database.connect();
        auto row = connection->exec(u"SELECT name, checksum IS NOT NULL FROM tb_confiture"_s);
        QVERIFY(row && row->rowCount() == 1);
        QCOMPARE(row->text(0, 0), u"create_customers"_s);
        QVERIFY(connection->exec(u"SELECT * FROM customers"_s));
        QVERIFY(QFile::exists(marker));
        preferences.pythonInterpreter.clear();
        preferences.save();
        window.close();
    }
};

QTEST_MAIN(TestWorkbenchConfiture)
#include "tst_workbench_confiture.moc"
