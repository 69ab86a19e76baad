#include "main_window.h"

#include "core/db/secrets.h"
#include "core/version.h"
#include "ui/actions.h"
#include "ui/activity_view.h"
#include "ui/connection_store.h"
#include "ui/copy/copy_dialog.h"
#include "ui/diagnose_view.h"
#include "ui/diff_view.h"
#include "ui/fleet/fleet_view.h"
#include "ui/icons.h"
#include "ui/intents/intents_view.h"
#include "ui/log_view.h"
#include "ui/migrations_view.h"
#include "ui/models_view.h"
#include "ui/move/move_view.h"
#include "ui/placeholder_view.h"
#include "ui/plan_view.h"
#include "ui/project_view.h"
#include "ui/settings_dialog.h"
#include "ui/sql_editor.h"
#include "ui/sql_view.h"
#include "ui/workbench.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>
#include <QTreeView>

using namespace Qt::StringLiterals;

namespace plumb::ui {

namespace {
// Bump when the set of docks changes, so an old saved state is not applied to a new layout.
constexpr int layoutVersion = 5;
const QString geometryKey = u"window/geometry"_s;
const QString stateKey = u"window/state"_s;
} // namespace

MainWindow::MainWindow(const Options& options, QWidget* parent)
    : QMainWindow(parent)
    , m_workbench(new Workbench(this))
    , m_connections(new ConnectionStore(m_workbench, this))
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
    // The status bar, like the Activity view, never shows a password the process knows.
    connect(m_workbench, &Workbench::message, this,
            [this](const QString& text) { statusBar()->showMessage(db::redactSecrets(text)); });
    connect(m_connections, &ConnectionStore::message, this,
            [this](const QString& text) { statusBar()->showMessage(db::redactSecrets(text)); });
    m_connections->load();
    Preferences::load().applyTheme();
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
        // dock.models shows icon view-models.
        const QString iconName = u"view-"_s + QString::fromLatin1(info.objectName).section(u'.', 1);
        dockWidget->setWindowIcon(icon(iconName));
        QAction* toggle = dockWidget->toggleViewAction();
        toggle->setObjectName(u"action.toggle."_s + QString::fromLatin1(info.objectName));
        toggle->setToolTip(tr("Show or hide the %1 view").arg(info.title));
        equipAction(toggle, iconName, info.shortcut);
        m_docks.emplace(info.view, dockWidget);
    }
    // "Register as intent" in the Plan view hands the plan to the Intents view.
    auto* intents = qobject_cast<IntentsView*>(dock(View::Intents)->widget());
    connect(qobject_cast<PlanView*>(dock(View::Plan)->widget()), &PlanView::registerIntentRequested,
            this, [this, intents](const plumb::plan::Plan& plan) {
                focusView(u"intents"_s);
                intents->registerPlan(plan);
            });
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
    case View::Project: {
        auto* project = new ProjectView(m_workbench);
        connect(project, &ProjectView::openFile, this, &MainWindow::showDeclaration);
        return project;
    }
    case View::Plan:
        return new PlanView(m_workbench);
    case View::Intents:
        return new IntentsView(m_workbench);
    case View::Fleet:
        return new FleetView(m_workbench);
    case View::Move:
        return new MoveView(m_workbench);
    case View::Diff:
        return new DiffView(m_workbench);
    case View::Migrations:
        return new MigrationsView(m_workbench);
    case View::Diagnose: {
        auto* diagnoseView = new DiagnoseView(m_workbench);
        connect(diagnoseView, &DiagnoseView::openDeclaration, this, &MainWindow::showDeclaration);
        return diagnoseView;
    }
    case View::Models: {
        auto* models = new ModelsView;
        connect(
            m_workbench, &Workbench::projectChanged, models,
            [models](std::shared_ptr<const ProjectSnapshot> project) {
                models->adopt(project->models);
            },
            Qt::QueuedConnection);
        connect(models, &ModelsView::openDeclaration, this, &MainWindow::showDeclaration);
        return models;
    }
    default:
        return new PlaceholderView(info.title, info.emptyText);
    }
}

