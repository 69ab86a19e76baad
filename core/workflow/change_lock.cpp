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
    // Nothing left to set here: db::Connection gives every connection its keepalives and
    // connect_timeout, and MigrationLock::acquire sets idle_in_transaction_session_timeout on
    // every holder's session (the migration Runner's too, which does not come through here) and
    // restores it on release. The seam stays for settings that only ChangeLock's callers need.
    Q_UNUSED(connection);
    return {};
}

Result<ChangeLock> ChangeLock::acquire(db::Connection& connection, const QString& what,
                                       const LockSettings& settings, Progress& progress,
                                       const QString& schema)
{
    if (!settings.enabled) {
        progress.log(u"not taking the migration lock (disabled): concurrent runners are not "
                     u"excluded"_s);
        return ChangeLock(std::nullopt);
    }
    if (auto prepared = prepareLockSession(connection); !prepared)
        return std::unexpected(prepared.error());
    auto lock =
        migrate::MigrationLock::acquire(connection, what, settings.waitMs, progress, schema);
    if (!lock)
        return std::unexpected(lock.error());
    return ChangeLock(std::move(*lock));
}

Result<std::optional<LockHolder>> ChangeLock::holder(db::Connection& connection)
{
    return migrate::MigrationLock::holder(connection);
}

} // namespace plumb::workflow
