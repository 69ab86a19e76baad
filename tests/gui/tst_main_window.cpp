#include "ui/main_window.h"

#include <QAction>
#include <QDockWidget>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb::ui;

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"PlumblineTest"_s);
        QCoreApplication::setApplicationName(u"tst_main_window"_s);
        QSettings().clear();
    }

    void everyViewIsADock()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QStringList expected{u"Project"_s, u"Models"_s,   u"Migrations"_s,
                                   u"Plan"_s,    u"Diagnose"_s, u"Diff"_s,
                                   u"SQL"_s,     u"Activity"_s, u"Log"_s};
        QStringList titles;
        for (const ViewInfo& info : allViews()) {
            auto* dock = window.findChild<QDockWidget*>(QString::fromLatin1(info.objectName));
            QVERIFY2(dock, info.objectName);
            QVERIFY(dock->widget());
            QVERIFY(!dock->isHidden());
            QCOMPARE(window.dockWidgetArea(dock) != Qt::NoDockWidgetArea, true);
            titles << dock->windowTitle();
        }
        QCOMPARE(titles, expected);
    }

    void layoutIsSavedAndRestored()
    {
        {
            MainWindow window;
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.dock(View::Diagnose)->hide();
            window.addDockWidget(Qt::BottomDockWidgetArea, window.dock(View::Models));
            window.close();
        }
        MainWindow restored;
        restored.show();
        QVERIFY(QTest::qWaitForWindowExposed(&restored));
        QVERIFY(restored.dock(View::Diagnose)->isHidden());
        QCOMPARE(restored.dockWidgetArea(restored.dock(View::Models)), Qt::BottomDockWidgetArea);

        // View > Reset layout puts everything back.
        auto* reset = restored.findChild<QAction*>(u"action.resetLayout"_s);
        QVERIFY(reset);
        reset->trigger();
        QVERIFY(!restored.dock(View::Diagnose)->isHidden());
        QCOMPARE(restored.dockWidgetArea(restored.dock(View::Models)), Qt::LeftDockWidgetArea);
        restored.close();
        QSettings().clear();
    }

    void toggleShortcutsAreDistinct()
    {
        MainWindow window;
        QSet<QString> seen;
        for (const ViewInfo& info : allViews()) {
            const QKeySequence shortcut = window.dock(info.view)->toggleViewAction()->shortcut();
            QVERIFY(!shortcut.isEmpty());
            QVERIFY(!seen.contains(shortcut.toString()));
            seen.insert(shortcut.toString());
        }
    }

    void screenshotWritesAPng()
    {
        QTemporaryDir folder;
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QString path = folder.filePath(u"window.png"_s);
        QVERIFY(window.saveScreenshot(path));
        QImage image(path);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 800);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
