#include "build.h"

#include "core/db/quote.h"
#include "core/sql/classify.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>

using namespace Qt::StringLiterals;

namespace plumb::project {

namespace {

QString excerpt(const QString& statement)
{
    QString text = statement.simplified();
    if (text.size() > 160)
        text = text.left(157) + u"..."_s;
    return text;
}

} // namespace

Status requireEmptyDatabase(db::Connection& connection)
{
    auto objects = connection.exec(
        u"SELECT n.nspname || '.' || c.relname FROM pg_class c "
        u"JOIN pg_namespace n ON n.oid = c.relnamespace "
        u"WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast') "
        u"AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname NOT LIKE 'pg\\_toast\\_temp\\_%' "
        u"UNION ALL SELECT nspname FROM pg_namespace WHERE nspname NOT IN "
        u"('pg_catalog', 'information_schema', 'pg_toast', 'public') "
        u"AND nspname NOT LIKE 'pg\\_%' LIMIT 3"_s);
    if (!objects)
        return std::unexpected(objects.error());
    if (objects->rowCount() == 0)
        return {};
    QStringList names;
    for (int row = 0; row < objects->rowCount(); ++row)
        names.append(objects->text(row, 0));
    return fail(ErrorCode::Schema, u"database "_s + connection.info().redacted() +
                                       u" is not empty (it has "_s + names.join(u", "_s) +
                                       u"...): build into a new, empty database"_s);
}

Result<BuildReport> applySchema(db::Connection& connection, const SchemaSources& sources,
                                Progress& progress)
{
    QElapsedTimer timer;
    timer.start();
    auto located = locateStatements(sources);
    if (!located)
        return std::unexpected(located.error());

    bool transactional = true;
    for (const LocatedStatement& statement : *located) {
        auto kind = sql::classifyStatement(statement.text, connection.serverVersionNumber());
        if (kind && kind->rule != sql::TransactionRule::Transactional) {
            transactional = false;
            progress.log(statement.file + u':' + QString::number(statement.line) + u": "_s +
                         kind->what + u" cannot run in a transaction: building in autocommit"_s);
            break;
        }
    }

    std::optional<db::Transaction> transaction;
    if (transactional) {
        auto begun = db::Transaction::begin(connection);
        if (!begun)
            return std::unexpected(begun.error());
        transaction.emplace(std::move(*begun));
    }
    const int total = static_cast<int>(located->size());
    for (int i = 0; i < total; ++i) {
        const LocatedStatement& statement = (*located)[i];
        if (i % 50 == 0)
            progress.step(i, total, statement.file);
        auto result = connection.exec(statement.text, {}, progress);
        if (!result) {
            Error error = result.error();
            error.file = statement.file;
            error.line = statement.line + std::max(0, error.line - 1);
            error.message += u"\n  in statement: "_s + excerpt(statement.text) +
                             u"\n  Fix the statement in "_s + statement.file +
                             u", then build again."_s;
            return std::unexpected(error);
        }
    }
    if (transaction)
        if (auto committed = transaction->commit(); !committed)
            return std::unexpected(committed.error());
    progress.step(total, total, {});
    return BuildReport{static_cast<int>(sources.files.size()),
                       total,
                       sources.hash,
                       transactional,
                       timer.elapsed(),
                       connection.info().redacted()};
}

Result<ScratchDatabase> ScratchDatabase::create(const std::optional<db::ConnectionInfo>& server,
                                                Progress& progress)
{
    ScratchDatabase scratch;
    db::ConnectionInfo admin;
    if (server) {
        admin = *server;
    } else {
        progress.log(u"starting a private PostgreSQL server for scratch work"_s);
        auto cluster = db::LocalCluster::start({}, progress);
        if (!cluster)
            return std::unexpected(cluster.error());
        admin = cluster->connectionInfo();
        scratch.m_cluster.emplace(std::move(*cluster));
    }
    auto connection = db::Connection::open(admin, progress);
    if (!connection)
        return std::unexpected(connection.error());
    const QString name = u"plumb_scratch_"_s + QString::number(QCoreApplication::applicationPid()) +
                         u'_' + QString::number(QDateTime::currentMSecsSinceEpoch() % 100000000);
    auto created =
        (*connection)
            ->exec(u"CREATE DATABASE "_s + db::quoteIdentifier(name) + u" TEMPLATE template0"_s);
    if (!created) {
        Error error = created.error();
        error.message = u"cannot create a scratch database on "_s + admin.redacted() + u": "_s +
                        error.message + u"; the shadow server's user needs CREATEDB"_s;
        return std::unexpected(error);
    }
    if (server)
        scratch.m_server = admin;
    scratch.m_info = admin.with(u"dbname"_s, name);
    return scratch;
}

ScratchDatabase::~ScratchDatabase()
{
    if (!m_server || m_info.database().isEmpty())
        return; // a private cluster goes away with its folder
    auto connection = db::Connection::open(*m_server);
    if (connection)
        (void)(*connection)
            ->exec(u"DROP DATABASE IF EXISTS "_s + db::quoteIdentifier(m_info.database()) +
                   u" WITH (FORCE)"_s);
}

Result<BuildReport> buildInScratch(const SchemaSources& sources,
                                   const std::optional<db::ConnectionInfo>& shadowServer,
                                   Progress& progress,
                                   const std::function<Status(db::Connection&)>& inspect)
{
    auto scratch = ScratchDatabase::create(shadowServer, progress);
    if (!scratch)
        return std::unexpected(scratch.error());
    auto report = [&]() -> Result<BuildReport> {
        auto connection = db::Connection::open(scratch->info(), progress);
        if (!connection)
            return std::unexpected(connection.error());
        auto built = applySchema(**connection, sources, progress);
        if (built && inspect)
            if (auto inspected = inspect(**connection); !inspected)
                return std::unexpected(inspected.error());
        return built;
    }();
    return report;
}

} // namespace plumb::project
