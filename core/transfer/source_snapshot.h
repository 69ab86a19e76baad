#pragma once

#include "core/db/connection.h"
#include "core/error.h"
#include "core/progress.h"

#include <memory>

namespace plumb::transfer {

// The session settings every connection of a copy uses, source and target alike, so that values
// leave one server as text and enter the other meaning the same: ISO dates (year first), UTC,
// full float precision, hex bytea, PostgreSQL-style intervals.
Status applyCopySessionSettings(db::Connection& connection);

// One consistent picture of the source for a whole copy: a connection inside a REPEATABLE READ,
// READ ONLY transaction whose snapshot is exported (pg_export_snapshot), so every worker that
// joins it reads the same rows, whatever commits on the source meanwhile. The transaction stays
// open as long as this object lives; it never writes.
//
// Threads: the object and its connection belong to the thread that opened it; joinConnection()
// may be called from any thread (it opens a new connection).
class SourceSnapshot {
public:
    static Result<SourceSnapshot> open(const db::ConnectionInfo& source, Progress& progress);
    SourceSnapshot(SourceSnapshot&&) noexcept = default;
    SourceSnapshot& operator=(SourceSnapshot&&) noexcept = default;
    ~SourceSnapshot();

    // The connection holding the snapshot, for reading the catalog and samples in it.
    db::Connection& connection() { return *m_connection; }
    const db::ConnectionInfo& info() const { return m_info; }
    // pg_export_snapshot()'s name, e.g. 00000003-0000001B-1.
    const QString& id() const { return m_id; }

    // A new connection to the source inside a READ ONLY transaction that reads this snapshot.
    Result<std::unique_ptr<db::Connection>> joinConnection(Progress& progress) const;

private:
    SourceSnapshot() = default;
    db::ConnectionInfo m_info;
    std::unique_ptr<db::Connection> m_connection;
    QString m_id;
};

} // namespace plumb::transfer
