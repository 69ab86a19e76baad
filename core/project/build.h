#pragma once

#include "core/db/connection.h"
#include "core/error.h"
#include "core/progress.h"
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
    qint64 elapsedMs = 0;
    QString target; // redacted URL of the database built into
};

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
// recognised by parsing): then each statement autocommits, as psql -f would. An error names the
// file, the line, and the statement. Nothing runs when requireNoServerAccess fails. Statements
// `prelude` covers (it already did them) are skipped.
Result<BuildReport> applySchema(db::Connection& connection, const SchemaSources& sources,
                                Progress& progress, const PrivilegedPrelude& prelude = {});

// Builds the schema into a scratch database on `server` (a shadow server or a private cluster
// someone runs; none: a private cluster started for it), then calls `inspect` (if given) on a
// connection to it before it is dropped: the seam where the catalog introspects the declared
// state. On a private cluster the project's SQL runs as the unprivileged role, after the
// superuser created the extensions it asks for (ScratchDatabase::runPrelude).
Result<BuildReport> buildInScratch(const SchemaSources& sources,
                                   const std::optional<ScratchServer>& server, Progress& progress,
                                   const std::function<Status(db::Connection&)>& inspect = {});

} // namespace plumb::project
