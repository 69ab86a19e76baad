#pragma once

#include "core/db/connection.h"
#include "core/error.h"
#include "core/transfer/move_mapping.h"

#include <QList>
#include <QString>
#include <optional>

namespace plumb::transfer::capture {

// Change capture on a move's source, by one of two methods:
// - triggers: every insert, update and delete of a captured table is logged (full row images as
//   jsonb, with the writing transaction's id) in plumbline_move.change_log by a SECURITY DEFINER
//   trigger function, in the writer's own transaction, so a change is logged exactly when it
//   commits. Works on every server from PostgreSQL 13, needs no replication privilege or
//   wal_level=logical, and the log survives restarts.
// - logical: a logical replication slot with the built-in pgoutput plugin and a publication of
//   the captured tables (move_capture_logical.cpp). Nothing runs in the writers' transactions
//   and nothing is written per change; needs wal_level=logical, a replication privilege, a free
//   slot, a UTF8 database and replica identities the mapping's keys can use
//   (logicalUnavailable() says which is missing). The slot keeps the source's WAL until the
//   move catches up, and a catch-up batch holds whole source transactions.
// TRUNCATE of a captured table is refused while either capture is on (its rows could not be
// replayed). The method is chosen when the capture is installed and kept in
// plumbline_move.settings, so a resumed move goes on with the method it began with.
//
// Writes are blocked at cutover by other statement triggers, in plumbline_move_block, which stay
// after the capture is removed, until releaseWrites().
//
// All functions take the source connection; each commits its own change.

inline constexpr const char16_t* captureSchema = u"plumbline_move";
inline constexpr const char16_t* blockSchema = u"plumbline_move_block";

enum class Method { Triggers, Logical };
QString methodName(Method method);

// Why logical decoding cannot capture the mapping's source tables on this source, or an empty
// string when it can. `keys[i]` are the target key columns of mapping.tables[i].
Result<QString> logicalUnavailable(db::Connection& source, const MoveMapping& mapping,
                                   const QList<QStringList>& keys);

// Installs (or reinstalls: idempotent) the capture of `tables`. A capture already installed
// keeps its method, which is returned. `capturing`: changes may have been captured already (the
// copy began), so a logical capture whose slot is gone fails rather than start a new one.
Result<Method> install(db::Connection& source, const QList<catalog::QualifiedName>& tables,
                       Method method, bool capturing = false);
// Drops every capture trigger, the log, the slot, the publication and the schema. Idempotent.
Status remove(db::Connection& source);
// The installed capture's method, nullopt when none is installed.
Result<std::optional<Method>> installed(db::Connection& source);

// Refuses every write to `tables` from now on. Creating the triggers waits for the transactions
// that are writing them, so once this returns every captured change is committed and logged.
// Gives up after `lockTimeoutMs` waiting for a writer.
Status blockWrites(db::Connection& source, const QList<catalog::QualifiedName>& tables,
                   int lockTimeoutMs);
// Lifts blockWrites(): drops its triggers and schema. Idempotent.
Status releaseWrites(db::Connection& source);
Result<bool> writesBlocked(db::Connection& source);

// Removes the logged changes that the snapshot `snapshot` (pg_current_snapshot()'s text) already
// sees: the copy read them. (The logical capture skips them as it reads.)
Result<qint64> discardSeenBy(db::Connection& source, Method method, const QString& snapshot);
// How far the capture is behind: changes logged and not yet applied (triggers), or bytes of WAL
// between the source's position and the slot's (logical: counting its changes would mean
// decoding them, and the slot serves one reader at a time).
Result<qint64> pending(db::Connection& source, Method method);
QString pendingUnit(Method method); // "change(s)" or "bytes of WAL"

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

// One catch-up round: reads up to about `limit` committed changes that `snapshot` (the copy's)
// did not see, applies them to the target in one transaction (apply()), then forgets them on the
// source. A crash between the target's commit and the forgetting applies them again, which
// leaves the same rows.
struct Round {
    int consumed = 0; // source changes read and forgotten (0: nothing was waiting)
    int applied = 0;  // of which applied (the rest the copy had seen)
};
Result<Round> catchUpRound(db::Connection& source, db::Connection& target, Method method,
                           const MoveMapping& mapping, const QList<QStringList>& keys,
                           const QString& snapshot, int limit);

// Applies `changes` to the target in one transaction: upserts by primary key (`keys[i]`: the
// target key columns of mapping.tables[i]) and deletes. Replaying changes that are already
// applied leaves the same rows, so a crash between the target's commit and the forgetting is
// harmless.
Status apply(db::Connection& target, const MoveMapping& mapping, const QList<QStringList>& keys,
             const QList<Change>& changes);

namespace detail {

// The changes of a log relation through the mapping: `from` names a relation aliased `l` with
// columns (id bigint, relid oid, op "char", old_row jsonb, new_row jsonb) (the trigger log, or
// jsonb_to_recordset over decoded changes); `tail` follows the ORDER BY (a LIMIT).
Result<QList<Change>> mapLogged(db::Connection& source, const MoveMapping& mapping,
                                const QList<QStringList>& keys, const QString& from,
                                const QString& tail, const db::Params& params);

// The logical method's pieces (move_capture_logical.cpp), dispatched to by the functions above.
Status installLogical(db::Connection& source, const QList<catalog::QualifiedName>& tables);
Status removeLogical(db::Connection& source);
Result<bool> logicalSlotExists(db::Connection& source);
Result<qint64> logicalLag(db::Connection& source);
Result<Round> logicalRound(db::Connection& source, db::Connection& target,
                           const MoveMapping& mapping, const QList<QStringList>& keys,
                           const QString& snapshot, int limit);

} // namespace detail

} // namespace plumb::transfer::capture
