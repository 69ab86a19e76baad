#include "copy_engine.h"

#include "core/db/quote.h"
#include "core/transfer/copy_state.h"
#include "core/transfer/copy_worker.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <algorithm>
#include <condition_variable>
#include <thread>

using namespace Qt::StringLiterals;

namespace plumb::transfer {

namespace {

using detail::Chunk;

// Chunked reads need TID range scans, which read only the pages asked for (PostgreSQL 14).
constexpr int tidRangeScanVersion = 140000;

// Each table's size in bytes on the source, as the snapshot's connection sees it.
Result<QList<qint64>> tableSizes(db::Connection& source, const CopySpec& spec)
{
    QStringList names;
    for (const TableJob& job : spec.tables)
        names.append(db::qualifiedName(job.source.schema, job.source.name));
    auto rows =
        source.exec(u"SELECT coalesce(pg_catalog.pg_relation_size(pg_catalog.to_regclass(n)), 0) "
                    u"FROM unnest($1::text[]) WITH ORDINALITY AS t(n, i) ORDER BY i"_s,
                    {db::Param::textArray(names)});
    if (!rows)
        return std::unexpected(rows.error());
    QList<qint64> sizes;
    for (int row = 0; row < rows->rowCount(); ++row)
        sizes.append(rows->int64(row, 0));
    return sizes;
}

// Page ranges for each table: one chunk for small tables (and when chunks cannot be read
// cheaply), else ranges of options.chunkBytes with an open-ended last one.
QList<Chunk> planChunks(const CopySpec& spec, const QList<qint64>& sizes, qint64 blockSize,
                        bool canSplit, const EngineOptions& options)
{
    QList<Chunk> chunks;
    const qint64 pagesPerChunk = std::max<qint64>(1, options.chunkBytes / blockSize);
    for (int t = 0; t < spec.tables.size(); ++t) {
        const TableJob& job = spec.tables[t];
        const qint64 pages = sizes.value(t) / blockSize;
        const bool split =
            canSplit && job.splittable && job.group.isEmpty() && pages > pagesPerChunk;
        const qint64 count = split ? (pages + pagesPerChunk - 1) / pagesPerChunk : 1;
        for (qint64 k = 0; k < count; ++k) {
            Chunk chunk;
            chunk.table = t;
            chunk.number = int(k);
            chunk.firstPage = k * pagesPerChunk;
            chunk.endPage = k + 1 == count ? -1 : (k + 1) * pagesPerChunk;
            chunks.append(chunk);
        }
    }
    return chunks;
}

// Hands out units of work (a chunk, or the tables of a foreign-key cycle) whose referenced
// tables are complete, biggest first. Shared by the workers; every member is guarded by m_mutex.
class Scheduler {
public:
    Scheduler(const CopySpec& spec, const QList<Chunk>& chunks, const QList<qint64>& sizes)
        : m_chunks(chunks)
        , m_remaining(spec.tables.size(), 0)
    {
        QHash<catalog::QualifiedName, int> index;
        for (int t = 0; t < spec.tables.size(); ++t)
            index.insert(spec.tables[t].target, t);
        for (int c = 0; c < m_chunks.size(); ++c)
            if (!m_chunks[c].done)
                ++m_remaining[std::size_t(m_chunks[c].table)];
        QHash<QString, int> groupUnit;
        for (int c = 0; c < m_chunks.size(); ++c) {
            const Chunk& chunk = m_chunks[c];
            if (chunk.done)
                continue;
            const TableJob& job = spec.tables[chunk.table];
            int unitIndex = -1;
            if (!job.group.isEmpty() && groupUnit.contains(job.group)) {
                unitIndex = groupUnit.value(job.group);
            } else {
                unitIndex = int(m_units.size());
                m_units.push_back({});
                if (!job.group.isEmpty())
                    groupUnit.insert(job.group, unitIndex);
            }
            Unit& unit = m_units[std::size_t(unitIndex)];
            unit.chunks.append(c);
            unit.tables.insert(chunk.table);
            const qint64 tablePages = std::max<qint64>(1, sizes.value(chunk.table) / 8192);
            unit.weight += chunk.endPage >= 0 ? chunk.endPage - chunk.firstPage
                                              : std::max<qint64>(1, tablePages - chunk.firstPage);
            for (const catalog::QualifiedName& parent : job.after)
                if (const auto found = index.constFind(parent); found != index.constEnd())
                    unit.waitsFor.insert(*found);
        }
        for (Unit& unit : m_units)
            for (int t : unit.tables)
                unit.waitsFor.remove(t);
        std::ranges::stable_sort(m_units,
                                 [](const Unit& a, const Unit& b) { return a.weight > b.weight; });
    }

