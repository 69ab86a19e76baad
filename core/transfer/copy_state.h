#pragma once

#include "core/db/connection.h"
#include "core/error.h"
#include "core/progress.h"
#include "core/transfer/copy_engine.h"

#include <QList>

namespace plumb::transfer::detail {

// One page range of one table: the unit a worker reads, loads and commits at once.
struct Chunk {
    int table = 0;        // index into CopySpec::tables
    int number = 0;       // 0-based within the table
    qint64 firstPage = 0; // the range starts at (firstPage, 0)
    qint64 endPage = -1;  // exclusive; -1: to the end of the table (the last or only chunk)
    bool done = false;    // committed, by this run or an earlier one
    qint64 rows = 0;      // rows it loaded, once done
};

// A chunk that is its table's only one: every page, loaded in one transaction.
inline bool isWholeTable(const Chunk& chunk)
{
    return chunk.firstPage <= 0 && chunk.endPage < 0;
}

// The copy's progress, kept in the target itself (schema EngineOptions::stateSchema) so it can
// never disagree with the rows there: a chunk's rows and the mark that it is done commit in one
// transaction. Functions run on the caller's thread over the connection they are given.
namespace state {

// Whether the target holds the progress of an interrupted copy. A copy stopped before start()
// committed has none, and has written no rows either (they commit only after it).
Result<bool> hasProgress(db::Connection& target, const EngineOptions& options);

// A fresh copy: refuses progress left by another copy (or drops it, with options.truncate),
// refuses target tables that hold rows (or empties them, with options.truncate), then creates
// the state schema and records `chunks`, all in one transaction.
Status start(db::Connection& target, const CopySpec& spec, const EngineOptions& options,
             const QList<Chunk>& chunks, Progress& progress);

// A resume: the recorded chunks (done or not) for `spec`, after checking that the progress was
// recorded for the same fingerprint. Tables of which only part was committed are emptied and
// all their chunks marked to do again: their page ranges are only meaningful in the snapshot
// that recorded them.
Result<QList<Chunk>> resume(db::Connection& target, const CopySpec& spec,
                            const EngineOptions& options, Progress& progress);

// Inside the transaction that loaded the chunk: marks it done with its row count.
Status markDone(db::Connection& target, const EngineOptions& options, const TableJob& table,
                const Chunk& chunk, qint64 rows);

// Once everything is copied and verified: removes the state schema.
Status finish(db::Connection& target, const EngineOptions& options);

} // namespace state

} // namespace plumb::transfer::detail
