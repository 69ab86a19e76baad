#pragma once

#include "core/db/connection.h"
#include "core/transfer/copy_engine.h"
#include "core/transfer/copy_state.h"

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

namespace plumb::transfer::detail {

// The connections of a running copy, so the coordinator's thread can interrupt every statement
// in flight (PQcancel) when the copy is canceled or a worker failed.
class CancelBoard {
public:
    void add(db::Connection* connection);
    void remove(db::Connection* connection);
    // Stops the copy: every worker sees stopped(), every statement in flight is canceled.
    void cancelAll();
    bool stopped() const { return m_stopped.load(std::memory_order_acquire); }

private:
    std::mutex m_mutex;
    std::vector<db::Connection*> m_live; // guarded by m_mutex
    std::atomic<bool> m_stopped{false};
};

// The SQL of one table's copy, made once and shared read-only by the workers.
struct TablePlan {
    QString select;         // SELECT <source columns> FROM ONLY <source table>
    QString copyIn;         // COPY <target table> (<target columns>) FROM STDIN
    QString sourceChecksum; // the checksum query over the untransformed columns, or empty
    QString targetChecksum;
    QString countTarget; // SELECT count(*) FROM ONLY <target table>
    // A table loaded whole in one transaction: taken from other writers, then found empty.
    QString lockTarget;  // LOCK TABLE ONLY <target table> IN SHARE ROW EXCLUSIVE MODE
    QString probeTarget; // SELECT EXISTS (SELECT FROM ONLY <target table>)
    bool transformed = false;
};

TablePlan makeTablePlan(const TableJob& job);

// What a table's verification found.
struct TableCheck {
    qint64 rows = 0;  // in the target: counted, or proved by a sealed load (below)
    QString checksum; // with checksums: "count:sum" both servers agreed on
};

// One worker: a source connection in the copy's snapshot, a target connection, and its own
// instances of the transforms. Lives on one thread from open() to destruction.
class Worker {
public:
    static Result<std::unique_ptr<Worker>>
    open(const SourceSnapshot& snapshot, const db::ConnectionInfo& target, CancelBoard& board);
    ~Worker();
    Worker(const Worker&) = delete;
    Worker& operator=(const Worker&) = delete;

    // Loads `chunks` (one, or the tables of a foreign-key cycle) in one target transaction,
    // marks them done in the copy's state in that same transaction, and commits. Returns the
    // rows of each chunk. `copied` counts rows as they stream, for progress.
    Result<QList<qint64>> loadUnit(const CopySpec& spec, const std::vector<TablePlan>& plans,
                                   const QList<Chunk>& chunks, const EngineOptions& options,
                                   std::atomic<qint64>& copied);

    // Once a table's chunks are all committed: counts its rows in the target against
    // `expectedRows`, and with checksums compares both servers' checksums. A `sealed` table
    // was loaded whole in one transaction that found it empty and kept other writers out, so
    // its rows are what the COPY stored; it is not scanned again unless for the checksum.
    Result<TableCheck> verifyTable(const TableJob& job, const TablePlan& plan, qint64 expectedRows,
                                   bool checksum, bool sealed);

private:
    Worker(std::unique_ptr<db::Connection> source, std::unique_ptr<db::Connection> target,
           CancelBoard& board);
    Status sealForLoad(const TableJob& job, const TablePlan& plan);
    Result<qint64> streamChunk(int tableIndex, const TableJob& job, const TablePlan& plan,
                               const Chunk& chunk, std::atomic<qint64>& copied);
    std::vector<std::unique_ptr<ValueTransform>>& transformsFor(int tableIndex,
                                                                const TableJob& job);

    std::unique_ptr<db::Connection> m_source;
    std::unique_ptr<db::Connection> m_target;
    CancelBoard& m_board;
    // This worker's transform instances, per table index (null where a column has none).
    std::map<int, std::vector<std::unique_ptr<ValueTransform>>> m_transforms;
    // Scratch buffers reused from row to row.
    std::string m_value;
    std::vector<std::string_view> m_fields;
};

} // namespace plumb::transfer::detail
