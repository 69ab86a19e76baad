// The workbench as a user first meets it: started with no project, it runs its own PostgreSQL,
// opens the bundled demo project and fills the views.
#include "ui/activity_model.h"
#include "ui/main_window.h"
#include "ui/models_model.h"
#include "ui/models_view.h"
#include "ui/result_table_model.h"
#include "ui/sql_editor.h"
#include "ui/sql_view.h"
#include "ui/workbench.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace plumb::ui;

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
        QTRY_VERIFY_WITH_TIMEOUT(models->model()->tableCount() == 4, 60000);
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
        QCOMPARE(activity->model()->rowCount(), 2);
        QTRY_VERIFY(window.workbench()->jobs().runningCount() == 0);

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

        // The SQL view runs on the demo database through a job.
        auto* sql = window.findChild<SqlView*>();
        QVERIFY(sql);
        auto* databases = window.findChild<QComboBox*>(u"sql.database"_s);
        QTRY_COMPARE(databases->count(), 1);
        QAbstractItemModelTester resultsTester(
            sql->results(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        sql->editor()->setPlainText(u"INSERT INTO customers (email, display_name) VALUES "
                                    u"('ada@example.org', 'Ada');\n"
                                    u"SELECT id, email, NULL AS nothing FROM customers;"_s);
        sql->run();
        QTRY_COMPARE_WITH_TIMEOUT(sql->results()->rowCount(), 1, 20000);
        QCOMPARE(sql->results()->columnCount(), 3);
        QCOMPARE(sql->results()->index(0, 1).data().toString(), u"ada@example.org"_s);
        QCOMPARE(sql->results()->index(0, 2).data().toString(), u"NULL"_s);

        // A bad statement reports its error with the line it is on.
        sql->editor()->setPlainText(u"SELECT 1;\nSELECT nope FROM customers;"_s);
        sql->run();
        auto* status = window.findChild<QLabel*>(u"sql.status"_s);
        QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(u"nope"), 20000);
        QVERIFY2(status->text().contains(u"line 2:"), qPrintable(status->text()));

        // Quitting cancels and waits for jobs; the window closes cleanly with a job running.
        sql->editor()->setPlainText(u"SELECT pg_sleep(30);"_s);
        sql->run();
        QTRY_COMPARE(window.workbench()->jobs().runningCount(), 1);
        QElapsedTimer closing;
        closing.start();
        window.close();
        QCOMPARE(window.workbench()->jobs().runningCount(), 0);
    }

    void declarationOpensInTheSqlView()
    {
        MainWindow window({.startEmbeddedServer = true});
        window.show();
        auto* models = window.findChild<ModelsView*>();
        QTRY_VERIFY_WITH_TIMEOUT(models->model()->tableCount() == 4, 60000);
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
