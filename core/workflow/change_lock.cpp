#include "change_lock.h"

using namespace Qt::StringLiterals;

namespace plumb::workflow {

LockSettings lockSettingsOf(const project::Environment* environment)
{
    LockSettings settings;
    if (environment) {
        settings.enabled = environment->lockingEnabled;
        settings.waitMs = environment->lockWaitMs;
    }
    return settings;
}

Status prepareLockSession(db::Connection& connection)
{
    // A holder left idle inside a transaction (a client that hung between statements) would
    // keep the lock and every table lock it took; the server ends such a session instead.
    auto set = connection.exec(
        u"SELECT set_config('idle_in_transaction_session_timeout', '5min', false)"_s);
    if (!set)
        return std::unexpected(set.error());
    return {};
}

Result<ChangeLock> ChangeLock::acquire(db::Connection& connection, const QString& what,
                                       const LockSettings& settings, Progress& progress)
{
    if (!settings.enabled) {
        progress.log(u"not taking the migration lock (disabled): concurrent runners are not "
                     u"excluded"_s);
        return ChangeLock(std::nullopt);
    }
    if (auto prepared = prepareLockSession(connection); !prepared)
        return std::unexpected(prepared.error());
    auto lock = migrate::MigrationLock::acquire(connection, what, settings.waitMs, progress);
    if (!lock)
        return std::unexpected(lock.error());
    return ChangeLock(std::move(*lock));
}

Result<std::optional<LockHolder>> ChangeLock::holder(db::Connection& connection)
{
    return migrate::MigrationLock::holder(connection);
}

} // namespace plumb::workflow
