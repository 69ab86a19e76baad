#pragma once

#include "core/db/connection.h"
#include "core/error.h"
#include "core/progress.h"
#include "core/project/build_order.h"
#include "core/project/schema_sources.h"
#include "core/project/scratch_database.h"

#include <functional>
#include <memory>
#include <optional>

namespace plumb::project {

struct BuildReport {
    int files = 0;
    int statements = 0;
    QString hash;
    bool singleTransaction = false; // false when a statement cannot run in a transaction block
    // A scratch build of a large schema commits every that many statements (0: it did not).
    int statementsPerCommit = 0;
    qint64 elapsedMs = 0;
    QString target; // redacted URL of the database built into
    // Set when files failed in their alphabetical place for a missing object and were built
    // after the files they need: the order that worked, and what moved where (see
    // build_order.h). Empty when every file built in its place.
    QStringList appliedOrder;
    QList<OrderRepair> repairs;
};

// The build output's account of a repaired order: a headline, one line per moved file with
// the rename that would make alphabetical order work, and the order that worked. Empty when
// nothing moved.
QStringList describeRepairs(const BuildReport& report);

// Fails with a Schema error when the connected database holds user objects (anything outside
// the system schemas): building into it would mix declared and existing objects.
Status requireEmptyDatabase(db::Connection& connection);

// Fails with a Schema error naming the file and line of the first statement that runs a program
// or touches the server's files (sql::findServerAccess: COPY ... PROGRAM, untrusted languages,
// lo_import...). Schema files declare objects; they have no business doing either, and the
// declared schema is built as soon as a project opens, before anyone has read its files.
Status requireNoServerAccess(const QList<LocatedStatement>& statements);

// Applies the schema files, statement by statement, in one transaction (so a failure leaves the
// database as it was) unless a statement cannot run in one (CREATE INDEX CONCURRENTLY...,
// recognised by parsing): then each file commits on its own (statement by statement for a file
// holding such a statement, as psql -f would). An error names the file, the line, and the
// statement. Nothing runs when requireNoServerAccess fails. Statements `prelude` covers (it
// already did them) are skipped.
//
// Build-order repair: when a file fails because something it uses is missing (a table, type,
// function, schema or column that a later file declares), the file is undone, the rest is built,
// and it is tried again, round after round, until everything is built or a round builds nothing
// (then the first such error is returned, saying so). The report then holds the order that
// worked and the renames that would make alphabetical order work (describeRepairs() words them
// for the caller's output).
Result<BuildReport> applySchema(db::Connection& connection, const SchemaSources& sources,
                                Progress& progress, const PrivilegedPrelude& prelude = {});

// Builds the schema into a scratch database on `server` (a shadow server or a private cluster
// someone runs; none: a private cluster started for it), then calls `inspect` (if given) on a
// connection to it before it is dropped: the seam where the catalog introspects the declared
// state. On a private cluster the project's SQL runs as the unprivileged role, after the
// superuser created the extensions it asks for (ScratchDatabase::runPrelude).
//
// A large schema is built committing every thousand statements, which the server does several
// times faster than one transaction; if that build fails anywhere, the scratch database is
// emptied and the schema built again as applySchema does, in one transaction, whose outcome
// (the error, or the repaired build order) is the one returned.
Result<BuildReport> buildInScratch(const SchemaSources& sources,
                                   const std::optional<ScratchServer>& server, Progress& progress,
                                   const std::function<Status(db::Connection&)>& inspect = {});

} // namespace plumb::project
