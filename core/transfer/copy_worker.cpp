#include "copy_worker.h"

#include "core/db/quote.h"
#include "core/transfer/batch_relay.h"
#include "core/transfer/copy_text.h"
#include "core/transfer/source_snapshot.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace plumb::transfer::detail {

namespace {

// Rows are sent to the target in batches of about this many bytes: big enough that libpq and the
// kernel move data in large writes, small enough that memory stays flat whatever the table.
constexpr size_t batchBytes = 256 * 1024;
// Batches in flight per worker: one being sent, one queued, one being filled.
constexpr int relayBuffers = 3;

// What the source selects for a column: its name, or the mapping's expression over the row.
QString sourceTerm(const ColumnMapping& column)
{
    return column.sourceExpression.isEmpty() ? db::quoteIdentifier(column.source)
                                             : u"("_s + column.sourceExpression + u')';
}

QString columnList(const QList<ColumnMapping>& columns, bool source)
{
    QStringList names;
    for (const ColumnMapping& column : columns)
        names.append(source ? sourceTerm(column) : db::quoteIdentifier(column.target));
    return names.join(u", "_s);
}

// count and the sum of the first 64 bits of each row's md5, over the columns copied unchanged:
// the same text on both servers when the rows are the same (the sessions share their settings).
QString checksumQuery(const QList<ColumnMapping>& columns, const catalog::QualifiedName& table,
                      bool source)
{
    QStringList names;
    for (const ColumnMapping& column : columns)
        if (!column.transform)
            names.append(source ? sourceTerm(column) : db::quoteIdentifier(column.target));
    if (names.isEmpty())
        return {};
    return u"SELECT pg_catalog.count(*) || ':' || coalesce(pg_catalog.sum(('x' || "
           u"pg_catalog.substr(pg_catalog.md5(ROW("_s +
           names.join(u", "_s) + u")::text), 1, 16))::bit(64)::bigint), 0) FROM ONLY "_s +
           db::qualifiedName(table.schema, table.name);
}

} // namespace

void CancelBoard::add(db::Connection* connection)
{
    std::lock_guard lock(m_mutex);
    m_live.push_back(connection);
    if (stopped())
        connection->cancel();
}

void CancelBoard::remove(db::Connection* connection)
{
    std::lock_guard lock(m_mutex);
    std::erase(m_live, connection);
}

void CancelBoard::cancelAll()
{
    m_stopped.store(true, std::memory_order_release);
    std::lock_guard lock(m_mutex);
    for (db::Connection* connection : m_live)
        connection->cancel();
}

TablePlan makeTablePlan(const TableJob& job)
{
    TablePlan plan;
    plan.select = u"SELECT "_s + columnList(job.columns, true) + u" FROM ONLY "_s +
                  db::qualifiedName(job.source.schema, job.source.name);
    plan.copyIn = u"COPY "_s + db::qualifiedName(job.target.schema, job.target.name) + u" ("_s +
                  columnList(job.columns, false) + u") FROM STDIN"_s;
    plan.sourceChecksum = checksumQuery(job.columns, job.source, true);
    plan.targetChecksum = checksumQuery(job.columns, job.target, false);
    const QString target = db::qualifiedName(job.target.schema, job.target.name);
    plan.countTarget = u"SELECT pg_catalog.count(*) FROM ONLY "_s + target;
    plan.lockTarget = u"LOCK TABLE ONLY "_s + target + u" IN SHARE ROW EXCLUSIVE MODE"_s;
    plan.probeTarget = u"SELECT EXISTS (SELECT FROM ONLY "_s + target + u')';
    plan.transformed = std::ranges::any_of(
        job.columns, [](const ColumnMapping& column) { return column.transform != nullptr; });
    return plan;
}

Result<std::unique_ptr<Worker>> Worker::open(const SourceSnapshot& snapshot,
                                             const db::ConnectionInfo& target, CancelBoard& board)
{
    SilentProgress connecting;
    auto source = snapshot.joinConnection(connecting);
    if (!source)
        return std::unexpected(source.error());
    auto sink = db::Connection::open(target, connecting);
    if (!sink)
        return std::unexpected(sink.error());
    if (auto settings = applyCopySessionSettings(**sink); !settings)
        return std::unexpected(settings.error());
    // A chunk's rows and its progress mark commit together; if the target server crashed before
    // the commit reached disk, both are lost together and the chunk is simply done again.
    auto asynchronous =
        (*sink)->exec(u"SELECT pg_catalog.set_config('synchronous_commit', 'off', false)"_s);
    if (!asynchronous)
        return std::unexpected(asynchronous.error());
    return std::unique_ptr<Worker>(new Worker(std::move(*source), std::move(*sink), board));
}

Worker::Worker(std::unique_ptr<db::Connection> source, std::unique_ptr<db::Connection> target,
               CancelBoard& board)
    : m_source(std::move(source))
    , m_target(std::move(target))
    , m_board(board)
{
    m_board.add(m_source.get());
    m_board.add(m_target.get());
}

