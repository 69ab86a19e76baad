// The registry's tables and reading them (registering is in registry_register.cpp, the
// lifecycle in registry_lifecycle.cpp).

#include "registry.h"

#include "core/coordinate/registry_rows.h"
#include "core/db/quote.h"
#include "core/sql/classify.h"
#include "core/sql/script.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace plumb::coordinate {

namespace {

// Confiture's tables, as its IntentRegistry creates them (column for column), then Plumbline's.
// %1 is the qualified name prefix ("schema.").
const QStringList registryDdl{
    u"CREATE TABLE IF NOT EXISTS %1tb_pggit_intent ("
    u" id VARCHAR(64) PRIMARY KEY,"
    u" agent_id VARCHAR(255) NOT NULL,"
    u" feature_name VARCHAR(255) NOT NULL,"
    u" branch_name VARCHAR(255) NOT NULL UNIQUE,"
    u" schema_changes JSONB NOT NULL DEFAULT '[]',"
    u" tables_affected JSONB NOT NULL DEFAULT '[]',"
    u" estimated_duration_ms INTEGER,"
    u" risk_level VARCHAR(50) DEFAULT 'low',"
    u" status VARCHAR(50) NOT NULL DEFAULT 'registered',"
    u" conflicts_with JSONB NOT NULL DEFAULT '[]',"
    u" metadata JSONB NOT NULL DEFAULT '{}',"
    u" created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),"
    u" updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW())"_s,
    u"CREATE TABLE IF NOT EXISTS %1tb_pggit_conflict ("
    u" id SERIAL PRIMARY KEY,"
    u" intent_a VARCHAR(64) NOT NULL REFERENCES %1tb_pggit_intent(id) ON DELETE CASCADE,"
    u" intent_b VARCHAR(64) NOT NULL REFERENCES %1tb_pggit_intent(id) ON DELETE CASCADE,"
    u" conflict_type VARCHAR(50) NOT NULL,"
    u" affected_objects JSONB NOT NULL DEFAULT '[]',"
    u" severity VARCHAR(50) NOT NULL,"
    u" resolution_suggestions JSONB NOT NULL DEFAULT '[]',"
    u" reviewed BOOLEAN DEFAULT FALSE,"
    u" reviewed_at TIMESTAMPTZ,"
    u" resolution_notes TEXT,"
    u" created_at TIMESTAMPTZ NOT NULL DEFAULT NOW())"_s,
    u"CREATE TABLE IF NOT EXISTS %1tb_pggit_intent_history ("
    u" id SERIAL PRIMARY KEY,"
    u" intent_id VARCHAR(64) NOT NULL REFERENCES %1tb_pggit_intent(id) ON DELETE CASCADE,"
    u" old_status VARCHAR(50),"
    u" new_status VARCHAR(50) NOT NULL,"
    u" reason TEXT,"
    u" changed_by VARCHAR(255) DEFAULT 'system',"
    u" changed_at TIMESTAMPTZ NOT NULL DEFAULT NOW())"_s,
    u"CREATE INDEX IF NOT EXISTS idx_pggit_intent_agent ON %1tb_pggit_intent(agent_id)"_s,
    u"CREATE INDEX IF NOT EXISTS idx_pggit_intent_status ON %1tb_pggit_intent(status)"_s,
    u"CREATE INDEX IF NOT EXISTS idx_pggit_intent_tables ON %1tb_pggit_intent "
    u"USING GIN(tables_affected)"_s,
    u"CREATE INDEX IF NOT EXISTS idx_pggit_conflict_intents ON "
    u"%1tb_pggit_conflict(intent_a, intent_b)"_s,
    u"CREATE INDEX IF NOT EXISTS idx_pggit_conflict_severity ON %1tb_pggit_conflict(severity)"_s,
    u"CREATE INDEX IF NOT EXISTS idx_pggit_intent_history_id ON "
    u"%1tb_pggit_intent_history(intent_id)"_s,
    // Plumbline's one column in Confiture's table, after Confiture's own (which it reads by
    // position): true for the intents Plumbline registers, false (the default) for Confiture's,
    // so those are found through a small partial index.
    u"ALTER TABLE %1tb_pggit_intent ADD COLUMN IF NOT EXISTS plumb_tracked boolean NOT NULL "
    u"DEFAULT false"_s,
    u"CREATE INDEX IF NOT EXISTS idx_plumb_intent_untracked ON %1tb_pggit_intent(id) "
    u"WHERE NOT plumb_tracked"_s,
    // Plumbline's additions. Branch names are allocated by prefix: a pattern index serves that.
    u"CREATE INDEX IF NOT EXISTS idx_plumb_intent_branch ON "
    u"%1tb_pggit_intent(branch_name text_pattern_ops)"_s,
    u"CREATE TABLE IF NOT EXISTS %1tb_plumb_intent ("
    u" intent_id VARCHAR(64) PRIMARY KEY REFERENCES %1tb_pggit_intent(id) ON DELETE CASCADE,"
    u" owner TEXT NOT NULL DEFAULT '',"
    u" lease_seconds INTEGER NOT NULL,"
    u" lease_expires_at TIMESTAMPTZ NOT NULL,"
    u" source_kind TEXT NOT NULL DEFAULT 'ddl',"
    u" source_name TEXT NOT NULL DEFAULT '',"
    u" source_sha256 TEXT NOT NULL DEFAULT '',"
    u" database_name TEXT NOT NULL DEFAULT '',"
    u" notes JSONB NOT NULL DEFAULT '[]')"_s,
    u"CREATE INDEX IF NOT EXISTS idx_plumb_intent_lease ON %1tb_plumb_intent(lease_expires_at)"_s,
    u"CREATE INDEX IF NOT EXISTS idx_plumb_intent_source ON %1tb_plumb_intent(source_sha256)"_s,
    u"CREATE TABLE IF NOT EXISTS %1tb_plumb_intent_object ("
    u" intent_id VARCHAR(64) NOT NULL REFERENCES %1tb_pggit_intent(id) ON DELETE CASCADE,"
    u" position INTEGER NOT NULL,"
    u" scope TEXT NOT NULL,"
    u" object_kind TEXT NOT NULL,"
    u" schema_name TEXT NOT NULL,"
    u" object_name TEXT NOT NULL,"
    u" member TEXT NOT NULL DEFAULT '',"
    u" action TEXT NOT NULL,"
    u" lock_mode TEXT NOT NULL DEFAULT '',"
    u" whole_table BOOLEAN NOT NULL DEFAULT false,"
    u" renamed_to TEXT NOT NULL DEFAULT '',"
    u" via TEXT NOT NULL DEFAULT '',"
    u" statement INTEGER NOT NULL DEFAULT -1,"
    u" compared BOOLEAN NOT NULL DEFAULT false,"
    u" fingerprint TEXT NOT NULL DEFAULT '',"
    u" PRIMARY KEY (intent_id, position))"_s,
    u"CREATE INDEX IF NOT EXISTS idx_plumb_intent_object_scope ON "
    u"%1tb_plumb_intent_object(scope)"_s,
    u"CREATE TABLE IF NOT EXISTS %1tb_plumb_conflict ("
    u" conflict_id INTEGER PRIMARY KEY REFERENCES %1tb_pggit_conflict(id) ON DELETE CASCADE,"
    u" kind TEXT NOT NULL,"
    u" details JSONB NOT NULL DEFAULT '[]')"_s,
};

} // namespace

