#pragma once

#include "core/db/connection.h"
#include "core/error.h"
#include "core/migrate/migration_lock.h"
#include "core/progress.h"
#include "core/project/environment.h"

#include <QString>
#include <optional>

namespace plumb::workflow {

using migrate::LockHolder;

// How a change waits for the lock: the environment's migration.locking settings, which a
// command line may override (--lock-wait, --no-lock).
struct LockSettings {
    bool enabled = true; // false only when the user said so (--no-lock, locking.enabled: false)
    int waitMs = 30000;  // then ErrorCode::Lock (exit 6), naming the holder
};

LockSettings lockSettingsOf(const project::Environment* environment);

// The one lock every schema-changing path holds (migrate up/down/baseline, converge, sync, plan
// apply, `plumb diff --apply`, and copy/move/intents/fleets that change a schema): Confiture's
// migration advisory lock on the database (core/migrate/migration_lock.h), so plumb runners,
// workbenches and Confiture runners exclude each other. Taken on the management connection,
// which must stay open while the lock is held; released on destruction or when the session ends
// (a killed runner frees it).
//
// A second runner waits up to LockSettings::waitMs, then fails with ErrorCode::Lock and a message
// naming the holder's application_name, pid and since when (the GUI shows that message as it is).
//
// Owned by the thread that owns the connection. Move-only.
class ChangeLock {
public:
    // `what` labels the holder's session ("plumb sync", "workbench apply plan") so that a waiting
    // runner can say who holds the lock. With settings.enabled false, holds nothing. With a
    // `schema`, the lock of that tenant schema alone (migrate::MigrationLock::acquire).
    static Result<ChangeLock> acquire(db::Connection& connection, const QString& what,
                                      const LockSettings& settings, Progress& progress,
                                      const QString& schema = {});
    // Who holds the lock on the connection's database now, if anyone (a read; takes nothing).
    static Result<std::optional<LockHolder>> holder(db::Connection& connection);

    // Whether the lock is really held (false after acquire with locking disabled).
    bool held() const { return m_lock.has_value(); }

    ChangeLock(ChangeLock&&) noexcept = default;
    ChangeLock& operator=(ChangeLock&&) = delete;
    ~ChangeLock() = default;

private:
    explicit ChangeLock(std::optional<migrate::MigrationLock> lock)
        : m_lock(std::move(lock))
    {}
    std::optional<migrate::MigrationLock> m_lock;
};

// The seam for session settings of a lock-holding connection that only ChangeLock's callers
// need. ChangeLock::acquire calls it on the connection before taking the lock. Keepalives and
// connect_timeout are set on every connection (db::Connection), and
// idle_in_transaction_session_timeout on every lock holder (migrate::MigrationLock), so that a
// holder stuck inside a transaction cannot keep the lock and its table locks forever.
Status prepareLockSession(db::Connection& connection);

} // namespace plumb::workflow