    // The chunk indexes of the next unit, waiting while every pending unit waits for a table
    // still loading; nullopt when nothing is left or the copy stopped.
    std::optional<QList<int>> next(const detail::CancelBoard& board)
    {
        std::unique_lock lock(m_mutex);
        while (true) {
            if (board.stopped() || m_failed)
                return std::nullopt;
            bool pending = false;
            for (Unit& unit : m_units) {
                if (unit.taken)
                    continue;
                pending = true;
                if (std::ranges::all_of(unit.waitsFor, [this](int t) {
                        return m_remaining[std::size_t(t)] == 0;
                    })) {
                    unit.taken = true;
                    ++m_running;
                    return unit.chunks;
                }
            }
            if (!pending)
                return std::nullopt;
            if (m_running == 0) {
                m_failed = true; // nothing runs that could unblock the rest: a cycle
                m_changed.notify_all();
                return std::nullopt;
            }
            m_changed.wait(lock);
        }
    }

    // Records a unit's chunks as done; returns the tables that became complete.
    QList<int> finished(const QList<int>& chunkIndexes, const QList<qint64>& rows)
    {
        std::lock_guard lock(m_mutex);
        QList<int> complete;
        for (int i = 0; i < chunkIndexes.size(); ++i) {
            Chunk& chunk = m_chunks[chunkIndexes[i]];
            chunk.done = true;
            chunk.rows = rows.value(i);
            if (--m_remaining[std::size_t(chunk.table)] == 0)
                complete.append(chunk.table);
        }
        --m_running;
        m_changed.notify_all();
        return complete;
    }

    void abandon() // a unit failed
    {
        std::lock_guard lock(m_mutex);
        --m_running;
        m_failed = true;
        m_changed.notify_all();
    }
    void wake()
    {
        std::lock_guard lock(m_mutex);
        m_changed.notify_all();
    }

    bool deadlocked() const
    {
        std::lock_guard lock(m_mutex);
        return m_failed && m_running == 0 &&
               std::ranges::any_of(m_units, [](const Unit& unit) { return !unit.taken; });
    }
    qint64 rowsOf(int table) const
    {
        std::lock_guard lock(m_mutex);
        qint64 rows = 0;
        for (const Chunk& chunk : m_chunks)
            if (chunk.table == table)
                rows += chunk.rows;
        return rows;
    }
    std::pair<int, int> chunkCounts(int table) const // (all, done before this run)
    {
        int all = 0, earlier = 0;
        for (const Chunk& chunk : m_initial)
            if (chunk.table == table) {
                ++all;
                earlier += chunk.done ? 1 : 0;
            }
        return {all, earlier};
    }
    int unitCount() const { return int(m_units.size()); }
    void keepInitial(const QList<Chunk>& chunks) { m_initial = chunks; }

private:
    struct Unit {
        QList<int> chunks;
        QSet<int> tables;
        QSet<int> waitsFor;
        qint64 weight = 0;
        bool taken = false;
    };
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    QList<Chunk> m_chunks;
    QList<Chunk> m_initial; // as the run started: read-only
    std::vector<int> m_remaining;
    std::vector<Unit> m_units;
    int m_running = 0;
    bool m_failed = false;
};

// What the workers share with the coordinator. Guarded by `mutex` unless atomic.
struct Shared {
    std::mutex mutex;
    std::optional<Error> error; // the first failure
    QStringList logLines;       // drained by the coordinator
    QHash<int, detail::TableCheck> checks;
    QHash<int, qint64> loadMs;     // time spent loading each table, all workers
    std::atomic<qint64> copied{0}; // rows streamed so far
    std::atomic<int> unitsDone{0};
    std::atomic<int> workersLeft{0}; // decremented under `mutex`, then workerEnded notified
    std::condition_variable workerEnded;

