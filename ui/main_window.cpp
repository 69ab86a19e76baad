#include "main_window.h"

#include "core/version.h"
#include "ui/activity_view.h"
#include "ui/log_view.h"
#include "ui/models_view.h"
#include "ui/placeholder_view.h"
#include "ui/sql_view.h"
#include "ui/workbench.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

using namespace Qt::StringLiterals;

namespace plumb::ui {

namespace {
// Bump when the set of docks changes, so an old saved state is not applied to a new layout.
constexpr int layoutVersion = 2;
const QString geometryKey = u"window/geometry"_s;
const QString stateKey = u"window/state"_s;
} // namespace

MainWindow::MainWindow(const Options& options, QWidget* parent)
    : QMainWindow(parent)
    , m_workbench(new Workbench(this))
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
    connect(m_workbench, &Workbench::message, this,
            [this](const QString& text) { statusBar()->showMessage(text); });
    if (options.startEmbeddedServer)
        m_workbench->startEmbeddedServer();
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
        QWidget* view = createView(info);
        view->setParent(dockWidget);
        dockWidget->setWidget(view);
        dockWidget->toggleViewAction()->setShortcut(info.shortcut);
        m_docks.emplace(info.view, dockWidget);
    }
}

QWidget* MainWindow::createView(const ViewInfo& info)
{
    switch (info.view) {
    case View::Activity:
        return new ActivityView(m_workbench);
    case View::Log:
        return new LogView(m_workbench);
    case View::Sql:
        return new SqlView(m_workbench);
    case View::Models: {
        auto* models = new ModelsView;
        connect(
            m_workbench, &Workbench::modelsChanged, models,
            [models](std::shared_ptr<const ModelsSnapshot> snapshot) { models->adopt(*snapshot); });
        connect(models, &ModelsView::openDeclaration, this,
                [this](const QString& projectDir, const QString& file, int line) {
                    auto* sql = qobject_cast<SqlView*>(dock(View::Sql)->widget());
                    sql->openFile(QDir(projectDir).filePath(file), line);
                    dock(View::Sql)->show();
                    dock(View::Sql)->raise();
                });
        return models;
    }
    default:
        return new PlaceholderView(info.title, info.emptyText);
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
    addDockWidget(Qt::BottomDockWidgetArea, dock(View::Log));
    tabifyDockWidget(dock(View::Activity), dock(View::Log));
    for (const ViewInfo& info : allViews())
        dock(info.view)->show();
    dock(View::Plan)->raise();
    dock(View::Activity)->raise();
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
    m_workbench->shutdown();
    event->accept();
}

bool MainWindow::saveScreenshot(const QString& path)
{
    return grab().save(path, "PNG");
}

} // namespace plumb::ui
