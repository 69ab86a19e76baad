// The online recipe for a column type change that keeps every value but rewrites the table
// (int -> bigint): instead of ALTER COLUMN TYPE, which rewrites under ACCESS EXCLUSIVE, a new
// column of the new type is added beside the old one, a trigger keeps it in step with writes,
// a backfill fills it in batches of committed UPDATEs, its indexes are built concurrently, and
// one short transaction swaps the columns.
#include "core/catalog/ddl_objects.h"
#include "core/db/quote.h"
#include "core/plan/planner.h"

using namespace Qt::StringLiterals;

namespace plumb::plan::detail {

using namespace catalog;
using diff::Change;
using diff::TypeConversion;

namespace {

QString q(const QualifiedName& name)
{
    return db::qualifiedName(name.schema, name.name);
}

QString ident(QStringView name)
{
    return db::quoteIdentifier(name);
}

// The plain key columns of an index, when every key and INCLUDE column is a bare column name
// and it has no predicate; nullopt for expression and partial indexes.
std::optional<QStringList> plainColumns(const Index& index)
{
    if (!index.predicate.isEmpty())
        return std::nullopt;
    QStringList columns;
    for (const IndexKey& key : index.keys) {
        if (key.expression.startsWith(u'('))
            return std::nullopt;
        columns.append(key.expression);
    }
    return columns + index.include;
}

} // namespace

// Whether the recipe applies: a lossless conversion of a local, plain column of an ordinary
// table that no constraint, other table, inheritance or sequence ties down, whose indexes are
// plain column indexes (rebuilt on the new column). Anything else keeps ALTER COLUMN TYPE.
bool Planner::backfillApplies(const Change& change, QList<const Index*>* indexesOut) const
{
    if (!change.typeChange || change.typeChange->conversion != TypeConversion::Widening ||
        change.typeChange->declared || change.forDependency)
        return false;
    const QualifiedName tableName{change.object.schema, change.object.name};
    const Table* from = m_fromLookup.table(tableName);
    const Table* to = m_toLookup.table(tableName);
    if (!from || !to || isNewTable(tableName) || from->isPartitioned() || from->partitionOf ||
        !from->inherits.isEmpty())
        return false;
    const Column* before = from->column(change.column);
    const Column* after = to->column(change.column);
    if (!before || !after || !before->isLocal || before->generated != GeneratedKind::None ||
        after->generated != GeneratedKind::None || before->identity != IdentityKind::None ||
        after->identity != IdentityKind::None)
        return false;
    const QString column = ident(change.column);
    for (const Table& other : m_from.tables)
        if (other.inherits.contains(tableName) || other.partitionOf == tableName)
            return false;
    for (const Sequence& s : m_from.sequences)
        if (s.ownedBy && s.ownedBy->table == tableName && s.ownedBy->column == change.column)
            return false;
    for (const Catalog* catalog : {&m_from, &m_to})
        for (const Constraint& c : catalog->constraints)
            if ((c.table == tableName && c.columns.contains(change.column)) ||
                (c.referencedTable == tableName && c.referencedColumns.contains(change.column)))
                return false;
    // Indexes on the column that stay as they are get built on the new column before the swap;
    // the change set drops (and makes again) the others around the type change itself.
    QList<const Index*> indexes;
    for (const Index& index : m_from.indexes) {
        if (index.table != tableName)
            continue;
        const auto columns = plainColumns(index);
        if (!columns) {
            if (index.definition.contains(change.column))
                return false; // an expression or predicate may use the column
            continue;
        }
        if (!columns->contains(column))
            continue;
        if (!index.constraintName.isEmpty() || index.parentIndex)
            return false;
        const Index* kept = toIndex(index.name);
        if (kept && sameBuild(index, *kept))
            indexes.append(kept);
    }
    if (indexesOut)
        *indexesOut = indexes;
    return true;
}

bool Planner::planBackfill(const Change& change, const Decision& decision)
{
    QList<const Index*> indexes;
    if (!backfillApplies(change, &indexes))
        return false;
    const QualifiedName tableName{change.object.schema, change.object.name};
    const Column* before = m_fromLookup.table(tableName)->column(change.column);
    const Column* after = m_toLookup.table(tableName)->column(change.column);
    const QString column = ident(change.column);

    const QString table = q(tableName);
    const QString newColumn = withSuffix(change.column, u"__plumb_new"_s);
    const QString display = tableName.display() + u'.' + change.column;
    const QString function =
        withSuffix(u"plumb_backfill_"_s + tableName.name + u'_' + change.column, QString());
    const QString trigger = withSuffix(u"plumb_backfill_"_s + change.column, QString());
    const diff::TypeChange forNew =
        diff::classifyTypeChange(change.before, change.after, u"NEW."_s + column);
    auto step = [&](StepKind kind, const QString& sql, QList<int> dependencies) {
        Step s = make(kind, sql, m_pass, decision.category, tableName, display);
        s.after = std::move(dependencies);
        return add(s, decision);
    };

    QString definition = ident(newColumn) + u' ' + change.after;
    if (!after->collation.isEmpty())
        definition += u" COLLATE "_s + after->collation;
    const int added =
        step(StepKind::AddColumn, u"ALTER TABLE "_s + table + u" ADD COLUMN "_s + definition, {});
    const QualifiedName functionName{tableName.schema, function};
    const int fn = step(StepKind::CreateObject,
                        u"CREATE FUNCTION "_s + q(functionName) +
                            u"() RETURNS trigger LANGUAGE plpgsql AS $plumb$\nBEGIN\n    NEW."_s +
                            ident(newColumn) + u" := "_s + forNew.usingExpression +
                            u";\n    RETURN NEW;\nEND\n$plumb$"_s,
                        {added});
    const int kept =
        step(StepKind::CreateTrigger,
             u"CREATE TRIGGER "_s + ident(trigger) + u" BEFORE INSERT OR UPDATE ON "_s + table +
                 u" FOR EACH ROW EXECUTE FUNCTION "_s + q(functionName) + u"()"_s,
             {fn});
    // Every new row version gets its value from the trigger (on every UPDATE, not only of the
    // column: an update elsewhere moves the row, perhaps behind the batches). The batches fill
    // the rest, 20 pages by ctid range each, committed one by one, locking with SKIP LOCKED:
    // the backfill never waits for a writer (no deadlock), and a writer waits at most for one
    // small batch. What is left (rows writers held, versions moved past the range) is filled
    // the same way until no row differs; the rows still held then are waited for.
    const QString differs =
        ident(newColumn) + u" IS DISTINCT FROM "_s + change.typeChange->usingExpression;
    const QString set = u"UPDATE "_s + table + u" SET "_s + ident(newColumn) + u" = "_s +
                        change.typeChange->usingExpression;
    Step fill =
        make(StepKind::Backfill,
             u"DO $plumb$\nDECLARE\n    pages bigint := pg_catalog.pg_relation_size("_s +
                 db::quoteLiteral(table) +
                 u"::regclass) / pg_catalog.current_setting('block_size')::bigint;\n"
                 u"    first bigint := 0;\n    done bigint;\nBEGIN\n    WHILE first <= pages LOOP\n"
                 u"        "_s +
                 set + u"\n         WHERE ctid = ANY (ARRAY(SELECT ctid FROM "_s + table +
                 u"\n           WHERE ctid >= pg_catalog.format('(%s,0)', first)::tid"
                 u"\n             AND ctid < pg_catalog.format('(%s,0)', first + 20)::tid"
                 u"\n             AND "_s +
                 differs +
                 u" FOR UPDATE SKIP LOCKED));\n        COMMIT;\n        first := first + 20;\n"
                 u"    END LOOP;\n    LOOP\n        "_s +
                 set + u"\n         WHERE ctid = ANY (ARRAY(SELECT ctid FROM "_s + table +
                 u" WHERE "_s + differs +
                 u"\n           LIMIT 2000 FOR UPDATE SKIP LOCKED));\n"
                 u"        GET DIAGNOSTICS done = ROW_COUNT;\n        COMMIT;\n"
                 u"        EXIT WHEN done = 0;\n    END LOOP;\n    "_s +
                 set + u" WHERE "_s + differs + u";\nEND\n$plumb$"_s,
             m_pass, decision.category, tableName, display);
    fill.hazards.append(Hazard::WritesEveryRow);
    fill.after = {kept};
    const int filled = add(fill, decision);

    QList<int> ready{filled};
    QStringList renames;
    for (const Index* index : indexes) {
        Index rebuilt = *index;
        for (IndexKey& key : rebuilt.keys)
            if (key.expression == column)
                key.expression = ident(newColumn);
        for (QString& included : rebuilt.include)
            if (included == column)
                included = ident(newColumn);
        const QString temporary = withSuffix(index->name.name, u"_plumb_new"_s);
        catalog::detail::IndexSqlOptions options;
        options.concurrently = true;
        options.name = temporary;
        Step build =
            make(StepKind::CreateIndexConcurrently, catalog::detail::indexSql(rebuilt, options),
                 m_pass, decision.category, tableName, index->name.display());
        build.index = {tableName.schema, temporary};
        build.after = {filled};
        if (index->unique)
            build.hazards.append(Hazard::MayFailOnExistingRows);
        ready.append(add(build, decision));
        renames.append(u"ALTER INDEX "_s + q({tableName.schema, temporary}) + u" RENAME TO "_s +
                       ident(index->name.name));
    }
    // NOT NULL kept through the swap: proven by a validated check on the new column.
    const QString check = withSuffix(newColumn, u"_not_null"_s);
    const bool notNull = before->notNull && after->notNull;
    if (notNull) {
        const int checked =
            step(StepKind::AddCheckNotValid,
                 u"ALTER TABLE "_s + table + u" ADD CONSTRAINT "_s + ident(check) + u" CHECK ("_s +
                     ident(newColumn) + u" IS NOT NULL) NOT VALID"_s,
                 {filled});
        ready.append(step(StepKind::ValidateConstraint,
                          u"ALTER TABLE "_s + table + u" VALIDATE CONSTRAINT "_s + ident(check),
                          {checked}));
    }

    // The swap: one short transaction.
    QList<std::pair<StepKind, QString>> swap{
        {StepKind::DropTrigger, u"DROP TRIGGER "_s + ident(trigger) + u" ON "_s + table},
        {StepKind::DropColumn, u"ALTER TABLE "_s + table + u" DROP COLUMN "_s + column},
        {StepKind::RenameColumn,
         u"ALTER TABLE "_s + table + u" RENAME COLUMN "_s + ident(newColumn) + u" TO "_s + column}};
    for (const QString& rename : renames)
        swap.append({StepKind::RenameIndex, rename});
    if (notNull) {
        swap.append({StepKind::SetNotNullProven, u"ALTER TABLE "_s + table + u" ALTER COLUMN "_s +
                                                     column + u" SET NOT NULL"_s});
        swap.append({StepKind::DropConstraint,
                     u"ALTER TABLE "_s + table + u" DROP CONSTRAINT "_s + ident(check)});
    }
    swap.append({StepKind::DropObject, u"DROP FUNCTION "_s + q(functionName) + u"()"_s});
    int previous = -1;
    for (int i = 0; i < swap.size(); ++i) {
        Step s = make(swap[i].first, swap[i].second, m_pass, decision.category, tableName, display);
        s.after = previous < 0 ? ready : QList<int>{previous};
        s.joinsNext = i + 1 < swap.size();
        previous = add(s, decision);
    }
    // What the new column does not have yet (ALTER COLUMN ... SET STATISTICS, STORAGE,
    // COMPRESSION and its comment); the default comes from the change set's own changes.
    QList<std::pair<StepKind, QString>> settings;
    const QString alter = u"ALTER TABLE "_s + table + u" ALTER COLUMN "_s + column;
    if (!after->storage.isEmpty())
        settings.append(
            {StepKind::ColumnSettings, alter + u" SET STORAGE "_s + after->storage.toUpper()});
    if (!after->compression.isEmpty())
        settings.append(
            {StepKind::ColumnSettings, alter + u" SET COMPRESSION "_s + after->compression});
    if (after->statisticsTarget >= 0)
        settings.append({StepKind::ColumnStatistics,
                         alter + u" SET STATISTICS "_s + QString::number(after->statisticsTarget)});
    for (const QString& sql :
         catalog::detail::commentOn(u"COLUMN "_s + table + u'.' + column, after->comment))
        settings.append({StepKind::CommentOn, sql});
    for (const auto& [kind, sql] : settings)
        previous = step(kind, sql, {previous});
    return true;
}

} // namespace plumb::plan::detail
