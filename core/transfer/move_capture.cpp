#include "move_capture.h"

#include "core/db/quote.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

using namespace Qt::StringLiterals;

namespace plumb::transfer::capture {

namespace {

const QString logTable = u"plumbline_move.change_log"_s;
const QString captureTrigger = u"plumbline_move_capture"_s;
const QString truncateTrigger = u"plumbline_move_no_truncate"_s;
const QString blockTrigger = u"plumbline_move_block"_s;

Status run(db::Connection& connection, const QStringList& statements)
{
    auto transaction = db::Transaction::begin(connection);
    if (!transaction)
        return std::unexpected(transaction.error());
    // "does not exist, skipping" and "drop cascades to" notices say nothing to anyone.
    if (auto quiet = connection.exec(
            u"SELECT pg_catalog.set_config('client_min_messages', 'warning', true)"_s);
        !quiet)
        return std::unexpected(quiet.error());
    for (const QString& statement : statements)
        if (auto done = connection.exec(statement); !done)
            return std::unexpected(done.error());
    return transaction->commit();
}

QString table(const catalog::QualifiedName& name)
{
    return db::qualifiedName(name.schema, name.name);
}

Result<bool> schemaExists(db::Connection& connection, const QString& schema)
{
    auto found =
        connection.exec(u"SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = $1"_s, {schema});
    if (!found)
        return std::unexpected(found.error());
    return found->rowCount() > 0;
}

// Drops the triggers called `names` wherever they are.
Status dropTriggersNamed(db::Connection& connection, const QStringList& names)
{
    auto found =
        connection.exec(u"SELECT n.nspname, c.relname, t.tgname FROM pg_catalog.pg_trigger t "
                        u"JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid "
                        u"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                        u"WHERE t.tgname = ANY ($1::text[]) AND NOT t.tgisinternal"_s,
                        {db::Param::textArray(names)});
    if (!found)
        return std::unexpected(found.error());
    QStringList statements;
    for (int row = 0; row < found->rowCount(); ++row)
        statements.append(u"DROP TRIGGER IF EXISTS "_s + db::quoteIdentifier(found->text(row, 2)) +
                          u" ON "_s + db::qualifiedName(found->text(row, 0), found->text(row, 1)));
    return run(connection, statements);
}

std::optional<QString> jsonText(const QJsonValue& value)
{
    if (value.isNull() || value.isUndefined())
        return std::nullopt;
    return value.toString();
}

QList<std::optional<QString>> jsonTexts(const QString& json)
{
    QList<std::optional<QString>> values;
    for (const QJsonValue& value : QJsonDocument::fromJson(json.toUtf8()).array())
        values.append(jsonText(value));
    return values;
}

QString term(const MappedColumn& column)
{
    return column.expression.isEmpty() ? db::quoteIdentifier(column.source)
                                       : u"("_s + column.expression + u')';
}

db::Params params(const QList<std::optional<QString>>& values)
{
    db::Params list;
    for (const std::optional<QString>& value : values)
        list.push_back(value ? db::Param(*value) : db::Param(std::nullopt));
    return list;
}

} // namespace

QString methodName(Method method)
{
    return method == Method::Logical ? u"logical"_s : u"triggers"_s;
}

QString pendingUnit(Method method)
{
    return method == Method::Logical ? u"bytes of WAL"_s : u"change(s)"_s;
}

Result<Method> install(db::Connection& source, const QList<catalog::QualifiedName>& tables,
                       Method method, bool capturing)
{
    auto already = installed(source);
    if (!already)
        return std::unexpected(already.error());
    if (*already)
        method = **already;
    if (*already && capturing && method == Method::Logical) {
        auto slot = detail::logicalSlotExists(source);
        if (!slot)
            return std::unexpected(slot.error());
        if (!*slot)
            return fail(ErrorCode::Generic,
                        u"the move's replication slot is gone from the source, so changes made "
                        u"since the copy began may be lost: abort the move (plumb move abort) "
                        u"and start it again"_s);
    }
    QStringList statements = {
        u"CREATE SCHEMA IF NOT EXISTS plumbline_move"_s,
        u"COMMENT ON SCHEMA plumbline_move IS 'Change capture of a plumb move from this "
        u"database. plumb move abort removes it'"_s,
        u"CREATE TABLE IF NOT EXISTS plumbline_move.settings (method text NOT NULL)"_s,
        u"CREATE OR REPLACE FUNCTION plumbline_move.no_truncate() RETURNS trigger LANGUAGE "
        u"plpgsql SET search_path = pg_catalog AS $f$ BEGIN RAISE EXCEPTION "
        u"'% is being moved by plumb move: TRUNCATE would lose rows the move cannot replay', "
        u"TG_TABLE_NAME USING ERRCODE = 'object_in_use', HINT = 'Delete the rows, or abort "
        u"the move (plumb move abort)'; END $f$"_s};
    if (method == Method::Triggers)
        statements += {
            u"CREATE TABLE IF NOT EXISTS plumbline_move.change_log (id bigint GENERATED ALWAYS "
            u"AS IDENTITY PRIMARY KEY, xid pg_catalog.xid8 NOT NULL DEFAULT "
            u"pg_catalog.pg_current_xact_id(), "
            u"relid pg_catalog.oid NOT NULL, op \"char\" NOT NULL, old_row jsonb, new_row jsonb)"_s,
            // SECURITY DEFINER: the application's roles write to their tables, not to our log.
            u"CREATE OR REPLACE FUNCTION plumbline_move.capture() RETURNS trigger LANGUAGE plpgsql "
            u"SECURITY DEFINER SET search_path = pg_catalog AS $f$ BEGIN "
            u"IF TG_OP = 'INSERT' THEN INSERT INTO plumbline_move.change_log (relid, op, new_row) "
            u"VALUES (TG_RELID, 'I', to_jsonb(NEW)); "
            u"ELSIF TG_OP = 'UPDATE' THEN INSERT INTO plumbline_move.change_log (relid, op, "
            u"old_row, new_row) VALUES (TG_RELID, 'U', to_jsonb(OLD), to_jsonb(NEW)); "
            u"ELSE INSERT INTO plumbline_move.change_log (relid, op, old_row) "
            u"VALUES (TG_RELID, 'D', to_jsonb(OLD)); END IF; RETURN NULL; END $f$"_s};
    for (const catalog::QualifiedName& name : tables) {
        if (method == Method::Triggers) {
            statements.append(u"DROP TRIGGER IF EXISTS "_s + captureTrigger + u" ON "_s +
                              table(name));
            statements.append(u"CREATE TRIGGER "_s + captureTrigger +
                              u" AFTER INSERT OR UPDATE OR DELETE ON "_s + table(name) +
                              u" FOR EACH ROW EXECUTE FUNCTION plumbline_move.capture()"_s);
        }
        statements.append(u"DROP TRIGGER IF EXISTS "_s + truncateTrigger + u" ON "_s + table(name));
        statements.append(u"CREATE TRIGGER "_s + truncateTrigger + u" BEFORE TRUNCATE ON "_s +
                          table(name) +
                          u" FOR EACH STATEMENT EXECUTE FUNCTION plumbline_move.no_truncate()"_s);
    }
    statements.append(u"DELETE FROM plumbline_move.settings"_s);
    statements.append(method == Method::Logical
                          ? u"INSERT INTO plumbline_move.settings (method) VALUES ('logical')"_s
                          : u"INSERT INTO plumbline_move.settings (method) VALUES ('triggers')"_s);
    // The slot comes after the schema: a capture whose slot creation failed is still found and
    // removed by an abort, and the next start creates what is missing.
    if (auto done = run(source, statements); !done)
        return std::unexpected(done.error());
    if (method == Method::Logical)
        if (auto done = detail::installLogical(source, tables); !done)
            return std::unexpected(done.error());
    return method;
}

Status remove(db::Connection& source)
{
    if (auto dropped = dropTriggersNamed(source, {captureTrigger, truncateTrigger}); !dropped)
        return dropped;
    if (auto dropped = detail::removeLogical(source); !dropped)
        return dropped;
    return run(source, {u"DROP SCHEMA IF EXISTS plumbline_move CASCADE"_s});
}

Result<std::optional<Method>> installed(db::Connection& source)
{
    auto exists = schemaExists(source, QString::fromUtf16(captureSchema));
    if (!exists)
        return std::unexpected(exists.error());
    if (!*exists)
        return std::optional<Method>();
    // A capture installed before the settings table existed used triggers.
    auto settings =
        source.exec(u"SELECT pg_catalog.to_regclass('plumbline_move.settings') IS NOT NULL"_s);
    if (!settings)
        return std::unexpected(settings.error());
    if (!settings->boolean(0, 0))
        return std::optional<Method>(Method::Triggers);
    auto method = source.exec(u"SELECT max(method) FROM plumbline_move.settings"_s);
    if (!method)
        return std::unexpected(method.error());
    return std::optional<Method>(method->text(0, 0) == u"logical"_s ? Method::Logical
                                                                    : Method::Triggers);
}

Status blockWrites(db::Connection& source, const QList<catalog::QualifiedName>& tables,
                   int lockTimeoutMs)
{
    QStringList statements = {
        // Synchronous commit: the block's commit flushes the WAL of every write before it, which
        // a logical capture's drain reads only once it is flushed.
        u"SELECT pg_catalog.set_config('lock_timeout', $1, true), "
        u"pg_catalog.set_config('client_min_messages', 'warning', true), "
        u"pg_catalog.set_config('synchronous_commit', 'on', true)"_s,
        u"CREATE SCHEMA IF NOT EXISTS plumbline_move_block"_s,
        u"COMMENT ON SCHEMA plumbline_move_block IS 'Writes blocked after a plumb move''s "
        u"cutover. plumb move release lifts the block'"_s,
        u"CREATE OR REPLACE FUNCTION plumbline_move_block.refuse() RETURNS trigger LANGUAGE "
        u"plpgsql SET search_path = pg_catalog AS $f$ BEGIN RAISE EXCEPTION "
        u"'% was moved to another database by plumb move: writes are blocked', TG_TABLE_NAME "
        u"USING ERRCODE = 'read_only_sql_transaction', HINT = 'Write to the new database; "
        u"plumb move release lifts the block'; END $f$"_s};
    for (const catalog::QualifiedName& name : tables) {
        statements.append(u"DROP TRIGGER IF EXISTS "_s + blockTrigger + u" ON "_s + table(name));
        statements.append(u"CREATE TRIGGER "_s + blockTrigger +
                          u" BEFORE INSERT OR UPDATE OR DELETE OR TRUNCATE ON "_s + table(name) +
                          u" FOR EACH STATEMENT EXECUTE FUNCTION plumbline_move_block.refuse()"_s);
    }
    auto transaction = db::Transaction::begin(source);
    if (!transaction)
        return std::unexpected(transaction.error());
    for (int i = 0; i < statements.size(); ++i) {
        auto done = i == 0 ? source.exec(statements[i], {QString::number(lockTimeoutMs)})
                           : source.exec(statements[i]);
        if (!done)
            return std::unexpected(done.error());
    }
    return transaction->commit();
}

Status releaseWrites(db::Connection& source)
{
    if (auto dropped = dropTriggersNamed(source, {blockTrigger}); !dropped)
        return dropped;
    return run(source, {u"DROP SCHEMA IF EXISTS plumbline_move_block CASCADE"_s});
}

Result<bool> writesBlocked(db::Connection& source)
{
    return schemaExists(source, QString::fromUtf16(blockSchema));
}

Result<qint64> discardSeenBy(db::Connection& source, Method method, const QString& snapshot)
{
    if (method == Method::Logical)
        return 0;
    auto deleted = source.exec(u"DELETE FROM "_s + logTable +
                                   u" WHERE pg_catalog.pg_visible_in_snapshot(xid, $1::pg_catalog."
                                   u"pg_snapshot)"_s,
                               {snapshot});
    if (!deleted)
        return std::unexpected(deleted.error());
    return deleted->affectedRows();
}

Result<qint64> pending(db::Connection& source, Method method)
{
    if (method == Method::Logical)
        return detail::logicalLag(source);
    auto counted = source.exec(u"SELECT pg_catalog.count(*) FROM "_s + logTable);
    if (!counted)
        return std::unexpected(counted.error());
    return counted->int64(0, 0);
}

namespace detail {

Result<QList<Change>> mapLogged(db::Connection& source, const MoveMapping& mapping,
                                const QList<QStringList>& keys, const QString& from,
                                const QString& tail, const db::Params& params)
{
    QStringList branches;
    for (int t = 0; t < mapping.tables.size(); ++t) {
        const MappedTable& mapped = mapping.tables[t];
        QStringList keyTerms, rowTerms;
        for (const MappedColumn& column : mapped.columns) {
            rowTerms.append(u"("_s + term(column) + u")::text"_s);
            if (keys[t].contains(column.target))
                keyTerms.append(u"("_s + term(column) + u")::text"_s);
        }
        // Inside each lateral subquery the row image `s` is the only relation of its level, so
        // the mapping's bare column names resolve to it.
        const QString image = u"pg_catalog.jsonb_populate_record(NULL::"_s + table(mapped.source);
        branches.append(u"SELECT l.id, "_s + QString::number(t) +
                        u" AS t, l.op::text, k.v::text, r.v::text FROM "_s + from +
                        u" LEFT JOIN LATERAL (SELECT pg_catalog.to_jsonb(ARRAY["_s +
                        keyTerms.join(u", "_s) + u"]::text[]) AS v FROM "_s + image +
                        u", l.old_row) AS s) k ON l.old_row IS NOT NULL LEFT JOIN LATERAL (SELECT "
                        u"pg_catalog.to_jsonb(ARRAY["_s +
                        rowTerms.join(u", "_s) + u"]::text[]) AS v FROM "_s + image +
                        u", l.new_row) AS s) r ON l.new_row IS NOT NULL WHERE l.relid = "_s +
                        db::quoteLiteral(table(mapped.source)) + u"::pg_catalog.regclass"_s);
    }
    auto rows = source.exec(u"SELECT * FROM ("_s + branches.join(u" UNION ALL "_s) +
                                u") AS changes ORDER BY 1, 2 "_s + tail,
                            params);
    if (!rows)
        return std::unexpected(rows.error());
    QList<Change> changes;
    changes.reserve(rows->rowCount());
    for (int row = 0; row < rows->rowCount(); ++row) {
        Change change;
        change.id = rows->int64(row, 0);
        change.table = rows->int32(row, 1);
        const QByteArray op = rows->text(row, 2).toLatin1();
        change.op = op.isEmpty() ? 'I' : op.at(0);
        if (!rows->isNull(row, 3))
            change.oldKey = jsonTexts(rows->text(row, 3));
        if (!rows->isNull(row, 4))
            change.newRow = jsonTexts(rows->text(row, 4));
        changes.append(std::move(change));
    }
    return changes;
}

} // namespace detail

Result<Round> catchUpRound(db::Connection& source, db::Connection& target, Method method,
                           const MoveMapping& mapping, const QList<QStringList>& keys,
                           const QString& snapshot, int limit)
{
    if (method == Method::Logical)
        return detail::logicalRound(source, target, mapping, keys, snapshot, limit);
    auto changes =
        detail::mapLogged(source, mapping, keys, logTable + u" l"_s, u"LIMIT $1"_s, {limit});
    if (!changes)
        return std::unexpected(changes.error());
    if (changes->isEmpty())
        return Round{};
    // A full batch may end inside one change's rows (one per mapped table of its source table):
    // leave that change whole for the next round.
    if (changes->size() == limit && changes->first().id != changes->last().id) {
        const qint64 last = changes->last().id;
        while (changes->last().id == last)
            changes->removeLast();
    }
    if (auto applied = apply(target, mapping, keys, *changes); !applied)
        return std::unexpected(applied.error());
    QStringList ids;
    for (const Change& change : *changes)
        if (ids.isEmpty() || ids.last() != QString::number(change.id))
            ids.append(QString::number(change.id));
    auto deleted = source.exec(u"DELETE FROM "_s + logTable + u" WHERE id = ANY ($1::bigint[])"_s,
                               {db::Param::textArray(ids)});
    if (!deleted)
        return std::unexpected(deleted.error());
    return Round{int(ids.size()), int(ids.size())};
}

Status apply(db::Connection& target, const MoveMapping& mapping, const QList<QStringList>& keys,
             const QList<Change>& changes)
{
    if (changes.isEmpty())
        return {};
    // Per table: the upsert and the delete by key.
    QStringList upserts, deletes;
    QList<QList<int>> keyPositions; // the key columns' places in a change's newRow
    for (int t = 0; t < mapping.tables.size(); ++t) {
        const MappedTable& mapped = mapping.tables[t];
        QStringList columns, values, updates, where;
        QList<int> positions;
        for (int c = 0; c < mapped.columns.size(); ++c) {
            const QString name = db::quoteIdentifier(mapped.columns[c].target);
            columns.append(name);
            values.append(u"$"_s + QString::number(c + 1));
            if (keys[t].contains(mapped.columns[c].target))
                positions.append(c);
            else
                updates.append(name + u" = EXCLUDED."_s + name);
        }
        QStringList keyNames;
        for (int k = 0; k < keys[t].size(); ++k) {
            keyNames.append(db::quoteIdentifier(keys[t][k]));
            where.append(db::quoteIdentifier(keys[t][k]) + u" = $"_s + QString::number(k + 1));
        }
        upserts.append(
            u"INSERT INTO "_s + table(mapped.target) + u" ("_s + columns.join(u", "_s) +
            u") OVERRIDING SYSTEM VALUE VALUES ("_s + values.join(u", "_s) + u") ON CONFLICT ("_s +
            keyNames.join(u", "_s) + u") DO "_s +
            (updates.isEmpty() ? u"NOTHING"_s : u"UPDATE SET "_s + updates.join(u", "_s)));
        deletes.append(u"DELETE FROM "_s + table(mapped.target) + u" WHERE "_s +
                       where.join(u" AND "_s));
        keyPositions.append(positions);
    }
    // Keys come out of read() in the mapping's column order, which is the order keyPositions
    // follows; the delete's parameters are in keys[t]'s order, so reorder them.
    auto keyInKeyOrder = [&](int t, const QList<std::optional<QString>>& inColumnOrder) {
        QList<std::optional<QString>> ordered;
        for (const QString& key : keys[t])
            for (int p = 0; p < keyPositions[t].size(); ++p)
                if (mapping.tables[t].columns[keyPositions[t][p]].target == key)
                    ordered.append(inColumnOrder.value(p));
        return ordered;
    };
    auto transaction = db::Transaction::begin(target);
    if (!transaction)
        return std::unexpected(transaction.error());
    // The rows arrive as the source's triggers left them: the target's own triggers (a
    // touch_updated_at, an audit) must not rewrite them, or the target would no longer equal the
    // source. Each batch turns off the enabled user triggers of the tables it writes, inside its
    // transaction, and turns the same ones on again before it commits.
    QSet<int> touched;
    for (const Change& change : changes)
        touched.insert(change.table);
    QStringList reenable;
    for (int t : std::as_const(touched)) {
        const QString name = table(mapping.tables[t].target);
        auto triggers = target.exec(u"SELECT tgname FROM pg_catalog.pg_trigger WHERE tgrelid = "
                                    u"$1::pg_catalog.regclass AND NOT tgisinternal AND "
                                    u"tgenabled = 'O' ORDER BY tgname"_s,
                                    {name});
        if (!triggers)
            return std::unexpected(triggers.error());
        for (int row = 0; row < triggers->rowCount(); ++row) {
            const QString trigger = db::quoteIdentifier(triggers->text(row, 0));
            if (auto off = target.exec(u"ALTER TABLE "_s + name + u" DISABLE TRIGGER "_s + trigger);
                !off)
                return std::unexpected(off.error());
            reenable.append(u"ALTER TABLE "_s + name + u" ENABLE TRIGGER "_s + trigger);
        }
    }
    // Pipelined, a few hundred statements a round trip (a round trip per change was the
    // catch-up's limit); the chunk keeps the server's unread answers small, so that neither side
    // waits for the other to read.
    constexpr size_t perRoundTrip = 500;
    std::vector<db::BatchStatement> batch;
    SilentProgress quiet;
    auto send = [&](bool all) -> Status {
        if (batch.empty() || (!all && batch.size() < perRoundTrip))
            return {};
        auto ran = target.execBatch(batch, quiet);
        batch.clear();
        if (!ran)
            return std::unexpected(ran.error());
        return {};
    };
    for (const Change& change : changes) {
        const int t = change.table;
        if (change.op == 'D' || change.op == 'U') {
            QList<std::optional<QString>> newKey;
            for (int position : keyPositions[t])
                newKey.append(change.newRow.value(position));
            if (change.op == 'D' || newKey != change.oldKey)
                batch.push_back({deletes[t], params(keyInKeyOrder(t, change.oldKey)), true});
        }
        if (change.op == 'I' || change.op == 'U')
            batch.push_back({upserts[t], params(change.newRow), true});
        if (auto sent = send(false); !sent)
            return sent;
    }
    if (auto sent = send(true); !sent)
        return sent;
    for (const QString& statement : std::as_const(reenable))
        if (auto on = target.exec(statement); !on)
            return std::unexpected(on.error());
    return transaction->commit();
}

} // namespace plumb::transfer::capture
