// Query-driven checks: pg_stat_statements and hypopg availability, slow queries, and missing
// index candidates whose suggested index is tried as a hypothetical index (hypopg) first.
#include "check.h"
#include "core/db/quote.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

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

// The generic-plan cost of a recorded query. pg_stat_statements texts carry $n placeholders:
// PREPARE them and EXPLAIN EXECUTE with NULLs under force_generic_plan, so the values play no
// part (EXPLAIN GENERIC_PLAN over the extended protocol would fold the bound values in). The
// query text is SQL the server itself recorded, run only through PREPARE inside this READ ONLY
// transaction. A text that does not plan on its own (temporary tables...) gives nullopt; a
// savepoint keeps that failure from aborting the check.
std::optional<double> genericCost(const CheckContext& context, const QString& query)
{
    static const QString name = u"plumb_diagnose_query"_s;
    (void)context.query(u"SAVEPOINT plumb_plan"_s);
    auto prepared = context.query(u"PREPARE "_s + name + u" AS "_s + query);
    if (!prepared) {
        (void)context.query(u"ROLLBACK TO SAVEPOINT plumb_plan"_s);
        return std::nullopt;
    }
    auto arity = context.query(
        u"SELECT cardinality(parameter_types) FROM pg_prepared_statements WHERE name = $1"_s,
        {name});
    QString arguments;
    if (arity && arity->rowCount() == 1 && arity->int32(0, 0) > 0) {
        QStringList nulls;
        for (int i = 0; i < arity->int32(0, 0); ++i)
            nulls << u"NULL"_s;
        arguments = u"("_s + nulls.join(u", "_s) + u")"_s;
    }
    auto plan = context.query(u"EXPLAIN (FORMAT JSON) EXECUTE "_s + name + arguments);
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
    QString query;
};

// Dexter's idea, reduced to one column: cost each recorded query, then again with a hypothetical
// index on each candidate column that no index leads with yet, and keep the best saving.
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
    auto columns = context.query(
        u"SELECT a.attname FROM pg_attribute a WHERE a.attrelid = $1::regclass AND a.attnum > 0 "
        u"AND NOT a.attisdropped AND NOT EXISTS (SELECT 1 FROM pg_index i "
        u"WHERE i.indrelid = a.attrelid AND i.indisvalid AND i.indkey[0] = a.attnum) "
        u"ORDER BY a.attnum"_s,
        {db::qualifiedName(schema, table)});
    if (!columns)
        return std::unexpected(columns.error());
    if (auto generic =
            context.query(u"SELECT set_config('plan_cache_mode', 'force_generic_plan', true)"_s);
        !generic)
        return std::unexpected(generic.error());
    std::optional<Suggestion> best;
    for (int q = 0; q < queries->rowCount(); ++q) {
        const QString query = queries->text(q, 0);
        const std::optional<double> base = genericCost(context, query);
        if (!base)
            continue;
        const double before = *base;
        for (int c = 0; c < columns->rowCount(); ++c) {
            const QString column = columns->text(c, 0);
            if (!QRegularExpression(u"\\b"_s + QRegularExpression::escape(column) + u"\\b"_s)
                     .match(query)
                     .hasMatch())
                continue;
            auto created =
                context.query(u"SELECT indexrelid FROM hypopg_create_index($1)"_s,
                              {QString(u"CREATE INDEX ON "_s + db::qualifiedName(schema, table) +
                                       u" ("_s + db::quoteIdentifier(column) + u')')});
            if (!created)
                return std::unexpected(created.error());
            const std::optional<double> after = genericCost(context, query);
            (void)context.query(u"SELECT hypopg_reset()"_s);
            if (!after)
                continue;
            const double cost = *after;
            if (cost <= before * (1 - context.options.hypopgMinSavingFraction) &&
                (!best || before - cost > best->before - best->after))
                best = Suggestion{column, before, cost, query};
        }
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
                finding.explanation = u"an index on "_s + s.column +
                                      u" cuts the cost of a recorded query from "_s +
                                      QString::number(s.before, 'f', 0) + u" to "_s +
                                      QString::number(s.after, 'f', 0) + u" (tested with hypopg)"_s;
                finding.detail += u"; query: "_s + s.query.simplified().left(200);
                finding.fix.sql = u"CREATE INDEX CONCURRENTLY ON "_s +
                                  db::qualifiedName(schema, table) + u" ("_s +
                                  db::quoteIdentifier(s.column) + u");"_s;
                finding.fix.needsAutocommit = true;
                finding.fix.schemaEdit = u"add an index on ("_s + s.column + u") to "_s + table;
            } else {
                finding.severity = Severity::Info;
                finding.explanation = u"read mostly by sequential scans, but no single-column "
                                      u"index tested with hypopg helps its recorded queries"_s;
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
