#include "workbench.h"

#include "core/data_directory.h"
#include "core/db/connection.h"
#include "core/db/local_cluster.h"
#include "core/db/quote.h"
#include "core/workflow/changes.h"
#include "core/workflow/project_state.h"
#include "ui/confirm_change.h"
#include "ui/release_on_worker.h"
#include "ui/settings_dialog.h"

#include <QDir>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace plumb::ui {

namespace {

const QString demoDatabase = u"plumbline_demo"_s;

// What sync will run, as its own preview says (sync --dry-run): pending migrations, then the
// convergence steps, then what it leaves alone.
Result<QStringList> syncPreview(const ProjectSnapshot& project, Progress& progress)
{
    workflow::ChangeOptions preview;
    preview.preview = true;
    auto report = workflow::sync(project.session(), &project.state.declared, preview, progress);
    if (!report)
        return std::unexpected(report.error());
    QStringList steps;
    for (const QString& migration : report->pendingMigrations)
        steps.append(QObject::tr("apply migration %1").arg(migration));
    if (const auto& convergence = report->convergence) {
        for (const QString& change : convergence->changes)
            steps.append(QObject::tr("converge: %1").arg(change));
        for (const QString& blocked : convergence->blocked)
            steps.append(QObject::tr("left alone (blocked): %1").arg(blocked.section(u'\n', 0, 0)));
    }
    if (!report->pendingMigrations.isEmpty() && report->convergence)
        steps.append(QObject::tr("then converge what the migrations leave to the declared "
                                 "schema (indexes, constraints, NOT NULL, defaults)"));
    if (steps.isEmpty())
        steps.append(QObject::tr("nothing: the database is in sync"));
    return steps;
}

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

workflow::Target DatabaseTarget::target() const
{
    if (environment)
        return *environment;
    workflow::Target target;
    target.label = label;
    target.runtime = {info, workflow::UrlOrigin::Typed, QObject::tr("added in Plumbline")};
    target.management = target.runtime;
    target.protection = dev ? workflow::Protection::Dev : workflow::Protection::Protected;
    if (!dev)
        target.reasons.append(QObject::tr("it was added without the development mark"));
    return target;
}

workflow::Target Workbench::rulesFor(const DatabaseTarget& database) const
{
    workflow::Target rules = database.target();
    if (database.environment || !m_project)
        return rules;
    QList<workflow::Target> environments;
    for (const workflow::EnvironmentSummary& environment : m_project->state.environments)
        if (environment.target)
            environments.append(*environment.target);
    return workflow::guardedBy(std::move(rules), environments, m_projectVariables);
}

Workbench::Workbench(QObject* parent)
    : QObject(parent)
    , m_declaredCache(
          std::make_shared<workflow::DeclaredCache>(workflow::DeclaredCache::defaultDirectory()))
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

void Workbench::beginChange()
{
    emit changesInFlightChanged(++m_changesInFlight);
}

void Workbench::finishChange()
{
    emit changesInFlightChanged(m_changesInFlight = std::max(0, m_changesInFlight - 1));
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

bool Workbench::settled() const
{
    return (!m_project || projectShown()) && m_jobs->runningCount() == 0;
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
    // The demo is the workbench's own: a PLUMB_DATABASE_URL meant for other work does not
    // redirect it.
    QProcessEnvironment variables = QProcessEnvironment::systemEnvironment();
    variables.remove(u"PLUMB_DATABASE_URL"_s);
    m_jobs
        ->start<QString>(
            tr("Prepare demo project"), tr("demo (local)"),
            [target, live, variables](Progress& progress) -> Result<QString> {
                auto dir = materializeDemoProject(target, live);
                if (!dir)
                    return std::unexpected(dir.error());
                auto session = workflow::openSession({*dir, {}, {{}, variables}, true});
                if (!session)
                    return std::unexpected(session.error());
                // One migration behind the declaration: the second is pending.
                workflow::MigrateRequest request;
                request.version = u"001"_s;
                request.change.lock = session->lockSettings();
                request.change.label = u"workbench demo"_s;
                auto migrated = workflow::migrate(*session, request, progress);
                if (!migrated)
                    return std::unexpected(migrated.error());
                return *dir;
            })
        .then(this, [this, variables](const Result<QString>& dir) {
            if (!dir) {
                emit message(tr("The demo project did not open: %1").arg(dir.error().describe()));
                return;
            }
            loadProject(*dir, variables);
        });
}

void Workbench::sync(QWidget* parent)
{
    if (!canSync()) {
        emit message(m_project && m_project->target()
                         ? tr("Sync refused: %1 is read-only.").arg(m_project->environment())
                         : tr("Sync needs a project with a database."));
        return;
    }
    const auto project = m_project;
    const workflow::Target& target = *project->target();
    if (!target.confirmationRequired()) {
        runSync(project, QString()); // a dev database: one click
        return;
    }
    confirmChange(
        this, parent, target, tr("Sync"), {},
        [this, project](std::optional<QString> confirmation) {
            if (!confirmation) {
                emit message(tr("Sync canceled: nothing was changed."));
                return;
            }
            runSync(project, confirmation);
        },
        [project](Progress& progress) { return syncPreview(*project, progress); });
}

void Workbench::runSync(std::shared_ptr<const ProjectSnapshot> project,
                        std::optional<QString> confirmed)
{
    workflow::ChangeOptions options;
    options.confirmation = std::move(confirmed);
    options.lock = project->session().lockSettings();
    options.label = u"workbench sync"_s;
    options.python = Preferences::load().pythonInterpreter;
    options.pythonSource = u"Settings"_s;
    beginChange();
    m_jobs
        ->start<QString>(
            tr("Sync"), project->environment(),
            [project, options](Progress& progress) -> Result<QString> {
                auto report =
                    workflow::sync(project->session(), &project->state.declared, options, progress);
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
                    if (!report->convergence->failed.isEmpty())
                        summary += tr(", %n failed", nullptr,
                                      static_cast<int>(report->convergence->failed.size()));
                    for (const QString& line : report->convergence->changes)
                        progress.log(line);
                    for (const QString& line : report->convergence->blocked)
                        progress.log(u"blocked: "_s + line);
                    for (const QString& line : report->convergence->failed)
                        progress.log(u"failed: "_s + line);
                }
                return summary;
            })
        .then(this, [this](const Result<QString>& summary) {
            finishChange();
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
        loadProject(m_project->projectDir(), m_projectVariables);
}

void Workbench::loadProject(const QString& directory, const QProcessEnvironment& variables)
{
    m_projectVariables = variables;
    // The project's SQL runs on the embedded server as its unprivileged role.
    const workflow::BuildServer server{project::ScratchServer::privateCluster(*m_embedded)};
    const auto cache = m_declaredCache;
    const quint64 ticket = m_projectRequest.next();
    using Loaded = std::shared_ptr<const ProjectSnapshot>;
    quint64 job = 0;
    m_jobs
        ->start<Loaded>(
            tr("Open project"), QDir(directory).dirName(),
            [directory, server, cache, variables](Progress& progress) -> Result<Loaded> {
                workflow::SessionOptions options;
                options.projectDir = directory;
                options.resolve.variables = variables;
                auto state = workflow::loadProject(options, server, cache.get(), progress);
                if (!state)
                    return std::unexpected(state.error());
                return std::make_shared<const ProjectSnapshot>(snapshotOf(std::move(*state)));
            },
            &job)
        .then(this, [this, ticket](const Result<Loaded>& loaded) {
            if (!m_projectRequest.isCurrent(ticket))
                return;
            if (!loaded) {
                emit message(tr("The project did not open: %1").arg(loaded.error().describe()));
                return;
            }
            // The snapshot this one replaces is freed on a pool thread (release_on_worker.h).
            std::shared_ptr<const ProjectSnapshot> previous = std::exchange(m_project, *loaded);
            if (const auto& target = m_project->target()) {
                const QString label = target->environment + u" ("_s +
                                      workflow::protectionName(target->protection) + u')';
                DatabaseTarget entry{label, target->runtime.info, target->isDev(), *target};
                const auto known = std::ranges::find_if(m_databases, [&](const DatabaseTarget& t) {
                    return t.info == target->runtime.info;
                });
                if (known == m_databases.end()) {
                    addDatabase(entry);
                } else if (known->label != entry.label || known->environment != entry.environment) {
                    *known = entry;
                    emit databasesChanged();
                }
            }
            const quint64 generation = ++m_projectGeneration;
            emit projectChanged(m_project);
            // The views adopt it in events of their own (they connect queued), which may still
            // hold parts of the previous snapshot: it is let go after them, queued behind them.
            QMetaObject::invokeMethod(
                this,
                [this, generation, previous = std::move(previous),
                 folder = QDir::toNativeSeparators(m_project->projectDir())]() mutable {
                    m_shownGeneration = generation;
                    releaseOnWorker(std::move(previous));
                    emit message(tr("Opened %1").arg(folder));
                },
                Qt::QueuedConnection);
        });
    // An earlier load still running answers a request no one waits for: stop it.
    m_projectRequest.track(*m_jobs, job);
}

} // namespace plumb::ui
