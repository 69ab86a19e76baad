// The workbench under the safety model, on the real main window: a redirected dev environment
// asks for the typed name before Sync, a wrong or empty answer changes nothing, a stale plan is
// refused, a held lock is reported with its holder, and the plan is the one `plumb plan` prints.
#include "core/workflow/change_lock.h"
#include "tests/pg/workflow_project.h"
#include "tests/support/cli_run.h"
#include "tests/support/verify.h"
#include "ui/confirm_change.h"
#include "ui/main_window.h"
#include "ui/migrations_model.h"
#include "ui/migrations_view.h"
#include "ui/plan_model.h"
#include "ui/plan_view.h"
#include "ui/sql_editor.h"
#include "ui/sql_view.h"
#include "ui/workbench.h"

#include <QAction>
#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb;
using namespace plumb::ui;
using plumb::testing::WorkflowProject;

namespace {

// Sets an environment variable for one test and restores the process environment after.
class ScopedVariable {
public:
    ScopedVariable(const char* name, const QString& value)
        : m_name(name)
        , m_previous(qgetenv(name))
        , m_had(qEnvironmentVariableIsSet(name))
    {
        qputenv(name, value.toUtf8());
    }
    ~ScopedVariable()
    {
        if (m_had)
            qputenv(m_name, m_previous);
        else
            qunsetenv(m_name);
    }

private:
    const char* m_name;
    QByteArray m_previous;
    bool m_had;
};

// Opens `root` in the window and waits until the project and its live database are read.
std::shared_ptr<const ProjectSnapshot> openAndWait(MainWindow& window, const QString& root)
{
    window.workbench()->openProject(root);
    if (!QTest::qWaitFor([&] { return window.workbench()->projectShown(); }, 90000))
        return {};
    (void)QTest::qWaitFor([&] { return window.workbench()->settled(); }, 30000);
    return window.workbench()->project();
}

ConfirmChangeDialog* waitForConfirmation(MainWindow& window)
{
    ConfirmChangeDialog* dialog = nullptr;
    (void)QTest::qWaitFor(
        [&] {
            dialog = window.findChild<ConfirmChangeDialog*>();
            return dialog && dialog->isVisible();
        },
        30000);
    return dialog;
}

} // namespace