Worker::~Worker()
{
    m_board.remove(m_source.get());
    m_board.remove(m_target.get());
}

std::vector<std::unique_ptr<ValueTransform>>& Worker::transformsFor(int tableIndex,
                                                                    const TableJob& job)
{
    auto found = m_transforms.find(tableIndex);
    if (found != m_transforms.end())
        return found->second;
    std::vector<std::unique_ptr<ValueTransform>> instances;
    for (const ColumnMapping& column : job.columns)
        instances.push_back(column.transform ? column.transform->clone() : nullptr);
    return m_transforms.emplace(tableIndex, std::move(instances)).first->second;
}

Result<QList<qint64>> Worker::loadUnit(const CopySpec& spec, const std::vector<TablePlan>& plans,
                                       const QList<Chunk>& chunks, const EngineOptions& options,
                                       std::atomic<qint64>& copied)
{
    auto transaction = db::Transaction::begin(*m_target);
    if (!transaction)
        return std::unexpected(transaction.error());
    if (chunks.size() > 1) {
        // Tables that reference each other: their foreign keys are checked at the commit.
        auto deferred = m_target->exec(u"SET CONSTRAINTS ALL DEFERRED"_s);
        if (!deferred)
            return std::unexpected(deferred.error());
    }
    QList<qint64> rows;
    for (const Chunk& chunk : chunks) {
        const TableJob& job = spec.tables[chunk.table];
        if (isWholeTable(chunk))
            if (auto sealed = sealForLoad(job, plans[std::size_t(chunk.table)]); !sealed)
                return std::unexpected(sealed.error());
        auto loaded = streamChunk(chunk.table, job, plans[std::size_t(chunk.table)], chunk, copied);
        if (!loaded)
            return std::unexpected(loaded.error());
        if (auto marked = state::markDone(*m_target, options, job, chunk, *loaded); !marked)
            return std::unexpected(marked.error());
        rows.append(*loaded);
    }
    if (auto committed = transaction->commit(); !committed) {
        Error error = committed.error();
        if (chunks.size() > 1)
            error.message += u" (while committing tables that reference each other)"_s;
        return std::unexpected(error);
    }
    return rows;
}

// Keeps other writers out of a table loaded whole until this transaction ends (SHARE ROW
// EXCLUSIVE lets readers and the foreign-key checks of other tables through), then proves it
// still empty, as the copy's start found it. Its rows after the commit are then exactly the ones
// the COPY stored, and the table need not be counted again (a full scan: 8 % of an unmasked
// copy's time). lock_timeout turns a session that holds the table into an error that names it.
Status Worker::sealForLoad(const TableJob& job, const TablePlan& plan)
{
    auto previous = m_target->exec(u"SELECT pg_catalog.current_setting('lock_timeout')"_s);
    if (!previous)
        return std::unexpected(previous.error());
    auto timeout = m_target->exec(u"SELECT pg_catalog.set_config('lock_timeout', '60s', true)"_s);
    if (!timeout)
        return std::unexpected(timeout.error());
    if (auto locked = m_target->exec(plan.lockTarget); !locked) {
        Error error = locked.error();
        if (error.sqlState == u"55P03")
            error.message = u"%1 stayed locked by another session for a minute: end the "
                            u"transactions that write to it, then run the copy again with "
                            u"--resume"_s.arg(job.target.display());
        return std::unexpected(error);
    }
    // The rest of the load waits as the session would have (its own setting, not ours).
    auto restored = m_target->exec(u"SELECT pg_catalog.set_config('lock_timeout', $1, true)"_s,
                                   {previous->text(0, 0)});
    if (!restored)
        return std::unexpected(restored.error());
    auto probe = m_target->exec(plan.probeTarget);
    if (!probe)
        return std::unexpected(probe.error());
    if (probe->text(0, 0) == u"t"_s)
        return fail(ErrorCode::Generic,
                    u"%1 received rows from elsewhere since the copy began: stop what writes "
                    u"to it, then copy again with --truncate"_s.arg(job.target.display()));
    return {};
}

