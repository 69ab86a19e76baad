// An intent's life after registration: start, complete, merge, abandon, lease renewal and
// expiry, conflict review, and finding the intents of a migration or plan.

#include "core/coordinate/registry_rows.h"
#include "registry.h"

using namespace Qt::StringLiterals;

namespace plumb::coordinate {

namespace {

bool isFinal(IntentStatus status)
{
    return status == IntentStatus::Completed || status == IntentStatus::Merged ||
           status == IntentStatus::Abandoned;
}

} // namespace

Status Registry::record(const QString& id, std::optional<IntentStatus> from, IntentStatus to,
                        const QString& reason, const QString& changedBy)
{
    auto row = m_connection->exec(
        u"INSERT INTO %1 (intent_id, old_status, new_status, reason, changed_by) "
        u"VALUES ($1, $2, $3, $4, $5)"_s.arg(table(u"tb_pggit_intent_history"_s)),
        {db::Param(id), from ? db::Param(statusName(*from)) : db::Param(std::nullopt),
         db::Param(statusName(to)), db::Param(reason), db::Param(changedBy)});
    if (!row)
        return std::unexpected(row.error());
    return {};
}

db::BatchStatement Registry::sweepStatement() const
{
    // One statement: abandon every active intent whose lease ran out and say why in its history.
    return {u"WITH expired AS (SELECT i.id, i.status, p.lease_expires_at FROM %1 i "
            u"JOIN %2 p ON p.intent_id = i.id WHERE p.lease_expires_at <= pg_catalog.now() "
            u"AND i.status IN ('registered', 'in_progress', 'conflicted') FOR UPDATE OF i), "
            u"changed AS (UPDATE %1 i SET status = 'abandoned', updated_at = pg_catalog.now() "
            u"FROM expired e WHERE i.id = e.id RETURNING i.id) "
            u"INSERT INTO %3 (intent_id, old_status, new_status, reason, changed_by) "
            u"SELECT e.id, e.status, 'abandoned', 'lease expired at ' || "
            u"pg_catalog.to_char(e.lease_expires_at AT TIME ZONE 'UTC', "
            u"'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') || ' without renewal', 'plumbline' "
            u"FROM expired e JOIN changed c ON c.id = e.id RETURNING intent_id"_s.arg(
                table(u"tb_pggit_intent"_s), ownTable(u"tb_plumb_intent"_s),
                table(u"tb_pggit_intent_history"_s)),
            {},
            true};
}

QStringList Registry::sweptIds(const db::QueryResult& rows)
{
    QStringList ids;
    for (int row = 0; row < rows.rowCount(); ++row)
        ids.append(rows.text(row, 0));
    return ids;
}

Result<QStringList> Registry::sweepExpired()
{
    const db::BatchStatement statement = sweepStatement();
    auto rows = m_connection->execPrepared(statement.sql);
    if (!rows)
        return std::unexpected(rows.error());
    return sweptIds(*rows);
}

Result<QStringList> Registry::expireLeases()
{
    if (!exists())
        return QStringList();
    auto transaction = db::Transaction::begin(*m_connection);
    if (!transaction)
        return std::unexpected(transaction.error());
    auto ids = sweepExpired();
    if (!ids)
        return std::unexpected(ids.error());
    if (auto committed = transaction->commit(); !committed)
        return std::unexpected(committed.error());
    return ids;
}

Result<Intent> Registry::transition(const QString& id, IntentStatus to, const QString& reason,
                                    const QString& changedBy)
{
    auto transaction = db::Transaction::begin(*m_connection);
    if (!transaction)
        return std::unexpected(transaction.error());
    auto current = load(u"i.id = $1"_s, {db::Param(id)}, false);
    if (!current)
        return std::unexpected(current.error());
    if (current->isEmpty())
        return fail(ErrorCode::Config, u"There is no intent %1 in this database's registry; "
                                       u"'plumb intent list' shows them."_s.arg(id));
    const Intent& intent = current->front();
    if (isFinal(intent.status) &&
        !(intent.status == IntentStatus::Completed && to == IntentStatus::Merged))
        return fail(ErrorCode::Config,
                    u"Intent %1 is already %2; register the change again to plan it anew."_s.arg(
                        id, statusName(intent.status)));
    if (to == IntentStatus::Merged && intent.status != IntentStatus::Completed)
        return fail(ErrorCode::Config,
                    u"Intent %1 is %2: complete it before marking it merged."_s.arg(
                        id, statusName(intent.status)));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (to == IntentStatus::InProgress && intent.leaseExpiresAt.isValid() &&
        intent.leaseExpiresAt <= now)
        return fail(ErrorCode::Config,
                    u"The lease of intent %1 ran out at %2, so its objects are free for others; "
                    u"register the change again before starting it."_s.arg(
                        id, intent.leaseExpiresAt.toString(Qt::ISODate)));
    auto updated = m_connection->exec(
        u"UPDATE %1 SET status = $2, updated_at = pg_catalog.now() WHERE id = $1"_s.arg(
            table(u"tb_pggit_intent"_s)),
        {db::Param(id), db::Param(statusName(to))});
    if (!updated)
        return std::unexpected(updated.error());
    if (auto logged = record(id, intent.status, to, reason, changedBy); !logged)
        return std::unexpected(logged.error());
    if (auto committed = transaction->commit(); !committed)
        return std::unexpected(committed.error());
    auto after = load(u"i.id = $1"_s, {db::Param(id)}, true);
    if (!after)
        return std::unexpected(after.error());
    return after->front();
}

Result<Conflict> Registry::resolve(qint64 conflictId, const QString& notes,
                                   const QString& changedBy)
{
    auto transaction = db::Transaction::begin(*m_connection);
    if (!transaction)
        return std::unexpected(transaction.error());
    auto updated = m_connection->exec(
        u"UPDATE %1 SET reviewed = true, reviewed_at = pg_catalog.now(), resolution_notes = $2 "
        u"WHERE id = $1::int RETURNING intent_a"_s.arg(table(u"tb_pggit_conflict"_s)),
        {db::Param(conflictId), db::Param(notes)});
    if (!updated)
        return std::unexpected(updated.error());
    if (updated->rowCount() == 0)
        return fail(ErrorCode::Config, u"There is no conflict %1 in this database's registry; "
                                       u"'plumb intent conflicts' lists them."_s.arg(conflictId));
    const QString intentId = updated->text(0, 0);
    // The last open conflict of a conflicted intent reviewed: it is plain registered again.
    auto cleared = m_connection->exec(
        u"UPDATE %1 i SET status = 'registered', updated_at = pg_catalog.now() WHERE i.id = $1 "
        u"AND i.status = 'conflicted' AND NOT EXISTS (SELECT FROM %2 c WHERE c.intent_a = i.id "
        u"AND NOT coalesce(c.reviewed, false)) RETURNING i.id"_s.arg(table(u"tb_pggit_intent"_s),
                                                                     table(u"tb_pggit_conflict"_s)),
        {db::Param(intentId)});
    if (!cleared)
        return std::unexpected(cleared.error());
    if (cleared->rowCount() > 0)
        if (auto logged = record(intentId, IntentStatus::Conflicted, IntentStatus::Registered,
                                 u"all conflicts reviewed"_s, changedBy);
            !logged)
            return std::unexpected(logged.error());
    if (auto committed = transaction->commit(); !committed)
        return std::unexpected(committed.error());
    auto conflict = loadConflicts(u"c.id = $1::int"_s, {db::Param(conflictId)});
    if (!conflict)
        return std::unexpected(conflict.error());
    return conflict->front();
}

Result<Intent> Registry::renew(const QString& id, int leaseSeconds, bool refreshFingerprints,
                               const QString& changedBy)
{
    auto current = load(u"i.id = $1"_s, {db::Param(id)}, true);
    if (!current)
        return std::unexpected(current.error());
    if (current->isEmpty())
        return fail(ErrorCode::Config, u"There is no intent %1 in this database's registry; "
                                       u"'plumb intent list' shows them."_s.arg(id));
    Intent intent = current->front();
    if (!intent.tracked)
        return fail(ErrorCode::Config, u"Intent %1 was registered by Confiture and has no lease "
                                       u"to renew."_s.arg(id));
    if (!isActive(intent.status))
        return fail(ErrorCode::Config,
                    u"Intent %1 is %2; only registered, in-progress or "
                    u"conflicted intents hold a lease."_s.arg(id, statusName(intent.status)));
    if (intent.leaseExpiresAt <= QDateTime::currentDateTimeUtc())
        return fail(ErrorCode::Config,
                    u"The lease of intent %1 ran out at %2 and its objects were freed; register "
                    u"the change again."_s.arg(id, intent.leaseExpiresAt.toString(Qt::ISODate)));
    const int seconds = leaseSeconds > 0 ? leaseSeconds : intent.leaseSeconds;

    QStringList prints;
    if (refreshFingerprints) {
        QList<ObjectRef> objects;
        for (const IntentObject& object : intent.objects)
            objects.append(object.touch.object);
        auto fresh = fingerprints(*m_connection, objects);
        if (!fresh)
            return std::unexpected(fresh.error());
        prints = *fresh;
    }
    auto transaction = db::Transaction::begin(*m_connection);
    if (!transaction)
        return std::unexpected(transaction.error());
    auto renewed = m_connection->exec(
        u"UPDATE %1 SET lease_seconds = $2::int, lease_expires_at = pg_catalog.now() + "
        u"pg_catalog.make_interval(secs => $2::int) WHERE intent_id = $1 "
        u"AND lease_expires_at > pg_catalog.now()"_s.arg(table(u"tb_plumb_intent"_s)),
        {db::Param(id), db::Param(seconds)});
    if (!renewed)
        return std::unexpected(renewed.error());
    if (renewed->affectedRows() == 0)
        return fail(ErrorCode::Config, u"The lease of intent %1 ran out while renewing it; "
                                       u"register the change again."_s.arg(id));
    if (refreshFingerprints) {
        // Positions are 1-based in the order load() returned the objects.
        QStringList positions;
        for (qsizetype i = 0; i < prints.size(); ++i)
            positions.append(QString::number(i + 1));
        auto stored = m_connection->exec(
            u"UPDATE %1 o SET fingerprint = f.fingerprint FROM unnest($2::int[], $3::text[]) "
            u"AS f(position, fingerprint) WHERE o.intent_id = $1 AND o.position = f.position "
            u"AND o.compared"_s.arg(table(u"tb_plumb_intent_object"_s)),
            {db::Param(id), db::Param::textArray(positions), db::Param::textArray(prints)});
        if (!stored)
            return std::unexpected(stored.error());
    }
    const QString reason = u"lease renewed for %1 s%2"_s.arg(seconds).arg(
        refreshFingerprints ? u", live objects taken as the new baseline"_s : QString());
    if (auto logged = record(id, intent.status, intent.status, reason, changedBy); !logged)
        return std::unexpected(logged.error());
    if (auto updated =
            m_connection->exec(u"UPDATE %1 SET updated_at = pg_catalog.now() WHERE id = $1"_s.arg(
                                   table(u"tb_pggit_intent"_s)),
                               {db::Param(id)});
        !updated)
        return std::unexpected(updated.error());
    if (auto committed = transaction->commit(); !committed)
        return std::unexpected(committed.error());
    auto after = load(u"i.id = $1"_s, {db::Param(id)}, true);
    if (!after)
        return std::unexpected(after.error());
    return after->front();
}

Result<QList<Intent>> Registry::intentsForSource(const QString& sha256)
{
    if (!m_ownTables)
        return QList<Intent>();
    return load(u"p.source_sha256 = $1 AND i.status IN ('registered', 'in_progress', "
                u"'conflicted')"_s,
                {db::Param(sha256)}, true);
}

} // namespace plumb::coordinate
