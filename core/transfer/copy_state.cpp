#include "copy_state.h"

#include "core/db/quote.h"

#include <QHash>
#include <QSet>

using namespace Qt::StringLiterals;

namespace plumb::transfer::detail::state {

namespace {

QString chunkTable(const EngineOptions& options)
{
    return db::qualifiedName(options.stateSchema, u"copy_chunk");
}
QString runTable(const EngineOptions& options)
{
    return db::qualifiedName(options.stateSchema, u"copy_run");
}

Result<bool> stateExists(db::Connection& target, const EngineOptions& options)
{
    auto found = target.exec(u"SELECT pg_catalog.to_regclass($1) IS NOT NULL"_s,
                             {db::Param(runTable(options))});
    if (!found)
        return std::unexpected(found.error());
    return found->boolean(0, 0);
}

QString tableList(const CopySpec& spec, const QList<int>& indexes)
{
    QStringList names;
    for (int index : indexes)
        names.append(
            db::qualifiedName(spec.tables[index].target.schema, spec.tables[index].target.name));
    return names.join(u", "_s);
}

// TRUNCATE ONLY of several tables in one statement, so foreign keys between them do not stand in
// the way; a table outside the list that references one of them does, and the error says so.
Status truncateTables(db::Connection& target, const CopySpec& spec, const QList<int>& indexes,
                      Progress& progress)
{
    if (indexes.isEmpty())
        return {};
    const QString sql = u"TRUNCATE ONLY "_s + tableList(spec, indexes);
    progress.log(sql);
    auto truncated = target.exec(sql);
    if (!truncated) {
        Error error = truncated.error();
        error.message = u"cannot empty the target tables: "_s + error.message +
                        u". A table that is not copied references one of them: add it to the "
                        u"copy, or empty it first."_s;
        return std::unexpected(error);
    }
    return {};
}

// Indexes (into spec.tables) of the target tables that hold at least one row. One query per
// batch of tables, each probe reading at most one row.
Result<QList<int>> nonEmptyTables(db::Connection& target, const CopySpec& spec)
{
    QList<int> found;
    constexpr int batch = 200;
    for (int start = 0; start < spec.tables.size(); start += batch) {
        QStringList probes;
        for (int i = start; i < std::min<int>(start + batch, int(spec.tables.size())); ++i)
            probes.append(
                u"SELECT "_s + QString::number(i) + u" WHERE EXISTS (SELECT FROM ONLY "_s +
                db::qualifiedName(spec.tables[i].target.schema, spec.tables[i].target.name) + u')');
        auto rows = target.exec(probes.join(u" UNION ALL "_s));
        if (!rows)
            return std::unexpected(rows.error());
        for (int row = 0; row < rows->rowCount(); ++row)
            found.append(rows->int32(row, 0));
    }
    return found;
}

} // namespace

Result<bool> hasProgress(db::Connection& target, const EngineOptions& options)
{
    return stateExists(target, options);
}

Status start(db::Connection& target, const CopySpec& spec, const EngineOptions& options,
             const QList<Chunk>& chunks, Progress& progress)
{
    auto transaction = db::Transaction::begin(target);
    if (!transaction)
        return std::unexpected(transaction.error());
    auto exists = stateExists(target, options);
    if (!exists)
        return std::unexpected(exists.error());
    if (*exists && !options.truncate)
        return fail(ErrorCode::Config,
                    u"the target holds the progress of an interrupted copy (schema %1): pass "
                    u"--resume to finish it, or --truncate to start again from empty tables"_s.arg(
                        options.stateSchema));
    if (*exists) {
        if (auto dropped = finish(target, options); !dropped)
            return dropped;
    }

    auto filled = nonEmptyTables(target, spec);
    if (!filled)
        return std::unexpected(filled.error());
    if (!filled->isEmpty()) {
        if (!options.truncate) {
            QStringList names;
            for (int index : *filled)
                names.append(spec.tables[index].target.display());
            return fail(ErrorCode::Config,
                        u"target tables already hold rows: %1. A copy fills empty tables; pass "
                        u"--truncate to empty them first"_s.arg(names.join(u", "_s)));
        }
        // Every table of the copy, so that foreign keys among them never block the statement.
        QList<int> all;
        for (int i = 0; i < spec.tables.size(); ++i)
            all.append(i);
        if (auto truncated = truncateTables(target, spec, all, progress); !truncated)
            return truncated;
    }

    const QString schema = db::quoteIdentifier(options.stateSchema);
    const QStringList ddl = {
        u"CREATE SCHEMA "_s + schema,
        u"COMMENT ON SCHEMA "_s + schema +
            u" IS 'Progress of a plumb copy into this database, dropped when the copy finishes. "
            u"plumb copy --resume finishes an interrupted copy; DROP SCHEMA ... CASCADE forgets "
            u"it.'"_s,
        u"CREATE TABLE "_s + runTable(options) +
            u" (fingerprint text NOT NULL, source text NOT NULL, "
            u"started_at timestamptz NOT NULL DEFAULT now(), resumed_at timestamptz)"_s,
        u"CREATE TABLE "_s + chunkTable(options) +
            u" (table_schema text NOT NULL, table_name text NOT NULL, chunk integer NOT NULL, "
            u"first_page bigint NOT NULL, end_page bigint NOT NULL, rows bigint, "
            u"done_at timestamptz, PRIMARY KEY (table_schema, table_name, chunk))"_s,
    };
    for (const QString& statement : ddl)
        if (auto done = target.exec(statement); !done)
            return std::unexpected(done.error());
    auto run = target.exec(u"INSERT INTO "_s + runTable(options) +
                               u" (fingerprint, source) VALUES ($1, $2)"_s,
                           {db::Param(options.fingerprint), db::Param(options.sourceLabel)});
    if (!run)
        return std::unexpected(run.error());

    QStringList schemas, names, numbers, firsts, ends;
    for (const Chunk& chunk : chunks) {
        schemas.append(spec.tables[chunk.table].target.schema);
        names.append(spec.tables[chunk.table].target.name);
        numbers.append(QString::number(chunk.number));
        firsts.append(QString::number(chunk.firstPage));
        ends.append(QString::number(chunk.endPage));
    }
    auto recorded = target.exec(
        u"INSERT INTO "_s + chunkTable(options) +
            u" (table_schema, table_name, chunk, first_page, end_page) "
            u"SELECT * FROM unnest($1::text[], $2::text[], $3::text[]::integer[], "
            u"$4::text[]::bigint[], $5::text[]::bigint[])"_s,
        {db::Param::textArray(schemas), db::Param::textArray(names), db::Param::textArray(numbers),
         db::Param::textArray(firsts), db::Param::textArray(ends)});
    if (!recorded)
        return std::unexpected(recorded.error());
    return transaction->commit();
}

Result<QList<Chunk>> resume(db::Connection& target, const CopySpec& spec,
                            const EngineOptions& options, Progress& progress)
{
    auto transaction = db::Transaction::begin(target);
    if (!transaction)
        return std::unexpected(transaction.error());
    auto exists = stateExists(target, options);
    if (!exists)
        return std::unexpected(exists.error());
    if (!*exists)
        return fail(ErrorCode::Config,
                    u"nothing to resume: the target holds no progress of an interrupted copy "
                    u"(schema %1). Run the copy without --resume"_s.arg(options.stateSchema));
    auto run = target.exec(u"SELECT fingerprint FROM "_s + runTable(options));
    if (!run)
        return std::unexpected(run.error());
    if (run->rowCount() != 1 || run->text(0, 0) != options.fingerprint)
        return fail(ErrorCode::Config,
                    u"the interrupted copy in the target was started with other tables, columns, "
                    u"rules or masking key: resuming it with these would mix two different "
                    u"copies. Run it again as it was started, or start again with --truncate"_s);

    QHash<catalog::QualifiedName, int> tableIndex;
    for (int i = 0; i < spec.tables.size(); ++i)
        tableIndex.insert(spec.tables[i].target, i);
    auto rows = target.exec(u"SELECT table_schema, table_name, chunk, first_page, end_page, "
                            u"rows, done_at IS NOT NULL FROM "_s +
                            chunkTable(options) + u" ORDER BY 1, 2, 3"_s);
    if (!rows)
        return std::unexpected(rows.error());
    QList<Chunk> chunks;
    for (int row = 0; row < rows->rowCount(); ++row) {
        const catalog::QualifiedName name{rows->text(row, 0), rows->text(row, 1)};
        const auto found = tableIndex.constFind(name);
        if (found == tableIndex.constEnd())
            return fail(ErrorCode::Config, u"the interrupted copy in the target also copied %1, "
                                           u"which this copy does not: start again with "
                                           u"--truncate"_s.arg(name.display()));
        Chunk chunk;
        chunk.table = *found;
        chunk.number = rows->int32(row, 2);
        chunk.firstPage = rows->int64(row, 3);
        chunk.endPage = rows->int64(row, 4);
        chunk.done = rows->boolean(row, 6);
        chunk.rows = chunk.done ? rows->int64(row, 5) : 0;
        chunks.append(chunk);
    }

    // A table with some chunks done and some not is redone whole: a row updated between the two
    // snapshots may have moved from one page range to another.
    QHash<int, int> doneCount, chunkCount;
    for (const Chunk& chunk : std::as_const(chunks)) {
        ++chunkCount[chunk.table];
        if (chunk.done)
            ++doneCount[chunk.table];
    }
    for (int i = 0; i < spec.tables.size(); ++i)
        if (!chunkCount.contains(i))
            return fail(ErrorCode::Config,
                        u"the interrupted copy in the target did not copy %1: "
                        u"start again with --truncate"_s.arg(spec.tables[i].target.display()));
    QList<int> partial, unfinished;
    for (auto it = chunkCount.cbegin(); it != chunkCount.cend(); ++it) {
        const int done = doneCount.value(it.key());
        if (done < it.value())
            unfinished.append(it.key());
        if (done > 0 && done < it.value())
            partial.append(it.key());
    }
    if (!partial.isEmpty()) {
        std::ranges::sort(unfinished);
        progress.log(u"Redoing %1 whole: only part of it was committed before the "
                     u"interruption."_s.arg(tableList(spec, partial)));
        // Every unfinished table is empty or partial, and the tables referencing a partial one
        // are unfinished (they wait for it), so truncating them together never cascades.
        if (auto truncated = truncateTables(target, spec, unfinished, progress); !truncated)
            return std::unexpected(truncated.error());
        const QSet<int> redo(partial.cbegin(), partial.cend());
        for (Chunk& chunk : chunks)
            if (redo.contains(chunk.table)) {
                chunk.done = false;
                chunk.rows = 0;
            }
        auto reset = target.exec(
            u"UPDATE "_s + chunkTable(options) +
                u" SET done_at = NULL, rows = NULL "
                u"WHERE (table_schema, table_name) IN "
                u"(SELECT * FROM unnest($1::text[], $2::text[]))"_s,
            [&] {
                QStringList schemas, names;
                for (int index : partial) {
                    schemas.append(spec.tables[index].target.schema);
                    names.append(spec.tables[index].target.name);
                }
                return db::Params{db::Param::textArray(schemas), db::Param::textArray(names)};
            }());
        if (!reset)
            return std::unexpected(reset.error());
    }
    auto marked = target.exec(u"UPDATE "_s + runTable(options) + u" SET resumed_at = now()"_s);
    if (!marked)
        return std::unexpected(marked.error());
    if (auto committed = transaction->commit(); !committed)
        return std::unexpected(committed.error());
    return chunks;
}

Status markDone(db::Connection& target, const EngineOptions& options, const TableJob& table,
                const Chunk& chunk, qint64 rows)
{
    auto marked = target.exec(u"UPDATE "_s + chunkTable(options) +
                                  u" SET rows = $4, done_at = now() WHERE table_schema = $1 "
                                  u"AND table_name = $2 AND chunk = $3"_s,
                              {db::Param(table.target.schema), db::Param(table.target.name),
                               db::Param(chunk.number), db::Param(rows)});
    if (!marked)
        return std::unexpected(marked.error());
    if (marked->affectedRows() != 1)
        return fail(ErrorCode::Generic,
                    u"the copy's progress in the target lost the record of %1, part %2: was the "
                    u"schema %3 changed during the copy?"_s.arg(table.target.display())
                        .arg(chunk.number)
                        .arg(options.stateSchema));
    return {};
}

Status finish(db::Connection& target, const EngineOptions& options)
{
    // Table by table, so the server has no cascade to tell about.
    const QStringList statements = {
        u"DROP TABLE IF EXISTS "_s + chunkTable(options) + u", "_s + runTable(options),
        u"DROP SCHEMA IF EXISTS "_s + db::quoteIdentifier(options.stateSchema)};
    for (const QString& statement : statements) {
        auto dropped = target.exec(statement);
        if (!dropped)
            return std::unexpected(dropped.error());
    }
    return {};
}

} // namespace plumb::transfer::detail::state
