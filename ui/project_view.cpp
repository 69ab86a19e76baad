#include "project_view.h"

#include "ui/actions.h"
#include "ui/workbench.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileSystemModel>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QSettings>
#include <QStandardItemModel>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace plumb::ui {

namespace {
const QString recentKey = u"projects/recent"_s;
constexpr int maxRecent = 8;
} // namespace

ProjectView::ProjectView(Workbench* workbench, QWidget* parent)
    : QWidget(parent)
    , m_workbench(workbench)
    , m_title(new QLabel(this))
    , m_warnings(new QLabel(this))
    , m_environments(new QStandardItemModel(0, 4, this))
    , m_environmentList(new QTreeView(this))
    , m_files(new QFileSystemModel(this))
    , m_fileTree(new QTreeView(this))
    , m_recent(new QMenu(tr("Recent projects"), this))
{
    auto* toolbar = viewToolBar(this);
    QAction* open = toolbar->addAction(tr("Open project…"), this, &ProjectView::chooseProject);
    open->setObjectName(u"action.openProject"_s);
    // Also in the File menu (the main window adds this same action, so one shortcut).
    open->setToolTip(tr("Open a project folder"));
    equipAction(open, u"open-project"_s, QKeySequence::Open, Qt::ApplicationShortcut);
    m_recent->setObjectName(u"project.recent"_s); // its actions are the folders themselves
    auto* recentButton = new QToolButton(toolbar);
    recentButton->setText(tr("Recent"));
    recentButton->setMenu(m_recent);
    recentButton->setPopupMode(QToolButton::InstantPopup);
    toolbar->addWidget(recentButton);
    connect(m_recent, &QMenu::aboutToShow, this, &ProjectView::fillRecentMenu);

    m_title->setObjectName(u"project.title"_s);
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setText(tr("No project open"));

    m_warnings->setObjectName(u"project.warnings"_s);
    m_warnings->setWordWrap(true);
    m_warnings->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_warnings->hide();

    m_environments->setHorizontalHeaderLabels(
        {tr("Environment"), tr("Kind"), tr("Database"), tr("URL from")});
    m_environmentList->setObjectName(u"project.environments"_s);
    m_environmentList->setModel(m_environments);
    m_environmentList->setRootIsDecorated(false);
    m_environmentList->setMaximumHeight(110);
    m_environmentList->header()->resizeSection(0, 110);
    m_environmentList->header()->resizeSection(1, 70);

    m_files->setReadOnly(true);
    m_files->setNameFilters({u"*.sql"_s, u"*.yaml"_s, u"*.yml"_s});
    m_files->setNameFilterDisables(false);
    m_fileTree->setObjectName(u"project.files"_s);
    m_fileTree->setModel(m_files);
    for (int column = 1; column < m_files->columnCount(); ++column)
        m_fileTree->hideColumn(column);
    m_fileTree->setHeaderHidden(true);
    connect(m_fileTree, &QTreeView::activated, this, [this](const QModelIndex& index) {
        if (m_files->isDir(index) || !m_workbench->project())
            return;
        const QString root = m_workbench->project()->projectDir();
        emit openFile(root, QDir(root).relativeFilePath(m_files->filePath(index)), 1);
    });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(toolbar);
    layout->addWidget(m_title);
    layout->addWidget(m_environmentList);
    layout->addWidget(m_warnings);
    layout->addWidget(m_fileTree, 1);

    connect(workbench, &Workbench::projectChanged, this, &ProjectView::refresh,
            Qt::QueuedConnection);
}

