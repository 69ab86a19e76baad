#pragma once

// The steps of a schema move that run against one database at a time (core/transfer/move.cpp
// sequences them): the move's state in the target, the copy spec from a mapping, sequences, and
// the verification of every mapped table.

#include "core/catalog/catalog.h"
#include "core/db/connection.h"
#include "core/transfer/copy_engine.h"
#include "core/transfer/move.h"

#include <QJsonArray>
#include <optional>

namespace plumb::transfer::detail {

inline const QString stateSchema = QStringLiteral("plumbline_move_state");
inline const QString stateTable = QStringLiteral("plumbline_move_state.move");
inline const QString copyStateSchema = QStringLiteral("plumbline_move_copy");
// The runner's session lock on the target (two-key advisory lock: 'plmv', 1): held while a runner
// lives, so other processes know whether to ask it or to do the work themselves.
inline constexpr int runnerLockClass = 0x706c6d76;
inline constexpr int runnerLockObject = 1;

// The schemas a move creates on either side: never proposed for moving.
inline const QStringList ownSchemas = {QStringLiteral("plumbline_move"),
                                       QStringLiteral("plumbline_move_block"),
                                       stateSchema,
                                       copyStateSchema,
                                       QStringLiteral("plumbline_copy"),
                                       QStringLiteral("plumbline_move_fdw")};

// A connection with the copy engine's session settings.
Result<std::unique_ptr<db::Connection>> openWithSettings(const db::ConnectionInfo& info,
                                                         Progress& progress);
// The catalog of `schemas` (empty: all), read on `connection` alone, its steps kept quiet.
Result<catalog::Catalog> readCatalog(db::Connection& connection, const QStringList& schemas,
                                     Progress& progress);
// The mapping's source tables, each once.
QList<catalog::QualifiedName> sourceTables(const MoveMapping& mapping);
// The target key columns of each mapped table, in the mapping's order.
QList<QStringList> keysOf(const MovePlan& plan, const catalog::Catalog& target);

// What the source selects for a mapped column: its name, or the mapping's expression.
QString mappedTerm(const MappedColumn& column);

// The one row of plumbline_move_state.move.
struct State {
    QString phase, requested, source, fingerprint, snapshot, startedAt, updatedAt, lastError;
    qint64 applied = 0;
    QJsonArray tables;
    QString mapping; // Plumbline's file form
};

Result<std::optional<State>> readState(db::Connection& target);
Status createState(db::Connection& target, const QString& source, const QString& fingerprint,
                   const QString& mapping);
// UPDATE ... SET updated_at = now(), <assignments>: `assignments` is fixed SQL from code.
Status updateState(db::Connection& target, const QString& assignments, const db::Params& params);
// Drops the move's state and the copy's progress from the target.
Status dropSchemas(db::Connection& target);
Result<bool> schemaExists(db::Connection& connection, const QString& schema);

// The engine's spec: mapped tables in the target's foreign-key order, and the sequences owned by
// columns that move as they are.
Result<CopySpec> copySpec(const MovePlan& plan, const catalog::Catalog& source,
                          const catalog::Catalog& target, QStringList& notes);
Status setSequences(db::Connection& source, db::Connection& target,
                    const QList<SequenceJob>& sequences);
// Counts and checksums every mapped table on both sides; fails listing the tables that differ.
Result<QList<MoveTableStatus>> verify(db::Connection& source, db::Connection& target,
                                      const MoveMapping& mapping);
// While the copy runs: each mapped table (from the move's mapping text) with the rows its
// committed chunks loaded so far (0 before the first one commits).
Result<QList<MoveTableStatus>> copyProgress(db::Connection& target, const QString& mappingText);
QJsonArray tablesJson(const QList<MoveTableStatus>& tables);

} // namespace plumb::transfer::detail
