// Live-activity checks on pg_stat_activity and pg_locks: blocking (from every lock type, through
// pg_blocking_pids), idle-in-transaction sessions, long-running queries, connection saturation
// and forgotten prepared transactions.
#include "check.h"
#include "core/db/quote.h"

#include <QMap>

using namespace Qt::StringLiterals;

namespace plumb::diagnose {

namespace {

Severity severityFor(qint64 seconds, int critical)
{
    return seconds >= critical ? Severity::Critical : Severity::Warning;
}

QString shortQuery(const QString& query)
{
    const QString line = query.simplified();
    return line.size() > 200 ? line.left(197) + u"..."_s : line;
}

Result<CheckOutcome> blockingQueries(const CheckContext& context)
{
    // pg_blocking_pids sees relation, tuple, transaction-id, advisory... locks alike; the
    // transactionid self-join of older tools misses LOCK TABLE and ALTER TABLE waits.
    auto rows = context.query(
        u"SELECT blocker.pid AS blocker, coalesce(blocker.state, '') AS state, "
        u"coalesce(blocker.application_name, '') AS app, blocker.query AS blocker_query, "
        u"blocked.pid AS victim, blocked.query AS victim_query, "
        u"extract(epoch FROM now() - coalesce((SELECT min(l.waitstart) FROM pg_locks l "
        u"WHERE l.pid = blocked.pid AND NOT l.granted), blocked.state_change))::bigint AS waited, "
        u"(SELECT l.mode || ' on ' || coalesce(l.relation::regclass::text, l.locktype) "
        u"FROM pg_locks l WHERE l.pid = blocked.pid AND NOT l.granted LIMIT 1) AS lock, "
        u"cardinality(pg_blocking_pids(blocker.pid)) = 0 AS is_root "
        u"FROM pg_stat_activity blocked "
        u"JOIN pg_stat_activity blocker ON blocker.pid = ANY (pg_blocking_pids(blocked.pid)) "
        u"WHERE blocked.datname = current_database() ORDER BY waited DESC"_s);
    if (!rows)
        return std::unexpected(rows.error());
    struct Blocker {
        qint64 oldestWait = 0;
        QStringList victims;
        QString state, app, query;
        bool root = false;
    };
    QMap<int, Blocker> blockers;
    for (int i = 0; i < rows->rowCount(); ++i) {
        const Row r(*rows, i);
        Blocker& blocker = blockers[static_cast<int>(r.int64(u"blocker"))];
        blocker.oldestWait = std::max(blocker.oldestWait, r.int64(u"waited"));
        blocker.victims << r.text(u"victim") + u" (waits "_s + r.text(u"waited") + u" s for "_s +
                               r.text(u"lock") + u": "_s + shortQuery(r.text(u"victim_query")) +
                               u')';
        blocker.state = r.text(u"state");
        blocker.app = r.text(u"app");
        blocker.query = r.text(u"blocker_query");
        blocker.root = r.boolean(u"is_root");
    }
    const Options& options = context.options;
    CheckOutcome outcome;
    for (auto it = blockers.cbegin(); it != blockers.cend(); ++it) {
        if (it->oldestWait < options.blockingWarnSeconds)
            continue;
        const QString pid = QString::number(it.key());
        Finding finding = makeFinding(
            "blocking_queries", severityFor(it->oldestWait, options.blockingCriticalSeconds), {},
            {}, u"pid "_s + pid,
            u"session "_s + pid + u" ("_s + it->state +
                (it->root ? u", root of the lock tree"_s : u", itself blocked"_s) + u") blocks "_s +
                QString::number(it->victims.size()) + u" other session(s)"_s);
        finding.detail = u"application "_s + it->app + u"; its query: "_s + shortQuery(it->query) +
                         u"; blocked: "_s + it->victims.join(u"; "_s);
        const bool idle = it->state.startsWith(u"idle");
        finding.fix.sql =
            (idle ? u"SELECT pg_terminate_backend("_s : u"SELECT pg_cancel_backend("_s) + pid +
            u");"_s;
        finding.fix.note = u"prevent it: SET lock_timeout in migrations and set "
                           u"idle_in_transaction_session_timeout"_s;
        outcome.findings.push_back(std::move(finding));
    }
    return outcome;
}

Result<CheckOutcome> sessions(const CheckContext& context, bool idleInTransaction)
{
    // Idle-in-transaction sessions are aged by xact_start (how long they have held their locks
    // and snapshot), active queries by query_start. Autovacuum and walsenders are not clients.
    const Options& options = context.options;
    auto rows =
        context.query(u"SELECT pid, state, coalesce(application_name, '') AS app, "
                      u"coalesce(usename::text, '') AS usr, query, "
                      u"extract(epoch FROM now() - "_s +
                          (idleInTransaction ? u"xact_start"_s : u"query_start"_s) +
                          u")::bigint AS age FROM pg_stat_activity "
                          u"WHERE backend_type = 'client backend' AND datname = current_database() "
                          u"AND pid <> pg_backend_pid() AND "_s +
                          (idleInTransaction ? u"state IN ('idle in transaction', "
                                               u"'idle in transaction (aborted)')"_s
                                             : u"state = 'active'"_s) +
                          u" AND extract(epoch FROM now() - "_s +
                          (idleInTransaction ? u"xact_start"_s : u"query_start"_s) +
                          u") >= $1 ORDER BY age DESC"_s,
                      {idleInTransaction ? options.idleInTransactionWarnSeconds
                                         : options.activeQueryWarnSeconds});
    if (!rows)
        return std::unexpected(rows.error());
    CheckOutcome outcome;
    const int critical = idleInTransaction ? options.idleInTransactionCriticalSeconds
                                           : options.activeQueryCriticalSeconds;
    for (int i = 0; i < rows->rowCount(); ++i) {
        const Row r(*rows, i);
        const QString pid = r.text(u"pid");
        const qint64 age = r.int64(u"age");
        Finding finding = makeFinding(
            idleInTransaction ? "idle_in_transaction" : "long_running_queries",
            age >= critical ? Severity::Critical : Severity::Warning, {}, {}, u"pid "_s + pid,
            idleInTransaction
                ? u"session idle in an open transaction: it holds locks and the xmin horizon"_s
                : u"query running for a long time: it holds locks and a snapshot"_s);
        finding.detail = prettySeconds(age) + u", user "_s + r.text(u"usr") + u", application "_s +
                         r.text(u"app") + u", last query: "_s + shortQuery(r.text(u"query"));
        finding.fix.sql = (idleInTransaction ? u"SELECT pg_terminate_backend("_s
                                             : u"SELECT pg_cancel_backend("_s) +
                          pid + u");"_s;
        finding.fix.note = idleInTransaction
                               ? u"prevent it: ALTER ROLE ... SET "
                                 u"idle_in_transaction_session_timeout = '1min'"_s
                               : u"prevent it: ALTER ROLE ... SET statement_timeout = '60s'"_s;
        outcome.findings.push_back(std::move(finding));
    }
    return outcome;
}

Result<CheckOutcome> idleInTransaction(const CheckContext& context)
{
    return sessions(context, true);
}

Result<CheckOutcome> longRunningQueries(const CheckContext& context)
{
    return sessions(context, false);
}

Result<CheckOutcome> connectionSaturation(const CheckContext& context)
{
    const QString reserved = context.facts.serverVersionNum >= 160000
                                 ? u" - current_setting('reserved_connections')::int"_s
                                 : QString();
    auto rows = context.query(
        u"SELECT (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend') "
        u"AS used, current_setting('max_connections')::int - "
        u"current_setting('superuser_reserved_connections')::int"_s +
        reserved +
        u" AS usable, (SELECT count(*) FROM pg_stat_activity WHERE state LIKE 'idle in%') "
        u"AS idle_in_tx"_s);
    if (!rows)
        return std::unexpected(rows.error());
    const Row r(*rows, 0);
    const double percent =
        100.0 * double(r.int64(u"used")) / double(std::max<qint64>(1, r.int64(u"usable")));
    CheckOutcome outcome;
    if (percent < context.options.connectionWarnPercent)
        return outcome;
    Finding finding =
        makeFinding("connection_saturation",
                    percent >= context.options.connectionCriticalPercent ? Severity::Critical
                                                                         : Severity::Warning,
                    {}, {}, u"max_connections"_s,
                    u"client connections are close to the limit: new ones will be refused"_s);
    finding.detail = r.text(u"used") + u" of "_s + r.text(u"usable") + u" usable connections ("_s +
                     QString::number(percent, 'f', 0) + u"%), "_s + r.text(u"idle_in_tx") +
                     u" idle in transaction"_s;
    finding.fix.note = u"put a pooler (pgbouncer) in front, or lower the application's pool "
                       u"size; raising max_connections needs a restart and costs memory"_s;
    outcome.findings.push_back(std::move(finding));
    return outcome;
}

Result<CheckOutcome> preparedTransactions(const CheckContext& context)
{
    auto rows = context.query(
        u"SELECT current_setting('max_prepared_transactions')::int AS max_prepared, "
        u"gid, owner::text AS owner, extract(epoch FROM now() - prepared)::bigint AS age "
        u"FROM (SELECT 1) one LEFT JOIN pg_prepared_xacts p ON p.database = current_database() "
        u"ORDER BY age DESC NULLS LAST"_s);
    if (!rows)
        return std::unexpected(rows.error());
    CheckOutcome outcome;
    if (Row(*rows, 0).int64(u"max_prepared") == 0) {
        outcome.skipped = u"prepared transactions are disabled on this server "
                          u"(max_prepared_transactions = 0), so none can be forgotten"_s;
        return outcome;
    }
    for (int i = 0; i < rows->rowCount(); ++i) {
        const Row r(*rows, i);
        if (r.isNull(u"gid") || r.int64(u"age") < context.options.preparedXactWarnSeconds)
            continue;
        Finding finding = makeFinding(
            "prepared_transactions",
            r.int64(u"age") >= 3600 ? Severity::Critical : Severity::Warning, {}, {},
            r.text(u"gid"),
            u"prepared transaction left behind: it holds locks and the xmin horizon until a "
            u"transaction manager commits or rolls it back"_s);
        finding.detail = prettySeconds(r.int64(u"age")) + u" old, owner "_s + r.text(u"owner");
        finding.fix.sql = u"ROLLBACK PREPARED "_s + db::quoteLiteral(r.text(u"gid")) + u';';
        finding.fix.note = u"or COMMIT PREPARED, if its transaction manager meant to commit it"_s;
        outcome.findings.push_back(std::move(finding));
    }
    return outcome;
}

} // namespace

std::vector<Check> activityChecks()
{
    return {
        {"blocking_queries", "Blocking sessions", Tier::Warning, blockingQueries},
        {"idle_in_transaction", "Sessions idle in transaction", Tier::Warning, idleInTransaction},
        {"long_running_queries", "Long-running queries", Tier::Warning, longRunningQueries},
        {"connection_saturation", "Connection saturation", Tier::Operational, connectionSaturation},
        {"prepared_transactions", "Forgotten prepared transactions", Tier::Operational,
         preparedTransactions},
    };
}

} // namespace plumb::diagnose
