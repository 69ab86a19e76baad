// The workbench as a user first meets it: started with no project, it runs its own PostgreSQL,
// opens the bundled demo project and fills the views.
#include "core/plan/plan.h"
#include "tests/support/verify.h"
#include "ui/activity_model.h"
#include "ui/diagnose_model.h"
#include "ui/diagnose_view.h"
#include "ui/diff_view.h"
#include "ui/main_window.h"
#include "ui/migrations_model.h"
#include "ui/migrations_view.h"
#include "ui/models_model.h"
#include "ui/models_view.h"
#include "ui/plan_model.h"
#include "ui/plan_view.h"
#include "ui/project_view.h"
#include "ui/result_table_model.h"
#include "ui/sql_editor.h"
#include "ui/sql_view.h"
#include "ui/workbench.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace plumb::ui;

namespace {

// Waits for the yes/no question a change on a dev database asks (it opens without blocking)
// and answers yes.
bool answerYes(MainWindow& window)
{
    QMessageBox* box = nullptr;
    if (!QTest::qWaitFor([&] { return (box = window.findChild<QMessageBox*>()) != nullptr; },
                         10000))
        return false;
    box->button(QMessageBox::Yes)->click();
    return true;
}

} // namespace

class TestWorkbenchDemo : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"PlumblineTest"_s);
        QCoreApplication::setApplicationName(u"tst_workbench_demo"_s);
    }

    void demoFillsModelsAndRunsSql()
    {
        MainWindow window({.startEmbeddedServer = true});
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        auto* models = window.findChild<ModelsView*>();
        QVERIFY(models);
        QAbstractItemModelTester modelsTester(
            models->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto* activity = window.findChild<QTreeView*>(u"activity.jobs"_s);
        QVERIFY(activity);
        QAbstractItemModelTester activityTester(
            activity->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);

        // The embedded server starts and the demo project loads, in jobs.
        PLUMB_TRY_VERIFY(models->model()->tableCount() == 4);
        QAbstractItemModelTester migrationsTester(
            window.findChild<MigrationsView*>()->model(),
            QAbstractItemModelTester::FailureReportingMode::QtTest);
        // Migrations: the demo database has the first applied and the second pending.
        auto* migrations = window.findChild<MigrationsView*>()->model();
        QCOMPARE(migrations->rowCount(), 2);
        QCOMPARE(migrations->index(0, MigrationsModel::State).data().toString(), u"applied"_s);
        QCOMPARE(migrations->index(1, MigrationsModel::State).data().toString(), u"pending"_s);
        // The Project view lists the demo's dev environment.
        auto* environments = window.findChild<ProjectView*>()->environments();
        QCOMPARE(environments->rowCount(), 1);
        QCOMPARE(environments->index(0, 1).data().toString(), u"dev"_s);
        // ...named by its database and server, not by a socket folder's escaped URL.
        QVERIFY2(environments->index(0, 2).data().toString().endsWith(u" on local socket"_s),
                 qPrintable(environments->index(0, 2).data().toString()));
        QVERIFY(environments->index(0, 2)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .startsWith(u"postgresql://"_s));
        const QModelIndex orders = models->model()->tableIndex(u"public.orders"_s);
        QVERIFY(orders.isValid());
        QCOMPARE(orders.siblingAtColumn(ModelsModel::Declared).data().toString(),
                 u"db/schema/10_tables/30_orders.sql:1"_s);
        // The demo database is one migration behind: orders lacks the note column...
        QCOMPARE(orders.data(ModelsModel::StateRole).toInt(), int(LiveState::Differs));
        // ...while order_items matches its declaration exactly.
        QCOMPARE(models->model()
                     ->tableIndex(u"public.order_items"_s)
                     .data(ModelsModel::StateRole)
                     .toInt(),
                 int(LiveState::Ok));
        QVERIFY(activity->model()->rowCount() >=
                3); // server, demo migration, project, then plan and drift
        PLUMB_TRY_VERIFY(window.workbench()->settled());

        // Apply the pending migration from the view; the dev database asks for a plain yes.
        window.findChild<MigrationsView*>()->request(MigrationsView::Action::Up);
        QVERIFY(answerYes(window));
        PLUMB_TRY_COMPARE(migrations->index(1, MigrationsModel::State).data().toString(),
                          u"applied"_s);
        QVERIFY(!migrations->index(1, MigrationsModel::AppliedBy).data().toString().isEmpty());
        PLUMB_TRY_VERIFY(window.workbench()->settled());

        // Foreign keys lead both ways: orders -> customers, and customers lists orders.
        bool foundForeignKey = false;
        for (int group = 0; group < models->model()->rowCount(orders); ++group) {
            const QModelIndex groupIndex = models->model()->index(group, 0, orders);
            for (int row = 0; row < models->model()->rowCount(groupIndex); ++row) {
                const QModelIndex item = models->model()->index(row, 0, groupIndex);
                if (item.data(ModelsModel::TargetRole).toString() == u"public.customers")
                    foundForeignKey = true;
            }
        }
        QVERIFY(foundForeignKey);

        // The filter shows the rows whose name matches and the tables and groups holding them:
        // "sku" is a column (and a constraint's name part) of products only.
        auto* filter = models->findChild<QLineEdit*>(u"models.filter"_s);
        QVERIFY(filter);
        filter->setText(u"sku"_s);
        QCOMPARE(models->model()->rowCount(), 1);
        const QModelIndex products = models->model()->index(0, 0);
        QCOMPARE(products.data().toString(), u"public.products"_s);
        QStringList shown;
        for (int group = 0; group < models->model()->rowCount(products); ++group) {
            const QModelIndex groupIndex = models->model()->index(group, 0, products);
            for (int row = 0; row < models->model()->rowCount(groupIndex); ++row)
                shown.append(models->model()->index(row, 0, groupIndex).data().toString());
        }
        QVERIFY2(shown.contains(u"sku"_s) && shown.contains(u"products_sku_key"_s),
                 qPrintable(shown.join(u", "_s)));
        for (const QString& name : std::as_const(shown))
            QVERIFY2(name.contains(u"sku"_s, Qt::CaseInsensitive), qPrintable(name));
        QVERIFY(!models->model()->tableIndex(u"public.customers"_s).isValid());
        // Following a foreign key clears the filter, so the table it leads to is there.
        QVERIFY(models->revealTable(u"public.customers"_s));
        QVERIFY(filter->text().isEmpty());
        QCOMPARE(models->model()->rowCount(), models->model()->tableCount());

        // The SQL view runs on the demo database through a job.
        auto* sql = window.findChild<SqlView*>();
        QVERIFY(sql);
        auto* databases = window.findChild<QComboBox*>(u"sql.database"_s);
        PLUMB_TRY_COMPARE(databases->count(), 1);
        QAbstractItemModelTester resultsTester(
            sql->results(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        sql->editor()->setPlainText(u"INSERT INTO customers (email, display_name) VALUES "
                                    u"('ada@example.org', 'Ada');\n"
                                    u"SELECT id, email, NULL AS nothing FROM customers;"_s);
        sql->run();
        PLUMB_TRY_COMPARE(sql->results()->rowCount(), 1);
        QCOMPARE(sql->results()->columnCount(), 3);
        QCOMPARE(sql->results()->index(0, 1).data().toString(), u"ada@example.org"_s);
        QCOMPARE(sql->results()->index(0, 2).data().toString(), u"NULL"_s);

        // A bad statement reports its error with the line it is on.
        sql->editor()->setPlainText(u"SELECT 1;\nSELECT nope FROM customers;"_s);
        sql->run();
        auto* status = window.findChild<QLabel*>(u"sql.status"_s);
        PLUMB_TRY_VERIFY(status->text().contains(u"nope"));
        QVERIFY2(status->text().contains(u"line 2:"), qPrintable(status->text()));

        // Quitting cancels and waits for jobs; the window closes cleanly with a job running.
        sql->editor()->setPlainText(u"SELECT pg_sleep(30);"_s);
        sql->run();
        PLUMB_TRY_COMPARE(window.workbench()->jobs().runningCount(), 1);
        QElapsedTimer closing;
        closing.start();
        window.close();
        QCOMPARE(window.workbench()->jobs().runningCount(), 0);
    }

    void planDiffAndDiagnoseOnTheDemo()
    {
        MainWindow window({.startEmbeddedServer = true});
        window.show();
        auto* plan = window.findChild<PlanView*>();
        auto* diff = window.findChild<DiffView*>();
        auto* diagnose = window.findChild<DiagnoseView*>();
        QVERIFY(plan && diff && diagnose);
        QAbstractItemModelTester planTester(plan->model(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester diagnoseTester(
            diagnose->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester diffTester(diff->objects(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);

        // Opening the project computes the plan: the declared index is created concurrently.
        PLUMB_TRY_VERIFY(!plan->model()->plan().steps.isEmpty());
        int indexStep = -1;
        for (int i = 0; i < plan->model()->plan().steps.size(); ++i) {
            const plumb::plan::Step& step = plan->model()->plan().steps[i];
            QVERIFY2(!step.sql.contains(u"tb_confiture"), qPrintable(step.sql)); // never the ledger
            if (step.sql.contains(u"orders_customer_id_idx"))
                indexStep = i;
        }
        QVERIFY(indexStep >= 0);
        const plumb::plan::Step& create = plan->model()->plan().steps[indexStep];
        QVERIFY(create.sql.contains(u"CONCURRENTLY"));
        QCOMPARE(create.lock, plumb::plan::Lock::ShareUpdateExclusive);
        QVERIFY(!create.transactional);

        // The drift lists orders as changed, with both sides' DDL.
        PLUMB_TRY_VERIFY(diff->drift() && !diff->drift()->entries.isEmpty());
        const auto orders = std::ranges::find_if(diff->drift()->entries, [](const DriftEntry& e) {
            return e.object.name == u"orders" && e.kind == u"table";
        });
        QVERIFY(orders != diff->drift()->entries.end());
        QCOMPARE(orders->state, DriftEntry::State::Changed);
        QVERIFY(orders->rightDdl.contains(u"note"));
        QVERIFY(!orders->leftDdl.contains(u"note"));

        // Apply only the index step, on the dev database (a plain yes).
        plan->apply({indexStep});
        QVERIFY(answerYes(window));
        PLUMB_TRY_COMPARE(plan->model()->status(indexStep), PlanModel::StepStatus::Done);
        // The project reloads and the plan is computed again, without that index.
        PLUMB_TRY_VERIFY(
            std::ranges::none_of(plan->model()->plan().steps, [](const plumb::plan::Step& step) {
                return step.sql.contains(u"orders_customer_id_idx");
            }));

        // Diagnose runs read-only and reports its checks by tier.
        diagnose->run();
        PLUMB_TRY_VERIFY(diagnose->model()->report() != nullptr);
        QVERIFY(diagnose->model()->report()->checks.size() >= 30);
        QVERIFY(diagnose->model()->rowCount() > 0);
        window.close();
    }

    void oneClickSyncConvergesTheDemo()
    {
        MainWindow window({.startEmbeddedServer = true});
        window.show();
        auto* models = window.findChild<ModelsView*>();
        PLUMB_TRY_VERIFY(models->model()->tableCount() == 4);
        PLUMB_TRY_VERIFY(window.workbench()->settled());
        QVERIFY(window.workbench()->canSync());
        auto* syncAction = window.findChild<QAction*>(u"action.sync"_s);
        QVERIFY(syncAction && syncAction->isEnabled());

        // What the workbench says (the sync's summary or its error), for a failure to show.
        QStringList messages;
        connect(window.workbench(), &Workbench::message, this,
                [&messages](const QString& text) { messages.append(text); });
        syncAction->trigger();
        // The sync's own word first (its summary or its error), then the reload it starts.
        const auto said = [&messages](const QString& prefix) {
            return std::ranges::any_of(
                messages, [&](const QString& text) { return text.startsWith(prefix); });
        };
        PLUMB_TRY_VERIFY(said(u"Synced"_s) || said(u"Sync failed"_s));
        QVERIFY2(said(u"Synced"_s), qPrintable(messages.join(u"\n"_s)));
        // Migration 002 applied, then the declared index, checks and partial index converged:
        // every declared table matches its declaration once the reload is adopted.
        PLUMB_TRY_VERIFY2(
            std::ranges::all_of(QStringList{u"public.customers"_s, u"public.orders"_s,
                                            u"public.order_items"_s, u"public.products"_s},
                                [&](const QString& table) {
                                    return models->model()->tableIndex(table).data(
                                               ModelsModel::StateRole) == int(LiveState::Ok);
                                }),
            qPrintable(messages.join(u"\n"_s)));
        auto* migrations = window.findChild<MigrationsView*>()->model();
        QCOMPARE(migrations->pendingCount(), 0);
        auto* plan = window.findChild<PlanView*>();
        // The plan is recomputed from the same refreshed catalog, in its own job: wait for it.
        PLUMB_TRY_VERIFY2(plan->model()->plan().isEmpty(),
                          qPrintable(plan->model()->plan().steps.isEmpty()
                                         ? QString()
                                         : plan->model()->plan().steps.front().sql));
        window.close();
    }

    void savedPlanOpensForReview()
    {
        plumb::plan::Plan saved;
        plumb::plan::Step step;
        step.category = plumb::plan::Category::Convergence;
        step.pass = plumb::plan::Pass::CreateIndexes;
        step.sql = u"CREATE INDEX CONCURRENTLY t_a_idx ON public.t (a)"_s;
        step.transactional = false;
        step.lock = plumb::plan::Lock::ShareUpdateExclusive;
        step.hazards = {plumb::plan::Hazard::FullScan};
        step.summary = u"create index public.t_a_idx"_s;
        saved.steps.append(step);
        QTemporaryDir folder;
        QFile file(folder.filePath(u"plan.json"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(QJsonObject{{u"plan"_s, plumb::plan::toJson(saved)}}).toJson());
        file.close();

        MainWindow window;
        auto* plan = window.findChild<PlanView*>();
        QVERIFY(plan->openSavedPlan(file.fileName()));
        QCOMPARE(plan->model()->plan(), saved);
        QCOMPARE(plan->model()->rowCount(), 1); // one pass
        const QModelIndex stepIndex = plan->model()->index(0, 0, plan->model()->index(0, 0));
        QCOMPARE(stepIndex.siblingAtColumn(PlanModel::LockColumn).data().toString(),
                 plumb::plan::lockName(plumb::plan::Lock::ShareUpdateExclusive));
        QVERIFY(!plan->openSavedPlan(folder.filePath(u"missing.json"_s)));
    }

    void longPassesOpenCollapsed()
    {
        // A pass of thousands of steps opens collapsed (laying it out would hold the GUI thread),
        // a short one expanded.
        plumb::plan::Plan saved;
        for (int i = 0; i < 2101; ++i) {
            plumb::plan::Step step;
            step.category = plumb::plan::Category::Convergence;
            step.pass = i == 0 ? plumb::plan::Pass::Structural : plumb::plan::Pass::CreateIndexes;
            step.sql = u"CREATE INDEX CONCURRENTLY t_%1_idx ON public.t (a)"_s.arg(i);
            step.transactional = i == 0;
            step.lock = plumb::plan::Lock::ShareUpdateExclusive;
            step.summary = u"create index public.t_%1_idx"_s.arg(i);
            saved.steps.append(step);
        }
        QTemporaryDir folder;
        QFile file(folder.filePath(u"plan.json"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(plumb::plan::toJson(saved)).toJson());
        file.close();

        MainWindow window;
        auto* plan = window.findChild<PlanView*>();
        QVERIFY(plan->openSavedPlan(file.fileName()));
        auto* tree = plan->findChild<QTreeView*>(u"plan.steps"_s);
        QVERIFY(tree);
        QCOMPARE(plan->model()->rowCount(), 2);
        QVERIFY(tree->isExpanded(plan->model()->index(0, 0)));
        QCOMPARE(plan->model()->rowCount(plan->model()->index(1, 0)), 2100);
        QVERIFY(!tree->isExpanded(plan->model()->index(1, 0)));
    }

    void savedPreflightOpensInTheDiffView()
    {
        const QJsonObject report{
            {u"ok"_s, true},
            {u"drifted"_s, true},
            {u"differences"_s,
             QJsonArray{QJsonObject{
                 {u"kind"_s, u"table"_s},
                 {u"name"_s, u"public.items"_s},
                 {u"status"_s, u"differs"_s},
                 {u"declared_ddl"_s,
                  u"CREATE TABLE public.items (\n    id integer,\n    note text\n);"_s},
                 {u"replayed_ddl"_s, u"CREATE TABLE public.items (\n    id integer\n);"_s},
                 {u"converged_by_sync"_s, false}}}}};
        QTemporaryDir folder;
        QFile file(folder.filePath(u"preflight.json"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QJsonDocument(report).toJson());
        file.close();

        MainWindow window;
        auto* diff = window.findChild<DiffView*>();
        QVERIFY(diff->openSavedReport(file.fileName()));
        QCOMPARE(diff->drift()->entries.size(), 1);
        QCOMPARE(diff->drift()->entries.front().state, DriftEntry::State::Changed);
        QCOMPARE(diff->objects()->rowCount(), 1);
        auto* right = window.findChild<SqlEditor*>(u"diff.right"_s);
        QVERIFY(right->toPlainText().contains(u"note text"));
        const auto [onlyLeft, onlyRight] = changedLines(diff->drift()->entries.front().leftDdl,
                                                        diff->drift()->entries.front().rightDdl);
        QCOMPARE(onlyRight, QList<int>({2, 3}));
        QCOMPARE(onlyLeft, QList<int>({2}));
        QVERIFY(!diff->openSavedReport(folder.filePath(u"missing.json"_s)));
    }

    void declarationOpensInTheSqlView()
    {
        MainWindow window({.startEmbeddedServer = true});
        window.show();
        auto* models = window.findChild<ModelsView*>();
        PLUMB_TRY_VERIFY(models->model()->tableCount() == 4);
        emit models->openDeclaration(window.workbench()->projectDir(),
                                     u"db/schema/10_tables/30_orders.sql"_s, 9);
        auto* sql = window.findChild<SqlView*>();
        QVERIFY(sql->editor()->toPlainText().contains(u"CREATE TABLE orders"));
        QCOMPARE(sql->editor()->textCursor().blockNumber(), 8);
        QVERIFY(!window.dock(View::Sql)->isHidden());
        window.close();
    }
};

QTEST_MAIN(TestWorkbenchDemo)
#include "tst_workbench_demo.moc"
