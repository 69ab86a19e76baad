#pragma once

#include "core/db/connection.h"
#include "core/error.h"
#include "core/transfer/move_mapping.h"

#include <QList>
#include <QString>
#include <optional>

namespace plumb::transfer::capture {

// Change capture on a move's source, by triggers: every insert, update and delete of a captured
// table is logged (full row images as jsonb, with the writing transaction's id) in
// plumbline_move.change_log by a SECURITY DEFINER trigger function, in the writer's own
// transaction, so a change is logged exactly when it commits. TRUNCATE of a captured table is
// refused while the capture is on (its rows could not be replayed). Triggers work on every
// server from PostgreSQL 13 and need no replication privilege or wal_level=logical, which is why
// they are the method used (logical decoding with pgoutput is not implemented).
//
// Writes are blocked at cutover by other statement triggers, in plumbline_move_block, which stay
// after the capture is removed, until releaseWrites().
//
// All functions take the source connection; each commits its own change.

inline constexpr const char16_t* captureSchema = u"plumbline_move";
inline constexpr const char16_t* blockSchema = u"plumbline_move_block";

// Installs (or reinstalls: idempotent) the log and the triggers on `tables`.
Status install(db::Connection& source, const QList<catalog::QualifiedName>& tables);
// Drops every capture trigger, the log and its schema. Idempotent.
Status remove(db::Connection& source);
// Whether the capture is installed.
Result<bool> installed(db::Connection& source);

// Refuses every write to `tables` from now on. Creating the triggers waits for the transactions
// that are writing them, so once this returns every captured change is committed and logged.
// Gives up after `lockTimeoutMs` waiting for a writer.
Status blockWrites(db::Connection& source, const QList<catalog::QualifiedName>& tables,
                   int lockTimeoutMs);
// Lifts blockWrites(): drops its triggers and schema. Idempotent.
Status releaseWrites(db::Connection& source);
Result<bool> writesBlocked(db::Connection& source);

// Removes the logged changes that the snapshot `snapshot` (pg_current_snapshot()'s text) already
// sees: the copy read them.
Result<qint64> discardSeenBy(db::Connection& source, const QString& snapshot);
// Changes logged and not yet applied (committed ones only).
Result<qint64> pending(db::Connection& source);

// One logged change through the mapping: values are the mapped target columns' text (nullopt:
// NULL), `oldKey` the target primary key of the row before the change (updates, deletes),
// `newRow` every mapped column after it (inserts, updates).
struct Change {
    qint64 id = 0;
    int table = 0; // index into the mapping's tables
    char op = 'I'; // I, U, D
    QList<std::optional<QString>> oldKey;
    QList<std::optional<QString>> newRow;
};

// Up to `limit` committed changes in log order, each once per mapped table of its source table.
Result<QList<Change>> read(db::Connection& source, const MoveMapping& mapping,
                           const QList<QStringList>& keys, int limit);
// Forgets changes once the target has committed them.
Status forget(db::Connection& source, const QList<qint64>& ids);

// Applies `changes` to the target in one transaction: upserts by primary key (`keys[i]`: the
// target key columns of mapping.tables[i]) and deletes. Replaying changes that are already
// applied leaves the same rows, so a crash between the target's commit and forget() is harmless.
Status apply(db::Connection& target, const MoveMapping& mapping, const QList<QStringList>& keys,
             const QList<Change>& changes);

} // namespace plumb::transfer::capture
