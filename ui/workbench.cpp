#include "workbench.h"

#include "core/db/connection.h"
#include "core/db/local_cluster.h"
#include "core/db/quote.h"

using namespace Qt::StringLiterals;

namespace plumb::ui {

namespace {
const QString demoDatabase = u"plumbline_demo"_s;
}

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
            addDatabase({tr("demo (local)"),
                         m_embedded->connectionInfo().with(u"dbname"_s, demoDatabase), true});
            emit message(tr("Local PostgreSQL running on port %1").arg(m_embedded->port()));
        });
}

} // namespace plumb::ui