void ProjectView::refresh()
{
    const auto project = m_workbench->project();
    if (!project)
        return;
    rememberProject(project->projectDir());
    m_title->setText(u"<b>"_s + QDir(project->projectDir()).dirName().toHtmlEscaped() +
                     u"</b><br>"_s +
                     QDir::toNativeSeparators(project->projectDir()).toHtmlEscaped() + u"<br>"_s +
                     tr("schema %1 · %n table(s)", nullptr,
                        static_cast<int>(project->models.declared.tables.size()))
                         .arg(project->state.declared.sources.hash.left(12)));
    m_environments->removeRows(0, m_environments->rowCount());
    const QString chosen = project->session().env() ? project->session().env()->name : QString();
    QStringList warnings;
    for (const workflow::EnvironmentSummary& environment : project->state.environments) {
        auto* name = new QStandardItem(environment.name);
        if (environment.name == chosen) {
            QFont bold = name->font();
            bold.setBold(true);
            name->setFont(bold);
        }
        if (!environment.warnings.isEmpty()) {
            name->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
            name->setToolTip(environment.warnings.join(u'\n'));
            for (const QString& warning : environment.warnings)
                warnings.append(warning);
        }
        if (!environment.target) {
            auto* problem = new QStandardItem(environment.problem);
            problem->setToolTip(environment.problem);
            m_environments->appendRow(
                {name, new QStandardItem(tr("unusable")), problem, new QStandardItem()});
            continue;
        }
        const workflow::Target& target = *environment.target;
        auto* kind = new QStandardItem(workflow::protectionName(target.protection));
        kind->setForeground(target.isDev() ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28));
        QString why = target.isDev() ? tr("Development: changes need no typed name")
                                     : tr("Every change needs the database name typed");
        if (target.isReadOnly())
            why = tr("Read-only: Plumbline changes nothing here");
        for (const QString& reason : target.reasons)
            why += u"\n· "_s + reason;
        kind->setToolTip(why);
        // The name and server, readable at a glance; the whole URL (without password) is in the
        // tool tip. The embedded server's socket folder would fill the column with %2F escapes.
        const db::ConnectionInfo& info = target.runtime.info;
        const QString server =
            // libpq's socket forms: no host, a folder, or an abstract socket ("@name").
            info.host().isEmpty() || info.host().startsWith(u'/') || info.host().startsWith(u'@')
                ? tr("local socket")
                : (info.port().isEmpty() ? info.host() : info.host() + u':' + info.port());
        auto* database = new QStandardItem(
            tr("%1 on %2")
                .arg(info.database().isEmpty() ? tr("(user's database)") : info.database(),
                     server));
        // "database_url", "database_url, from ${STAGING_URL}", "PLUMB_DATABASE_URL"...
        const bool fromFile = target.runtime.origin == workflow::UrlOrigin::EnvironmentFile ||
                              target.runtime.origin == workflow::UrlOrigin::FileVariable;
        auto* source =
            new QStandardItem(fromFile ? target.runtime.source.section(u'(', -1).chopped(1)
                                       : workflow::originName(target.runtime.origin));
        QString sources = info.redacted() + u"\n"_s + tr("reads: %1").arg(target.runtime.source);
        if (target.management != target.runtime)
            sources +=
                u"\n"_s + tr("changes: %1 (%2)")
                              .arg(target.management.info.redacted(), target.management.source);
        database->setToolTip(sources);
        source->setToolTip(sources);
        m_environments->appendRow({name, kind, database, source});
    }
    // Paths relative to the project: the folder is in the title already.
    QStringList shown;
    const QString prefix = project->projectDir() + u'/';
    for (const QString& warning : std::as_const(warnings))
        shown.append(
            (warning.startsWith(prefix) ? warning.mid(prefix.size()) : warning).toHtmlEscaped());
    m_warnings->setText(u"<b>"_s + tr("Ignored in the environment files:") + u"</b><br>"_s +
                        shown.join(u"<br>"_s));
    m_warnings->setVisible(!warnings.isEmpty());
    const QString dbFolder = QDir(project->projectDir()).filePath(u"db"_s);
    m_fileTree->setRootIndex(m_files->setRootPath(dbFolder));
}

void ProjectView::chooseProject()
{
    const QString directory = QFileDialog::getExistingDirectory(
        this, tr("Open a project folder (it holds db/schema, db/migrations…)"));
    if (!directory.isEmpty())
        m_workbench->openProject(directory);
}

void ProjectView::rememberProject(const QString& directory)
{
    QSettings settings;
    QStringList recent = settings.value(recentKey).toStringList();
    // A reload of the same project writes nothing: saving settings syncs a file to disk, which on
    // a busy machine held the GUI thread for up to 200 ms (bench_gui_stall's reload).
    if (!recent.isEmpty() && recent.front() == directory)
        return;
    recent.removeAll(directory);
    recent.prepend(directory);
    settings.setValue(recentKey, recent.mid(0, maxRecent));
}

void ProjectView::fillRecentMenu()
{
    m_recent->clear();
    const QStringList recent = QSettings().value(recentKey).toStringList();
    for (const QString& directory : recent)
        m_recent->addAction(QDir::toNativeSeparators(directory), this,
                            [this, directory] { m_workbench->openProject(directory); });
    if (recent.isEmpty())
        m_recent->addAction(tr("(none yet)"))->setEnabled(false);
}

} // namespace plumb::ui
