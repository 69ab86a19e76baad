#pragma once

#include "core/db/connection.h"
#include "core/error.h"
#include "core/progress.h"

#include <QDateTime>
#include <QString>
#include <optional>

namespace plumb::migrate {

// Who holds the migration lock, as pg_stat_activity shows it.
struct LockHolder {
    int pid = 0;
    QString applicationName;
    QString user;
    QString clientAddress;
    QDateTime since; // when the holder took the lock (plumb) or connected (other tools)
};

// The session-level advisory lock that serialises migration runners on one database.
//
// Key: Confiture's, pg_advisory_lock(1751936052, first 4 bytes of SHA-256(current_database())
// & 0x7FFFFFFF), so plumb and Confiture runners exclude each other. The holder labels its session
// ("plumb migrate up since <UTC time>" as application_name) so a waiting runner can say who
// holds the lock and since when. Released on destruction (or when the session ends, which is
// what makes a killed runner harmless). Owned by the thread that owns the connection.
//
// While it holds the lock the session runs with idle_in_transaction_session_timeout: a runner
// that stops between two statements of a migration (a hung client, a debugger, a stopped
// process) must not keep that migration's table locks, and the migration lock, for ever: the
// server ends the session, which rolls the migration back and frees both. Plumbline sends a
// migration's statements back to back, so a minute of silence inside a transaction means the
// runner is stuck. TCP keepalives (db::Connection) cover a runner whose machine went away.
class MigrationLock {
public:
    static constexpr const char* idleInTransactionTimeout = "1min";

    // Waits up to `waitMs` (polling, cancelable), then fails with ErrorCode::Lock naming the
    // holder's pid, application_name and since when.
    //
    // With a `schema` (a tenant schema of a fleet), the lock of that one schema: the database's
    // key held shared, so every whole-database runner (plumb's or Confiture's, which take it
    // exclusive) is excluded while changes to different schemas run side by side, and a key
    // derived from the database's and the schema's names (SHA-256 of "database\x1fschema", its
    // own lock class) held exclusive, so one schema has one runner at a time.
    static Result<MigrationLock> acquire(db::Connection& connection, const QString& command,
                                         int waitMs, Progress& progress,
                                         const QString& schema = {});
    // The current holder on the connection's database, if any.
    static Result<std::optional<LockHolder>> holder(db::Connection& connection);

    MigrationLock(MigrationLock&& other) noexcept;
    MigrationLock& operator=(MigrationLock&&) = delete;
    ~MigrationLock();

private:
    MigrationLock(db::Connection* connection, int key, QString previousIdleTimeout)
        : m_connection(connection)
        , m_key(key)
        , m_previousIdleTimeout(std::move(previousIdleTimeout))
    {}
    db::Connection* m_connection; // null once moved from
    int m_key;
    std::optional<int> m_schemaKey; // a schema's lock: m_key is then held shared
    QString m_previousIdleTimeout;  // the session's setting before the lock, restored after
};

} // namespace plumb::migrate
