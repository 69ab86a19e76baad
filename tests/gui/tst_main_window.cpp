#include "ui/main_window.h"

#include <QAction>
#include <QDockWidget>
#include <QMenu>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

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
        const QStringList expected{u"Project"_s,  u"Models"_s,  u"Migrations"_s, u"Plan"_s,
                                   u"Diagnose"_s, u"Diff"_s,    u"SQL"_s,        u"Activity"_s,
                                   u"Log"_s,      u"Intents"_s, u"Fleet"_s,      u"Move"_s};
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

    void everyActionHasAnIconAndItsOwnShortcut()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // Where a shortcut works: the whole window, or (WidgetWithChildrenShortcut) the view the
        // action belongs to.
        auto scopeOf = [](QAction* action) -> QWidget* {
            if (action->shortcutContext() != Qt::WidgetWithChildrenShortcut)
                return nullptr;
            for (QObject* object : action->associatedObjects())
                if (auto* widget = qobject_cast<QWidget*>(object);
                    widget && !qobject_cast<QToolBar*>(widget) && !qobject_cast<QMenu*>(widget))
                    return widget;
            return qobject_cast<QWidget*>(action->parent());
        };
        auto overlaps = [](QWidget* a, QWidget* b) {
            return !a || !b || a == b || a->isAncestorOf(b) || b->isAncestorOf(a);
        };
        QList<QAction*> checked;
        for (QAction* action : window.findChildren<QAction*>()) {
            if (action->isSeparator() || action->text().isEmpty() || action->menu())
                continue;
            if (auto* toolbar = qobject_cast<QToolBar*>(action->parent());
                toolbar && toolbar->toggleViewAction() == action)
                continue; // the toolbar's own show/hide entry
            if (auto* menu = qobject_cast<QMenu*>(action->parent());
                menu && menu->objectName() == u"project.recent")
                continue; // recent folders
            const QString name =
                action->objectName().isEmpty() ? action->text() : action->objectName();
            QVERIFY2(!action->icon().isNull(), qPrintable(name + u" has no icon"_s));
            QVERIFY2(!action->shortcut().isEmpty(), qPrintable(name + u" has no shortcut"_s));
            QVERIFY2(
                action->toolTip().contains(action->shortcut().toString(QKeySequence::NativeText)),
                qPrintable(name + u": the tool tip does not name the shortcut"_s));
            for (QAction* other : std::as_const(checked))
                for (const QKeySequence& keys : action->shortcuts())
                    QVERIFY2(!other->shortcuts().contains(keys) ||
                                 !overlaps(scopeOf(action), scopeOf(other)),
                             qPrintable(u"%1 and %2 share %3"_s.arg(name, other->objectName(),
                                                                    keys.toString())));
            checked.append(action);
        }
        QVERIFY2(checked.size() >= 30, qPrintable(QString::number(checked.size())));
    }

    void iconsAreSharpOnHighDpiAndFollowThePalette()
    {
        MainWindow window;
        const QIcon sync = window.findChild<QAction*>(u"action.sync"_s)->icon();
        const QPixmap doubled = sync.pixmap(QSize(16, 16), 2.0);
        QCOMPARE(doubled.devicePixelRatio(), 2.0);
        QCOMPARE(doubled.size(), QSize(32, 32)); // drawn at 32 px, not scaled up from 16
        const QIcon models = window.dock(View::Models)->toggleViewAction()->icon();
        const QPalette original = QGuiApplication::palette();
        const QImage light = models.pixmap(QSize(24, 24), 1.0).toImage();
        QPalette dark = original;
        dark.setColor(QPalette::WindowText, QColor(230, 230, 230));
        QGuiApplication::setPalette(dark);
        const QImage onDark = models.pixmap(QSize(24, 24), 1.0).toImage();
        QGuiApplication::setPalette(original);
        int drawn = 0;
        for (int y = 0; y < light.height(); ++y)
            for (int x = 0; x < light.width(); ++x)
                drawn += qAlpha(light.pixel(x, y)) > 0;
        QVERIFY2(drawn > 20, "the icon draws nothing");
        QVERIFY2(light != onDark, "the icon ignores the palette's text colour");
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
