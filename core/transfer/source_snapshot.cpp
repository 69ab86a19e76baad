#include "source_snapshot.h"

#include "core/db/quote.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace plumb::transfer {

namespace {

// What pg_export_snapshot returns: checked before it is written into SET TRANSACTION SNAPSHOT,
// which takes a literal and no parameter.
bool isSnapshotName(const QString& name)
{
    static const QRegularExpression pattern(u"^[0-9A-Fa-f]+(-[0-9A-Fa-f]+)+$"_s);
    return pattern.match(name).hasMatch();
}

const QString readOnlySnapshot = u"ISOLATION LEVEL REPEATABLE READ, READ ONLY"_s;

} // namespace

Status applyCopySessionSettings(db::Connection& connection)
{
    auto set = connection.exec(u"SELECT pg_catalog.set_config('datestyle', 'ISO, YMD', false), "
                               u"pg_catalog.set_config('intervalstyle', 'postgres', false), "
                               u"pg_catalog.set_config('timezone', 'UTC', false), "
                               u"pg_catalog.set_config('extra_float_digits', '3', false), "
                               u"pg_catalog.set_config('bytea_output', 'hex', false)"_s);
    if (!set)
        return std::unexpected(set.error());
    return {};
}

Result<SourceSnapshot> SourceSnapshot::open(const db::ConnectionInfo& source, Progress& progress)
{
    SourceSnapshot snapshot;
    snapshot.m_info = source;
    auto connection = db::Connection::open(source, progress);
    if (!connection)
        return std::unexpected(connection.error());
    snapshot.m_connection = std::move(*connection);
    if (auto settings = applyCopySessionSettings(*snapshot.m_connection); !settings)
        return std::unexpected(settings.error());
    // Not a db::Transaction: the transaction must outlive this function, and ends when the
    // connection closes (a read-only transaction has nothing to commit).
    auto begun = snapshot.m_connection->exec(u"BEGIN TRANSACTION "_s + readOnlySnapshot);
    if (!begun)
        return std::unexpected(begun.error());
    auto exported = snapshot.m_connection->exec(u"SELECT pg_catalog.pg_export_snapshot()"_s);
    if (!exported)
        return std::unexpected(exported.error());
    snapshot.m_id = exported->text(0, 0);
    if (!isSnapshotName(snapshot.m_id))
        return fail(ErrorCode::Generic,
                    u"the source server exported a snapshot with an unexpected name"_s);
    return snapshot;
}

SourceSnapshot::~SourceSnapshot()
{
    if (m_connection && m_connection->isAlive())
        (void)m_connection->exec(u"ROLLBACK"_s);
}

Result<std::unique_ptr<db::Connection>> SourceSnapshot::joinConnection(Progress& progress) const
{
    auto connection = db::Connection::open(m_info, progress);
    if (!connection)
        return std::unexpected(connection.error());
    if (auto settings = applyCopySessionSettings(**connection); !settings)
        return std::unexpected(settings.error());
    auto begun = (*connection)->exec(u"BEGIN TRANSACTION "_s + readOnlySnapshot);
    if (!begun)
        return std::unexpected(begun.error());
    auto joined = (*connection)->exec(u"SET TRANSACTION SNAPSHOT "_s + db::quoteLiteral(m_id));
    if (!joined) {
        Error error = joined.error();
        error.message = u"cannot join the copy's snapshot on the source: "_s + error.message;
        return std::unexpected(error);
    }
    return std::move(*connection);
}

} // namespace plumb::transfer