bool MainWindow::focusView(const QString& name)
{
    for (const ViewInfo& info : allViews()) {
        if (QString::fromLatin1(info.objectName).section(u'.', 1) == name.toLower()) {
            dock(info.view)->show();
            dock(info.view)->raise();
            return true;
        }
    }
    return false;
}

void MainWindow::showcaseView(const QString& name)
{
    if (!focusView(name))
        return;
    for (const ViewInfo& info : allViews()) {
        if (QString::fromLatin1(info.objectName).section(u'.', 1) != name.toLower())
            continue;
        QDockWidget* shown = dock(info.view);
        switch (dockWidgetArea(shown)) {
        case Qt::LeftDockWidgetArea:
        case Qt::RightDockWidgetArea:
            resizeDocks({shown}, {width() * 3 / 5}, Qt::Horizontal);
            break;
        case Qt::TopDockWidgetArea:
        case Qt::BottomDockWidgetArea:
            resizeDocks({shown}, {height() / 2}, Qt::Vertical);
            break;
        default:
            break;
        }
        for (QTreeView* tree : shown->widget()->findChildren<QTreeView*>())
            tree->expandToDepth(0);
    }
}

void MainWindow::showDeclaration(const QString& projectDir, const QString& file, int line)
{
    auto* sql = qobject_cast<SqlView*>(dock(View::Sql)->widget());
    sql->openFile(QDir(projectDir).filePath(file), line);
    dock(View::Sql)->show();
    dock(View::Sql)->raise();
}

