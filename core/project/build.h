#pragma once

#include "core/db/connection.h"
#include "core/db/local_cluster.h"
#include "core/error.h"
#include "core/progress.h"
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
};

// Fails with a Schema error when the connected database holds user objects (anything outside
// the system schemas): building into it would mix declared and existing objects.
Status requireEmptyDatabase(db::Connection& connection);

// Applies the schema files, statement by statement, in one transaction (so a failure leaves the
// database as it was) unless a statement cannot run in one (CREATE INDEX CONCURRENTLY...,
// recognised by parsing): then each statement autocommits, as psql -f would. An error names the
// file, the line, and the statement.
Result<BuildReport> applySchema(db::Connection& connection, const SchemaSources& sources,
                                Progress& progress);

// A database that exists for one piece of work and is dropped with this object: created on
// `server` when given (the environment's shadow_url), else in a private LocalCluster started
// for it. Move-only; owned by one thread.
class ScratchDatabase {
public:
    static Result<ScratchDatabase> create(const std::optional<db::ConnectionInfo>& server,
                                          Progress& progress);
    ScratchDatabase(ScratchDatabase&&) noexcept = default;
    ScratchDatabase& operator=(ScratchDatabase&&) noexcept = default;
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
