// Sequence checks: exhaustion measured against the smaller of the sequence's and the column
// type's maximum (plain used only the first, PgHero only the second), and int primary keys.
#include "check.h"
#include "core/db/quote.h"

using namespace Qt::StringLiterals;

namespace plumb::diagnose {

namespace {

Result<CheckOutcome> sequenceExhaustion(const CheckContext& context)
{
    // Sequences reach columns through ownership (serial: deptype 'a'), identity (deptype 'i')
    // or a nextval() default that depends on them (deptype 'n' from pg_attrdef).
    auto rows = context.query(
        u"WITH uses AS ("
        u" SELECT d.objid AS seq, d.refobjid AS rel, d.refobjsubid AS attnum, d.deptype "
        u" FROM pg_depend d WHERE d.classid = 'pg_class'::regclass "
        u" AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i') "
        u" AND d.refobjsubid > 0 "
        u" UNION SELECT d.refobjid, ad.adrelid, ad.adnum, 'n' FROM pg_depend d "
        u" JOIN pg_attrdef ad ON ad.oid = d.objid WHERE d.classid = 'pg_attrdef'::regclass "
        u" AND d.refclassid = 'pg_class'::regclass "
        u" AND (SELECT relkind FROM pg_class WHERE oid = d.refobjid) = 'S') "
        u"SELECT DISTINCT ON (n.nspname, t.relname, a.attname) "
        u"n.nspname AS schema, t.relname AS table, a.attname AS col, sn.nspname AS seq_schema, "
        u"sc.relname AS seq, format_type(s.seqtypid, NULL) AS seq_type, "
        u"format_type(a.atttypid, NULL) AS col_type, u.deptype, ps.last_value, "
        u"s.seqmax::numeric AS seqmax, "
        u"least(s.seqmax::numeric, CASE a.atttypid WHEN 'int2'::regtype THEN 32767 "
        u"WHEN 'int4'::regtype THEN 2147483647 ELSE 9223372036854775807 END) AS lim, "
        u"round(100 * ps.last_value::numeric / least(s.seqmax::numeric, CASE a.atttypid "
        u"WHEN 'int2'::regtype THEN 32767 WHEN 'int4'::regtype THEN 2147483647 "
        u"ELSE 9223372036854775807 END), 2)::float8 AS pct, "
        u"array_to_string(ARRAY(SELECT format('%s|%s|%s', fn.nspname, ft.relname, fa.attname) "
        u" FROM pg_constraint f JOIN pg_class ft ON ft.oid = f.conrelid "
        u" JOIN pg_namespace fn ON fn.oid = ft.relnamespace "
        u" JOIN pg_attribute fa ON fa.attrelid = f.conrelid AND fa.attnum = f.conkey[1] "
        u" WHERE f.contype = 'f' AND f.confrelid = t.oid AND f.confkey = ARRAY[a.attnum] "
        u" AND fa.atttypid <> 'int8'::regtype AND f.conparentid = 0), chr(31)) AS referencing "
        u"FROM uses u JOIN pg_sequence s ON s.seqrelid = u.seq "
        u"JOIN pg_class sc ON sc.oid = s.seqrelid JOIN pg_namespace sn ON sn.oid = sc.relnamespace "
        u"JOIN pg_sequences ps ON ps.schemaname = sn.nspname AND ps.sequencename = sc.relname "
        u"JOIN pg_class t ON t.oid = u.rel JOIN pg_namespace n ON n.oid = t.relnamespace "
        u"JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = u.attnum "
        u"WHERE NOT s.seqcycle AND s.seqincrement > 0 AND ps.last_value IS NOT NULL AND "_s +
        userSchema(u"n.nspname"_s) + u" ORDER BY n.nspname, t.relname, a.attname, pct DESC"_s);
    if (!rows)
        return std::unexpected(rows.error());
    const Options& options = context.options;
    CheckOutcome outcome;
    for (int i = 0; i < rows->rowCount(); ++i) {
        const Row r(*rows, i);
        const double pct = r.real(u"pct");
        if (pct < options.sequenceInfoPercent)
            continue;
        const Severity severity = pct >= options.sequenceCriticalPercent  ? Severity::Critical
                                  : pct >= options.sequenceWarningPercent ? Severity::Warning
                                                                          : Severity::Info;
        const QString schema = r.text(u"schema"), table = r.text(u"table"), column = r.text(u"col");
        const QString colType = r.text(u"col_type"), seqType = r.text(u"seq_type");
        const QString sequence = db::qualifiedName(r.text(u"seq_schema"), r.text(u"seq"));
        Finding finding =
            makeFinding("sequence_exhaustion", severity, schema, table, column,
                        u"ids from "_s + sequence + u" are "_s + QString::number(pct, 'f', 1) +
                            u"% of the way to their limit: inserts fail when it is reached"_s);
        finding.detail = u"last value "_s + r.text(u"last_value") + u" of "_s + r.text(u"lim") +
                         u" (sequence "_s + seqType + u" max "_s + r.text(u"seqmax") +
                         u", column "_s + colType + u')';
        QStringList sql;
        const bool identity = r.text(u"deptype") == u"i";
        // A serial's sequence keeps AS integer when only the column is widened: widen both.
        // An identity column's sequence follows the column's type.
        if (!identity && seqType != u"bigint")
            sql << u"ALTER SEQUENCE "_s + sequence + u" AS bigint;"_s;
        if (colType != u"bigint")
            sql << u"ALTER TABLE "_s + db::qualifiedName(schema, table) + u" ALTER COLUMN "_s +
                       db::quoteIdentifier(column) + u" TYPE bigint;"_s;
        const QString referencing = r.text(u"referencing");
        for (const QString& item : referencing.split(QChar(31), Qt::SkipEmptyParts)) {
            const QStringList parts = item.split(u'|');
            if (parts.size() == 3)
                sql << u"ALTER TABLE "_s + db::qualifiedName(parts[0], parts[1]) +
                           u" ALTER COLUMN "_s + db::quoteIdentifier(parts[2]) + u" TYPE bigint;"_s;
        }
        if (sql.isEmpty())
            sql << u"ALTER SEQUENCE "_s + sequence + u" NO MAXVALUE;"_s;
        finding.fix.sql = sql.join(u'\n');
        finding.fix.schemaEdit = u"declare "_s + table + u'.' + column +
                                 u" as bigint (and every column referencing it)"_s;
        finding.fix.note = u"ALTER COLUMN TYPE rewrites the table under ACCESS EXCLUSIVE; for "
                           u"big tables add a bigint column, backfill, and swap"_s;
        outcome.findings.push_back(std::move(finding));
    }
    return outcome;
}

Result<CheckOutcome> integerPrimaryKeys(const CheckContext& context)
{
    auto rows =
        context.query(u"SELECT n.nspname AS schema, c.relname AS table, a.attname AS col, "
                      u"format_type(a.atttypid, NULL) AS col_type "
                      u"FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid "
                      u"JOIN pg_namespace n ON n.oid = c.relnamespace "
                      u"JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1] "
                      u"WHERE k.contype = 'p' AND cardinality(k.conkey) = 1 AND k.conparentid = 0 "
                      u"AND a.atttypid IN ('int2'::regtype, 'int4'::regtype) AND "_s +
                      userSchema(u"n.nspname"_s) + u" ORDER BY 1, 2"_s);
    if (!rows)
        return std::unexpected(rows.error());
    CheckOutcome outcome;
    for (int i = 0; i < rows->rowCount(); ++i) {
        const Row r(*rows, i);
        const QString schema = r.text(u"schema"), table = r.text(u"table"), column = r.text(u"col");
        Finding finding = makeFinding(
            "integer_primary_key", Severity::Info, schema, table, column,
            r.text(u"col_type") + u" primary key: widening it later rewrites the table; bigint "
                                  u"costs 4 bytes a row now"_s);
        finding.fix.schemaEdit = u"declare "_s + table + u'.' + column + u" as bigint"_s;
        outcome.findings.push_back(std::move(finding));
    }
    return outcome;
}

} // namespace

std::vector<Check> sequenceChecks()
{
    return {
        {"sequence_exhaustion", "Sequences near their limit", Tier::Warning, sequenceExhaustion},
        {"integer_primary_key", "Integer primary keys", Tier::Informational, integerPrimaryKeys},
    };
}

} // namespace plumb::diagnose
