// Index checks: invalid and incomplete indexes, exact and prefix duplicates (aware of opclass,
// collation and sort order), foreign keys without a covering index (composite ones included),
// unused indexes (held back while statistics are young) and null-heavy indexes.
#include "check.h"
#include "core/db/quote.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace plumb::diagnose {

namespace {

Result<CheckOutcome> invalidIndexes(const CheckContext& context)
{
    // Read pg_index directly (pg_stat_user_indexes hides TOAST *_ccnew leftovers) and skip the
    // indexes a CREATE INDEX CONCURRENTLY is building right now: they are invalid until it ends.
    auto rows = context.query(
        u"SELECT n.nspname AS schema, t.relname AS table, c.relname AS index, "
        u"i.indisunique AS is_unique, i.indisready AS ready, pg_get_indexdef(i.indexrelid) AS def, "
        u"pg_relation_size(i.indexrelid) AS bytes "
        u"FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
        u"JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
        u"WHERE NOT i.indisvalid AND c.relkind = 'i' "
        u"AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
        u"AND NOT EXISTS (SELECT 1 FROM pg_stat_progress_create_index p "
        u"WHERE p.index_relid = i.indexrelid) "
        u"ORDER BY 1, 2, 3"_s);
    if (!rows)
        return std::unexpected(rows.error());
    CheckOutcome outcome;
    static const QRegularExpression leftover(u"_cc(new|old)[0-9]*$"_s);
    for (int i = 0; i < rows->rowCount(); ++i) {
        const Row r(*rows, i);
        const QString schema = r.text(u"schema"), index = r.text(u"index");
        const bool unique = r.boolean(u"is_unique");
        const bool critical = unique && r.boolean(u"ready");
        Finding finding = makeFinding(
            "invalid_index", critical ? Severity::Critical : Severity::Warning, schema,
            r.text(u"table"), index,
            critical ? u"invalid unique index: never used for reads, yet it still enforces "
                       u"uniqueness on writes"_s
                     : u"invalid index: never used for reads, yet maintained on every write"_s);
        finding.detail = prettyBytes(r.int64(u"bytes")) + u"; "_s + r.text(u"def");
        finding.fix.needsAutocommit = true;
        if (leftover.match(index).hasMatch()) {
            finding.fix.sql =
                u"DROP INDEX CONCURRENTLY "_s + db::qualifiedName(schema, index) + u';';
            finding.fix.note = u"a leftover of an interrupted REINDEX CONCURRENTLY: drop it"_s;
        } else {
            // Rebuilt in place: the index keeps its name, and a unique one keeps enforcing
            // (an invalid unique index still checks writes) until the rebuilt one takes over.
            finding.fix.sql =
                u"REINDEX INDEX CONCURRENTLY "_s + db::qualifiedName(schema, index) + u';';
            finding.fix.schemaEdit = u"nothing to change in the schema files: rebuild the index"_s;
            if (unique)
                finding.fix.note = u"remove the duplicate keys first, or the rebuild fails again"_s;
        }
        outcome.findings.push_back(std::move(finding));
    }
    return outcome;
}

Result<CheckOutcome> incompletePartitionedIndexes(const CheckContext& context)
{
    // A partitioned index (relkind 'I') stays invalid until every partition has an attached
    // index; the fix builds the missing ones concurrently and attaches them.
    auto rows = context.query(
        u"SELECT n.nspname AS schema, t.relname AS table, c.relname AS index, "
        u"pn.nspname AS part_schema, p.relname AS partition "
        u"FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
        u"JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
        u"JOIN pg_inherits h ON h.inhparent = t.oid JOIN pg_class p ON p.oid = h.inhrelid "
        u"JOIN pg_namespace pn ON pn.oid = p.relnamespace "
        u"WHERE c.relkind = 'I' AND NOT i.indisvalid AND "_s +
        userSchema(u"n.nspname"_s) +
        u" AND NOT EXISTS (SELECT 1 FROM pg_inherits hi JOIN pg_index pi ON "
        u"pi.indexrelid = hi.inhrelid WHERE hi.inhparent = i.indexrelid AND pi.indrelid = p.oid) "
        u"ORDER BY 1, 2, 3, 5"_s);
    if (!rows)
        return std::unexpected(rows.error());
    CheckOutcome outcome;
    const IndexParts parts = rows->rowCount() > 0 ? readIndexParts(context) : IndexParts{};
    QHash<QString, qsizetype> byIndex;
    for (int i = 0; i < rows->rowCount(); ++i) {
        const Row r(*rows, i);
        const QString schema = r.text(u"schema"), index = r.text(u"index");
        const QString key = schema + u'.' + index;
        if (!byIndex.contains(key)) {
            Finding finding = makeFinding(
                "partitioned_index_incomplete", Severity::Warning, schema, r.text(u"table"), index,
                u"partitioned index not attached on every partition: it stays invalid"_s);
            finding.fix.needsAutocommit = true;
            finding.fix.note = u"CONCURRENTLY cannot run on the parent: build each partition's "
                               u"index, then attach it"_s;
            byIndex.insert(key, static_cast<qsizetype>(outcome.findings.size()));
            outcome.findings.push_back(std::move(finding));
        }
        Finding& finding = outcome.findings[static_cast<size_t>(byIndex.value(key))];
        const QString partition = r.text(u"partition");
        const QString childIndex = db::truncateIdentifier(QString(partition + u'_' + index));
        finding.detail += (finding.detail.isEmpty() ? u"missing on "_s : u", "_s) + partition;
        // The parent's index, built on the partition (its key columns have the same names).
        const QString build = concurrentDefinition(
            parts, {schema, index}, catalog::QualifiedName{r.text(u"part_schema"), partition},
            childIndex);
        if (build.isEmpty())
            continue;
        finding.fix.sql += build + u";\nALTER INDEX "_s + db::qualifiedName(schema, index) +
                           u" ATTACH PARTITION "_s +
                           db::qualifiedName(r.text(u"part_schema"), childIndex) + u";\n"_s;
    }
    for (Finding& finding : outcome.findings)
        finding.fix.sql = finding.fix.sql.trimmed();
    return outcome;
}

// One index's structure, compared as catalog values and never as text: pg_get_indexdef per
// column leaves out opclass, collation and DESC, which made plain report false duplicates.
struct IndexShape {
    QString schema, table, name, definition;
    qint64 tableOid = 0, accessMethod = 0, bytes = 0;
    bool unique = false, primary = false, constraintBacked = false, nullsNotDistinct = false;
    QStringList keys;    // "expression|opclass|collation|option" per key column
    QStringList include; // sorted INCLUDE columns
    QString predicate;