void MainWindow::arrangeDefaultLayout()
{
    // Left: where you are (project, models). Right: what you do (plans, findings, diffs, SQL).
    // Bottom: what is running.
    addDockWidget(Qt::LeftDockWidgetArea, dock(View::Project));
    addDockWidget(Qt::LeftDockWidgetArea, dock(View::Models));
    splitDockWidget(dock(View::Project), dock(View::Models), Qt::Vertical);
    addDockWidget(Qt::RightDockWidgetArea, dock(View::Plan));
    for (View view : {View::Diagnose, View::Diff, View::Migrations, View::Sql, View::Intents,
                      View::Fleet, View::Move}) {
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
    // The Project and Plan views own these two actions; the menu shows the same objects, so
    // each has one shortcut.
    QAction* openProject =
        dock(View::Project)->widget()->findChild<QAction*>(u"action.openProject"_s);
    fileMenu->addAction(openProject);
    QAction* addDatabase = fileMenu->addAction(
        tr("&Add database…"), this, [this] { showAddConnectionDialog(this, m_connections); });
    addDatabase->setObjectName(u"action.addDatabase"_s);
    addDatabase->setToolTip(tr("Add a database connection; its password goes to the keychain"));
    equipAction(addDatabase, u"add-database"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    QAction* openSavedPlan =
        dock(View::Plan)->widget()->findChild<QAction*>(u"action.openSavedPlan"_s);
    connect(openSavedPlan, &QAction::triggered, this, [this] { focusView(u"plan"_s); });
    fileMenu->addAction(openSavedPlan);
    QAction* openPreflight = fileMenu->addAction(tr("Open saved pre&flight report…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open a report saved with plumb preflight --format json"), {},
            tr("JSON (*.json)"));
        if (path.isEmpty())
            return;
        qobject_cast<DiffView*>(dock(View::Diff)->widget())->openSavedReport(path);
        focusView(u"diff"_s);
    });
    openPreflight->setObjectName(u"action.openSavedPreflight"_s);
    openPreflight->setToolTip(tr("Review a report saved with plumb preflight --format json"));
    equipAction(openPreflight, u"open-report"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    fileMenu->addSeparator();
    QAction* settingsAction = fileMenu->addAction(tr("&Settings…"), this, [this] {
        SettingsDialog dialog(this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        const Preferences preferences = dialog.preferences();
        preferences.save();
        preferences.applyTheme();
        for (SqlEditor* editor : findChildren<SqlEditor*>())
            editor->setFont(preferences.editorFont);
    });
    settingsAction->setObjectName(u"action.settings"_s);
    settingsAction->setToolTip(tr("Timeouts, theme and editor font"));
    // Not every platform has a standard Preferences key (Linux has none): Ctrl+, everywhere.
    equipAction(settingsAction, u"settings"_s,
                QKeySequence::keyBindings(QKeySequence::Preferences)
                    .value(0, QKeySequence(Qt::CTRL | Qt::Key_Comma)));
    settingsAction->setMenuRole(QAction::PreferencesRole);
    fileMenu->addSeparator();
    QAction* quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(u"action.quit"_s);
    equipAction(
        quit, u"quit"_s,
        QKeySequence::keyBindings(QKeySequence::Quit).value(0, QKeySequence(Qt::CTRL | Qt::Key_Q)));
    quit->setMenuRole(QAction::QuitRole);

    QMenu* databaseMenu = menuBar()->addMenu(tr("&Database"));
    QAction* syncAction =
        databaseMenu->addAction(tr("&Sync database"), this, [this] { m_workbench->sync(this); });
    syncAction->setObjectName(u"action.sync"_s);
    syncAction->setToolTip(tr("Apply pending migrations, then converge: one click on a dev "
                              "database, the database name typed on any other"));
    equipAction(syncAction, u"sync"_s, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    syncAction->setEnabled(false);
    connect(
        m_workbench, &Workbench::projectChanged, syncAction,
        [this, syncAction] { syncAction->setEnabled(m_workbench->canSync()); },
        Qt::QueuedConnection);
    QAction* copyAction = databaseMenu->addAction(tr("&Copy database…"), this, [this] {
        if (!m_copyDialog)
            m_copyDialog = new CopyDialog(m_workbench, this);
        m_copyDialog->show();
        m_copyDialog->raise();
        m_copyDialog->activateWindow();
    });
    copyAction->setObjectName(u"action.copy"_s);
    copyAction->setToolTip(
        tr("Copy one database's rows into another, masking personal data on the way"));
    equipAction(copyAction, u"copy-database"_s, QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_C));
    auto* toolbar = addToolBar(tr("Workbench"));
    toolbar->setObjectName(u"toolbar.workbench"_s);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar->addAction(openProject);
    toolbar->addAction(addDatabase);
    toolbar->addSeparator();
    toolbar->addAction(syncAction);
    toolbar->addAction(copyAction);
    toolbar->addSeparator();
    toolbar->addAction(settingsAction);

    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    for (const ViewInfo& info : allViews())
        viewMenu->addAction(dock(info.view)->toggleViewAction());
    viewMenu->addSeparator();
    QAction* reset = viewMenu->addAction(tr("&Reset layout"), this, &MainWindow::resetLayout);
    reset->setObjectName(u"action.resetLayout"_s);
    reset->setToolTip(tr("Put every view back where it started"));
    equipAction(reset, u"reset-layout"_s, QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_0));

    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
    QAction* about = helpMenu->addAction(tr("&About Plumbline"), this, [this] {
        QMessageBox::about(this, tr("About Plumbline"),
                           tr("Plumbline %1\nA PostgreSQL schema workbench.")
                               .arg(QString::fromLatin1(versionString)));
    });
    about->setMenuRole(QAction::AboutRole);
    about->setObjectName(u"action.about"_s);
    equipAction(about, u"about"_s, QKeySequence(Qt::Key_F1));
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
    // A change in flight is canceled by quitting (its current step is rolled back or left for
    // the next run): ask first, without blocking in a nested loop.
    if (m_workbench->changesInFlight() > 0 && !m_quitConfirmed) {
        event->ignore();
        auto* box = new QMessageBox(
            QMessageBox::Warning, tr("Quit while a change runs?"),
            tr("A change is running on a database. Quitting cancels it: the step in flight is "
               "rolled back, steps already committed stay. Quit anyway?"),
            QMessageBox::Yes | QMessageBox::No, this);
        box->setObjectName(u"quitWhileChanging"_s);
        box->setAttribute(Qt::WA_DeleteOnClose);
        connect(box, &QMessageBox::finished, this, [this, box](int) {
            if (box->clickedButton() != box->button(QMessageBox::Yes))
                return;
            m_quitConfirmed = true;
            close();
        });
        box->open();
        return;
    }
    saveLayout();
    m_workbench->shutdown();
    event->accept();
}

bool MainWindow::saveScreenshot(const QString& path)
{
    return grab().save(path, "PNG");
}

} // namespace plumb::ui
