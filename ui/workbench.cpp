#include "workbench.h"

#include "core/db/connection.h"
#include "core/db/local_cluster.h"
#include "core/db/quote.h"
#include "ui/project_loader.h"

#include <QDir>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace plumb::ui {

namespace {
const QString demoDatabase = u"plumbline_demo"_s;
const QString declaredDatabase = u"plumbline_demo_declared"_s;
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
                             auto cluster = db::LocalCluster::start({}, progress);
                             if (!cluster)
                                 return std::unexpected(cluster.error());
                             auto shared = std::make_shared<db::LocalCluster>(std::move(*cluster));
                             auto admin = db::Connection::open(shared->connectionInfo(), progress);
                             if (!admin)
                                 return std::unexpected(admin.error());
                             for (const QString& name : {demoDatabase, declaredDatabase}) {
                                 progress.log(u"CREATE DATABASE "_s + name);
                                 auto created = (*admin)->exec(u"CREATE DATABASE "_s +
                                                               db::quoteIdentifier(name));
                                 if (!created)
                                     return std::unexpected(created.error());
                             }
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
            addDatabase({tr("demo (local)"),
                         m_embedded->connectionInfo().with(u"dbname"_s, demoDatabase), true});
            emit message(tr("Local PostgreSQL running on port %1").arg(m_embedded->port()));
            openDemoProject();
        });
}

void Workbench::openDemoProject()
{
    const QString target =
        QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + u"/demo-project"_s;
    const db::ConnectionInfo live = m_embedded->connectionInfo().with(u"dbname"_s, demoDatabase);
    const db::ConnectionInfo declared =
        m_embedded->connectionInfo().with(u"dbname"_s, declaredDatabase);
    using Loaded = std::shared_ptr<const ModelsSnapshot>;
    m_jobs
        ->start<Loaded>(tr("Open demo project"), tr("demo (local)"),
                        [target, live, declared](Progress& progress) -> Result<Loaded> {
                            auto dir = materializeDemoProject(target);
                            if (!dir)
                                return std::unexpected(dir.error());
                            // The demo database is one migration behind the declaration.
                            const QString first = u"db/migrations/001_initial.up.sql"_s;
                            if (auto applied =
                                    applySqlFile(live, QDir(*dir).filePath(first), first, progress);
                                !applied)
                                return std::unexpected(applied.error());
                            auto models = loadModels(*dir, declared, live, progress);
                            if (!models)
                                return std::unexpected(models.error());
                            return std::make_shared<const ModelsSnapshot>(std::move(*models));
                        })
        .then(this, [this](const Result<Loaded>& loaded) {
            if (!loaded) {
                emit message(
                    tr("The demo project did not open: %1").arg(loaded.error().describe()));
                return;
            }
            m_projectDir = (*loaded)->projectDir;
            m_models = *loaded;
            emit projectOpened(m_projectDir);
            emit modelsChanged(m_models);
        });
}

} // namespace plumb::ui
