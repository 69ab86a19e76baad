#include "move_steps.h"

#include "core/catalog/introspect.h"
#include "core/db/quote.h"
#include "core/transfer/copy_selection.h"
#include "core/transfer/move_fdw.h"
#include "core/transfer/source_snapshot.h"

#include <QHash>
#include <QJsonDocument>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace plumb::transfer::detail {

QString mappedTerm(const MappedColumn& column)
{
    return column.expression.isEmpty() ? db::quoteIdentifier(column.source)
                                       : u"("_s + column.expression + u')';
}

Result<std::optional<State>> readState(db::Connection& target)
{
    auto exists = target.exec(u"SELECT pg_catalog.to_regclass($1) IS NOT NULL"_s, {stateTable});
    if (!exists)
        return std::unexpected(exists.error());
    if (!exists->boolean(0, 0))
        return std::optional<State>();
    auto row = target.exec(
        u"SELECT phase, coalesce(requested, ''), source, fingerprint, "
        u"coalesce(snapshot, ''), started_at::text, updated_at::text, "
        u"coalesce(last_error, ''), applied, coalesce(tables, '[]')::text, mapping FROM "_s +
        stateTable);
    if (!row)
        return std::unexpected(row.error());
    if (row->rowCount() == 0)
        return std::optional<State>();
    State state{row->text(0, 0),  row->text(0, 1),
                row->text(0, 2),  row->text(0, 3),
                row->text(0, 4),  row->text(0, 5),
                row->text(0, 6),  row->text(0, 7),
                row->int64(0, 8), QJsonDocument::fromJson(row->text(0, 9).toUtf8()).array(),
                row->text(0, 10)};
    return std::optional<State>(state);
}

Status createState(db::Connection& target, const QString& source, const QString& fingerprint,
                   const QString& mapping)
{
    const QStringList statements = {
        u"CREATE SCHEMA "_s + stateSchema,
        u"COMMENT ON SCHEMA "_s + stateSchema +
            u" IS 'A plumb move into this database: plumb move status shows it, plumb move abort "
            u"forgets it'"_s,
        u"CREATE TABLE "_s + stateTable +
            u" (only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row), phase text NOT NULL, "
            u"requested text, source text NOT NULL, fingerprint text NOT NULL, snapshot text, "
            u"started_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL "
            u"DEFAULT now(), last_error text, applied bigint NOT NULL DEFAULT 0, tables jsonb, "
            u"mapping text NOT NULL)"_s};
    auto transaction = db::Transaction::begin(target);
    if (!transaction)
        return std::unexpected(transaction.error());
    for (const QString& statement : statements)
        if (auto done = target.exec(statement); !done)
            return std::unexpected(done.error());
    if (auto inserted = target.exec(
            u"INSERT INTO "_s + stateTable +
                u" (phase, source, fingerprint, mapping) VALUES ('preparing', $1, $2, $3)"_s,
            {source, fingerprint, mapping});
        !inserted)
        return std::unexpected(inserted.error());
    return transaction->commit();
}

Status updateState(db::Connection& target, const QString& assignments, const db::Params& params)
{
    auto done = target.exec(
        u"UPDATE "_s + stateTable + u" SET updated_at = now(), "_s + assignments, params);
    if (!done)
        return std::unexpected(done.error());
    return {};
}

Status dropSchemas(db::Connection& target)
{
    if (auto quiet =
            target.exec(u"SELECT pg_catalog.set_config('client_min_messages', 'warning', false)"_s);
        !quiet)
        return std::unexpected(quiet.error());
    // A copy through postgres_fdw that stopped half-way leaves its server and user mapping.
    if (auto removed = fdw::removeFromTarget(target); !removed)
        return removed;
    for (const QString& schema : {stateSchema, copyStateSchema})
        if (auto done = target.exec(u"DROP SCHEMA IF EXISTS "_s + db::quoteIdentifier(schema) +
                                    u" CASCADE"_s);
            !done)
            return std::unexpected(done.error());
    return {};
}

Result<bool> schemaExists(db::Connection& connection, const QString& schema)
{
    auto found =
        connection.exec(u"SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = $1"_s, {schema});
    if (!found)
        return std::unexpected(found.error());
    return found->rowCount() > 0;
}

// ---- copy, sequences, verification ----

Result<CopySpec> copySpec(const MovePlan& plan, const catalog::Catalog& source,
                          const catalog::Catalog& target, QStringList& notes)
{
    QList<PlannedTable> ordered;
    for (const MappedTable& table : plan.mapping.tables) {
        PlannedTable planned;
        planned.name = table.target;
        ordered.append(planned);
    }
    if (auto done = detail::orderTables(target, ordered, notes); !done)
        return std::unexpected(done.error());
    CopySpec spec;
    for (const PlannedTable& planned : ordered) {
        const MappedTable& table = *std::ranges::find_if(
            plan.mapping.tables, [&](const MappedTable& t) { return t.target == planned.name; });
        TableJob job;
        job.source = table.source;
        job.target = table.target;
        job.after = planned.after;
        job.group = planned.group;
        job.splittable = !planned.selfReferencing;
        for (const MappedColumn& column : table.columns)
            job.columns.append({column.source, column.target, nullptr, column.expression});
        spec.tables.append(job);
    }
    // Sequences owned by a column that moves as it is go to the target column's sequence.
    for (const catalog::Sequence& sequence : source.sequences) {
        if (!sequence.ownedBy)
            continue;
        for (const MappedTable& table : plan.mapping.tables) {
            if (table.source != sequence.ownedBy->table)
                continue;
            for (const MappedColumn& column : table.columns) {
                if (!column.expression.isEmpty() || column.source != sequence.ownedBy->column)
                    continue;
                for (const catalog::Sequence& candidate : target.sequences)
                    if (candidate.ownedBy && candidate.ownedBy->table == table.target &&
                        candidate.ownedBy->column == column.target)
                        spec.sequences.append({sequence.name, candidate.name});
            }
        }
    }
    return spec;
}