    int rank() const { return primary ? 3 : constraintBacked ? 2 : unique ? 1 : 0; }
};

Result<std::vector<IndexShape>> indexShapes(const CheckContext& context)
{
    const QString nullsNotDistinct =
        context.facts.serverVersionNum >= 150000 ? u"i.indnullsnotdistinct"_s : u"false"_s;
    auto rows = context.query(
        u"SELECT n.nspname AS schema, t.relname AS table, c.relname AS index, "
        u"t.oid::bigint AS table_oid, c.relam::bigint AS am, i.indisunique AS is_unique, "
        u"i.indisprimary AS is_primary, "
        u"EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid) AS backed, "
        u""_s +
        nullsNotDistinct +
        u" AS nnd, pg_relation_size(i.indexrelid) AS bytes, pg_get_indexdef(i.indexrelid) AS def, "
        u"array_to_string(ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true) || '|' || "
        u"i.indclass[k - 1] || '|' || i.indcollation[k - 1] || '|' || i.indoption[k - 1] "
        u"FROM generate_series(1, i.indnkeyatts) AS k ORDER BY k), chr(31)) AS keys, "
        u"array_to_string(ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true) "
        u"FROM generate_series(i.indnkeyatts + 1, i.indnatts) AS k ORDER BY 1), chr(31)) "
        u"AS include, coalesce(pg_get_expr(i.indpred, i.indrelid), '') AS pred "
        u"FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
        u"JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
        u"WHERE i.indisvalid AND c.relkind = 'i' AND "_s +
        userSchema(u"n.nspname"_s) + u" ORDER BY t.oid, c.relname"_s);
    if (!rows)
        return std::unexpected(rows.error());
    std::vector<IndexShape> shapes;
    for (int i = 0; i < rows->rowCount(); ++i) {
        const Row r(*rows, i);
        IndexShape shape;
        shape.schema = r.text(u"schema");
        shape.table = r.text(u"table");
        shape.name = r.text(u"index");
        shape.definition = r.text(u"def");
        shape.tableOid = r.int64(u"table_oid");
        shape.accessMethod = r.int64(u"am");
        shape.bytes = r.int64(u"bytes");
        shape.unique = r.boolean(u"is_unique");
        shape.primary = r.boolean(u"is_primary");
        shape.constraintBacked = r.boolean(u"backed");
        shape.nullsNotDistinct = r.boolean(u"nnd");
        shape.keys = r.text(u"keys").split(QChar(31));
        shape.include = r.text(u"include").split(QChar(31), Qt::SkipEmptyParts);
        shape.predicate = r.text(u"pred");
        shapes.push_back(std::move(shape));
    }
    return shapes;
}

Finding dropFinding(const char* check, const IndexShape& drop, const IndexShape& keep,
                    const QString& explanation, const IndexParts& parts)
{
    Finding finding = makeFinding(check, Severity::Warning, drop.schema, drop.table, drop.name,
                                  explanation + u" "_s + keep.name);
    finding.detail =
        prettyBytes(drop.bytes) + u"; "_s + drop.definition + u" vs "_s + keep.definition;
    if (drop.constraintBacked) {
        finding.severity = Severity::Info;
        finding.fix.note = u"both indexes back constraints: drop the redundant constraint in "
                           u"the schema files if it is not needed"_s;
        return finding;
    }
    finding.fix.sql =
        u"DROP INDEX CONCURRENTLY "_s + db::qualifiedName(drop.schema, drop.name) + u';';
    finding.fix.needsAutocommit = true;
    finding.fix.schemaEdit = u"remove index "_s + drop.name + u" from the schema files"_s;
    const QString undo = concurrentDefinition(parts, {drop.schema, drop.name});
    finding.fix.note = u"undo: "_s + (undo.isEmpty() ? drop.definition : undo) + u';';
    return finding;
}

bool sameExtras(const IndexShape& a, const IndexShape& b)
{
    return a.accessMethod == b.accessMethod && a.predicate == b.predicate;
}

Result<CheckOutcome> duplicateIndexes(const CheckContext& context)
{
    auto shapes = indexShapes(context);
    if (!shapes)
        return std::unexpected(shapes.error());
    CheckOutcome outcome;
    std::optional<IndexParts> read; // only when something is reported
    auto parts = [&]() -> const IndexParts& {
        if (!read)
            read = readIndexParts(context);
        return *read;
    };
    QSet<QString> flagged;
    for (const IndexShape& a : *shapes) {
        for (const IndexShape& b : *shapes) {
            if (&a == &b || a.tableOid != b.tableOid || !sameExtras(a, b) || a.keys != b.keys ||
                a.include != b.include || a.nullsNotDistinct != b.nullsNotDistinct)
                continue;
            // Report `a` when it is the one to drop: lower rank, else the later name.
            const bool dropA = a.rank() < b.rank() || (a.rank() == b.rank() && a.name > b.name);
            if (!dropA || flagged.contains(a.name + u'@' + QString::number(a.tableOid)))
                continue;
            flagged.insert(a.name + u'@' + QString::number(a.tableOid));
            outcome.findings.push_back(
                dropFinding("duplicate_index", a, b, u"exact duplicate of"_s, parts()));
        }
    }
    return outcome;
}

Result<CheckOutcome> redundantIndexes(const CheckContext& context)
{
    auto shapes = indexShapes(context);
    if (!shapes)
        return std::unexpected(shapes.error());
    CheckOutcome outcome;
    std::optional<IndexParts> read; // only when something is reported
    auto parts = [&]() -> const IndexParts& {
        if (!read)
            read = readIndexParts(context);
        return *read;
    };
    static const qint64 btree = 403; // pg_am oid of btree, fixed since forever
    for (const IndexShape& a : *shapes) {
        if (a.unique || a.constraintBacked || a.accessMethod != btree || !a.include.isEmpty())
            continue;
        for (const IndexShape& b : *shapes) {
            if (&a == &b || a.tableOid != b.tableOid || !sameExtras(a, b) ||
                b.keys.size() <= a.keys.size() || b.keys.mid(0, a.keys.size()) != a.keys)
                continue;
            outcome.findings.push_back(dropFinding("redundant_index", a, b,
                                                   u"its keys are a leading prefix (same opclass, "
                                                   u"collation and order) of"_s,
                                                   parts()));
            break;
        }
    }
    return outcome;
}

Result<CheckOutcome> missingForeignKeyIndexes(const CheckContext& context)
{
    // Covered when some valid index's first k key columns are the FK's k columns in any order
    // (equality lookups do not care), with no predicate, or for a one-column FK the predicate
    // "col IS NOT NULL". Composite FKs are checked too (plain skips them).
    auto rows = context.query(
        u"SELECT n.nspname AS schema, t.relname AS table, k.conname AS fk, "
        u"k.confrelid::regclass::text AS referenced, "
        u"array_to_string(ARRAY(SELECT quote_ident(a.attname) FROM unnest(k.conkey) "
        u"WITH ORDINALITY AS u(attnum, ord) JOIN pg_attribute a ON a.attrelid = k.conrelid "
        u"AND a.attnum = u.attnum ORDER BY u.ord), ', ') AS columns, "
        u"pg_relation_size(t.oid) AS bytes "
        u"FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid "
        u"JOIN pg_namespace n ON n.oid = t.relnamespace "
        u"WHERE k.contype = 'f' AND k.conparentid = 0 AND "_s +
        userSchema(u"n.nspname"_s) +
        u" AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = k.conrelid "
        u"AND i.indisvalid AND i.indnkeyatts >= cardinality(k.conkey) "
        u"AND (i.indkey::int2[])[0:cardinality(k.conkey) - 1] @> k.conkey "
        u"AND (i.indkey::int2[])[0:cardinality(k.conkey) - 1] <@ k.conkey "
        u"AND (i.indpred IS NULL OR (cardinality(k.conkey) = 1 AND "
        u"pg_get_expr(i.indpred, i.indrelid) = format('(%s IS NOT NULL)', "
        u"(SELECT quote_ident(a.attname) FROM pg_attribute a WHERE a.attrelid = k.conrelid "
        u"AND a.attnum = k.conkey[1]))))) "
        u"ORDER BY 1, 2, 3"_s);
    if (!rows)
        return std::unexpected(rows.error());
    CheckOutcome outcome;
    for (int i = 0; i < rows->rowCount(); ++i) {
        const Row r(*rows, i);
        const QString schema = r.text(u"schema"), table = r.text(u"table");
        Finding finding = makeFinding(
            "missing_fk_index", Severity::Warning, schema, table, r.text(u"fk"),
            u"foreign key without an index on its columns: deletes and key updates on "_s +
                r.text(u"referenced") + u" scan the whole of "_s + table);
        finding.detail = u"("_s + r.text(u"columns") + u") references "_s + r.text(u"referenced");
        finding.fix.sql = u"CREATE INDEX CONCURRENTLY ON "_s + db::qualifiedName(schema, table) +
                          u" ("_s + r.text(u"columns") + u");"_s;
        finding.fix.needsAutocommit = true;
        finding.fix.schemaEdit = u"add an index on ("_s + r.text(u"columns") + u") to "_s + table;
        outcome.findings.push_back(std::move(finding));
    }
    return outcome;
}

Result<CheckOutcome> unusedIndexes(const CheckContext& context)
{
    // Unique, constraint-backed, replica-identity indexes and the sole index leading with a
    // foreign key's first column only look unused: they are kept out.
    const bool lastScan = context.facts.serverVersionNum >= 160000;
    auto rows = context.query(
        u"SELECT s.schemaname AS schema, s.relname AS table, s.indexrelname AS index, "
        u"pg_relation_size(s.indexrelid) AS bytes, pg_get_indexdef(s.indexrelid) AS def, "_s +
            (lastScan ? u"s.last_idx_scan::text"_s : u"NULL::text"_s) +
            u" AS last_scan, "
            u"(SELECT count(*) FROM pg_stat_replication) AS standbys "
            u"FROM pg_stat_user_indexes s JOIN pg_index i ON i.indexrelid = s.indexrelid "
            u"WHERE s.idx_scan = 0 AND pg_relation_size(s.indexrelid) >= $1 "
            u"AND NOT i.indisunique AND i.indisvalid AND NOT i.indisreplident "
            u"AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = s.indexrelid) "
            u"AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' "
            u"AND f.conrelid = i.indrelid AND f.conkey[1] = i.indkey[0] "
            u"AND NOT EXISTS (SELECT 1 FROM pg_index o WHERE o.indrelid = i.indrelid "
            u"AND o.indexrelid <> i.indexrelid AND o.indisvalid AND o.indkey[0] = i.indkey[0])) "
            u"ORDER BY bytes DESC, 1, 2, 3"_s,
        {context.options.unusedIndexMinBytes});
    if (!rows)
        return std::unexpected(rows.error());
    CheckOutcome outcome;
    const IndexParts parts = rows->rowCount() > 0 ? readIndexParts(context) : IndexParts{};
    for (int i = 0; i < rows->rowCount(); ++i) {
        const Row r(*rows, i);
        const QString schema = r.text(u"schema"), index = r.text(u"index");
        Finding finding =
            makeFinding("unused_index", Severity::Warning, schema, r.text(u"table"), index,
                        u"index never scanned since the statistics began: it costs writes and "
                        u"space for nothing"_s);
        finding.detail =
            prettyBytes(r.int64(u"bytes")) + u", 0 scans in "_s +
            prettySeconds(context.facts.statsAgeSeconds) +
            (r.isNull(u"last_scan") ? QString() : u", last scan "_s + r.text(u"last_scan"));
        finding.fix.sql = u"DROP INDEX CONCURRENTLY "_s + db::qualifiedName(schema, index) + u';';
        finding.fix.needsAutocommit = true;
        finding.fix.schemaEdit = u"remove index "_s + index + u" from the schema files"_s;
        const QString undo = concurrentDefinition(parts, {schema, index});
        finding.fix.note = u"check standbys and periodic (monthly, yearly) jobs first; undo: "_s +
                           (undo.isEmpty() ? r.text(u"def") : undo) + u';';
        if (r.int64(u"standbys") > 0 || context.facts.inRecovery)
            finding.caveats << u"reads on standbys are not counted here: confirm there too"_s;
        holdBackIfYoung(context, finding);
        outcome.findings.push_back(std::move(finding));
    }
    return outcome;
}

Result<CheckOutcome> nullHeavyIndexes(const CheckContext& context)
{
    auto rows = context.query(
        u"SELECT n.nspname AS schema, t.relname AS table, c.relname AS index, "
        u"a.attname AS col, st.null_frac, pg_relation_size(i.indexrelid) AS bytes "
        u"FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
        u"JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace "
        u"JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0] "
        u"JOIN pg_stats st ON st.schemaname = n.nspname AND st.tablename = t.relname "
        u"AND st.attname = a.attname AND NOT st.inherited "
        u"WHERE i.indnatts = 1 AND i.indpred IS NULL AND NOT i.indisunique AND i.indisvalid "
        u"AND c.relkind = 'i' AND st.null_frac >= $1 AND pg_relation_size(i.indexrelid) >= $2 "
        u"AND "_s +
            userSchema(u"n.nspname"_s) + u" ORDER BY 1, 2, 3"_s,
        {QString::number(context.options.nullHeavyFraction),
         context.options.nullHeavyMinIndexBytes});
    if (!rows)
        return std::unexpected(rows.error());
    CheckOutcome outcome;
    for (int i = 0; i < rows->rowCount(); ++i) {
        const Row r(*rows, i);
        const QString schema = r.text(u"schema"), table = r.text(u"table");
        const QString index = r.text(u"index"), column = r.text(u"col");
        Finding finding =
            makeFinding("null_heavy_index", Severity::Warning, schema, table, index,
                        u"most indexed values are NULL: a partial index WHERE "_s + column +
                            u" IS NOT NULL is smaller and cheaper to maintain"_s);
        finding.detail = QString::number(r.real(u"null_frac") * 100, 'f', 0) + u"% NULL, "_s +
                         prettyBytes(r.int64(u"bytes"));
        const QString partial = db::truncateIdentifier(QString(index + u"_not_null"_s));
        finding.fix.sql =
            u"CREATE INDEX CONCURRENTLY "_s + db::quoteIdentifier(partial) + u" ON "_s +
            db::qualifiedName(schema, table) + u" ("_s + db::quoteIdentifier(column) +
            u") WHERE "_s + db::quoteIdentifier(column) +
            u" IS NOT NULL;\nDROP INDEX CONCURRENTLY "_s + db::qualifiedName(schema, index) + u';';
        finding.fix.needsAutocommit = true;
        finding.fix.note = u"only if no query looks rows up by "_s + column + u" IS NULL"_s;
        outcome.findings.push_back(std::move(finding));
    }
    return outcome;
}

} // namespace

std::vector<Check> indexChecks()
{
    return {
        {"invalid_index", "Invalid indexes", Tier::Warning, invalidIndexes},
        {"partitioned_index_incomplete", "Partitioned indexes not on every partition",
         Tier::Warning, incompletePartitionedIndexes},
        {"duplicate_index", "Duplicate indexes", Tier::Warning, duplicateIndexes},
        {"redundant_index", "Redundant (prefix) indexes", Tier::Warning, redundantIndexes},
        {"missing_fk_index", "Foreign keys without an index", Tier::Warning,
         missingForeignKeyIndexes},
        {"unused_index", "Unused indexes", Tier::Warning, unusedIndexes},
        {"null_heavy_index", "Indexes of mostly NULL values", Tier::Operational, nullHeavyIndexes},
    };
}

} // namespace plumb::diagnose
