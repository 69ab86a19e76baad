// Constraint checks: foreign keys whose column types differ from the referenced ones, NOT VALID
// constraints, tables without a primary key, and duplicate foreign keys.
#include "check.h"
#include "core/db/quote.h"

using namespace Qt::StringLiterals;

namespace plumb::diagnose {

namespace {

int integerWidth(const QString& type)
{
    if (type == u"smallint")
        return 2;
    if (type == u"integer")
        return 4;
    if (type == u"bigint")
        return 8;
    return 0;
}

Result<CheckOutcome> foreignKeyTypeMismatch(const CheckContext& context)
{
    auto rows = context.query(
        u"SELECT n.nspname AS schema, t.relname AS table, k.conname AS fk, a.attname AS col, "
        u"format_type(a.atttypid, a.atttypmod) AS col_type, k.confrelid::regclass::text AS ref, "
        u"ra.attname AS ref_col, format_type(ra.atttypid, ra.atttypmod) AS ref_type "
        u"FROM pg_constraint k CROSS JOIN LATERAL unnest(k.conkey, k.confkey) AS u(col, refcol) "
        u"JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.col "
        u"JOIN pg_attribute ra ON ra.attrelid = k.confrelid AND ra.attnum = u.refcol "
        u"JOIN pg_class t ON t.oid = k.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace "
        u"WHERE k.contype = 'f' AND k.conparentid = 0 AND "
        u"(a.atttypid <> ra.atttypid OR a.atttypmod <> ra.atttypmod) AND "_s +
        userSchema(u"n.nspname"_s) + u" ORDER BY 1, 2, 3, 4"_s);
    if (!rows)
        return std::unexpected(rows.error());
    CheckOutcome outcome;
    for (int i = 0; i < rows->rowCount(); ++i) {
        const Row r(*rows, i);
        const QString schema = r.text(u"schema"), table = r.text(u"table");
        const QString type = r.text(u"col_type"), refType = r.text(u"ref_type");
        const int width = integerWidth(type), refWidth = integerWidth(refType);
        const bool narrower = width && refWidth && width < refWidth;
        Finding finding = makeFinding(
            "fk_type_mismatch", narrower ? Severity::Warning : Severity::Info, schema, table,
            r.text(u"fk") + u'.' + r.text(u"col"),
            narrower ? u"foreign key column is narrower than the key it references: inserts fail "
                       u"once the referenced ids outgrow "_s +
                           type
                     : u"foreign key column type differs from the referenced column's"_s);
        finding.detail = table + u'.' + r.text(u"col") + u' ' + type + u" -> "_s + r.text(u"ref") +
                         u'.' + r.text(u"ref_col") + u' ' + refType;
        finding.fix.sql = u"ALTER TABLE "_s + db::qualifiedName(schema, table) +
                          u" ALTER COLUMN "_s + db::quoteIdentifier(r.text(u"col")) + u" TYPE "_s +
                          refType + u';';
        finding.fix.schemaEdit =
            u"declare "_s + table + u'.' + r.text(u"col") + u" as "_s + refType;
        finding.fix.note = u"rewrites the table under ACCESS EXCLUSIVE"_s;
        outcome.findings.push_back(std::move(finding));
    }
    return outcome;
}

Result<CheckOutcome> notValidConstraints(const CheckContext& context)
{
    auto rows = context.query(
        u"SELECT n.nspname AS schema, t.relname AS table, k.conname AS name, k.contype AS kind, "
        u"pg_get_constraintdef(k.oid) AS def "
        u"FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid "
        u"JOIN pg_namespace n ON n.oid = t.relnamespace "
        u"WHERE NOT k.convalidated AND k.contype IN ('c', 'f') AND k.conparentid = 0 AND "_s +
        userSchema(u"n.nspname"_s) + u" ORDER BY 1, 2, 3"_s);
    if (!rows)
        return std::unexpected(rows.error());
    CheckOutcome outcome;
    for (int i = 0; i < rows->rowCount(); ++i) {
        const Row r(*rows, i);
        const QString schema = r.text(u"schema"), table = r.text(u"table");
        Finding finding = makeFinding(
            "not_valid_constraint", Severity::Warning, schema, table, r.text(u"name"),
            u"constraint added NOT VALID and never validated: existing rows are unchecked and "
            u"the planner cannot rely on it"_s);
        finding.detail = r.text(u"def");
        finding.fix.sql = u"ALTER TABLE "_s + db::qualifiedName(schema, table) +
                          u" VALIDATE CONSTRAINT "_s + db::quoteIdentifier(r.text(u"name")) + u';';
        finding.fix.note = u"takes SHARE UPDATE EXCLUSIVE (writes go on); fails if some row "
                           u"violates it, so fix those rows first"_s;
        outcome.findings.push_back(std::move(finding));
    }
    return outcome;
}

Result<CheckOutcome> tablesWithoutPrimaryKey(const CheckContext& context)
{
    // A table in a publication with the default replica identity and no key rejects UPDATE and
    // DELETE: that is a warning. Otherwise it is a lint.
    auto rows = context.query(
        u"SELECT n.nspname AS schema, c.relname AS table, "
        u"EXISTS (SELECT 1 FROM pg_publication_tables p WHERE p.schemaname = n.nspname "
        u"AND p.tablename = c.relname) AND c.relreplident = 'd' AS published "
        u"FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        u"WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND "_s +
        userSchema(u"n.nspname"_s) +
        u" AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = c.oid "
        u"AND k.contype = 'p') ORDER BY 1, 2"_s);
    if (!rows)
        return std::unexpected(rows.error());
    CheckOutcome outcome;
    for (int i = 0; i < rows->rowCount(); ++i) {
        const Row r(*rows, i);
        const QString schema = r.text(u"schema"), table = r.text(u"table");
        const bool published = r.boolean(u"published");
        Finding finding = makeFinding(
            "table_without_pk", published ? Severity::Warning : Severity::Info, schema, table,
            table,
            published ? u"table in a publication without a primary key or replica identity: "
                        u"UPDATE and DELETE on it fail"_s
                      : u"table without a primary key: rows cannot be addressed reliably"_s);
        finding.fix.sql = u"ALTER TABLE "_s + db::qualifiedName(schema, table) +
                          u" ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY;"_s;
        finding.fix.schemaEdit = u"add a primary key to "_s + table;
        finding.fix.note = u"or promote an existing unique NOT NULL column: ALTER TABLE ... ADD "
                           u"PRIMARY KEY (col); adding a column rewrites the table"_s;
        outcome.findings.push_back(std::move(finding));
    }
    return outcome;
}

Result<CheckOutcome> duplicateForeignKeys(const CheckContext& context)
{
    auto rows = context.query(
        u"SELECT n.nspname AS schema, t.relname AS table, k.conname AS name, o.conname AS kept "
        u"FROM pg_constraint k JOIN pg_constraint o ON o.conrelid = k.conrelid "
        u"AND o.confrelid = k.confrelid AND o.conkey = k.conkey AND o.confkey = k.confkey "
        u"AND o.contype = 'f' AND o.conname < k.conname "
        u"JOIN pg_class t ON t.oid = k.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace "
        u"WHERE k.contype = 'f' AND k.conparentid = 0 AND "_s +
        userSchema(u"n.nspname"_s) +
        u" AND NOT EXISTS (SELECT 1 FROM pg_constraint x WHERE x.conrelid = k.conrelid "
        u"AND x.confrelid = k.confrelid AND x.conkey = k.conkey AND x.confkey = k.confkey "
        u"AND x.contype = 'f' AND x.conname < o.conname) ORDER BY 1, 2, 3"_s);
    if (!rows)
        return std::unexpected(rows.error());
    CheckOutcome outcome;
    for (int i = 0; i < rows->rowCount(); ++i) {
        const Row r(*rows, i);
        const QString schema = r.text(u"schema"), table = r.text(u"table");
        Finding finding =
            makeFinding("duplicate_fk", Severity::Warning, schema, table, r.text(u"name"),
                        u"duplicate of foreign key "_s + r.text(u"kept") +
                            u": every write checks the same reference twice"_s);
        finding.fix.sql = u"ALTER TABLE "_s + db::qualifiedName(schema, table) +
                          u" DROP CONSTRAINT "_s + db::quoteIdentifier(r.text(u"name")) + u';';
        finding.fix.schemaEdit = u"remove foreign key "_s + r.text(u"name") + u" from "_s + table;
        outcome.findings.push_back(std::move(finding));
    }
    return outcome;
}

} // namespace

std::vector<Check> constraintChecks()
{
    return {
        {"fk_type_mismatch", "Foreign key type mismatches", Tier::Warning, foreignKeyTypeMismatch},
        {"not_valid_constraint", "Constraints never validated", Tier::Warning, notValidConstraints},
        {"table_without_pk", "Tables without a primary key", Tier::Warning,
         tablesWithoutPrimaryKey},
        {"duplicate_fk", "Duplicate foreign keys", Tier::Warning, duplicateForeignKeys},
    };
}

} // namespace plumb::diagnose
