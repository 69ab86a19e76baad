#include "workbench.h"

#include "core/data_directory.h"
#include "core/db/connection.h"
#include "core/db/local_cluster.h"
#include "core/db/quote.h"
#include "core/migrate/ledger.h"
#include "core/migrate/migration_files.h"
#include "core/migrate/sync.h"
#include "core/plan/converger.h"
#include "core/project/project.h"
#include "ui/project_loader.h"
#include "ui/settings_dialog.h"

#include <QDir>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace plumb::ui {

namespace {

const QString demoDatabase = u"plumbline_demo"_s;

// The embedded server lives in a folder of the user's own; a server an earlier workbench left
// running there (a crash, kill -9) is stopped first.
Result<db::LocalCluster> startEmbeddedCluster(Progress& progress)
{
    auto parent = db::LocalCluster::privateParentDir(u"plumbline-embedded"_s);
    if (!parent)
        return std::unexpected(parent.error());
    if (const int orphans = db::LocalCluster::stopOrphans(*parent, progress); orphans > 0)
        progress.log(u"stopped "_s + QString::number(orphans) +
                     u" embedded server(s) left running by an earlier session"_s);
    db::LocalCluster::Options options;
    options.parentDir = *parent;
    return db::LocalCluster::start(options, progress);
}

} // namespace

Workbench::Workbench(QObject* parent)
    : QObject(parent)
    , m_jobs(std::make_unique<jobs::JobRunner>(this))
{}

Workbench::~Workbench()
{
    shutdown();
}

void Workbench::addDatabase(const DatabaseTarget& target)
{
    m_databases.append(target);
    emit databasesChanged();
}

void Workbench::shutdown()
{
    m_jobs->cancelAll();
    m_jobs->waitForAll();
}

void Workbench::startEmbeddedServer()
{
    if (m_embedded || m_embeddedStarting)
        return;
    m_embeddedStarting = true;
    using Started = std::shared_ptr<db::LocalCluster>;
    m_jobs
        ->start<Started>(tr("Start local PostgreSQL"), tr("embedded"),
                         [](Progress& progress) -> Result<Started> {
                             auto cluster = startEmbeddedCluster(progress);
                             if (!cluster)
                                 return std::unexpected(cluster.error());
                             auto shared = std::make_shared<db::LocalCluster>(std::move(*cluster));
                             auto admin = db::Connection::open(shared->connectionInfo(), progress);
                             if (!admin)
                                 return std::unexpected(admin.error());
                             progress.log(u"CREATE DATABASE "_s + demoDatabase);
                             auto created = (*admin)->exec(u"CREATE DATABASE "_s +
                                                           db::quoteIdentifier(demoDatabase));
                             if (!created)
                                 return std::unexpected(created.error());
                             return shared;
                         })
        .then(this, [this](const Result<Started>& started) {
            m_embeddedStarting = false;
            if (!started) {
                emit message(
                    tr("The embedded PostgreSQL did not start: %1").arg(started.error().message));
                return;
            }
            m_embedded = *started;
            emit message(tr("Local PostgreSQL running, reachable only by you (Unix socket in %1)")
                             .arg(QDir::toNativeSeparators(m_embedded->directory())));
            if (m_pendingProject.isEmpty())
                openDemoProject();
            else
                loadProject(std::exchange(m_pendingProject, {}),
                            QProcessEnvironment::systemEnvironment());
        });
}

std::shared_ptr<const ModelsSnapshot> Workbench::models() const
{
    if (!m_project)
        return {};
    return std::shared_ptr<const ModelsSnapshot>(m_project, &m_project->models);
}

void Workbench::openProject(const QString& directory)
{
    if (!m_embedded) {
        m_pendingProject = directory;
        startEmbeddedServer();
        return;
    }
    loadProject(directory, QProcessEnvironment::systemEnvironment());
}

void Workbench::openDemoProject()
{
    const QString target = dataDirectory() + u"/demo-project"_s;
    const db::ConnectionInfo live = m_embedded->connectionInfo().with(u"dbname"_s, demoDatabase);
    m_jobs
        ->start<QString>(tr("Prepare demo project"), tr("demo (local)"),
                         [target, live](Progress& progress) -> Result<QString> {
                             auto dir = materializeDemoProject(target);
                             if (!dir)
                                 return std::unexpected(dir.error());
                             // One migration behind the declaration: the second is pending.
                             if (auto migrated = migrateTo(*dir, live, u"001"_s, progress);
                                 !migrated)
                                 return std::unexpected(migrated.error());
                             return *dir;
                         })
        .then(this, [this, live](const Result<QString>& dir) {
            if (!dir) {
                emit message(tr("The demo project did not open: %1").arg(dir.error().describe()));
                return;
            }
            QProcessEnvironment variables = QProcessEnvironment::systemEnvironment();
            variables.insert(u"PLUMB_DEMO_URL"_s, live.toUri());
            loadProject(*dir, variables);
        });
}

