// The logical method of a move's change capture (move_capture.h): a replication slot with the
// built-in pgoutput plugin and a publication of the captured tables. The catch-up peeks at the
// slot's changes through SQL (pg_logical_slot_peek_binary_changes), decodes them
// (pgoutput.h), turns each into the row images the trigger log holds, maps them through the
// same query, applies them, and only then advances the slot: a crash in between replays them.
#include "core/db/quote.h"
#include "core/transfer/pgoutput.h"
#include "move_capture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>

using namespace Qt::StringLiterals;

namespace plumb::transfer::capture {

namespace {

const QString publication = u"plumbline_move"_s;
constexpr quint32 jsonType = 114;
constexpr quint32 jsonbType = 3802;

// One slot per source database (slots belong to the cluster; a database has one move's capture).
Result<QString> slotName(db::Connection& source)
{
    auto name = source.exec(u"SELECT 'plumbline_move_' || oid FROM pg_catalog.pg_database "
                            u"WHERE datname = pg_catalog.current_database()"_s);
    if (!name)
        return std::unexpected(name.error());
    return name->text(0, 0);
}

QString table(const catalog::QualifiedName& name)
{
    return db::qualifiedName(name.schema, name.name);
}

void appendJsonString(QByteArray& out, QByteArrayView utf8)
{
    out += '"';
    for (char c : utf8) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                out += "\\u00";
                out += QByteArray::number(static_cast<unsigned char>(c), 16).rightJustified(2, '0');
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

// A decoded row as the JSON object the trigger log would hold for it: column name to value,
// json and jsonb values as themselves (jsonb_populate_record reproduces them), every other value
// as a string its type's input function reads, and the values marked `raw` (taken from
// to_jsonb) as the JSON they are. Unchanged TOASTed values are left out.
QByteArray rowImage(const pgoutput::Relation& relation, const QList<pgoutput::Value>& values,
                    const QList<bool>& raw = {})
{
    QByteArray out = "{";
    bool first = true;
    for (qsizetype i = 0; i < values.size() && i < relation.columns.size(); ++i) {
        const pgoutput::Value& value = values[i];
        if (value.kind == pgoutput::Value::Unchanged)
            continue;
        if (!first)
            out += ',';
        first = false;
        appendJsonString(out, relation.columns[i].name.toUtf8());
        out += ':';
        if (value.kind == pgoutput::Value::Null)
            out += "null";
        else if (raw.value(i) || relation.columns[i].type == jsonType ||
                 relation.columns[i].type == jsonbType)
            out += value.text;
        else
            appendJsonString(out, value.text);
    }
    out += '}';
    return out;
}

// An update's new row whose unchanged TOASTed values the WAL did not carry: they come from the
// old row when it is whole (REPLICA IDENTITY FULL), else from the source's row as it is now,
// found by its replica identity. Returns false when that row is gone (a later change in the
// stream deletes or re-keys it).
Result<bool> completeRow(db::Connection& source, const pgoutput::Relation& relation,
                         const pgoutput::Change& change, QList<pgoutput::Value>& row,
                         QList<bool>& raw)
{
    QStringList missing;
    for (qsizetype i = 0; i < row.size(); ++i) {
        if (row[i].kind != pgoutput::Value::Unchanged)
            continue;
        if (change.oldKind == 'O' && i < change.old.size() &&
            change.old[i].kind != pgoutput::Value::Unchanged)
            row[i] = change.old[i];
        else
            missing.append(relation.columns[i].name);
    }
    if (missing.isEmpty())
        return true;
    QStringList keys;
    for (const pgoutput::Column& column : relation.columns)
        if (column.key)
            keys.append(db::quoteIdentifier(column.name));
    if (keys.isEmpty())
        return fail(ErrorCode::Generic,
                    u"an update of %1.%2 left values out and the table has no replica identity to "
                    u"find them by"_s.arg(relation.schema, relation.name));
    const QString name = db::qualifiedName(relation.schema, relation.name);
    auto current = source.exec(
        u"SELECT j.key, j.value::text FROM ONLY "_s + name +
            u" s, pg_catalog.jsonb_each(pg_catalog.to_jsonb(s)) j WHERE (s."_s +
            keys.join(u", s."_s) + u") = (SELECT r."_s + keys.join(u", r."_s) +
            u" FROM pg_catalog.jsonb_populate_record(NULL::"_s + name + u", $1::jsonb) r)"_s,
        {QString::fromUtf8(rowImage(relation, row))});
    if (!current)
        return std::unexpected(current.error());
    if (current->rowCount() == 0)
        return false;
    raw = QList<bool>(row.size(), false);
    for (int r = 0; r < current->rowCount(); ++r) {
        const QString column = current->text(r, 0);
        for (qsizetype i = 0; i < row.size(); ++i)
            if (row[i].kind == pgoutput::Value::Unchanged && relation.columns[i].name == column) {
                row[i].kind = pgoutput::Value::Text;
                row[i].text = current->bytes(r, 1); // a JSON value, as to_jsonb wrote it
                raw[i] = true;
            }
    }
    return true;
}

} // namespace

Result<QString> logicalUnavailable(db::Connection& source, const MoveMapping& mapping,
                                   const QList<QStringList>& keys)
{
    auto slot = slotName(source);
    if (!slot)
        return std::unexpected(slot.error());
    auto server =
        source.exec(u"SELECT pg_catalog.current_setting('wal_level'), "
                    u"(SELECT rolsuper OR rolreplication FROM pg_catalog.pg_roles WHERE rolname = "
                    u"current_user), pg_catalog.getdatabaseencoding(), "
                    u"pg_catalog.has_database_privilege(pg_catalog.current_database(), 'CREATE'), "
                    u"EXISTS (SELECT FROM pg_catalog.pg_replication_slots WHERE slot_name = $1) OR "
                    u"(SELECT pg_catalog.count(*) FROM pg_catalog.pg_replication_slots) < "
                    u"pg_catalog.current_setting('max_replication_slots')::int"_s,
                    {*slot});
    if (!server)
        return std::unexpected(server.error());
    if (server->text(0, 0) != u"logical"_s)
        return u"wal_level is %1, not logical"_s.arg(server->text(0, 0));
    if (!server->boolean(0, 1))
        return u"the source's role has neither REPLICATION nor superuser, which a replication "
               u"slot needs"_s;
    if (server->text(0, 2) != u"UTF8"_s)
        return u"the source database's encoding is %1, and decoded rows arrive in it"_s.arg(
            server->text(0, 2));
    if (!server->boolean(0, 3))
        return u"the source's role may not create a publication in its database"_s;
    if (!server->boolean(0, 4))
        return u"every replication slot the source allows (max_replication_slots) is taken"_s;
    for (int t = 0; t < mapping.tables.size(); ++t) {
        const MappedTable& mapped = mapping.tables[t];
        auto identity = source.exec(
            u"SELECT c.relreplident::text, pg_catalog.pg_has_role(c.relowner, 'USAGE'), "
            u"pg_catalog.array_to_json(ARRAY(SELECT a.attname FROM pg_catalog.pg_index i "
            u"JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY "
            u"(i.indkey) WHERE i.indrelid = c.oid AND CASE c.relreplident WHEN 'd' THEN "
            u"i.indisprimary WHEN 'i' THEN i.indisreplident ELSE false END))::text "
            u"FROM pg_catalog.pg_class c WHERE c.oid = $1::pg_catalog.regclass"_s,
            {table(mapped.source)});
        if (!identity)
            return std::unexpected(identity.error());
        if (!identity->boolean(0, 1))
            return u"the source's role does not own %1, which a publication needs"_s.arg(
                mapped.source.display());
        const QString kind = identity->text(0, 0);
        if (kind == u"f"_s)
            continue;
        QStringList columns;
        for (const QJsonValue& column : QJsonDocument::fromJson(identity->bytes(0, 2)).array())
            columns.append(column.toString());
        if (columns.isEmpty())
            return u"%1 has no replica identity (no primary key): published, its updates and "
                   u"deletes would fail"_s.arg(mapped.source.display());
        for (const QString& key : keys.value(t))
            for (const MappedColumn& column : mapped.columns)
                if (column.target == key &&
                    (!column.expression.isEmpty() || !columns.contains(column.source)))
                    return u"the key column %1 of %2 does not come from a replica identity "
                           u"column of %3, which is all a decoded delete carries"_s.arg(
                               key, mapped.target.display(), mapped.source.display());
    }
    return QString();
}

namespace detail {

Status installLogical(db::Connection& source, const QList<catalog::QualifiedName>& tables)
{
    auto slot = slotName(source);
    if (!slot)
        return std::unexpected(slot.error());
    QStringList names;
    for (const catalog::QualifiedName& name : tables)
        names.append(table(name));
    auto exists =
        source.exec(u"SELECT 1 FROM pg_catalog.pg_publication WHERE pubname = $1"_s, {publication});
    if (!exists)
        return std::unexpected(exists.error());
    // Truncation is refused by the capture's triggers, so it is not published.
    const QString statement =
        exists->rowCount() > 0
            ? QString(u"ALTER PUBLICATION plumbline_move SET TABLE "_s + names.join(u", "_s))
            : u"CREATE PUBLICATION plumbline_move FOR TABLE "_s + names.join(u", "_s) +
                  u" WITH (publish = 'insert, update, delete', publish_via_partition_root = true)"_s;
    if (auto done = source.exec(statement); !done)
        return std::unexpected(done.error());
    // Outside any transaction that wrote: the server's rule for creating a logical slot. It
    // waits for the transactions running now to end, so every later commit is decoded.
    auto created = source.exec(
        u"SELECT pg_catalog.pg_create_logical_replication_slot($1, 'pgoutput') WHERE NOT EXISTS "
        u"(SELECT FROM pg_catalog.pg_replication_slots WHERE slot_name = $1)"_s,
        {*slot});
    if (!created)
        return std::unexpected(created.error());
    return {};
}

Status removeLogical(db::Connection& source)
{
    auto slot = slotName(source);
    if (!slot)
        return std::unexpected(slot.error());
    // A runner killed mid-peek leaves a backend holding the slot until its peek ends.
    auto drop = [&] {
        return source.exec(u"SELECT pg_catalog.pg_drop_replication_slot(slot_name) FROM "
                           u"pg_catalog.pg_replication_slots WHERE slot_name = $1"_s,
                           {*slot});
    };
    auto dropped = drop();
    for (int tries = 0; !dropped && dropped.error().sqlState == u"55006"_s && tries < 300;
         ++tries) {
        QThread::msleep(100);
        dropped = drop();
    }
    if (!dropped)
        return std::unexpected(dropped.error());
    auto published =
        source.exec(u"SELECT 1 FROM pg_catalog.pg_publication WHERE pubname = $1"_s, {publication});
    if (!published)
        return std::unexpected(published.error());
    if (published->rowCount() > 0)
        if (auto gone = source.exec(u"DROP PUBLICATION IF EXISTS plumbline_move"_s); !gone)
            return std::unexpected(gone.error());
    return {};
}

Result<bool> logicalSlotExists(db::Connection& source)
{
    auto slot = slotName(source);
    if (!slot)
        return std::unexpected(slot.error());
    auto found = source.exec(
        u"SELECT 1 FROM pg_catalog.pg_replication_slots WHERE slot_name = $1"_s, {*slot});
    if (!found)
        return std::unexpected(found.error());
    return found->rowCount() > 0;
}

Result<qint64> logicalLag(db::Connection& source)
{
    auto slot = slotName(source);
    if (!slot)
        return std::unexpected(slot.error());
    auto lag = source.exec(u"SELECT pg_catalog.pg_wal_lsn_diff(pg_catalog.pg_current_wal_lsn(), "
                           u"confirmed_flush_lsn)::bigint FROM pg_catalog.pg_replication_slots "
                           u"WHERE slot_name = $1"_s,
                           {*slot});
    if (!lag)
        return std::unexpected(lag.error());
    return lag->rowCount() > 0 ? std::max<qint64>(0, lag->int64(0, 0)) : -1;
}

Result<Round> logicalRound(db::Connection& source, db::Connection& target,
                           const MoveMapping& mapping, const QList<QStringList>& keys,
                           const QString& snapshot, int limit)
{
    const auto seen = pgoutput::SnapshotXids::parse(snapshot);
    if (!seen)
        return fail(ErrorCode::Generic, u"the move's copy snapshot is not one: "_s + snapshot);
    auto slot = slotName(source);
    if (!slot)
        return std::unexpected(slot.error());
    // Read before decoding: a peek that ends early (at `limit`) has not reached it, one that
    // does not has decoded everything flushed up to it, which the slot may then skip.
    auto flushed = source.exec(u"SELECT pg_catalog.pg_current_wal_flush_lsn()::text"_s);
    if (!flushed)
        return std::unexpected(flushed.error());
    // The runner lock makes this the only runner, so a backend still holding the slot is the
    // leftover of one that was killed mid-peek: it lets go once its peek ends.
    auto peek = [&] {
        return source.exec(
            u"SELECT data FROM pg_catalog.pg_logical_slot_peek_binary_changes($1, NULL, $2, "
            u"'proto_version', '1', 'publication_names', 'plumbline_move')"_s,
            {*slot, limit});
    };
    auto messages = peek();
    for (int tries = 0; !messages && messages.error().sqlState == u"55006"_s && tries < 300;
         ++tries) {
        QThread::msleep(100);
        messages = peek();
    }
    if (!messages) {
        if (messages.error().sqlState == u"42704"_s)
            return fail(ErrorCode::Generic,
                        u"the move's replication slot %1 is gone from the source, so changes "
                        u"made since may be lost: abort the move (plumb move abort) and start it "
                        u"again"_s.arg(*slot));
        return std::unexpected(messages.error());
    }
    pgoutput::Decoder decoder;
    for (int row = 0; row < messages->rowCount(); ++row) {
        const QByteArray hex = messages->bytes(row, 0); // bytea's text form: \x and hex digits
        if (auto fed =
                decoder.feed(QByteArray::fromHex(hex.sliced(std::min<qsizetype>(2, hex.size()))));
            !fed)
            return std::unexpected(fed.error());
    }
    if (decoder.inTransaction())
        return fail(ErrorCode::Generic, u"logical decoding ended inside a transaction"_s);
    const QList<pgoutput::Transaction> transactions = decoder.takeCommitted();

    Round round;
    QByteArray images = "[";
    for (const pgoutput::Transaction& transaction : transactions) {
        round.consumed += int(transaction.changes.size());
        if (seen->sees(transaction.xid)) // the copy read it
            continue;
        for (const pgoutput::Change& decoded : transaction.changes) {
            const pgoutput::Relation& relation = *decoder.relation(decoded.relation);
            char op = decoded.op;
            QByteArray oldRow = "null", newRow = "null";
            if (op != 'D') {
                QList<pgoutput::Value> row = decoded.row;
                QList<bool> raw;
                auto whole = completeRow(source, relation, decoded, row, raw);
                if (!whole)
                    return std::unexpected(whole.error());
                newRow = rowImage(relation, row, raw);
                if (!*whole) // gone from the source since: a later change settles it
                    op = 'D';
            }
            // An update that kept its key sends no old row: the new one names it.
            if (!decoded.old.isEmpty())
                oldRow = rowImage(relation, decoded.old);
            else if (op != 'I')
                oldRow = newRow;
            if (op == 'D')
                newRow = "null";
            if (round.applied > 0)
                images += ',';
            ++round.applied;
            images += "{\"id\":" + QByteArray::number(round.applied) +
                      ",\"relid\":" + QByteArray::number(decoded.relation) + ",\"op\":\"" + op +
                      "\",\"old_row\":" + oldRow + ",\"new_row\":" + newRow + '}';
        }
    }
    images += ']';
    if (round.applied > 0) {
        auto changes = mapLogged(source, mapping, keys,
                                 u"pg_catalog.jsonb_to_recordset($1::jsonb) AS l(id bigint, relid "
                                 u"pg_catalog.oid, op \"char\", old_row jsonb, new_row jsonb)"_s,
                                 QString(), {QString::fromUtf8(images)});
        if (!changes)
            return std::unexpected(changes.error());
        if (auto applied = apply(target, mapping, keys, *changes); !applied)
            return std::unexpected(applied.error());
    }

    quint64 advanceTo = transactions.isEmpty() ? 0 : transactions.last().endLsn;
    if (messages->rowCount() < limit)
        advanceTo = std::max(advanceTo, pgoutput::parseLsn(flushed->text(0, 0)).value_or(0));
    if (advanceTo > 0)
        if (auto advanced = source.exec(
                u"SELECT pg_catalog.pg_replication_slot_advance($1, $2::pg_catalog.pg_lsn) FROM "
                u"pg_catalog.pg_replication_slots WHERE slot_name = $1 AND confirmed_flush_lsn < "
                u"$2::pg_catalog.pg_lsn"_s,
                {*slot, pgoutput::formatLsn(advanceTo)});
            !advanced)
            return std::unexpected(advanced.error());
    return round;
}

} // namespace detail

} // namespace plumb::transfer::capture
