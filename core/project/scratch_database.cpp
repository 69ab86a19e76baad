#include "scratch_database.h"

#include "core/db/connection.h"
#include "core/db/quote.h"

#include <QCoreApplication>
#include <QDateTime>

using namespace Qt::StringLiterals;

namespace plumb::project {

ScratchServer ScratchServer::privateCluster(const db::LocalCluster& cluster)
{
    ScratchServer server(cluster.socketInfo());
    server.projectRole = db::LocalCluster::projectRole();
    return server;
}

bool PrivilegedPrelude::covers(const QString& statement) const
{
    if (extensions.isEmpty())
        return false;
    if (const auto request = sql::extensionRequest(statement))
        return std::ranges::any_of(extensions, [&](const sql::ExtensionRequest& done) {
            return done.name == request->name;
        });
    if (const auto schema = sql::bareCreateSchema(statement))
        return schemas.contains(*schema);
    return false;
}

Result<ScratchDatabase> ScratchDatabase::create(const std::optional<ScratchServer>& server,
                                                Progress& progress)
{
    ScratchDatabase scratch;
    std::optional<ScratchServer> target = server;
    if (!target) {
        progress.log(u"starting a private PostgreSQL server for scratch work"_s);
        auto cluster = db::LocalCluster::start({}, progress);
        if (!cluster)
            return std::unexpected(cluster.error());
        target = ScratchServer::privateCluster(*cluster);
        scratch.m_cluster.emplace(std::move(*cluster));
    }
    auto connection = db::Connection::open(target->admin, progress);
    if (!connection)
        return std::unexpected(connection.error());
    const QString name = u"plumb_scratch_"_s + QString::number(QCoreApplication::applicationPid()) +
                         u'_' + QString::number(QDateTime::currentMSecsSinceEpoch() % 100000000);
    QString create = u"CREATE DATABASE "_s + db::quoteIdentifier(name) + u" TEMPLATE template0"_s;
    if (target->isPrivate())
        create += u" OWNER "_s + db::quoteIdentifier(target->projectRole);
    if (auto created = (*connection)->exec(create); !created) {
        Error error = created.error();
        error.message = u"cannot create a scratch database on "_s + target->admin.redacted() +
                        u": "_s + error.message;
        if (!target->isPrivate())
            error.message += u"; the shadow server's user needs CREATEDB"_s;
        return std::unexpected(error);
    }
    if (!scratch.m_cluster)
        scratch.m_dropFrom = target->admin; // a private cluster goes away with its folder
    scratch.m_admin = target->admin;
    scratch.m_createSql = create;
    const db::ConnectionInfo database = target->admin.with(u"dbname"_s, name);
    scratch.m_info = database;
    if (target->isPrivate()) {
        scratch.m_privileged = database;
        scratch.m_projectRole = target->projectRole;
        scratch.m_info = database.with(u"user"_s, target->projectRole);
    }
    return scratch;
}

ScratchDatabase::ScratchDatabase(ScratchDatabase&& other) noexcept
    : m_cluster(std::move(other.m_cluster))
    , m_dropFrom(std::exchange(other.m_dropFrom, std::nullopt))
    , m_admin(other.m_admin)
    , m_createSql(other.m_createSql)
    , m_privileged(std::move(other.m_privileged))
    , m_projectRole(std::move(other.m_projectRole))
    , m_info(other.m_info)
    , m_prelude(std::move(other.m_prelude))
{}

ScratchDatabase::~ScratchDatabase()
{
    if (!m_dropFrom || m_info.database().isEmpty())
        return;
    auto connection = db::Connection::open(*m_dropFrom);
    if (connection)
        (void)(*connection)
            ->exec(u"DROP DATABASE IF EXISTS "_s + db::quoteIdentifier(m_info.database()) +
                   u" WITH (FORCE)"_s);
}

Status ScratchDatabase::recreate(Progress& progress)
{
    auto connection = db::Connection::open(m_admin, progress);
    if (!connection)
        return std::unexpected(connection.error());
    progress.log(u"dropping the scratch database "_s + m_info.database() +
                 u" and creating it again, empty"_s);
    if (auto dropped = (*connection)
                           ->exec(u"DROP DATABASE IF EXISTS "_s +
                                  db::quoteIdentifier(m_info.database()) + u" WITH (FORCE)"_s);
        !dropped)
        return std::unexpected(dropped.error());
    if (auto created = (*connection)->exec(m_createSql); !created)
        return std::unexpected(created.error());
    m_prelude = {};
    return {};
}

Result<PrivilegedPrelude> ScratchDatabase::runPrelude(const QList<LocatedStatement>& statements,
                                                      Progress& progress)
{
    PrivilegedPrelude prelude;
    if (!m_privileged)
        return prelude;
    std::unique_ptr<db::Connection> admin;
    for (const LocatedStatement& statement : statements) {
        const std::optional<sql::ExtensionRequest> request = sql::extensionRequest(statement.text);
        // An untrusted language is refused before anything runs (sql::findServerAccess).
        if (!request || sql::isUntrustedLanguage(request->name))
            continue;
        const QString where = statement.file + u':' + QString::number(statement.line);
        if (!admin) {
            auto opened = db::Connection::open(*m_privileged, progress);
            if (!opened)
                return std::unexpected(opened.error());
            admin = std::move(*opened);
        }
        auto offered = admin->exec(u"SELECT 1 FROM pg_available_extensions WHERE name = $1"_s,
                                   {request->name});
        if (!offered)
            return std::unexpected(offered.error());
        if (offered->rowCount() == 0)
            continue; // the project's own statement fails, naming its file and line
        if (!request->schema.isEmpty()) {
            auto exists =
                admin->exec(u"SELECT 1 FROM pg_namespace WHERE nspname = $1"_s, {request->schema});
            if (!exists)
                return std::unexpected(exists.error());
            if (exists->rowCount() == 0) {
                auto schema =
                    admin->exec(u"CREATE SCHEMA "_s + db::quoteIdentifier(request->schema) +
                                u" AUTHORIZATION "_s + db::quoteIdentifier(m_projectRole));
                if (!schema)
                    return std::unexpected(schema.error());
                prelude.schemas.insert(request->schema);
            }
        }
        progress.log(where + u": "_s + request->sql() +
                     u" (run by the private server's superuser)"_s);
        if (auto created = admin->exec(request->sql(), {}, progress); !created) {
            Error error = created.error();
            error.file = statement.file;
            error.line = statement.line;
            error.message = u"the private server could not create the extension "_s +
                            request->name + u" that "_s + where + u" asks for: "_s + error.message;
            return std::unexpected(error);
        }
        prelude.extensions.append(*request);
    }
    m_prelude.extensions += prelude.extensions;
    m_prelude.schemas += prelude.schemas;
    return prelude;
}

} // namespace plumb::project
