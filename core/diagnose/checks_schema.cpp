// Schema lints: column types that age badly, SECURITY DEFINER functions without a pinned
// search_path, disabled triggers, unlogged tables, names at the identifier limit and CREATE on
// the public schema for everyone.
#include "check.h"
#include "core/db/quote.h"

using namespace Qt::StringLiterals;

namespace plumb::diagnose {

namespace {

// Columns of one type in user tables (extension-owned tables are left to their extension).
Result<CheckOutcome> columnsOfType(const CheckContext& context, const char* check,
                                   const QString& typeCondition, const QString& explanation,
                                   const QString& replacement)
{
    auto rows = context.query(
        u"SELECT n.nspname AS schema, c.relname AS table, a.attname AS col, "
        u"format_type(a.atttypid, a.atttypmod) AS type "
        u"FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
        u"JOIN pg_namespace n ON n.oid = c.relnamespace "
        u"WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND a.attnum > 0 "
        u"AND NOT a.attisdropped AND "_s +
        typeCondition + u" AND "_s + userSchema(u"n.nspname"_s) +
        u" AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass "
        u"AND d.objid = c.oid AND d.deptype = 'e') ORDER BY 1, 2, a.attnum"_s);
    if (!rows)
        return std::unexpected(rows.error());
    CheckOutcome outcome;
    for (int i = 0; i < rows->rowCount(); ++i) {
        const Row r(*rows, i);
        const QString schema = r.text(u"schema"), table = r.text(u"table"), column = r.text(u"col");
        Finding finding = makeFinding(check, Severity::Info, schema, table, column, explanation);
        finding.detail = table + u'.' + column + u' ' + r.text(u"type");
        finding.fix.sql = u"ALTER TABLE "_s + db::qualifiedName(schema, table) +
                          u" ALTER COLUMN "_s + db::quoteIdentifier(column) + u" TYPE "_s +
                          replacement + u';';
        finding.fix.schemaEdit = u"declare "_s + table + u'.' + column + u" as "_s + replacement;
        finding.fix.note = u"rewrites the table under ACCESS EXCLUSIVE"_s;
        outcome.findings.push_back(std::move(finding));
    }
    return outcome;
}

Result<CheckOutcome> jsonColumns(const CheckContext& context)
{
    return columnsOfType(context, "json_column", u"a.atttypid = 'json'::regtype"_s,
                         u"json column: stored as text, re-parsed on every access and not "
                         u"indexable with GIN; jsonb is the usual choice"_s,
                         u"jsonb"_s);
}

Result<CheckOutcome> timestampColumns(const CheckContext& context)
{
    return columnsOfType(context, "timestamp_without_time_zone",
                         u"a.atttypid = 'timestamp'::regtype"_s,
                         u"timestamp without time zone: the instant it means depends on the "
                         u"writer's time zone; timestamptz stores an instant"_s,
                         u"timestamptz"_s);
}

Result<CheckOutcome> charColumns(const CheckContext& context)
{
    return columnsOfType(context, "char_column", u"a.atttypid = 'bpchar'::regtype"_s,
                         u"char(n) column: values are blank-padded and compare surprisingly; "
                         u"text or varchar is the usual choice"_s,
                         u"text"_s);
}

Result<CheckOutcome> securityDefinerSearchPath(const CheckContext& context)
{
    auto rows = context.query(
        u"SELECT n.nspname AS schema, p.proname AS name, "
        u"pg_get_function_identity_arguments(p.oid) AS args, p.prokind AS kind "
        u"FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
        u"WHERE p.prosecdef AND NOT EXISTS (SELECT 1 FROM unnest(p.proconfig) AS c "
        u"WHERE c LIKE 'search\\_path=%') AND "_s +
        userSchema(u"n.nspname"_s) +
        u" AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass "
        u"AND d.objid = p.oid AND d.deptype = 'e') ORDER BY 1, 2, 3"_s);
    if (!rows)
        return std::unexpected(rows.error());
    CheckOutcome outcome;
    for (int i = 0; i < rows->rowCount(); ++i) {
        const Row r(*rows, i);
        const QString schema = r.text(u"schema"), name = r.text(u"name");
        const QString signature = db::qualifiedName(schema, name) + u'(' + r.text(u"args") + u')';
        Finding finding = makeFinding(
            "security_definer_search_path", Severity::Warning, schema, {}, signature,
            u"SECURITY DEFINER routine without a pinned search_path: a caller can shadow the "
            u"objects it uses and run code with its owner's rights"_s);
        finding.fix.sql = (r.text(u"kind") == u"p" ? u"ALTER PROCEDURE "_s : u"ALTER FUNCTION "_s) +
                          signature + u" SET search_path = pg_catalog, pg_temp;"_s;
        finding.fix.schemaEdit = u"add SET search_path = pg_catalog, pg_temp to "_s + signature +
                                 u" and schema-qualify the objects it uses"_s;
        outcome.findings.push_back(std::move(finding));
    }
    return outcome;
}

Result<CheckOutcome> disabledTriggers(const CheckContext& context)
{
    auto rows = context.query(
        u"SELECT n.nspname AS schema, c.relname AS table, t.tgname AS trigger "
        u"FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
        u"JOIN pg_namespace n ON n.oid = c.relnamespace "
        u"WHERE NOT t.tgisinternal AND t.tgenabled = 'D' AND t.tgparentid = 0 AND "_s +
        userSchema(u"n.nspname"_s) + u" ORDER BY 1, 2, 3"_s);
    if (!rows)
        return std::unexpected(rows.error());
    CheckOutcome outcome;
    for (int i = 0; i < rows->rowCount(); ++i) {
        const Row r(*rows, i);
        const QString schema = r.text(u"schema"), table = r.text(u"table");
        Finding finding = makeFinding(
            "disabled_trigger", Severity::Warning, schema, table, r.text(u"trigger"),
            u"trigger disabled: the rule it enforces is silently skipped on every write"_s);
        finding.fix.sql = u"ALTER TABLE "_s + db::qualifiedName(schema, table) +
                          u" ENABLE TRIGGER "_s + db::quoteIdentifier(r.text(u"trigger")) + u';';
        finding.fix.note = u"or drop it if it is no longer wanted; rows written while it was off "
                           u"were not checked"_s;
        outcome.findings.push_back(std::move(finding));
    }
    return outcome;
}

Result<CheckOutcome> unloggedTables(const CheckContext& context)
{
    auto rows = context.query(u"SELECT n.nspname AS schema, c.relname AS table FROM pg_class c "
                              u"JOIN pg_namespace n ON n.oid = c.relnamespace "
                              u"WHERE c.relpersistence = 'u' AND c.relkind IN ('r', 'p') AND "_s +
                              userSchema(u"n.nspname"_s) + u" ORDER BY 1, 2"_s);
    if (!rows)
        return std::unexpected(rows.error());
    CheckOutcome outcome;
    for (int i = 0; i < rows->rowCount(); ++i) {
        const Row r(*rows, i);
        const QString schema = r.text(u"schema"), table = r.text(u"table");
        Finding finding =
            makeFinding("unlogged_table", Severity::Info, schema, table, table,
                        u"unlogged table: emptied after a crash and absent on standbys"_s);
        finding.fix.sql = u"ALTER TABLE "_s + db::qualifiedName(schema, table) + u" SET LOGGED;"_s;
        finding.fix.note = u"only if its contents must survive a crash; writes the whole table "
                           u"to WAL"_s;
        outcome.findings.push_back(std::move(finding));
    }
    return outcome;
}

Result<CheckOutcome> identifierLength(const CheckContext& context)
{
    auto rows = context.query(
        u"SELECT n.nspname AS schema, c.relname AS name, c.relkind::text AS kind "
        u"FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        u"WHERE octet_length(c.relname) >= current_setting('max_identifier_length')::int AND "_s +
        userSchema(u"n.nspname"_s) +
        u" UNION ALL SELECT n.nspname, k.conname, 'constraint' FROM pg_constraint k "
        u"JOIN pg_namespace n ON n.oid = k.connamespace "
        u"WHERE octet_length(k.conname) >= current_setting('max_identifier_length')::int AND "_s +
        userSchema(u"n.nspname"_s) + u" ORDER BY 1, 2"_s);
    if (!rows)
        return std::unexpected(rows.error());
    CheckOutcome outcome;
    for (int i = 0; i < rows->rowCount(); ++i) {
        const Row r(*rows, i);
        Finding finding = makeFinding(
            "identifier_length", Severity::Info, r.text(u"schema"), {}, r.text(u"name"),
            u"name at the identifier length limit: it was probably truncated, and a generated "
            u"name that differs only after the cut collides"_s);
        finding.fix.schemaEdit = u"give "_s + r.text(u"name") + u" a shorter explicit name"_s;
        outcome.findings.push_back(std::move(finding));
    }
    return outcome;
}

Result<CheckOutcome> publicSchemaCreate(const CheckContext& context)
{
    auto rows = context.query(
        u"SELECT n.nspname AS schema FROM pg_namespace n "
        u"WHERE n.nspname = 'public' AND has_schema_privilege('public', n.oid, 'CREATE')"_s);
    if (!rows)
        return std::unexpected(rows.error());
    CheckOutcome outcome;
    if (rows->rowCount() == 0)
        return outcome;
    Finding finding =
        makeFinding("public_schema_create", Severity::Info, u"public"_s, {}, u"public"_s,
                    u"every role may create objects in schema public: one can shadow functions "
                    u"and operators others call (the default before PostgreSQL 15)"_s);
    finding.fix.sql = u"REVOKE CREATE ON SCHEMA public FROM PUBLIC;"_s;
    outcome.findings.push_back(std::move(finding));
    return outcome;
}

} // namespace

std::vector<Check> schemaChecks()
{
    return {
        {"security_definer_search_path", "SECURITY DEFINER without search_path", Tier::Warning,
         securityDefinerSearchPath},
        {"disabled_trigger", "Disabled triggers", Tier::Warning, disabledTriggers},
        {"json_column", "json columns", Tier::Informational, jsonColumns},
        {"timestamp_without_time_zone", "timestamp without time zone columns", Tier::Informational,
         timestampColumns},
        {"char_column", "char(n) columns", Tier::Informational, charColumns},
        {"unlogged_table", "Unlogged tables", Tier::Informational, unloggedTables},
        {"identifier_length", "Names at the identifier limit", Tier::Informational,
         identifierLength},
        {"public_schema_create", "CREATE on schema public for everyone", Tier::Informational,
         publicSchemaCreate},
    };
}

} // namespace plumb::diagnose