    void failWith(const Error& failure)
    {
        std::lock_guard lock(mutex);
        if (!error)
            error = failure;
    }
};

Status setSequences(db::Connection& source, db::Connection& target, const CopySpec& spec,
                    Progress& progress, int& count)
{
    for (const SequenceJob& sequence : spec.sequences) {
        auto value = source.exec(u"SELECT last_value, is_called FROM "_s +
                                 db::qualifiedName(sequence.source.schema, sequence.source.name));
        if (!value)
            return std::unexpected(value.error());
        auto set =
            target.exec(u"SELECT pg_catalog.setval($1::regclass, $2, $3)"_s,
                        {db::Param(db::qualifiedName(sequence.target.schema, sequence.target.name)),
                         db::Param(value->int64(0, 0)), db::Param(value->boolean(0, 1))});
        if (!set)
            return std::unexpected(set.error());
        ++count;
    }
    if (count)
        progress.log(u"Set %1 sequence(s) to the source's values."_s.arg(count));
    return {};
}

} // namespace

Result<EngineReport> copyTables(const SourceSnapshot& snapshot, const db::ConnectionInfo& target,
                                const CopySpec& spec, const EngineOptions& options,
                                Progress& progress)
{
    QElapsedTimer clock;
    clock.start();
    for (const TableJob& job : spec.tables)
        if (job.columns.isEmpty())
            return fail(ErrorCode::Config, u"%1 has no column to copy"_s.arg(job.source.display()));

    detail::CancelBoard board;
    InterruptScope interrupt(progress, [&board] { board.cancelAll(); });

    // The coordinator's own pair: plans the chunks, records the state, sets the sequences.
    auto source = snapshot.joinConnection(progress);
    if (!source)
        return std::unexpected(source.error());
    auto sink = db::Connection::open(target, progress);
    if (!sink)
        return std::unexpected(sink.error());
    if (auto settings = applyCopySessionSettings(**sink); !settings)
        return std::unexpected(settings.error());

    auto sizes = tableSizes(**source, spec);
    if (!sizes)
        return std::unexpected(sizes.error());
    auto blockSize = (*source)->exec(u"SELECT pg_catalog.current_setting('block_size')::int"_s);
    if (!blockSize)
        return std::unexpected(blockSize.error());

    // A copy killed before it recorded its progress wrote no rows: resuming it is starting it
    // (which still refuses target tables that hold rows, unless --truncate).
    bool resuming = options.resume;
    if (resuming) {
        auto recorded = detail::state::hasProgress(**sink, options);
        if (!recorded)
            return std::unexpected(recorded.error());
        resuming = *recorded;
    }
    EngineReport report;
    report.resumed = resuming;
    report.consistent = !resuming;
    if (options.resume && !resuming)
        report.notes.append(u"Nothing to resume: the interrupted copy stopped before it recorded "
                            u"any progress, so before it wrote any rows. The copy started from "
                            u"the beginning."_s);
    QList<Chunk> chunks;
    if (resuming) {
        auto loaded = detail::state::resume(**sink, spec, options, progress);
        if (!loaded)
            return std::unexpected(loaded.error());
        chunks = *loaded;
        if (std::ranges::any_of(chunks, [](const Chunk& c) { return c.done; }))
            report.notes.append(u"Resumed: the tables committed before the interruption were "
                                u"read in an earlier snapshot than the rest."_s);
        else
            report.consistent = true;
    } else {
        const bool canSplit =
            options.jobs > 1 && (*source)->serverVersionNumber() >= tidRangeScanVersion;
        chunks = planChunks(spec, *sizes, std::max(1, blockSize->int32(0, 0)), canSplit, options);
        if (chunks.size() > spec.tables.size())
            report.notes.append(
                u"Big tables are read in page ranges of %1 MB by several workers."_s.arg(
                    options.chunkBytes / (1024 * 1024)));
        if (auto started = detail::state::start(**sink, spec, options, chunks, progress); !started)
            return std::unexpected(started.error());
    }

    std::vector<detail::TablePlan> plans;
    for (const TableJob& job : spec.tables)
        plans.push_back(detail::makeTablePlan(job));
    Scheduler scheduler(spec, chunks, *sizes);
    scheduler.keepInitial(chunks);
    Shared shared;
    // Tables the earlier run completed still get their outcome, counted now.
    QSet<int> completeAtStart;
    {
        QHash<int, int> notDone;
        for (const Chunk& chunk : std::as_const(chunks))
            notDone[chunk.table] += chunk.done ? 0 : 1;
        for (int t = 0; t < spec.tables.size(); ++t)
            if (notDone.value(t) == 0)
                completeAtStart.insert(t);
    }

    const int workerCount = std::clamp(options.jobs, 1, std::max(1, scheduler.unitCount()));
    shared.workersLeft = workerCount;
    auto work = [&] {
        auto worker = detail::Worker::open(snapshot, target, board);
        if (!worker) {
            shared.failWith(worker.error());
            board.cancelAll();
        } else {
            while (auto unit = scheduler.next(board)) {
                QList<Chunk> unitChunks;
                for (int c : *unit)
                    unitChunks.append(chunks[c]);
                QElapsedTimer unitClock;
                unitClock.start();
                auto rows = (*worker)->loadUnit(spec, plans, unitChunks, options, shared.copied);
                if (!rows) {
                    shared.failWith(rows.error());
                    scheduler.abandon();
                    board.cancelAll();
                    break;
                }
                {
                    std::lock_guard lock(shared.mutex);
                    for (const Chunk& chunk : unitChunks)
                        shared.loadMs[chunk.table] += unitClock.elapsed() / unitChunks.size();
                }
                ++shared.unitsDone;
                for (int t : scheduler.finished(*unit, *rows)) {
                    const TableJob& job = spec.tables[t];
                    // Loaded whole by this run, in one sealed transaction: not counted again.
                    const bool sealed = scheduler.chunkCounts(t) == std::pair{1, 0};
                    auto check = (*worker)->verifyTable(
                        job, plans[std::size_t(t)], scheduler.rowsOf(t), options.checksum, sealed);
                    if (!check) {
                        shared.failWith(check.error());
                        board.cancelAll();
                        scheduler.wake();
                        break;
                    }
                    std::lock_guard lock(shared.mutex);
                    shared.checks.insert(t, *check);
                    shared.logLines.append(
                        u"%1: %2 rows"_s.arg(job.target.display()).arg(check->rows));
                }
            }
        }
        {
            std::lock_guard lock(shared.mutex);
            --shared.workersLeft;
        }
        shared.workerEnded.notify_all();
        scheduler.wake();
    };
    std::vector<std::thread> threads;
    for (int i = 0; i < workerCount; ++i)
        threads.emplace_back(work);

    // The coordinator reports progress and watches for cancellation on the caller's thread.
    const int units = scheduler.unitCount();
    while (shared.workersLeft.load() > 0) {
        {
            // Woken early by the last worker, so a copy's end is not rounded up to the tick.
            std::unique_lock lock(shared.mutex);
            shared.workerEnded.wait_for(lock, std::chrono::milliseconds(200),
                                        [&] { return shared.workersLeft.load() == 0; });
        }
        if (progress.isCanceled())
            board.cancelAll(); // also done by the interrupt handler; harmless twice
        if (board.stopped())
            scheduler.wake(); // workers waiting for a table see that the copy stopped
        QStringList lines;
        {
            std::lock_guard lock(shared.mutex);
            lines.swap(shared.logLines);
        }
        for (const QString& line : std::as_const(lines))
            progress.log(line);
        const qint64 copied = shared.copied.load();
        const double seconds = std::max(0.001, double(clock.elapsed()) / 1000.0);
        progress.step(shared.unitsDone.load(), units,
                      u"%1 rows copied (%2 rows/s)"_s.arg(copied).arg(qint64(copied / seconds)));
    }
    for (std::thread& thread : threads)
        thread.join();
    for (const QString& line : std::as_const(shared.logLines))
        progress.log(line);

    if (shared.error) {
        Error error = *shared.error;
        if (progress.isCanceled()) {
            error.code = ErrorCode::Canceled;
            error.message = u"the copy was canceled; what committed is kept: run it again with "
                            u"--resume to finish it"_s;
        } else {
            error.message += u". What committed before the failure is kept in the target: fix "
                             u"the cause and run the copy again with --resume"_s;
        }
        return std::unexpected(error);
    }
    if (progress.isCanceled())
        return fail(ErrorCode::Canceled, u"the copy was canceled; run it again with --resume to "
                                         u"finish it"_s);
    if (scheduler.deadlocked())
        return fail(ErrorCode::Generic,
                    u"some tables wait for each other through foreign keys and were never "
                    u"loaded: give the tables of a cycle one group"_s);

    // Tables an earlier run finished: verified now, on the coordinator's connections.
    for (int t : std::as_const(completeAtStart)) {
        auto counted = (*sink)->exec(plans[std::size_t(t)].countTarget);
        if (!counted)
            return std::unexpected(counted.error());
        detail::TableCheck check;
        check.rows = counted->int64(0, 0);
        if (check.rows != scheduler.rowsOf(t))
            return fail(ErrorCode::Generic,
                        u"%1 holds %2 rows, but the interrupted copy recorded %3: something "
                        u"else wrote to it. Copy again with --truncate"_s
                            .arg(spec.tables[t].target.display())
                            .arg(check.rows)
                            .arg(scheduler.rowsOf(t)));
        shared.checks.insert(t, check);
    }

    if (auto sequences = setSequences(**source, **sink, spec, progress, report.sequencesSet);
        !sequences)
        return std::unexpected(sequences.error());
    if (auto finished = detail::state::finish(**sink, options); !finished)
        return std::unexpected(finished.error());

    for (int t = 0; t < spec.tables.size(); ++t) {
        TableOutcome outcome;
        outcome.target = spec.tables[t].target;
        outcome.rows = shared.checks.value(t).rows;
        outcome.checksum = shared.checks.value(t).checksum;
        std::tie(outcome.chunks, outcome.resumedChunks) = scheduler.chunkCounts(t);
        outcome.transformed = plans[std::size_t(t)].transformed;
        outcome.elapsedMs = shared.loadMs.value(t);
        report.tables.append(outcome);
    }
    report.rows = shared.copied.load();
    report.elapsedMs = clock.elapsed();
    progress.step(units, units, u"Copied %1 rows"_s.arg(report.rows));
    return report;
}

} // namespace plumb::transfer
