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
class MigrationLock {
public:
    // Waits up to `waitMs` (polling, cancelable), then fails with ErrorCode::Lock naming the
    // holder's pid, application_name and since when.
    static Result<MigrationLock> acquire(db::Connection& connection, const QString& command,
                                         int waitMs, Progress& progress);
    // The current holder on the connection's database, if any.
    static Result<std::optional<LockHolder>> holder(db::Connection& connection);

    MigrationLock(MigrationLock&& other) noexcept;
    MigrationLock& operator=(MigrationLock&&) = delete;
    ~MigrationLock();

private:
    MigrationLock(db::Connection* connection, int key)
        : m_connection(connection)
        , m_key(key)
    {}
    db::Connection* m_connection; // null once moved from
    int m_key;
};

} // namespace plumb::migrate