Status setSequences(db::Connection& source, db::Connection& target,
                    const QList<SequenceJob>& sequences)
{
    for (const SequenceJob& sequence : sequences) {
        auto value = source.exec(u"SELECT last_value::text, is_called FROM "_s +
                                 db::qualifiedName(sequence.source.schema, sequence.source.name));
        if (!value)
            return std::unexpected(value.error());
        auto set =
            target.exec(u"SELECT pg_catalog.setval($1::pg_catalog.regclass, $2::bigint, $3)"_s,
                        {db::qualifiedName(sequence.target.schema, sequence.target.name),
                         value->text(0, 0), value->boolean(0, 1)});
        if (!set)
            return std::unexpected(set.error());
    }
    return {};
}

QString checksumSql(const QStringList& terms, const catalog::QualifiedName& table)
{
    return u"SELECT pg_catalog.count(*) || ':' || coalesce(pg_catalog.sum(('x' || "
           u"pg_catalog.substr(pg_catalog.md5(ROW("_s +
           terms.join(u", "_s) + u")::text), 1, 16))::bit(64)::bigint), 0) FROM ONLY "_s +
           db::qualifiedName(table.schema, table.name);
}

// Counts and checksums every mapped table on both sides; fails listing the tables that differ.
Result<QList<MoveTableStatus>> verify(db::Connection& source, db::Connection& target,
                                      const MoveMapping& mapping)
{
    QList<MoveTableStatus> tables;
    QStringList differ;
    for (const MappedTable& table : mapping.tables) {
        QStringList sourceTerms, targetTerms;
        for (const MappedColumn& column : table.columns) {
            sourceTerms.append(mappedTerm(column));
            targetTerms.append(db::quoteIdentifier(column.target));
        }
        auto left = source.exec(checksumSql(sourceTerms, table.source));
        if (!left)
            return std::unexpected(left.error());
        auto right = target.exec(checksumSql(targetTerms, table.target));
        if (!right)
            return std::unexpected(right.error());
        const QString expected = left->text(0, 0), got = right->text(0, 0);
        if (expected != got)
            differ.append(u"%1 (source %2 rows, target %3)"_s.arg(
                table.target.display(), expected.section(u':', 0, 0), got.section(u':', 0, 0)));
        tables.append({table.source.display(), table.target.display(),
                       got.section(u':', 0, 0).toLongLong(), got});
    }
    if (!differ.isEmpty())
        return fail(ErrorCode::Generic,
                    u"the target differs from the source (mapped): "_s + differ.join(u", "_s));
    return tables;
}

Result<QList<MoveTableStatus>> copyProgress(db::Connection& target, const QString& mappingText)
{
    auto mapping = parseMoveMapping(mappingText.toUtf8(), u"the move's state"_s);
    if (!mapping)
        return std::unexpected(mapping.error());
    QHash<QString, qint64> copied;
    auto inProgress = schemaExists(target, copyStateSchema);
    if (!inProgress)
        return std::unexpected(inProgress.error());
    if (*inProgress) {
        auto rows =
            target.exec(u"SELECT table_schema, table_name, coalesce(sum(rows), 0) FROM "_s +
                        db::qualifiedName(copyStateSchema, u"copy_chunk"_s) + u" GROUP BY 1, 2"_s);
        if (!rows)
            return std::unexpected(rows.error());
        for (int row = 0; row < rows->rowCount(); ++row)
            copied.insert(catalog::QualifiedName{rows->text(row, 0), rows->text(row, 1)}.display(),
                          rows->int64(row, 2));
    }
    QList<MoveTableStatus> tables;
    for (const MappedTable& table : mapping->tables)
        tables.append({table.source.display(),
                       table.target.display(),
                       copied.value(table.target.display()),
                       {}});
    return tables;
}

QJsonArray tablesJson(const QList<MoveTableStatus>& tables)
{
    QJsonArray list;
    for (const MoveTableStatus& table : tables)
        list.append(QJsonObject{{u"source"_s, table.source},
                                {u"target"_s, table.target},
                                {u"rows"_s, table.copiedRows},
                                {u"checksum"_s, table.checksum}});
    return list;
}

Result<std::unique_ptr<db::Connection>> openWithSettings(const db::ConnectionInfo& info,
                                                         Progress& progress)
{
    auto connection = db::Connection::open(info, progress);
    if (!connection)
        return std::unexpected(connection.error());
    if (auto settings = applyCopySessionSettings(**connection); !settings)
        return std::unexpected(settings.error());
    return connection;
}

Result<catalog::Catalog> readCatalog(db::Connection& connection, const QStringList& schemas,
                                     Progress& progress)
{
    catalog::IntrospectOptions options;
    options.schemas = schemas;
    options.readerConnections = 1;
    QuietSteps quiet(progress);
    return catalog::introspect(connection, options, quiet);
}

QList<catalog::QualifiedName> sourceTables(const MoveMapping& mapping)
{
    QList<catalog::QualifiedName> tables;
    for (const MappedTable& table : mapping.tables)
        if (!tables.contains(table.source))
            tables.append(table.source);
    return tables;
}

QList<QStringList> keysOf(const MovePlan& plan, const catalog::Catalog& target)
{
    QList<QStringList> keys;
    for (const MappedTable& table : plan.mapping.tables)
        keys.append(primaryKeyColumns(target, table.target));
    return keys;
}

} // namespace plumb::transfer::detail
