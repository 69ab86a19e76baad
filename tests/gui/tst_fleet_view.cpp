// The Fleet view on the real main window: a small fleet of the embedded server's databases
// (three empty, one drifted), planned into two groups, applied after the environment's name is
// typed, each target's status shown, and planned again into one group that is up to date.
#include "core/db/connection.h"
#include "tests/support/verify.h"
#include "ui/fleet/fleet_view.h"
#include "ui/main_window.h"
#include "ui/workbench.h"

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace plumb;
using namespace plumb::ui;

namespace {

constexpr int fleetSize = 4;

QString databaseName(int i)
{
    return u"plumb_gui_fleet_%1"_s.arg(i);
}

QDialog* confirmDialog()
{
    for (QWidget* widget : QApplication::topLevelWidgets())
        if (auto* dialog = qobject_cast<QDialog*>(widget);
            dialog && dialog->objectName() == u"confirmChange" && dialog->isVisible())
            return dialog;
    return nullptr;
}

} // namespace

class TestFleetView : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"PlumblineTest"_s);
        QCoreApplication::setApplicationName(u"tst_fleet_view"_s);
    }

    void fleetIsPlannedAndAppliedWithTheEnvironmentsNameTyped()
    {
        MainWindow window({.startEmbeddedServer = true});
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* view = window.findChild<FleetView*>();
        QVERIFY(view);
        Workbench* workbench = window.workbench();
        PLUMB_TRY_VERIFY(workbench->projectShown() && workbench->project()->hasLive());
        const auto project = workbench->project();

        // Four databases on the embedded server: three empty, one with the demo's first type.
        const db::ConnectionInfo server = project->target()->management.info;
        auto admin = db::Connection::open(server);
        QVERIFY(admin);
        QByteArray fleet = "fleet:\n  parallelism: 2\n  urls:\n";
        for (int i = 0; i < fleetSize; ++i) {
            QVERIFY((*admin)->exec(u"DROP DATABASE IF EXISTS "_s + databaseName(i) +
                                   u" WITH (FORCE)"_s));
            QVERIFY((*admin)->exec(u"CREATE DATABASE "_s + databaseName(i)));
            fleet +=
                "    - \"" + server.with(u"dbname"_s, databaseName(i)).toUri().toUtf8() + "\"\n";
        }
        {
            auto drifted = db::Connection::open(server.with(u"dbname"_s, databaseName(2)));
            QVERIFY(drifted);
            QVERIFY((*drifted)->exec(u"CREATE TYPE public.product_state AS ENUM "
                                     u"('draft', 'active', 'retired')"_s));
        }
        // A protected environment (not dev) that names them.
        QFile file(QDir(project->projectDir()).filePath(u"db/environments/shards.yaml"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(fleet);
        file.close();
        workbench->reloadProject();
        auto* environments = view->findChild<QComboBox*>(u"fleet.environment"_s);
        PLUMB_TRY_VERIFY(environments->findText(u"shards"_s) >= 0);
        environments->setCurrentIndex(environments->findText(u"shards"_s));

        // A plan that fails or cannot start says so in the summary and emits nothing: wait for
        // either, and fail with what it said.
        QSignalSpy planned(view, &FleetView::planned);
        auto* summary = view->findChild<QLabel*>(u"fleet.summary"_s);
        view->findChild<QPushButton*>(u"fleet.plan"_s)->click();
        PLUMB_TRY_VERIFY(planned.size() >= 1 || summary->text().startsWith(u"Not planned"_s));
        QVERIFY2(planned.size() == 1, qPrintable(summary->text()));
        QCOMPARE(planned.front().front().toInt(), 2);
        auto* groups = view->findChild<QTreeWidget*>(u"fleet.groups"_s);
        QCOMPARE(groups->topLevelItemCount(), 2);
        QCOMPARE(groups->topLevelItem(0)->text(1), u"3"_s);
        QCOMPARE(groups->topLevelItem(0)->text(3), u"the norm"_s);
        QCOMPARE(groups->topLevelItem(1)->text(1), u"1"_s);
        QCOMPARE(groups->topLevelItem(1)->text(3), u"drifted"_s);
        QVERIFY(groups->topLevelItem(1)->font(0).bold()); // the outlier stands out
        QVERIFY(groups->topLevelItem(1)->text(2).contains(u"step"_s));

        // Apply asks for the environment's name: a partial one does not pass.
        auto* apply = view->findChild<QPushButton*>(u"fleet.apply"_s);
        QVERIFY(apply->isEnabled());
        apply->click();
        PLUMB_TRY_VERIFY(confirmDialog());
        QDialog* dialog = confirmDialog();
        auto* name = dialog->findChild<QLineEdit*>(u"confirmChange.name"_s);
        auto* go = dialog->findChild<QPushButton*>(u"confirmChange.go"_s);
        QVERIFY(!go->isEnabled());
        name->setText(u"shard"_s);
        QVERIFY(!go->isEnabled());
        name->setText(u"shards"_s);
        QVERIFY(go->isEnabled());
        QSignalSpy applied(view, &FleetView::applied);
        go->click();
        PLUMB_TRY_COMPARE(applied.size(), 1);
        auto* status = view->findChild<QTreeWidget*>(u"fleet.status"_s);
        for (int row = 0; row < status->topLevelItemCount(); ++row)
            QVERIFY2(status->topLevelItem(row)->text(2) == u"done"_s,
                     qPrintable(status->topLevelItem(row)->text(0) + u": "_s +
                                status->topLevelItem(row)->text(2) + u" "_s +
                                status->topLevelItem(row)->text(4)));
        QVERIFY(applied.front().front().toBool());
        QCOMPARE(status->topLevelItemCount(), fleetSize);
        QCOMPARE(status->topLevelItem(0)->text(1), u"1"_s); // the canary

        // Planned again: one group, up to date, nothing to apply.
        view->planFleet();
        PLUMB_TRY_VERIFY(planned.size() >= 2 || summary->text().startsWith(u"Not planned"_s));
        QVERIFY2(planned.size() == 2, qPrintable(summary->text()));
        QCOMPARE(groups->topLevelItemCount(), 1);
        QCOMPARE(groups->topLevelItem(0)->text(3), u"up to date"_s);
        QVERIFY(!apply->isEnabled());

        const QString folder = qEnvironmentVariable("PLUMB_SCREENSHOT_DIR");
        if (!folder.isEmpty()) {
            window.showcaseView(u"fleet"_s);
            QVERIFY(window.grab().save(QDir(folder).filePath(u"fleet.png"_s)));
        }
        for (int i = 0; i < fleetSize; ++i)
            (void)(*admin)->exec(u"DROP DATABASE IF EXISTS "_s + databaseName(i) +
                                 u" WITH (FORCE)"_s);
    }
};

QTEST_MAIN(TestFleetView)
#include "tst_fleet_view.moc"
