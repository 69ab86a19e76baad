// Vacuum and analyse checks: planner statistics freshness, dead tuples, tables with autovacuum
// turned off, transaction-id wraparound and what holds the xmin horizon back.
#include "check.h"
#include "core/db/quote.h"

using namespace Qt::StringLiterals;

namespace plumb::diagnose {

namespace {

Result<CheckOutcome> statsFreshness(const CheckContext& context)
{
    // reltuples < 0 means never analysed (PG 14+) and, unlike the counters, survives a reset.
    auto rows = context.query(
        u"SELECT s.schemaname AS schema, s.relname AS table, c.reltuples::float8 AS reltuples, "
        u"s.n_mod_since_analyze AS mods, s.n_live_tup AS live, pg_table_size(c.oid) AS bytes "
        u"FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid "
        u"WHERE c.relkind IN ('r', 'm') ORDER BY 1, 2"_s);
    if (!rows)
        return std::unexpected(rows.error());
    const Options& options = context.options;
    CheckOutcome outcome;
    for (int i = 0; i < rows->rowCount(); ++i) {
        const Row r(*rows, i);
        const qint64 mods = r.int64(u"mods"), live = r.int64(u"live"), bytes = r.int64(u"bytes");
        const bool never = r.real(u"reltuples") < 0 && (mods >= options.freshnessMinModifications ||
                                                        bytes >= options.freshnessMinBytes);
        const bool stale = !never && r.real(u"reltuples") >= 0 &&
                           mods >= options.freshnessMinModifications && live > 0 &&
                           double(mods) / double(live) >= options.freshnessStaleFraction;
        if (!never && !stale)
            continue;
        const QString schema = r.text(u"schema"), table = r.text(u"table");
        Finding finding = makeFinding(
            "stats_freshness", Severity::Warning, schema, table, table,
            never ? u"never analysed: the planner guesses row counts and picks plans blind"_s
                  : u"planner statistics are stale: many rows changed since the last ANALYZE"_s);
        finding.detail = QString::number(mods) + u" rows modified since the last analyse, "_s +
                         QString::number(live) + u" live, "_s + prettyBytes(bytes);
        finding.fix.sql = u"ANALYZE "_s + db::qualifiedName(schema, table) + u';';
        finding.fix.note = u"if it recurs: ALTER TABLE "_s + db::qualifiedName(schema, table) +
                           u" SET (autovacuum_analyze_scale_factor = 0.02);"_s;
        outcome.findings.push_back(std::move(finding));
    }
    return outcome;
}

// The dead-tuple count at which autovacuum would start on each table, from its own reloptions
// or the server settings.
const QString autovacuumTrigger =
    u"(coalesce((SELECT option_value FROM pg_options_to_table(c.reloptions) "
    u"WHERE option_name = 'autovacuum_vacuum_threshold'), "
    u"current_setting('autovacuum_vacuum_threshold'))::float8 + "
    u"coalesce((SELECT option_value FROM pg_options_to_table(c.reloptions) "
    u"WHERE option_name = 'autovacuum_vacuum_scale_factor'), "
    u"current_setting('autovacuum_vacuum_scale_factor'))::float8 * greatest(c.reltuples, 0))"_s;

const QString autovacuumOff =
    u"coalesce((SELECT option_value FROM pg_options_to_table(c.reloptions) "
    u"WHERE option_name = 'autovacuum_enabled'), 'on')::bool = false"_s;

Result<CheckOutcome> deadTuples(const CheckContext& context)
{
    auto rows = context.query(
        u"SELECT s.schemaname AS schema, s.relname AS table, s.n_dead_tup AS dead, "
        u"s.n_live_tup AS live, coalesce(greatest(s.last_vacuum, s.last_autovacuum)::text, "
        u"'never') AS last_vacuum, "_s +
            autovacuumTrigger + u"::bigint AS trig, "_s + autovacuumOff +
            u" AS off FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid "
            u"WHERE s.n_dead_tup >= $1 AND s.n_dead_tup >= $2::float8 * greatest(s.n_live_tup, 1) "
            u"ORDER BY s.n_dead_tup DESC, 1, 2"_s,
        {context.options.deadTuplesMin, QString::number(context.options.deadTuplesFraction)});
    if (!rows)
        return std::unexpected(rows.error());
    CheckOutcome outcome;
    for (int i = 0; i < rows->rowCount(); ++i) {
        const Row r(*rows, i);
        const QString schema = r.text(u"schema"), table = r.text(u"table");
        const qint64 dead = r.int64(u"dead"), trigger = r.int64(u"trig");
        Finding finding = makeFinding(
            "dead_tuples",
            dead > 10 * std::max<qint64>(trigger, 1) ? Severity::Critical : Severity::Warning,
            schema, table, table,
            u"many dead rows: scans read them and the table grows until VACUUM reclaims them"_s);
        finding.detail = QString::number(dead) + u" dead vs "_s +
                         QString::number(r.int64(u"live")) + u" live; autovacuum starts at "_s +
                         QString::number(trigger) + u"; last vacuum "_s + r.text(u"last_vacuum") +
                         (r.boolean(u"off") ? u"; autovacuum is off for this table"_s : QString());
        finding.fix.sql = u"VACUUM (ANALYZE) "_s + db::qualifiedName(schema, table) + u';';
        finding.fix.needsAutocommit = true;
        finding.fix.note = u"if it recurs, lower autovacuum_vacuum_scale_factor for the table and "
                           u"look for sessions holding the xmin horizon (xmin_horizon)"_s;
        outcome.findings.push_back(std::move(finding));
    }
    return outcome;
}

Result<CheckOutcome> autovacuumDisabled(const CheckContext& context)
{
    auto rows = context.query(
        u"SELECT n.nspname AS schema, c.relname AS table, "
        u"coalesce(s.n_dead_tup, 0) AS dead, "_s +
        autovacuumTrigger +
        u"::bigint AS trig FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        u"LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid "
        u"WHERE c.relkind IN ('r', 'm') AND "_s +
        autovacuumOff + u" AND "_s + userSchema(u"n.nspname"_s) + u" ORDER BY 1, 2"_s);
    if (!rows)
        return std::unexpected(rows.error());
    CheckOutcome outcome;
    for (int i = 0; i < rows->rowCount(); ++i) {
        const Row r(*rows, i);
        const QString schema = r.text(u"schema"), table = r.text(u"table");
        const bool due = r.int64(u"dead") > r.int64(u"trig");
        Finding finding = makeFinding(
            "autovacuum_disabled", due ? Severity::Warning : Severity::Info, schema, table, table,
            due ? u"autovacuum is off for this table and it is past its vacuum trigger"_s
                : u"autovacuum is off for this table: nothing reclaims its dead rows"_s);
        finding.detail = QString::number(r.int64(u"dead")) + u" dead rows, trigger "_s +
                         QString::number(r.int64(u"trig"));
        const QString name = db::qualifiedName(schema, table);
        finding.fix.sql = u"ALTER TABLE "_s + name + u" RESET (autovacuum_enabled);\n"_s +
                          u"VACUUM (ANALYZE) "_s + name + u';';
        finding.fix.needsAutocommit = true;
        finding.fix.schemaEdit = u"remove autovacuum_enabled = off from "_s + table;
        outcome.findings.push_back(std::move(finding));
    }
    return outcome;
}

Result<CheckOutcome> wraparound(const CheckContext& context)
{
    auto rows = context.query(
        u"SELECT age(d.datfrozenxid)::bigint AS xid_age, mxid_age(d.datminmxid)::bigint AS "
        u"mxid_age, "
        u"current_setting('autovacuum_freeze_max_age')::bigint AS freeze_max, "
        u"(SELECT string_agg(x.name || ' ' || x.age, ', ') FROM (SELECT c.oid::regclass::text "
        u"AS name, age(c.relfrozenxid) AS age FROM pg_class c WHERE c.relkind IN ('r', 'm', 't') "
        u"AND c.relfrozenxid <> '0' ORDER BY age(c.relfrozenxid) DESC LIMIT 5) x) AS oldest "
        u"FROM pg_database d WHERE d.datname = current_database()"_s);
    if (!rows)
        return std::unexpected(rows.error());
    CheckOutcome outcome;
    if (rows->rowCount() == 0)
        return outcome;
    const Row r(*rows, 0);
    const qint64 age = std::max(r.int64(u"xid_age"), r.int64(u"mxid_age"));
    if (age < context.options.wraparoundWarnXids)
        return outcome;
    Finding finding = makeFinding(
        "wraparound",
        age >= context.options.wraparoundCriticalXids ? Severity::Critical : Severity::Warning, {},
        {}, context.facts.database,
        u"transaction ids are ageing towards wraparound: at 2^31 the server stops writes"_s);
    finding.detail = u"xid age "_s + r.text(u"xid_age") + u", multixact age "_s +
                     r.text(u"mxid_age") + u" (autovacuum_freeze_max_age "_s +
                     r.text(u"freeze_max") + u"); oldest tables: "_s + r.text(u"oldest");
    finding.fix.sql = u"VACUUM (FREEZE);"_s;
    finding.fix.needsAutocommit = true;
    finding.fix.note = u"end the sessions and slots that hold the xmin horizon first "
                       u"(xmin_horizon), or the freeze cannot advance"_s;
    outcome.findings.push_back(std::move(finding));
    return outcome;
}

Result<CheckOutcome> xminHorizon(const CheckContext& context)
{
    auto rows = context.query(
        u"SELECT 'session' AS kind, pid::text AS id, age(backend_xmin)::bigint AS xid_age, "
        u"coalesce(state, '') || ' ' || coalesce(application_name, '') AS what "
        u"FROM pg_stat_activity WHERE backend_xmin IS NOT NULL AND pid <> pg_backend_pid() "
        u"AND datname = current_database() "
        u"UNION ALL SELECT 'slot', slot_name::text, greatest(age(xmin), "
        u"age(catalog_xmin))::bigint, "
        u"slot_type FROM pg_replication_slots WHERE xmin IS NOT NULL OR catalog_xmin IS NOT NULL "
        u"UNION ALL SELECT 'prepared', gid, age(transaction)::bigint, owner::text "
        u"FROM pg_prepared_xacts WHERE database = current_database() "
        u"ORDER BY xid_age DESC"_s);
    if (!rows)
        return std::unexpected(rows.error());
    CheckOutcome outcome;
    for (int i = 0; i < rows->rowCount(); ++i) {
        const Row r(*rows, i);
        if (r.int64(u"xid_age") < context.options.xminHorizonWarnXids)
            continue;
        const QString kind = r.text(u"kind"), id = r.text(u"id");
        Finding finding = makeFinding(
            "xmin_horizon", Severity::Warning, {}, {}, kind + u' ' + id,
            u"this "_s + kind +
                u" holds the xmin horizon back: VACUUM cannot remove rows it might still see"_s);
        finding.detail = r.text(u"xid_age") + u" transactions old; "_s + r.text(u"what");
        if (kind == u"session")
            finding.fix.sql = u"SELECT pg_terminate_backend("_s + id + u");"_s;
        else if (kind == u"slot")
            finding.fix.sql =
                u"SELECT pg_drop_replication_slot("_s + db::quoteLiteral(id) + u");"_s;
        else
            finding.fix.sql = u"ROLLBACK PREPARED "_s + db::quoteLiteral(id) + u';';
        finding.fix.note = kind == u"slot" ? u"only after confirming the slot is abandoned"_s
                                           : u"ends the holder's work: confirm it is stuck"_s;
        outcome.findings.push_back(std::move(finding));
    }
    return outcome;
}

} // namespace

std::vector<Check> vacuumChecks()
{
    return {
        {"stats_freshness", "Planner statistics freshness", Tier::Operational, statsFreshness},
        {"dead_tuples", "Dead tuples", Tier::Operational, deadTuples},
        {"autovacuum_disabled", "Tables with autovacuum off", Tier::Operational,
         autovacuumDisabled},
        {"wraparound", "Transaction id wraparound", Tier::Operational, wraparound},
        {"xmin_horizon", "Xmin horizon holders", Tier::Operational, xminHorizon},
    };
}

} // namespace plumb::diagnose