class TestWorkbenchSafety : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"PlumblineTest"_s);
        QCoreApplication::setApplicationName(u"tst_workbench_safety"_s);
        qunsetenv("DATABASE_URL");
    }

    void redirectedDevSyncAsksForTheTypedName()
    {
        WorkflowProject project(u"guiconfirm"_s);
        const ScopedVariable redirect("PLUMB_DATABASE_URL", project.url());
        MainWindow window;
        window.show();
        const auto opened = openAndWait(window, project.root());
        QVERIFY(opened && opened->target());
        QCOMPARE(opened->target()->protection, workflow::Protection::Protected);
        QVERIFY(window.workbench()->canSync());
        const QString before = project.fingerprint();

        // Empty, partial and wrong answers never enable the button; declining changes nothing.
        window.findChild<QAction*>(u"action.sync"_s)->trigger();
        ConfirmChangeDialog* dialog = waitForConfirmation(window);
        QVERIFY(dialog);
        auto* facts = dialog->findChild<QLabel*>(u"confirmChange.facts"_s);
        QVERIFY(facts->text().contains(project.database.name()));
        QVERIFY(facts->text().contains(u"PostgreSQL "_s));
        QVERIFY(facts->text().contains(u"PLUMB_DATABASE_URL"_s));
        auto* name = dialog->findChild<QLineEdit*>(u"confirmChange.name"_s);
        auto* go = dialog->findChild<QPushButton*>(u"confirmChange.go"_s);
        QVERIFY(name && go);
        QVERIFY(!go->isEnabled());
        QTest::keyClicks(name, project.database.name().left(4));
        QVERIFY(!go->isEnabled());
        name->setText(project.database.name() + u" "_s);
        QVERIFY(!go->isEnabled());
        QTest::keyClick(name, Qt::Key_Return); // the default button is Cancel
        PLUMB_TRY_VERIFY(!dialog || !dialog->isVisible());
        PLUMB_TRY_VERIFY(window.statusBar()->currentMessage().contains(u"nothing was changed"));
        PLUMB_TRY_COMPARE(window.workbench()->jobs().runningCount(), 0);
        QCOMPARE(project.fingerprint(), before);

        // The name typed in full: Sync runs.
        window.findChild<QAction*>(u"action.sync"_s)->trigger();
        dialog = waitForConfirmation(window);
        QVERIFY(dialog);
        name = dialog->findChild<QLineEdit*>(u"confirmChange.name"_s);
        go = dialog->findChild<QPushButton*>(u"confirmChange.go"_s);
        QTest::keyClicks(name, project.database.name());
        QVERIFY(go->isEnabled());
        // For people reviewing the dialog: PLUMB_SCREENSHOT_DIR=/tmp/shots keeps a picture of it.
        if (const QString shots = qEnvironmentVariable("PLUMB_SCREENSHOT_DIR"); !shots.isEmpty())
            dialog->grab().save(shots + u"/confirm-change.png"_s, "PNG");
        go->click();
        auto* migrations = window.findChild<MigrationsView*>()->model();
        PLUMB_TRY_VERIFY(migrations->rowCount() == 1 && migrations->pendingCount() == 0);
        QCOMPARE(project.scalar(u"SELECT count(*)::int FROM pg_indexes WHERE indexname = "
                                u"'items_price_idx'"_s),
                 1);
        PLUMB_TRY_COMPARE(window.workbench()->jobs().runningCount(), 0);
        window.close();
    }

    void aStalePlanIsRefusedAndTheSamePlanAsTheCli()
    {
        WorkflowProject project(u"guistale"_s);
        MainWindow window;
        window.show();
        const auto opened = openAndWait(window, project.root());
        QVERIFY(opened && opened->target());
        QCOMPARE(opened->target()->protection, workflow::Protection::Dev);
        auto* plan = window.findChild<PlanView*>();
        PLUMB_TRY_VERIFY(plan->current().has_value());

        // The workbench and plumb plan the same way, from the same live schema.
        QProcessEnvironment env = WorkflowProject::cleanVariables();
        const plumb::testing::CliRun cli = plumb::testing::runPlumb(
            {u"--format=json"_s, u"plan"_s, u"--project"_s, project.root()}, env);
        QVERIFY2(cli.exitCode == 0, qPrintable(cli.err));
        const QJsonObject fromCli = QJsonDocument::fromJson(cli.out.toUtf8()).object();
        const QJsonObject fromGui = plan->current()->toJson();
        QCOMPARE(fromGui.value(u"plan"), fromCli.value(u"plan"));
        QCOMPARE(fromGui.value(u"live_fingerprint"), fromCli.value(u"live_fingerprint"));
        QCOMPARE(fromGui.value(u"declared_hash"), fromCli.value(u"declared_hash"));
        QVERIFY(!plan->current()->plan.isEmpty());

        // Someone changes the schema behind the workbench's back: Apply all is refused.
        project.database.exec(u"CREATE TABLE intruder (id int)"_s);
        const QString changed = project.fingerprint();
        plan->apply({});
        QMessageBox* box = nullptr; // a dev database: a plain yes
        PLUMB_TRY_VERIFY((box = window.findChild<QMessageBox*>()) != nullptr);
        box->button(QMessageBox::Yes)->click();
        auto* status = window.findChild<QLabel*>(u"plan.status"_s);
        PLUMB_TRY_VERIFY(status->text().contains(u"stale"));
        QCOMPARE(project.fingerprint(), changed);
        // The same plan is not offered twice.
        plan->apply({});
        QVERIFY(status->text().contains(u"applied already"));
        PLUMB_TRY_COMPARE(window.workbench()->jobs().runningCount(), 0);
        window.close();
    }

    void aHeldLockNamesItsHolder()
    {
        WorkflowProject project(u"guilock"_s,
                                "dev: true\nmigration:\n  locking:\n    timeout_ms: 0\n");
        MainWindow window;
        window.show();
        QVERIFY(openAndWait(window, project.root()));
        auto holder = project.database.connect();
        SilentProgress progress;
        auto held = workflow::ChangeLock::acquire(*holder, u"deploy job"_s, {}, progress);
        PLUMB_VERIFY_OK(held);
        window.findChild<QAction*>(u"action.sync"_s)->trigger(); // dev: one click
        PLUMB_TRY_VERIFY(window.statusBar()->currentMessage().contains(u"Sync failed"));
        const QString message = window.statusBar()->currentMessage();
        QVERIFY2(message.contains(u"plumb deploy job"), qPrintable(message));
        QVERIFY2(message.contains(u"pid "_s + QString::number(holder->backendPid())),
                 qPrintable(message));
        QVERIFY2(message.contains(u"since "), qPrintable(message));
        QCOMPARE(project.scalar(u"SELECT count(*)::int FROM pg_tables WHERE schemaname = "
                                u"'public'"_s),
                 0);
        PLUMB_TRY_COMPARE(window.workbench()->jobs().runningCount(), 0);
        window.close();
    }

    void sqlViewIsReadOnlyOnAProtectedDatabase()
    {
        WorkflowProject project(u"guisql"_s, "");
        project.database.exec(u"CREATE TABLE notes (body text)"_s);
        MainWindow window;
        window.show();
        const auto opened = openAndWait(window, project.root());
        QVERIFY(opened && opened->target());
        QCOMPARE(opened->target()->protection, workflow::Protection::Protected);
        auto* sql = window.findChild<SqlView*>();
        auto* databases = window.findChild<QComboBox*>(u"sql.database"_s);
        PLUMB_TRY_COMPARE(databases->count(), 1);
        auto* status = window.findChild<QLabel*>(u"sql.status"_s);
        QSignalSpy log(&window.workbench()->jobs(), &jobs::JobRunner::logLine);

        // Without writes turned on, everything runs in a read-only transaction.
        sql->editor()->setPlainText(u"INSERT INTO notes VALUES ('the-secret-note')"_s);
        sql->run();
        PLUMB_TRY_VERIFY(status->text().contains(u"read-only transaction"));
        QCOMPARE(project.scalar(u"SELECT count(*)::int FROM notes"_s), 0);
        sql->editor()->setPlainText(u"COMMIT; INSERT INTO notes VALUES ('x')"_s);
        sql->run();
        PLUMB_TRY_VERIFY(status->text().contains(u"not allowed here"));

        // Writes on for one statement: the name typed, then it runs as written, once.
        auto* allowWrites = window.findChild<QAction*>(u"action.allowWrites"_s);
        allowWrites->setChecked(true);
        sql->editor()->setPlainText(u"INSERT INTO notes VALUES ('the-secret-note')"_s);
        sql->run();
        QVERIFY(!allowWrites->isChecked()); // for this run only
        ConfirmChangeDialog* dialog = waitForConfirmation(window);
        QVERIFY(dialog);
        QTest::keyClicks(dialog->findChild<QLineEdit*>(u"confirmChange.name"_s),
                         project.database.name());
        dialog->findChild<QPushButton*>(u"confirmChange.go"_s)->click();
        PLUMB_TRY_VERIFY(status->text().contains(u"INSERT 0 1"));
        QCOMPARE(project.scalar(u"SELECT count(*)::int FROM notes"_s), 1);
        PLUMB_TRY_COMPARE(window.workbench()->jobs().runningCount(), 0);

        // What ran is in the log without its literal values.
        bool sawInsert = false;
        for (const QList<QVariant>& line : std::as_const(log)) {
            const QString text = line.at(2).toString();
            QVERIFY2(!text.contains(u"the-secret-note"), qPrintable(text));
            sawInsert = sawInsert || text.startsWith(u"INSERT INTO notes VALUES ($1)");
        }
        QVERIFY(sawInsert);
        window.close();
    }

    void aDatabaseAddedAsDevIsProtectedWhenItIsAProtectedEnvironments()
    {
        // local.yaml names the database without dev: true. The same database added by hand,
        // written another way and marked development, still follows local's rules.
        WorkflowProject project(u"guiadded"_s, "");
        project.database.exec(u"CREATE TABLE notes (body text)"_s);
        MainWindow window;
        window.show();
        const auto opened = openAndWait(window, project.root());
        QVERIFY(opened && opened->target());
        QCOMPARE(opened->target()->protection, workflow::Protection::Protected);
        const db::ConnectionInfo typed =
            project.database.info().with(u"application_name"_s, u"typed by hand"_s);
        QVERIFY(!(typed == opened->target()->runtime.info));
        window.workbench()->addDatabase({u"by hand"_s, typed, true});
        const DatabaseTarget added = window.workbench()->databases().last();
        QCOMPARE(added.target().protection, workflow::Protection::Dev); // on its own
        const workflow::Target rules = window.workbench()->rulesFor(added);
        QCOMPARE(rules.protection, workflow::Protection::Protected);
        QVERIFY2(rules.reasons.join(u' ').contains(u"'local'"),
                 qPrintable(rules.reasons.join(u' ')));

        auto* sql = window.findChild<SqlView*>();
        auto* databases = window.findChild<QComboBox*>(u"sql.database"_s);
        PLUMB_TRY_COMPARE(databases->count(), 2);
        databases->setCurrentIndex(1);
        auto* status = window.findChild<QLabel*>(u"sql.status"_s);
        sql->editor()->setPlainText(u"INSERT INTO notes VALUES ('x')"_s);
        sql->run();
        PLUMB_TRY_VERIFY(status->text().contains(u"read-only transaction"));
        QCOMPARE(project.scalar(u"SELECT count(*)::int FROM notes"_s), 0);
        PLUMB_TRY_COMPARE(window.workbench()->jobs().runningCount(), 0);
        window.close();
    }

    void quittingWithAChangeInFlightAsksFirst()
    {
        MainWindow window;
        window.show();
        window.workbench()->beginChange();
        window.close();
        QVERIFY(window.isVisible()); // not closed: asked
        auto* box = window.findChild<QMessageBox*>(u"quitWhileChanging"_s);
        QVERIFY(box);
        box->button(QMessageBox::No)->click();
        QVERIFY(window.isVisible());
        window.workbench()->finishChange();
        window.close();
        QVERIFY(!window.isVisible());
    }
};

QTEST_MAIN(TestWorkbenchSafety)
#include "tst_workbench_safety.moc"
