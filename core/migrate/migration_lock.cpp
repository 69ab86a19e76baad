#include "migration_lock.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QThread>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace plumb::migrate {

namespace {

constexpr int lockClass = 1751936052; // first 32 bits of SHA-256("tb_confiture"), frozen

Result<int> lockKey(db::Connection& connection)
{
    auto name = connection.exec(u"SELECT current_database()"_s);
    if (!name)
        return std::unexpected(name.error());
    const QByteArray digest =
        QCryptographicHash::hash(name->text(0, 0).toUtf8(), QCryptographicHash::Sha256);
    return static_cast<int>(qFromBigEndian<quint32>(digest.constData()) & 0x7FFFFFFFu);
}

Result<std::optional<LockHolder>> holderFor(db::Connection& connection, int key)
{
    auto found = connection.exec(
        u"SELECT a.pid, coalesce(a.application_name, ''), coalesce(a.usename::text, ''), "
        u"coalesce(host(a.client_addr), 'local'), "
        u"to_char(a.backend_start AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') "
        u"FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
        u"WHERE l.locktype = 'advisory' AND l.granted AND l.classid = $1::bigint::oid "
        u"AND l.objid = $2::bigint::oid AND l.objsubid = 2 "
        u"AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
        u"AND l.pid <> pg_backend_pid() LIMIT 1"_s,
        {lockClass, key});
    if (!found)
        return std::unexpected(found.error());
    if (found->rowCount() == 0)
        return std::optional<LockHolder>();
    LockHolder holder{found->int32(0, 0), found->text(0, 1), found->text(0, 2), found->text(0, 3),
                      QDateTime::fromString(found->text(0, 4), Qt::ISODate)};
    // A plumb holder wrote when it took the lock into its application_name.
    const qsizetype since = holder.applicationName.indexOf(u" since "_s);
    if (holder.applicationName.startsWith(u"plumb ") && since > 0) {
        const QDateTime locked =
            QDateTime::fromString(holder.applicationName.mid(since + 7), Qt::ISODate);
        if (locked.isValid())
            holder.since = locked;
    }
    return std::optional<LockHolder>(holder);
}

QString describe(const LockHolder& holder)
{
    const qint64 seconds =
        holder.since.isValid() ? holder.since.secsTo(QDateTime::currentDateTimeUtc()) : -1;
    return u"pid "_s + QString::number(holder.pid) + u", application_name '"_s +
           holder.applicationName + u"', user "_s + holder.user + u" from "_s +
           holder.clientAddress + u", since "_s + holder.since.toString(Qt::ISODate) +
           (seconds >= 0 ? u" ("_s + QString::number(seconds) + u" s ago)"_s : QString());
}

} // namespace

Result<std::optional<LockHolder>> MigrationLock::holder(db::Connection& connection)
{
    auto key = lockKey(connection);
    if (!key)
        return std::unexpected(key.error());
    return holderFor(connection, *key);
}

Result<MigrationLock> MigrationLock::acquire(db::Connection& connection, const QString& command,
                                             int waitMs, Progress& progress)
{
    auto key = lockKey(connection);
    if (!key)
        return std::unexpected(key.error());
    QElapsedTimer waited;
    waited.start();
    bool announced = false;
    for (;;) {
        auto taken = connection.exec(u"SELECT pg_try_advisory_lock($1::integer, $2::integer)"_s,
                                     {lockClass, *key});
        if (!taken)
            return std::unexpected(taken.error());
        if (taken->boolean(0, 0))
            break;
        auto holder = holderFor(connection, *key);
        if (!holder)
            return std::unexpected(holder.error());
        const QString who = *holder ? describe(**holder) : u"a session that just ended"_s;
        if (waited.elapsed() >= waitMs) {
            QString message = u"another migration runner holds the migration lock on "_s +
                              connection.info().redacted() + u": "_s + who +
                              u". Wait for it "
                              u"to finish and retry, wait longer (--lock-wait MS or "
                              u"migration.locking.timeout_ms)"_s;
            if (*holder)
                message += u", or, if it is stuck, end it with SELECT pg_terminate_backend("_s +
                           QString::number((*holder)->pid) + u')';
            return fail(ErrorCode::Lock, message);
        }
        if (!announced) {
            progress.log(u"waiting for the migration lock held by "_s + who);
            announced = true;
        }
        if (progress.isCanceled())
            return fail(ErrorCode::Canceled, u"canceled while waiting for the migration lock"_s);
        QThread::msleep(100);
    }
    const QString label = QString(u"plumb "_s + command).left(30) + u" since "_s +
                          QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    (void)connection.exec(u"SELECT set_config('application_name', $1, false)"_s, {label});
    QString previousIdle;
    auto idle = connection.exec(u"SELECT current_setting('idle_in_transaction_session_timeout'), "
                                u"set_config('idle_in_transaction_session_timeout', $1, false)"_s,
                                {QString::fromLatin1(idleInTransactionTimeout)});
    if (!idle) {
        (void)connection.exec(u"SELECT pg_advisory_unlock($1::integer, $2::integer)"_s,
                              {lockClass, *key});
        return std::unexpected(idle.error());
    }
    previousIdle = idle->text(0, 0);
    return MigrationLock(&connection, *key, previousIdle);
}

MigrationLock::MigrationLock(MigrationLock&& other) noexcept
    : m_connection(std::exchange(other.m_connection, nullptr))
    , m_key(other.m_key)
    , m_previousIdleTimeout(std::move(other.m_previousIdleTimeout))
{}

MigrationLock::~MigrationLock()
{
    if (!m_connection || !m_connection->isAlive())
        return;
    (void)m_connection->exec(u"SELECT pg_advisory_unlock($1::integer, $2::integer)"_s,
                             {lockClass, m_key});
    (void)m_connection->exec(u"SELECT set_config('application_name', 'plumbline', false)"_s);
    (void)m_connection->exec(
        u"SELECT set_config('idle_in_transaction_session_timeout', $1, false)"_s,
        {m_previousIdleTimeout});
}

} // namespace plumb::migrate
