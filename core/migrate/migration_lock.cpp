#include "migration_lock.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QThread>
#include <QtEndian>

using namespace Qt::StringLiterals;

namespace plumb::migrate {

namespace {

constexpr int lockClass = 1751936052; // first 32 bits of SHA-256("tb_confiture"), frozen
// The class of the per-schema keys (tenant-schema fleets): its own, so a schema's key never
// meets a database's.
constexpr int schemaLockClass = 1751936053;

int keyOf(const QString& text)
{
    const QByteArray digest = QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
    return static_cast<int>(qFromBigEndian<quint32>(digest.constData()) & 0x7FFFFFFFu);
}

Result<QString> databaseName(db::Connection& connection)
{
    auto name = connection.exec(u"SELECT current_database()"_s);
    if (!name)
        return std::unexpected(name.error());
    return name->text(0, 0);
}

Result<int> lockKey(db::Connection& connection)
{
    auto name = databaseName(connection);
    if (!name)
        return std::unexpected(name.error());
    return keyOf(*name);
}

Result<std::optional<LockHolder>> holderFor(db::Connection& connection, int key,
                                            int keyClass = lockClass)
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
        {keyClass, key});
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
                                             int waitMs, Progress& progress, const QString& schema)
{
    auto key = lockKey(connection);
    if (!key)
        return std::unexpected(key.error());
    std::optional<int> schemaKey;
    if (!schema.isEmpty()) {
        auto name = databaseName(connection);
        if (!name)
            return std::unexpected(name.error());
        schemaKey = keyOf(*name + u'\x1f' + schema);
    }
    const QString what = schema.isEmpty()
                             ? connection.info().redacted()
                             : u"schema "_s + schema + u" of "_s + connection.info().redacted();
    QElapsedTimer waited;
    waited.start();
    bool announced = false;
    for (;;) {
        // A schema's change holds the database's key shared (a whole-database runner, plumb's or
        // Confiture's, excludes it and is excluded) and the schema's own key exclusive.
        auto taken =
            schemaKey
                ? connection.exec(
                      u"SELECT CASE WHEN pg_try_advisory_lock_shared($1::integer, $2::integer) "
                      u"THEN CASE WHEN pg_try_advisory_lock($3::integer, $4::integer) THEN 0 "
                      u"ELSE pg_advisory_unlock_shared($1::integer, $2::integer)::integer + 1 "
                      u"END ELSE 1 END"_s,
                      {lockClass, *key, schemaLockClass, *schemaKey})
                : connection.exec(
                      u"SELECT CASE WHEN pg_try_advisory_lock($1::integer, $2::integer) THEN 0 "
                      u"ELSE 1 END"_s,
                      {lockClass, *key});
        if (!taken)
            return std::unexpected(taken.error());
        if (taken->int32(0, 0) == 0)
            break;
        auto holder = holderFor(connection, *key);
        if (holder && !*holder && schemaKey)
            holder = holderFor(connection, *schemaKey, schemaLockClass);
        if (!holder)
            return std::unexpected(holder.error());
        const QString who = *holder ? describe(**holder) : u"a session that just ended"_s;
        if (waited.elapsed() >= waitMs) {
            QString message = u"another migration runner holds the migration lock on "_s + what +
                              u": "_s + who +
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
    MigrationLock lock(&connection, *key, QString());
    lock.m_schemaKey = schemaKey;
    const QString label = QString(u"plumb "_s + command).left(30) + u" since "_s +
                          QDateTime::currentDateTimeUtc().toString(Qt::ISODate);
    (void)connection.exec(u"SELECT set_config('application_name', $1, false)"_s, {label});
    auto idle = connection.exec(u"SELECT current_setting('idle_in_transaction_session_timeout'), "
                                u"set_config('idle_in_transaction_session_timeout', $1, false)"_s,
                                {QString::fromLatin1(idleInTransactionTimeout)});
    if (!idle)
        return std::unexpected(idle.error()); // `lock` releases what it took
    lock.m_previousIdleTimeout = idle->text(0, 0);
    return lock;
}

MigrationLock::MigrationLock(MigrationLock&& other) noexcept
    : m_connection(std::exchange(other.m_connection, nullptr))
    , m_key(other.m_key)
    , m_schemaKey(other.m_schemaKey)
    , m_previousIdleTimeout(std::move(other.m_previousIdleTimeout))
{}

MigrationLock::~MigrationLock()
{
    if (!m_connection || !m_connection->isAlive())
        return;
    if (m_schemaKey) {
        (void)m_connection->exec(u"SELECT pg_advisory_unlock($1::integer, $2::integer)"_s,
                                 {schemaLockClass, *m_schemaKey});
        (void)m_connection->exec(u"SELECT pg_advisory_unlock_shared($1::integer, $2::integer)"_s,
                                 {lockClass, m_key});
    } else {
        (void)m_connection->exec(u"SELECT pg_advisory_unlock($1::integer, $2::integer)"_s,
                                 {lockClass, m_key});
    }
    (void)m_connection->exec(u"SELECT set_config('application_name', 'plumbline', false)"_s);
    if (!m_previousIdleTimeout.isEmpty())
        (void)m_connection->exec(
            u"SELECT set_config('idle_in_transaction_session_timeout', $1, false)"_s,
            {m_previousIdleTimeout});
}

} // namespace plumb::migrate