void Workbench::sync()
{
    if (!canSync()) {
        emit message(
            tr("Sync runs only on a development database (dev: true in the environment)."));
        return;
    }
    const auto project = m_project;
    const plan::ExecuteOptions execute = Preferences::load().executeOptions();
    m_jobs
        ->start<QString>(
            tr("Sync"), project->environment,
            [project, execute](Progress& progress) -> Result<QString> {
                auto opened = project::Project::open(project->projectDir);
                if (!opened)
                    return std::unexpected(opened.error());
                auto migrations = migrate::discoverMigrations(opened->migrationsDir());
                if (!migrations)
                    return std::unexpected(migrations.error());
                auto ledger = migrate::Ledger::named(project->trackingTable);
                if (!ledger)
                    return std::unexpected(ledger.error());
                auto connection = db::Connection::open(*project->live, progress);
                if (!connection)
                    return std::unexpected(connection.error());
                migrate::RunnerOptions options;
                options.projectRoot = project->projectDir;
                options.command = u"workbench sync"_s;
                plan::ProjectConverger converger(project->models.declared, project->trackingTable,
                                                 execute);
                auto report = migrate::sync(**connection, *migrations, *ledger, options, &converger,
                                            false, progress);
                if (!report)
                    return std::unexpected(report.error());
                QString summary = tr("%n migration(s) applied", nullptr,
                                     static_cast<int>(report->migrations.steps.size()));
                if (report->convergence) {
                    summary += tr(", %n convergence change(s)", nullptr,
                                  static_cast<int>(report->convergence->changes.size()));
                    if (!report->convergence->blocked.isEmpty())
                        summary += tr(", %n blocked", nullptr,
                                      static_cast<int>(report->convergence->blocked.size()));
                    for (const QString& line : report->convergence->changes)
                        progress.log(line);
                    for (const QString& line : report->convergence->blocked)
                        progress.log(u"blocked: "_s + line);
                }
                return summary;
            })
        .then(this, [this](const Result<QString>& summary) {
            if (!summary) {
                emit message(tr("Sync failed: %1").arg(summary.error().describe()));
                return;
            }
            emit message(tr("Synced: %1").arg(*summary));
            reloadProject();
        });
}

void Workbench::reloadProject()
{
    if (m_project && m_embedded)
        loadProject(m_project->projectDir, m_projectVariables);
}

void Workbench::loadProject(const QString& directory, const QProcessEnvironment& variables)
{
    m_projectVariables = variables;
    // The project's SQL runs on the embedded server as its unprivileged role.
    const project::ScratchServer scratch = project::ScratchServer::privateCluster(*m_embedded);
    const quint64 ticket = m_projectRequest.next();
    using Loaded = std::shared_ptr<const ProjectSnapshot>;
    m_jobs
        ->start<Loaded>(tr("Open project"), QDir(directory).dirName(),
                        [directory, scratch, variables](Progress& progress) -> Result<Loaded> {
                            auto snapshot =
                                plumb::ui::loadProject(directory, scratch, variables, progress);
                            if (!snapshot)
                                return std::unexpected(snapshot.error());
                            return std::make_shared<const ProjectSnapshot>(std::move(*snapshot));
                        })
        .then(this, [this, ticket](const Result<Loaded>& loaded) {
            if (!m_projectRequest.isCurrent(ticket))
                return;
            if (!loaded) {
                emit message(tr("The project did not open: %1").arg(loaded.error().describe()));
                return;
            }
            m_project = *loaded;
            if (m_project->live) {
                const QString label =
                    m_project->environment + (m_project->liveIsDev      ? tr(" (dev)")
                                              : m_project->liveReadOnly ? tr(" (read only)")
                                                                        : QString());
                const bool known = std::ranges::any_of(m_databases, [&](const DatabaseTarget& t) {
                    return t.info == *m_project->live;
                });
                if (!known)
                    addDatabase(
                        {label, *m_project->live, m_project->liveIsDev, m_project->liveReadOnly});
            }
            emit projectChanged(m_project);
            emit message(tr("Opened %1").arg(QDir::toNativeSeparators(m_project->projectDir)));
        });
}

} // namespace plumb::ui
