// Informational checks on the cumulative statistics: how old they are, cache hit ratio, temp
// files, deadlocks, HOT update efficiency and requested checkpoints. Context, never alarms.
#include "check.h"
#include "core/db/quote.h"

using namespace Qt::StringLiterals;

namespace plumb::diagnose {

namespace {

Result<CheckOutcome> statisticsAge(const CheckContext& context)
{
    CheckOutcome outcome;
    if (!context.facts.statsYoung)
        return outcome;
    Finding finding = makeFinding(
        "stats_age", Severity::Info, {}, {}, context.facts.database,
        u"cumulative statistics are only "_s + prettySeconds(context.facts.statsAgeSeconds) +
            u" old: unused-index and missing-index findings are held back as context"_s);
    finding.detail = context.facts.statsReset
                         ? u"last reset "_s + context.facts.statsReset->toString(Qt::ISODate)
                         : u"never reset; counted from the server start"_s;
    finding.fix.note = u"wait until the statistics cover a representative period (a week or "
                       u"more, with the monthly jobs), then run diagnose again"_s;
    outcome.findings.push_back(std::move(finding));
    return outcome;
}

Result<CheckOutcome> cacheHit(const CheckContext& context)
{
    auto rows = context.query(
        u"SELECT sum(heap_blks_hit)::float8 AS hit, sum(heap_blks_read)::float8 AS read, "
        u"(SELECT sum(idx_blks_hit)::float8 FROM pg_statio_user_indexes) AS idx_hit, "
        u"(SELECT sum(idx_blks_read)::float8 FROM pg_statio_user_indexes) AS idx_read "
        u"FROM pg_statio_user_tables"_s);
    if (!rows)
        return std::unexpected(rows.error());
    const Row r(*rows, 0);
    CheckOutcome outcome;
    const double hit = r.real(u"hit") + r.real(u"idx_hit");
    const double read = r.real(u"read") + r.real(u"idx_read");
    if (hit + read <= 0)
        return outcome;
    const double ratio = hit / (hit + read);
    if (ratio >= context.options.cacheHitWarnRatio)
        return outcome;
    Finding finding = makeFinding(
        "cache_hit", Severity::Info, {}, {}, context.facts.database,
        u"cache hit ratio "_s + QString::number(ratio * 100, 'f', 2) +
            u"%: a sustained low ratio points at memory pressure (volatile after a restart)"_s);
    finding.detail = QString::number(qint64(hit)) + u" blocks from shared buffers, "_s +
                     QString::number(qint64(read)) + u" read in"_s;
    finding.fix.note = u"review shared_buffers and the working set; check again after a day "
                       u"of normal load"_s;
    outcome.findings.push_back(std::move(finding));
    return outcome;
}

Result<CheckOutcome> tempFilesAndDeadlocks(const CheckContext& context, bool temp)
{
    auto rows = context.query(
        u"SELECT temp_files, temp_bytes, deadlocks, current_setting('work_mem') AS work_mem "
        u"FROM pg_stat_database WHERE datname = current_database()"_s);
    if (!rows)
        return std::unexpected(rows.error());
    CheckOutcome outcome;
    if (rows->rowCount() == 0)
        return outcome;
    const Row r(*rows, 0);
    if (temp && r.int64(u"temp_files") > 0) {
        Finding finding = makeFinding(
            "temp_files", Severity::Info, {}, {}, context.facts.database,
            u"queries spilled sorts or hashes to temporary files: they ran slower than in "
            u"memory"_s);
        finding.detail = r.text(u"temp_files") + u" files, "_s +
                         prettyBytes(r.int64(u"temp_bytes")) + u" since the reset; work_mem "_s +
                         r.text(u"work_mem");
        finding.fix.note = u"find the queries (log_temp_files = 0) and raise work_mem for them "
                           u"(SET LOCAL work_mem) rather than globally"_s;
        outcome.findings.push_back(std::move(finding));
    }
    if (!temp && r.int64(u"deadlocks") > 0) {
        Finding finding =
            makeFinding("deadlocks", Severity::Info, {}, {}, context.facts.database,
                        u"transactions deadlocked and one of each pair was aborted"_s);
        finding.detail = r.text(u"deadlocks") + u" deadlocks since the reset"_s;
        finding.fix.note = u"the server log names the statements (log_lock_waits = on helps): "
                           u"take row locks in a consistent order"_s;
        outcome.findings.push_back(std::move(finding));
    }
    return outcome;
}

Result<CheckOutcome> tempFiles(const CheckContext& context)
{
    return tempFilesAndDeadlocks(context, true);
}

Result<CheckOutcome> deadlocks(const CheckContext& context)
{
    return tempFilesAndDeadlocks(context, false);
}

Result<CheckOutcome> hotUpdates(const CheckContext& context)
{
    auto rows = context.query(
        u"SELECT s.schemaname AS schema, s.relname AS table, s.n_tup_upd AS updates, "
        u"s.n_tup_hot_upd AS hot, coalesce((SELECT option_value FROM "
        u"pg_options_to_table(c.reloptions) WHERE option_name = 'fillfactor'), '100') AS ff "
        u"FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid "
        u"WHERE s.n_tup_upd >= $1 AND s.n_tup_hot_upd < $2::float8 * s.n_tup_upd "
        u"ORDER BY s.n_tup_upd DESC, 1, 2"_s,
        {context.options.hotUpdateMinUpdates,
         QString::number(context.options.hotUpdateMinFraction)});
    if (!rows)
        return std::unexpected(rows.error());
    CheckOutcome outcome;
    for (int i = 0; i < rows->rowCount(); ++i) {
        const Row r(*rows, i);
        const QString schema = r.text(u"schema"), table = r.text(u"table");
        Finding finding =
            makeFinding("hot_updates", Severity::Info, schema, table, table,
                        u"few updates are HOT: each one writes every index of the table"_s);
        finding.detail = r.text(u"hot") + u" HOT of "_s + r.text(u"updates") +
                         u" updates; fillfactor "_s + r.text(u"ff");
        finding.fix.note = u"avoid indexing columns that change often, or leave room on pages: "
                           u"ALTER TABLE "_s +
                           db::qualifiedName(schema, table) + u" SET (fillfactor = 90);"_s;
        outcome.findings.push_back(std::move(finding));
    }
    return outcome;
}

Result<CheckOutcome> checkpoints(const CheckContext& context)
{
    const bool checkpointer = context.facts.serverVersionNum >= 170000;
    auto rows = context.query(
        checkpointer ? u"SELECT num_timed AS timed, num_requested AS requested "
                       u"FROM pg_stat_checkpointer"_s
                     : u"SELECT checkpoints_timed AS timed, checkpoints_req AS requested "
                       u"FROM pg_stat_bgwriter"_s);
    if (!rows)
        return std::unexpected(rows.error());
    const Row r(*rows, 0);
    const qint64 timed = r.int64(u"timed"), requested = r.int64(u"requested");
    CheckOutcome outcome;
    if (requested == 0 || double(requested) / double(timed + requested) <=
                              context.options.requestedCheckpointFraction)
        return outcome;
    Finding finding = makeFinding(
        "checkpoints", Severity::Info, {}, {}, u"checkpointer"_s,
        u"most checkpoints were requested rather than timed: WAL volume or manual CHECKPOINTs "
        u"force them early, which multiplies full-page writes"_s);
    finding.detail = QString::number(requested) + u" requested, "_s + QString::number(timed) +
                     u" timed since the reset"_s;
    finding.fix.note = u"raise max_wal_size if WAL volume forces them"_s;
    outcome.findings.push_back(std::move(finding));
    return outcome;
}

} // namespace

std::vector<Check> statisticsChecks()
{
    return {
        {"stats_age", "Age of the cumulative statistics", Tier::Informational, statisticsAge},
        {"cache_hit", "Cache hit ratio", Tier::Informational, cacheHit},
        {"temp_files", "Temporary files", Tier::Informational, tempFiles},
        {"deadlocks", "Deadlocks", Tier::Informational, deadlocks},
        {"hot_updates", "HOT update efficiency", Tier::Informational, hotUpdates},
        {"checkpoints", "Requested checkpoints", Tier::Informational, checkpoints},
    };
}

} // namespace plumb::diagnose
