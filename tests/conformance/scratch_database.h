#pragma once

#include "core/db/connection.h"
#include "core/db/connection_info.h"
#include "core/error.h"

#include <QString>
#include <memory>

namespace plumb::testing {

// A database a conformance worker reuses for case after case, with one connection kept open for
// its whole life.
//
// Why: CREATE DATABASE per case and a new backend per step (cold catalog caches) cost more than
// the schema work the harness measures. Between cases the database is emptied in place (every
// schema, extension, event trigger, publication, cast, language, FDW and server dropped) and the
// session reset (ROLLBACK, DISCARD ALL), so the next case starts from what CREATE DATABASE ...
// TEMPLATE template0 gives. A database that does not come back clean (per-database settings, a
// default privilege, a dead connection) is dropped and made again.
//
// Threads: one ScratchDatabase per worker thread; the connection belongs to that thread.
class ScratchDatabase {
public:
    ScratchDatabase(db::ConnectionInfo server, QString name);
    ~ScratchDatabase(); // drops the database
    ScratchDatabase(const ScratchDatabase&) = delete;
    ScratchDatabase& operator=(const ScratchDatabase&) = delete;

    // Empties the database and returns its connection, ready for a new case: with the standard
    // `public` schema (as template0 has it) or, for inputs that make their own, without it.
    Result<db::Connection*> clean(bool withPublic = true);
    // The connection of the current case (after clean()); null before.
    db::Connection* connection() const { return m_connection.get(); }
    const QString& name() const { return m_name; }

private:
    Status recreate();

    db::ConnectionInfo m_server;
    QString m_name;
    std::unique_ptr<db::Connection> m_connection;
    bool m_used = false; // clean() was called: the database may exist and is dropped at the end
};

// Creates `role` cluster-wide unless it exists (corpus files name roles the upstream harnesses
// made). Safe when several workers ask for the same role at once.
void ensureRole(const db::ConnectionInfo& server, const QString& role);

} // namespace plumb::testing
