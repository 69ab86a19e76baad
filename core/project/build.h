#pragma once

#include "core/db/connection.h"
#include "core/db/local_cluster.h"
#include "core/error.h"
#include "core/progress.h"
#include "core/project/build_order.h"
#include "core/project/schema_sources.h"

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

// Applies the schema files, statement by statement, in one transaction (so a failure leaves the
// database as it was) unless a statement cannot run in one (CREATE INDEX CONCURRENTLY...,
// recognised by parsing): then each file commits on its own (statement by statement for a file
// holding such a statement, as psql -f would). An error names the file, the line, and the
// statement.
//
// Build-order repair: when a file fails because something it uses is missing (a table, type,
// function, schema or column that a later file declares), the file is undone, the rest is built,
// and it is tried again, round after round, until everything is built or a round builds nothing
// (then the first such error is returned, saying so). The report then holds the order that
// worked and the renames that would make alphabetical order work (describeRepairs() words them
// for the caller's output).
Result<BuildReport> applySchema(db::Connection& connection, const SchemaSources& sources,
                                Progress& progress);

// A database that exists for one piece of work and is dropped with this object: created on
// `server` when given (the environment's shadow_url), else in a private LocalCluster started
// for it. Move-only; owned by one thread.
class ScratchDatabase {
public:
    static Result<ScratchDatabase> create(const std::optional<db::ConnectionInfo>& server,
                                          Progress& progress);
    // Moving hands over the duty to drop the database: the moved-from object drops nothing.
    ScratchDatabase(ScratchDatabase&& other) noexcept;
    ScratchDatabase& operator=(ScratchDatabase&&) = delete;
    ~ScratchDatabase();

    const db::ConnectionInfo& info() const { return m_info; }
    // The cluster's bin folder when a private cluster was started (for pg_dump, psql), else empty.
    QString binDir() const { return m_cluster ? m_cluster->binDir() : QString(); }

private:
    ScratchDatabase() = default;
    std::optional<db::LocalCluster> m_cluster;
    std::optional<db::ConnectionInfo> m_server; // set when the database was made on a server
    db::ConnectionInfo m_info;
};

// Builds the schema into a scratch database, then calls `inspect` (if given) on a connection to
// it before it is dropped: the seam where the catalog introspects the declared state.
Result<BuildReport> buildInScratch(const SchemaSources& sources,
                                   const std::optional<db::ConnectionInfo>& shadowServer,
                                   Progress& progress,
                                   const std::function<Status(db::Connection&)>& inspect = {});

} // namespace plumb::project