Result<qint64> Worker::streamChunk(int tableIndex, const TableJob& job, const TablePlan& plan,
                                   const Chunk& chunk, std::atomic<qint64>& copied)
{
    QString select = plan.select;
    // Page ranges come from the engine's own arithmetic, never from input: plain numbers.
    if (chunk.firstPage > 0)
        select += u" WHERE ctid >= '("_s + QString::number(chunk.firstPage) + u",0)'::tid"_s;
    if (chunk.endPage >= 0)
        select += (chunk.firstPage > 0 ? u" AND"_s : u" WHERE"_s) + u" ctid < '("_s +
                  QString::number(chunk.endPage) + u",0)'::tid"_s;

    if (auto started = m_target->startCopy(plan.copyIn); !started)
        return std::unexpected(started.error());
    // The target's side runs on a thread of its own from here to relay.finish() or
    // relay.abandon(), which join it; this thread reads (and masks) meanwhile.
    BatchRelay relay([this](std::string_view batch) { return m_target->writeCopy(batch); },
                     relayBuffers, batchBytes + 64 * 1024);
    // From here on, any failure ends the target's COPY with an abort, so that none of its rows
    // are stored (the transaction around it is then rolled back too).
    auto abort = [this, &relay](Error error) -> Result<qint64> {
        relay.abandon();
        (void)m_target->finishCopyIn(u"plumb copy stopped: "_s + error.message);
        return std::unexpected(std::move(error));
    };
    if (auto started = m_source->startCopy(u"COPY ("_s + select + u") TO STDOUT"_s); !started)
        return abort(started.error());

    auto& transforms = transformsFor(tableIndex, job);
    const bool transformed = plan.transformed;
    const size_t columnCount = transforms.size();
    std::string* batch = relay.acquire();
    qint64 rows = 0;       // rows read from the source
    qint64 unreported = 0; // of which not yet added to `copied`
    std::string_view row;
    while (true) {
        auto more = m_source->readCopyRow(row);
        if (!more) {
            Error error = more.error();
            if (m_board.stopped() && error.sqlState == u"57014") {
                error.code = ErrorCode::Canceled;
                error.message = u"the copy was canceled"_s;
            }
            return abort(error);
        }
        if (!*more)
            break;
        ++rows;
        ++unreported;
        if (!transformed) {
            batch->append(row);
        } else {
            copytext::splitRow(row, m_fields);
            if (m_fields.size() != columnCount)
                return abort(Error::make(
                    ErrorCode::Generic,
                    u"a row of %1 came with %2 fields instead of %3"_s.arg(job.source.display())
                        .arg(m_fields.size())
                        .arg(columnCount)));
            for (size_t i = 0; i < columnCount; ++i) {
                if (i)
                    batch->push_back('\t');
                ValueTransform* transform = transforms[i].get();
                if (!transform) {
                    batch->append(m_fields[i]);
                    continue;
                }
                bool isNull = copytext::isNull(m_fields[i]);
                if (isNull)
                    m_value.clear();
                else
                    copytext::decodeField(m_fields[i], m_value);
                transform->apply(m_value, isNull);
                if (isNull)
                    batch->append("\\N");
                else
                    copytext::appendEncoded(m_value, *batch);
            }
            batch->push_back('\n');
        }
        if (batch->size() >= batchBytes) {
            if (m_board.stopped())
                return abort(Error::make(ErrorCode::Canceled, u"the copy was canceled"_s));
            relay.submit(batch);
            batch = relay.acquire();
            if (!batch) // the target refused a batch: finish() says why
                return abort(relay.finish().error());
            copied.fetch_add(std::exchange(unreported, 0), std::memory_order_relaxed);
        }
    }
    relay.submit(batch);
    if (auto sent = relay.finish(); !sent)
        return abort(sent.error());
    copied.fetch_add(unreported, std::memory_order_relaxed);
    const qint64 read = m_source->copiedRows();
    if (read != rows)
        return abort(Error::make(ErrorCode::Generic,
                                 u"the source sent %1 rows of %2 but reported %3"_s.arg(rows)
                                     .arg(job.source.display())
                                     .arg(read)));
    auto stored = m_target->finishCopyIn();
    if (!stored)
        return std::unexpected(stored.error());
    if (*stored != read)
        return fail(
            ErrorCode::Generic,
            u"%1 stored %2 rows of the %3 read from %4: a trigger or rule on the target "
            u"changed what COPY inserts. Disable it for the copy"_s.arg(job.target.display())
                .arg(*stored)
                .arg(read)
                .arg(job.source.display()));
    return read;
}

Result<TableCheck> Worker::verifyTable(const TableJob& job, const TablePlan& plan,
                                       qint64 expectedRows, bool checksum, bool sealed)
{
    TableCheck check;
    check.rows = expectedRows;
    if (!sealed) {
        auto counted = m_target->exec(plan.countTarget);
        if (!counted)
            return std::unexpected(counted.error());
        check.rows = counted->int64(0, 0);
    }
    if (check.rows != expectedRows)
        return fail(ErrorCode::Generic,
                    u"%1 holds %2 rows after the copy, but %3 were copied into it: something "
                    u"else wrote to it during the copy. Copy again with --truncate"_s
                        .arg(job.target.display())
                        .arg(check.rows)
                        .arg(expectedRows));
    if (!checksum || plan.sourceChecksum.isEmpty())
        return check;
    auto source = m_source->exec(plan.sourceChecksum);
    if (!source)
        return std::unexpected(source.error());
    auto target = m_target->exec(plan.targetChecksum);
    if (!target)
        return std::unexpected(target.error());
    if (source->text(0, 0) != target->text(0, 0))
        return fail(ErrorCode::Generic,
                    u"the checksum of %1's unmasked columns differs between source (%2) and "
                    u"target (%3): the source changed since an interrupted run, or a value did "
                    u"not survive the trip. Copy again with --truncate"_s.arg(
                        job.target.display(), source->text(0, 0), target->text(0, 0)));
    check.checksum = target->text(0, 0);
    return check;
}

} // namespace plumb::transfer::detail
