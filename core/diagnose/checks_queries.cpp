// Query-driven checks: pg_stat_statements and hypopg availability, slow queries, and missing
// index candidates whose suggested index is tried as a hypothetical index (hypopg) first.
// Statement texts from pg_stat_statements are only read and parsed here, never sent back.
#include "check.h"
#include "core/db/quote.h"
#include "core/sql/filter_columns.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace plumb::diagnose {

namespace {

Result<CheckOutcome> statStatementsAvailability(const CheckContext& context)
{
    const QString state = context.facts.pgStatStatements;
    CheckOutcome outcome;
    if (state == u"usable")
        return outcome;
    Finding finding =
        makeFinding("pg_stat_statements", Severity::Info, {}, {}, u"pg_stat_statements"_s,
                    u"pg_stat_statements is "_s + QString(state).replace(u'_', u' ') +
                        u": slow-query and missing-index checks work without per-query evidence"_s);
    if (state == u"not_installed")
        finding.fix.sql = u"CREATE EXTENSION pg_stat_statements;"_s;
    else if (state == u"no_permission")
        finding.fix.sql = u"GRANT pg_read_all_stats TO CURRENT_USER;"_s;
    finding.fix.note = state == u"not_preloaded"
                           ? u"add pg_stat_statements to shared_preload_libraries and restart"_s
                           : u"run as a role allowed to do it"_s;
    outcome.findings.push_back(std::move(finding));
    return outcome;
}

Result<CheckOutcome> hypopgAvailability(const CheckContext& context)
{
    CheckOutcome outcome;
    if (context.facts.hypopg == u"usable")
        return outcome;
    Finding finding = makeFinding(
        "hypopg", Severity::Info, {}, {}, u"hypopg"_s,
        context.facts.hypopg == u"available"
            ? u"hypopg is installed on the server but not created in this database: "
              u"missing-index suggestions are not tried as hypothetical indexes"_s
            : u"hypopg is absent from the server: missing-index suggestions are not tried as "
              u"hypothetical indexes"_s);
    if (context.facts.hypopg == u"available")
        finding.fix.sql = u"CREATE EXTENSION hypopg;"_s;
    else
        finding.fix.note = u"install the hypopg package for this PostgreSQL version"_s;
    outcome.findings.push_back(std::move(finding));
    return outcome;
}

Result<CheckOutcome> slowQueries(const CheckContext& context)
{
    CheckOutcome outcome;
    if (context.facts.pgStatStatements != u"usable") {
        outcome.skipped = u"pg_stat_statements is "_s +
                          QString(context.facts.pgStatStatements).replace(u'_', u' ') +
                          u"; see the pg_stat_statements check for how to enable it"_s;
        return outcome;
    }
    const QString topLevel =
        context.facts.serverVersionNum >= 140000 ? u" AND toplevel"_s : QString();
    auto rows =
        context.query(u"SELECT queryid::text AS id, calls, total_exec_time::float8 AS total_ms, "
                      u"mean_exec_time::float8 AS mean_ms, query, "
                      u"100 * total_exec_time / nullif(sum(total_exec_time) OVER (), 0) AS pct "
                      u"FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database "
                      u"WHERE datname = current_database())"_s +
                      topLevel + u" ORDER BY total_exec_time DESC LIMIT 10"_s);
    if (!rows)
        return std::unexpected(rows.error());
    for (int i = 0; i < rows->rowCount(); ++i) {
        const Row r(*rows, i);
        if (r.real(u"mean_ms") < context.options.slowQueryMeanMs ||
            r.int64(u"calls") < context.options.slowQueryMinCalls)
            continue;
        Finding finding = makeFinding(
            "slow_queries", Severity::Info, {}, {}, u"query "_s + r.text(u"id"),
            u"slow query: "_s + QString::number(r.real(u"mean_ms"), 'f', 1) + u" ms on average"_s);
        finding.detail = r.text(u"calls") + u" calls, "_s +
                         QString::number(r.real(u"total_ms"), 'f', 0) + u" ms in all ("_s +
                         QString::number(r.real(u"pct"), 'f', 1) + u"% of the database's); "_s +
                         r.text(u"query").simplified().left(200);
        finding.fix.note = u"EXPLAIN (ANALYZE, BUFFERS) it; see missing_index_candidate"_s;
        outcome.findings.push_back(std::move(finding));
    }
    return outcome;
}

double totalCost(const db::QueryResult& plan)
{
    const QJsonArray root = QJsonDocument::fromJson(plan.text(0, 0).toUtf8()).array();
    return root.at(0).toObject().value(u"Plan"_s).toObject().value(u"Total Cost"_s).toDouble();
}

// The generic-plan cost of a lookup of `column` by equality, a statement of our own: diagnose
// reads pg_stat_statements texts but never executes, prepares or explains them (a recorded text
// may call functions whose planning runs them, or be one another role wrote). PREPARE and
// EXPLAIN EXECUTE with a NULL under force_generic_plan, so the estimate uses the column's
// statistics, not a value. A savepoint keeps a failure from aborting the check's transaction.
std::optional<double> lookupCost(const CheckContext& context, const QString& schema,
                                 const QString& table, const QString& column)
{
    static const QString name = u"plumb_diagnose_probe"_s;
    (void)context.query(u"SAVEPOINT plumb_plan"_s);
    auto prepared = context.query(u"PREPARE "_s + name + u" AS SELECT 1 FROM "_s +
                                  db::qualifiedName(schema, table) + u" WHERE "_s +
                                  db::quoteIdentifier(column) + u" = $1"_s);
    if (!prepared) {
        (void)context.query(u"ROLLBACK TO SAVEPOINT plumb_plan"_s);
        return std::nullopt;
    }
    auto plan = context.query(u"EXPLAIN (FORMAT JSON) EXECUTE "_s + name + u"(NULL)"_s);
    if (!plan)
        (void)context.query(u"ROLLBACK TO SAVEPOINT plumb_plan"_s);
    // Prepared statements belong to the session, not the transaction: always deallocate.
    (void)context.query(u"DEALLOCATE "_s + name);
    (void)context.query(u"RELEASE SAVEPOINT plumb_plan"_s);
    if (!plan)
        return std::nullopt;
    return totalCost(*plan);
}

struct Suggestion {
    QString column;
    double before = 0, after = 0;
    QString query; // a recorded query that filters on the column, for the reader
};

// Dexter's idea, reduced to one column and kept to reading: the recorded queries on the table
// name the columns they filter and join on (parsed here, never sent back to the server); each
// such column that no index leads with yet is tried as a hypothetical index on a lookup of our
// own, and the best saving is kept.
Result<std::optional<Suggestion>>
tryHypotheticalIndexes(const CheckContext& context, const QString& schema, const QString& table)
{
    const QString topLevel =
        context.facts.serverVersionNum >= 140000 ? u" AND toplevel"_s : QString();
    auto queries = context.query(
        u"SELECT query FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database "
        u"WHERE datname = current_database()) AND query ~* $1 AND query ~* '^\\s*select'"_s +
            topLevel + u" ORDER BY total_exec_time DESC LIMIT 5"_s,
        {QString(u"(from|join)\\s+("_s + QRegularExpression::escape(schema) + u"\\.)?"_s +
                 QRegularExpression::escape(table) + u"\\M"_s)});
    if (!queries)
        return std::unexpected(queries.error());
    auto unindexed = context.query(
        u"SELECT a.attname FROM pg_attribute a WHERE a.attrelid = $1::regclass AND a.attnum > 0 "
        u"AND NOT a.attisdropped AND NOT EXISTS (SELECT 1 FROM pg_index i "
        u"WHERE i.indrelid = a.attrelid AND i.indisvalid AND i.indkey[0] = a.attnum) "
        u"ORDER BY a.attnum"_s,
        {db::qualifiedName(schema, table)});
    if (!unindexed)
        return std::unexpected(unindexed.error());
    QSet<QString> candidates;
    for (int c = 0; c < unindexed->rowCount(); ++c)
        candidates.insert(unindexed->text(c, 0));
    // Each filtered column once, with the first (costliest) recorded query that filters on it.
    QList<std::pair<QString, QString>> filtered;
    for (int q = 0; q < queries->rowCount(); ++q) {
        const QString query = queries->text(q, 0);
        for (const QString& column : sql::filteredColumns(query, schema, table))
            if (candidates.contains(column) &&
                std::ranges::none_of(filtered, [&](const auto& f) { return f.first == column; }))
                filtered.append({column, query});
    }
    if (filtered.isEmpty())
        return std::optional<Suggestion>();
    if (auto generic =
            context.query(u"SELECT set_config('plan_cache_mode', 'force_generic_plan', true)"_s);
        !generic)
        return std::unexpected(generic.error());
    std::optional<Suggestion> best;
    for (const auto& [column, query] : std::as_const(filtered)) {
        const std::optional<double> before = lookupCost(context, schema, table, column);
        if (!before)
            continue;
        auto created =
            context.query(u"SELECT indexrelid FROM hypopg_create_index($1)"_s,
                          {QString(u"CREATE INDEX ON "_s + db::qualifiedName(schema, table) +
                                   u" ("_s + db::quoteIdentifier(column) + u')')});
        if (!created)
            return std::unexpected(created.error());
        const std::optional<double> after = lookupCost(context, schema, table, column);
        (void)context.query(u"SELECT hypopg_reset()"_s);
        if (!after)
            continue;
        if (*after <= *before * (1 - context.options.hypopgMinSavingFraction) &&
            (!best || *before - *after > best->before - best->after))
            best = Suggestion{column, *before, *after, query};
    }
    return best;
}

Result<CheckOutcome> missingIndexCandidates(const CheckContext& context)
{
    const bool lastScan = context.facts.serverVersionNum >= 160000;
    auto rows = context.query(
        u"SELECT s.schemaname AS schema, s.relname AS table, s.seq_scan, s.seq_tup_read, "
        u"coalesce(s.idx_scan, 0) AS idx_scan, pg_relation_size(s.relid) AS bytes, "_s +
            (lastScan ? u"s.last_seq_scan::text"_s : u"NULL::text"_s) +
            u" AS last_seq FROM pg_stat_user_tables s "
            u"WHERE pg_relation_size(s.relid) >= $1 AND s.seq_scan >= $2 "
            u"AND (100.0 * s.seq_scan / nullif(s.seq_scan + coalesce(s.idx_scan, 0), 0) > 5 "
            u"OR s.seq_tup_read / nullif(s.seq_scan, 0) >= 1000) "
            u"ORDER BY s.seq_tup_read DESC, 1, 2"_s,
        {context.options.missingIndexMinTableBytes, context.options.missingIndexMinSeqScans});
    if (!rows)
        return std::unexpected(rows.error());
    const bool hypopg =
        context.facts.hypopg == u"usable" && context.facts.pgStatStatements == u"usable";
    CheckOutcome outcome;
    if (!hypopg)
        outcome.note = u"heuristic only: hypopg and pg_stat_statements are "
                       u"needed to test a suggested index first"_s;
    for (int i = 0; i < rows->rowCount(); ++i) {
        const Row r(*rows, i);
        const QString schema = r.text(u"schema"), table = r.text(u"table");
        Finding finding =
            makeFinding("missing_index_candidate", Severity::Warning, schema, table, table,
                        u"read mostly by sequential scans: an index may serve its queries"_s);
        finding.detail =
            r.text(u"seq_scan") + u" sequential scans reading "_s + r.text(u"seq_tup_read") +
            u" rows, "_s + r.text(u"idx_scan") + u" index scans, "_s +
            prettyBytes(r.int64(u"bytes")) +
            (r.isNull(u"last_seq") ? QString()
                                   : u", last sequential scan "_s + r.text(u"last_seq"));
        finding.caveats << u"COPY TO, pg_dump and CREATE INDEX also count as sequential scans"_s;
        if (hypopg) {
            auto suggestion = tryHypotheticalIndexes(context, schema, table);
            if (!suggestion)
                return std::unexpected(suggestion.error());
            if (*suggestion) {
                const Suggestion& s = **suggestion;
                finding.explanation = u"recorded queries filter on "_s + s.column +
                                      u", and an index on it cuts the estimated cost of such a "
                                      u"lookup from "_s +
                                      QString::number(s.before, 'f', 0) + u" to "_s +
                                      QString::number(s.after, 'f', 0) + u" (tested with hypopg)"_s;
                finding.detail += u"; for example: "_s + s.query.simplified().left(200);
                finding.fix.sql = u"CREATE INDEX CONCURRENTLY ON "_s +
                                  db::qualifiedName(schema, table) + u" ("_s +
                                  db::quoteIdentifier(s.column) + u");"_s;
                finding.fix.needsAutocommit = true;
                finding.fix.schemaEdit = u"add an index on ("_s + s.column + u") to "_s + table;
            } else {
                finding.severity = Severity::Info;
                finding.explanation = u"read mostly by sequential scans, but no single-column "
                                      u"index tested with hypopg helps lookups on the columns "
                                      u"its recorded queries filter on"_s;
            }
        } else {
            finding.fix.note = u"EXPLAIN the table's top queries; index the columns they filter "
                               u"and join on"_s;
        }
        holdBackIfYoung(context, finding);
        outcome.findings.push_back(std::move(finding));
    }
    return outcome;
}

} // namespace

std::vector<Check> queryChecks()
{
    return {
        {"pg_stat_statements", "pg_stat_statements availability", Tier::Informational,
         statStatementsAvailability},
        {"hypopg", "hypopg availability", Tier::Informational, hypopgAvailability},
        {"slow_queries", "Slow queries", Tier::Informational, slowQueries},
        {"missing_index_candidate", "Missing index candidates", Tier::Warning,
         missingIndexCandidates},
    };
}

} // namespace plumb::diagnose