namespace detail {

QStringList jsonStringList(const QString& json)
{
    QStringList strings;
    for (const QJsonValue& value : QJsonDocument::fromJson(json.toUtf8()).array())
        strings.append(
            value.isString()
                ? value.toString()
                : QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact))
                      .mid(1)
                      .chopped(1));
    return strings;
}

QString jsonText(const QStringList& strings)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(strings)).toJson(QJsonDocument::Compact));
}

void attachObjects(QList<Intent>& intents, const db::QueryResult& objects)
{
    QHash<QString, qsizetype> byId;
    for (qsizetype i = 0; i < intents.size(); ++i)
        byId.insert(intents[i].id, i);
    for (int row = 0; row < objects.rowCount(); ++row)
        if (const auto found = byId.constFind(objects.text(row, 0)); found != byId.cend())
            intents[*found].objects.append(objectFromRow(objects, row));
}

QDateTime epochTime(const db::QueryResult& rows, int row, int column)
{
    if (rows.isNull(row, column))
        return {};
    return QDateTime::fromMSecsSinceEpoch(qint64(rows.real(row, column) * 1000.0), QTimeZone::UTC);
}

} // namespace detail

QString sourceHash(const QString& ddl)
{
    QStringList statements;
    if (auto split = sql::splitStatements(ddl); split) {
        for (const sql::Statement& statement : *split) {
            int line = statement.line;
            const QString text = sql::withoutLeadingComments(statement.text, &line).trimmed();
            if (!text.isEmpty())
                statements.append(text);
        }
    } else {
        statements.append(ddl.trimmed());
    }
    return QString::fromLatin1(
        QCryptographicHash::hash(statements.join(u'\n').toUtf8(), QCryptographicHash::Sha256)
            .toHex());
}

