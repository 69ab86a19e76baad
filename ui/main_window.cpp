#include "main_window.h"

#include "core/version.h"
#include "ui/placeholder_view.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

using namespace Qt::StringLiterals;

namespace plumb::ui {

namespace {
// Bump when the set of docks changes, so an old saved state is not applied to a new layout.
constexpr int layoutVersion = 1;
const QString geometryKey = u"window/geometry"_s;
const QString stateKey = u"window/state"_s;
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("Plumbline"));
    setDockOptions(QMainWindow::AllowTabbedDocks | QMainWindow::AllowNestedDocks |
                   QMainWindow::AnimatedDocks | QMainWindow::GroupedDragging);
    setDockNestingEnabled(true);
    resize(1400, 900);

    createDocks();
    createMenus();
    arrangeDefaultLayout();
    m_defaultState = saveState(layoutVersion);
    restoreLayout();
    statusBar()->showMessage(tr("No project open"));
}

MainWindow::~MainWindow() = default;

QDockWidget* MainWindow::dock(View view) const
{
    const auto found = m_docks.find(view);
    return found == m_docks.end() ? nullptr : found->second;
}

void MainWindow::createDocks()
{
    for (const ViewInfo& info : allViews()) {
        auto* dockWidget = new QDockWidget(info.title, this);
        dockWidget->setObjectName(QString::fromLatin1(info.objectName));
        dockWidget->setWidget(new PlaceholderView(info.title, info.emptyText, dockWidget));
        dockWidget->toggleViewAction()->setShortcut(info.shortcut);
        m_docks.emplace(info.view, dockWidget);
    }
}

void MainWindow::arrangeDefaultLayout()
{
    // Left: where you are (project, models). Right: what you do (plans, findings, diffs, SQL).
    // Bottom: what is running.
    addDockWidget(Qt::LeftDockWidgetArea, dock(View::Project));
    addDockWidget(Qt::LeftDockWidgetArea, dock(View::Models));
    splitDockWidget(dock(View::Project), dock(View::Models), Qt::Vertical);
    addDockWidget(Qt::RightDockWidgetArea, dock(View::Plan));
    for (View view : {View::Diagnose, View::Diff, View::Migrations, View::Sql}) {
        addDockWidget(Qt::RightDockWidgetArea, dock(view));
        tabifyDockWidget(dock(View::Plan), dock(view));
    }
    addDockWidget(Qt::BottomDockWidgetArea, dock(View::Activity));
    for (const ViewInfo& info : allViews())
        dock(info.view)->show();
    dock(View::Plan)->raise();
    resizeDocks({dock(View::Project), dock(View::Plan)}, {420, 980}, Qt::Horizontal);
    resizeDocks({dock(View::Project), dock(View::Models)}, {260, 440}, Qt::Vertical);
    resizeDocks({dock(View::Activity)}, {160}, Qt::Vertical);
}

void MainWindow::createMenus()
{
    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    QAction* quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    for (const ViewInfo& info : allViews())
        viewMenu->addAction(dock(info.view)->toggleViewAction());
    viewMenu->addSeparator();
    QAction* reset = viewMenu->addAction(tr("&Reset layout"), this, &MainWindow::resetLayout);
    reset->setObjectName(u"action.resetLayout"_s);

    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction* about = helpMenu->addAction(tr("&About Plumbline"), this, [this] {
        QMessageBox::about(this, tr("About Plumbline"),
                           tr("Plumbline %1\nA PostgreSQL schema workbench.")
                               .arg(QString::fromLatin1(versionString)));
    });
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::resetLayout()
{
    for (const ViewInfo& info : allViews())
        dock(info.view)->setFloating(false);
    restoreState(m_defaultState, layoutVersion);
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    restoreGeometry(settings.value(geometryKey).toByteArray());
    restoreState(settings.value(stateKey).toByteArray(), layoutVersion);
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(geometryKey, saveGeometry());
    settings.setValue(stateKey, saveState(layoutVersion));
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveLayout();
    event->accept();
}

bool MainWindow::saveScreenshot(const QString& path)
{
    return grab().save(path, "PNG");
}

} // namespace plumb::ui
