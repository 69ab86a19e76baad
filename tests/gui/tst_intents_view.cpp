// The Intents view on the demo: a plan registered from the Plan view, a second agent's change
// colliding with it, and the view showing both with their conflict.
#include "core/coordinate/registry.h"
#include "core/db/connection.h"
#include "tests/support/verify.h"
#include "ui/intents/intents_model.h"
#include "ui/intents/intents_view.h"
#include "ui/main_window.h"
#include "ui/plan_model.h"
#include "ui/plan_view.h"
#include "ui/workbench.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace Qt::StringLiterals;
using namespace plumb;
using namespace plumb::ui;

class TestIntentsView : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"PlumblineTest"_s);
        QCoreApplication::setApplicationName(u"tst_intents_view"_s);
    }

    void planRegisteredFromThePlanViewMeetsAnotherAgent()
    {
        MainWindow window({.startEmbeddedServer = true});
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* plan = window.findChild<PlanView*>();
        auto* intents = window.findChild<IntentsView*>();
        QVERIFY(plan && intents);
        QAbstractItemModelTester tester(intents->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        // The demo's live database is one migration behind: its plan has steps.
        PLUMB_TRY_VERIFY(!plan->model()->plan().steps.isEmpty());

        // "Register as intent…" asks who and what, then registers in a job.
        QTimer::singleShot(0, this, [] {
            for (QWidget* widget : QApplication::topLevelWidgets()) {
                auto* dialog = qobject_cast<QDialog*>(widget);
                if (!dialog || dialog->objectName() != u"intents.registerDialog")
                    continue;
                dialog->findChild<QLineEdit*>(u"intents.registerAgent"_s)->setText(u"claude-a"_s);
                dialog->findChild<QLineEdit*>(u"intents.registerFeature"_s)
                    ->setText(u"order notes"_s);
                dialog->accept();
            }
        });
        QSignalSpy registered(intents, &IntentsView::registered);
        plan->findChild<QAction*>(u"action.registerIntent"_s)->trigger();
        PLUMB_TRY_COMPARE(registered.size(), 1);
        const QString planIntent = registered.front().front().toString();
        QVERIFY(!planIntent.isEmpty());
        PLUMB_TRY_COMPARE(intents->model()->rowCount(), 1);

        // Another agent plans the same column under another type.
        const auto project = window.workbench()->project();
        QVERIFY(project && project->target());
        {
            auto connection = db::Connection::open(project->target()->management.info);
            QVERIFY(connection);
            auto registry = coordinate::Registry::open(**connection, true);
            QVERIFY(registry);
            coordinate::IntentRequest request;
            request.agentId = u"claude-b"_s;
            request.featureName = u"order note length"_s;
            request.ddl = u"ALTER TABLE orders ADD COLUMN note varchar(200)"_s;
            SilentProgress progress;
            auto other = registry->registerIntent(request, progress);
            QVERIFY(other);
            QCOMPARE(other->conflicts.size(), 1);
            QCOMPARE(other->conflicts.front().intentB, planIntent);
        }
        intents->refresh();
        PLUMB_TRY_COMPARE(intents->model()->rowCount(), 2);
        const IntentsModel* model = intents->model();
        const int conflicted =
            model->index(0, IntentsModel::Feature).data().toString() == u"order note length" ? 0
                                                                                             : 1;
        QCOMPARE(model->index(conflicted, IntentsModel::Status).data().toString(), u"conflicted"_s);
        QCOMPARE(model->index(conflicted, IntentsModel::Conflicts).data().toString(), u"1"_s);
        QCOMPARE(model->index(1 - conflicted, IntentsModel::Agent).data().toString(),
                 u"claude-a"_s);
        QVERIFY(model->index(1 - conflicted, IntentsModel::Lease)
                    .data()
                    .toString()
                    .contains(u"h left"_s));

        // A look at the view, for the record: PLUMB_SCREENSHOT_DIR=/tmp to keep it.
        window.showcaseView(u"intents"_s);
        intents->findChild<QTreeView*>(u"intents.list"_s)
            ->setCurrentIndex(model->index(conflicted, 0));
        auto* detail = intents->findChild<QPlainTextEdit*>(u"intents.detail"_s);
        PLUMB_TRY_VERIFY(detail->toPlainText().contains(u"-- history"_s));
        QVERIFY(detail->toPlainText().contains(u"registered with 1 conflict(s)"_s));
        const QString folder = qEnvironmentVariable("PLUMB_SCREENSHOT_DIR");
        if (!folder.isEmpty())
            QVERIFY(window.grab().save(QDir(folder).filePath(u"intents.png"_s)));
    }
};

QTEST_MAIN(TestIntentsView)
#include "tst_intents_view.moc"