Result<Registry> Registry::open(db::Connection& connection, bool create,
                                const RegistryOptions& options)
{
    auto found = connection.exec(u"SELECT n.nspname FROM pg_catalog.pg_class c "
                                 u"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                                 u"WHERE c.oid = pg_catalog.to_regclass('tb_pggit_intent')"_s);
    if (!found)
        return std::unexpected(found.error());
    QString schema = found->rowCount() > 0 ? found->text(0, 0) : QString();
    auto ownTables = [&](const QString& in) -> Result<bool> {
        auto rows = connection.exec(u"SELECT count(*) FROM pg_catalog.pg_class c "
                                    u"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                                    u"WHERE n.nspname = $1 AND c.relname IN ('tb_plumb_intent', "
                                    u"'tb_plumb_intent_object', 'tb_plumb_conflict')"_s,
                                    {db::Param(in)});
        if (!rows)
            return std::unexpected(rows.error());
        return rows->int64(0, 0) == 3;
    };
    if (!schema.isEmpty()) {
        auto complete = ownTables(schema);
        if (!complete)
            return std::unexpected(complete.error());
        if (*complete || !create)
            return Registry(connection, schema, *complete, options);
    }
    if (!create)
        return Registry(connection, {}, false, options);

    auto transaction = db::Transaction::begin(connection);
    if (!transaction)
        return std::unexpected(transaction.error());
    // Two first registrations at once must not both create the tables.
    if (auto locked = connection.exec(u"SELECT pg_catalog.pg_advisory_xact_lock($1, $2)"_s,
                                      {db::Param(detail::registryLockKey), db::Param(1)});
        !locked)
        return std::unexpected(locked.error());
    if (schema.isEmpty()) {
        auto current = connection.exec(u"SELECT pg_catalog.current_schema()"_s);
        if (!current)
            return std::unexpected(current.error());
        if (current->isNull(0, 0))
            return fail(ErrorCode::Config,
                        u"No schema of the search_path exists to hold the intent registry; "
                        u"create one or set search_path (e.g. in the database URL's options)."_s);
        schema = current->text(0, 0);
    }
    // Tables Confiture made already are skipped without a NOTICE for each.
    if (auto quiet = connection.exec(
            u"SELECT pg_catalog.set_config('client_min_messages', 'warning', true)"_s);
        !quiet)
        return std::unexpected(quiet.error());
    const QString prefix = db::quoteIdentifier(schema) + u'.';
    for (const QString& statement : registryDdl)
        if (auto made = connection.exec(statement.arg(prefix)); !made)
            return std::unexpected(made.error());
    if (auto committed = transaction->commit(); !committed)
        return std::unexpected(committed.error());
    return Registry(connection, schema, true, options);
}

QString Registry::table(const QString& name) const
{
    return db::qualifiedName(m_schema, name);
}

QString Registry::ownTable(const QString& name) const
{
    if (m_ownTables)
        return table(name);
    if (name == u"tb_plumb_intent")
        return u"(SELECT NULL::varchar AS intent_id, NULL::text AS owner, NULL::int AS "
               u"lease_seconds, NULL::timestamptz AS lease_expires_at, NULL::text AS "
               u"source_kind, NULL::text AS source_name, NULL::text AS source_sha256, "
               u"NULL::text AS database_name, NULL::jsonb AS notes WHERE false)"_s;
    if (name == u"tb_plumb_conflict")
        return u"(SELECT NULL::int AS conflict_id, NULL::text AS kind, NULL::jsonb AS details "
               u"WHERE false)"_s;
    return u"(SELECT NULL::varchar AS intent_id, NULL::int AS position, NULL::text AS scope, "
           u"NULL::text AS object_kind, NULL::text AS schema_name, NULL::text AS object_name, "
           u"NULL::text AS member, NULL::text AS action, NULL::text AS lock_mode, NULL::boolean "
           u"AS whole_table, NULL::text AS renamed_to, NULL::text AS via, NULL::int AS "
           u"statement, NULL::boolean AS compared, NULL::text AS fingerprint WHERE false)"_s;
}

db::BatchStatement Registry::loadStatement(const QString& where, const db::Params& params) const
{
    return {u"SELECT i.id, i.agent_id, i.feature_name, i.branch_name, i.schema_changes::text, "
            u"i.tables_affected::text, i.estimated_duration_ms, i.risk_level, i.status, "
            u"i.conflicts_with::text, i.metadata::text, "
            u"extract(epoch FROM i.created_at)::float8, extract(epoch FROM i.updated_at)::float8, "
            u"p.intent_id IS NOT NULL, p.owner, p.lease_seconds, "
            u"extract(epoch FROM p.lease_expires_at)::float8, p.source_kind, p.source_name, "
            u"p.source_sha256, p.database_name, p.notes::text "
            u"FROM %1 i LEFT JOIN %2 p ON p.intent_id = i.id WHERE %3 "
            u"ORDER BY i.created_at DESC, i.id"_s.arg(table(u"tb_pggit_intent"_s),
                                                      ownTable(u"tb_plumb_intent"_s), where),
            params, true};
}

Result<QList<Intent>> Registry::loaded(const db::QueryResult& rows, bool withObjects)
{
    QList<Intent> intents;
    QStringList tracked;
    for (int row = 0; row < rows.rowCount(); ++row) {
        Intent intent = detail::intentFromRow(rows, row);
        if (intent.tracked)
            tracked.append(intent.id);
        intents.append(intent);
    }
    if (!withObjects || tracked.isEmpty())
        return intents;
    auto objects = m_connection->execPrepared(
        u"SELECT intent_id, object_kind, schema_name, object_name, member, action, lock_mode, "
        u"whole_table, renamed_to, via, statement, compared, fingerprint FROM %1 "
        u"WHERE intent_id = ANY($1::text[]) ORDER BY intent_id, position"_s.arg(
            ownTable(u"tb_plumb_intent_object"_s)),
        {db::Param::textArray(tracked)});
    if (!objects)
        return std::unexpected(objects.error());
    detail::attachObjects(intents, *objects);
    return intents;
}

Result<QList<Intent>> Registry::load(const QString& where, const db::Params& params,
                                     bool withObjects)
{
    if (!exists())
        return QList<Intent>();
    const db::BatchStatement statement = loadStatement(where, params);
    auto rows = m_connection->execPrepared(statement.sql, statement.params);
    if (!rows)
        return std::unexpected(rows.error());
    return loaded(*rows, withObjects);
}

Result<QList<Conflict>> Registry::loadConflicts(const QString& where, const db::Params& params)
{
    QList<Conflict> conflicts;
    if (!exists())
        return conflicts;
    auto rows = m_connection->execPrepared(
        u"SELECT c.id, c.intent_a, c.intent_b, c.conflict_type, c.affected_objects::text, "
        u"c.severity, c.resolution_suggestions::text, coalesce(c.reviewed, false), "
        u"extract(epoch FROM c.reviewed_at)::float8, coalesce(c.resolution_notes, ''), "
        u"extract(epoch FROM c.created_at)::float8, pc.kind, pc.details::text "
        u"FROM %1 c LEFT JOIN %2 pc ON pc.conflict_id = c.id WHERE %3 "
        u"ORDER BY c.created_at DESC, c.id DESC"_s.arg(table(u"tb_pggit_conflict"_s),
                                                       ownTable(u"tb_plumb_conflict"_s), where),
        params);
    if (!rows)
        return std::unexpected(rows.error());
    for (int row = 0; row < rows->rowCount(); ++row)
        conflicts.append(detail::conflictFromRow(*rows, row));
    return conflicts;
}

Result<QList<Intent>> Registry::list(const IntentFilter& filter, bool withObjects)
{
    QString where = u"($1 = '' OR i.status = $1) AND ($2 = '' OR i.agent_id = $2)"_s;
    if (filter.activeOnly)
        where += u" AND i.status IN ('registered', 'in_progress', 'conflicted') "
                 u"AND (p.lease_expires_at IS NULL OR p.lease_expires_at > pg_catalog.now())"_s;
    return load(where,
                {db::Param(filter.status ? statusName(*filter.status) : QString()),
                 db::Param(filter.agentId)},
                withObjects);
}

Result<IntentDetail> Registry::show(const QString& id)
{
    auto intents = load(u"i.id = $1"_s, {db::Param(id)}, true);
    if (!intents)
        return std::unexpected(intents.error());
    if (intents->isEmpty())
        return fail(ErrorCode::Config, u"There is no intent %1 in this database's registry; "
                                       u"'plumb intent list' shows them."_s.arg(id));
    IntentDetail detail{intents->front(), {}, {}};
    auto conflicts = loadConflicts(u"c.intent_a = $1 OR c.intent_b = $1"_s, {db::Param(id)});
    if (!conflicts)
        return std::unexpected(conflicts.error());
    detail.conflicts = *conflicts;
    auto history = m_connection->exec(
        u"SELECT intent_id, old_status, new_status, coalesce(reason, ''), "
        u"coalesce(changed_by, ''), extract(epoch FROM changed_at)::float8 FROM %1 "
        u"WHERE intent_id = $1 ORDER BY changed_at, id"_s.arg(table(u"tb_pggit_intent_history"_s)),
        {db::Param(id)});
    if (!history)
        return std::unexpected(history.error());
    for (int row = 0; row < history->rowCount(); ++row) {
        StatusChange change;
        change.intentId = history->text(row, 0);
        if (!history->isNull(row, 1))
            change.oldStatus = statusFromName(history->text(row, 1));
        change.newStatus = statusFromName(history->text(row, 2)).value_or(IntentStatus::Registered);
        change.reason = history->text(row, 3);
        change.changedBy = history->text(row, 4);
        change.changedAt = detail::epochTime(*history, row, 5);
        detail.history.append(change);
    }
    return detail;
}

Result<QList<Conflict>> Registry::conflicts(bool includeReviewed)
{
    return loadConflicts(u"$1 OR NOT coalesce(c.reviewed, false)"_s, {db::Param(includeReviewed)});
}

} // namespace plumb::coordinate
