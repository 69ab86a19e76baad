#pragma once

#include "core/catalog/catalog.h"
#include "core/db/connection.h"
#include "core/error.h"
#include "core/progress.h"
#include "core/transfer/copy_engine.h"

#include <QList>
#include <QString>

namespace plumb::transfer::fdw {

// A move's copy phase done by the servers themselves, for a source and a target in the same
// cluster (`plumb move start --via-fdw`): the rows go from the source's backend to the target's
// over postgres_fdw, never through this process.
//
// On the source, views in the capture's schema (plumbline_move.copy_N) select each mapped table
// as the mapping says, every column as text, and one (plumbline_move.copy_snapshot) returns the
// snapshot they are read in. In the target, a foreign server and a user mapping reach the source
// with the source's own host, port, database, user and password (from the environment's
// resolution: keychain or variable, never a file), the views are imported into a private schema,
// and one target transaction reads the snapshot and inserts every table from it in foreign-key
// order, casting each value by the target column's type (what COPY's text input does), and
// records the snapshot in the move's state with the rows: all of it commits or none. The server,
// the mapping, the private schema and an extension this created are removed afterwards, and by
// removeFromTarget() after an abort or a crash.
//
// postgres_fdw reads the source in one REPEATABLE READ transaction of its own, which is the
// snapshot recorded, so the catch-up applies exactly the changes the copy did not see.

// Why the shortcut cannot serve this pair, or empty when it can (it only reads).
Result<QString> unavailable(db::Connection& target, const db::ConnectionInfo& source,
                            const db::ConnectionInfo& targetInfo);

struct Copied {
    QString snapshot;   // pg_current_snapshot() of the source transaction that read the rows
    QList<qint64> rows; // per spec.tables entry
};

// Copies every table of `spec` (target tables empty) and sets the state's snapshot, in one
// target transaction; `recordSnapshot` is the UPDATE of the move's state that takes it as $1.
Result<Copied> copy(db::Connection& source, db::Connection& target,
                    const db::ConnectionInfo& sourceInfo, const CopySpec& spec,
                    const catalog::Catalog& targetCatalog, const QString& recordSnapshot,
                    Progress& progress);

// Drops the foreign server (with its user mapping), the private schema and the extension if this
// route created it. Idempotent.
Status removeFromTarget(db::Connection& target);

} // namespace plumb::transfer::fdw
