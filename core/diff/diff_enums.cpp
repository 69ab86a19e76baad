#include "core/db/quote.h"
#include "core/diff/differ.h"

using namespace Qt::StringLiterals;

namespace plumb::diff::detail {

using namespace catalog;

namespace {

// Labels cannot be removed or reordered in place. Columns move to a new type built beside
// the old one (renamed away), converting through text; the old type is dropped last.
void rebuildEnum(Work& work, const EnumType& from, const EnumType& to)
{
    const ObjectKey key = keyOf(to);
    const QString typeName = q(to.name);
    QList<std::pair<const Table*, const Column*>> users;
    for (const Table& table : work.from.tables)
        for (const Column& column : table.columns)
            if (column.isLocal && (column.type == typeName || column.type == typeName + u"[]"))
                users.append({&table, &column});
    if (users.isEmpty()) {
        work.recreated.insert(key);
        return;
    }
    const QString oldName = db::truncateIdentifier(QString(to.name.name + u"__plumb_old"_s));
    // Every change of the rebuild carries Attribute::Labels (the columns' retypes their
    // type change): the planner blocks them together, with the recipe.
    Change rename = makeChange(Action::Rename, ObjectType::Enum, key,
                               {u"ALTER TYPE "_s + typeName + u" RENAME TO "_s + ident(oldName)});
    rename.attribute = Attribute::Labels;
    rename.before = from.labels.join(u", "_s);
    rename.after = oldName;
    work.early.append(rename);
    work.created.insert(key);
    for (const auto& [table, column] : users) {
        const Table* target = work.to.table(table->name);
        const Column* targetColumn = target ? target->column(column->name) : nullptr;
        if (!targetColumn || targetColumn->type != column->type)
            continue; // the column is retyped or dropped on its own
        const QString alter =
            u"ALTER TABLE "_s + q(table->name) + u" ALTER COLUMN "_s + ident(column->name);
        const ObjectKey tableKey = keyOf(*table);
        auto columnChange = [&](QStringList sql, Attribute attribute) {
            Change change = makeChange(Action::Alter, ObjectType::Column, tableKey, sql);
            change.column = column->name;
            change.attribute = attribute;
            change.forDependency = true;
            return change;
        };
        if (!column->defaultExpr.isEmpty())
            work.early.append(columnChange({alter + u" DROP DEFAULT"_s}, Attribute::Default));
        Change retype = columnChange({alter + u" TYPE "_s + column->type + u" USING "_s +
                                      ident(column->name) + u"::text::"_s + column->type},
                                     Attribute::Type);
        retype.before = retype.after = column->type;
        // The values keep their labels; one whose label the new type lacks fails.
        retype.typeChange = TypeChange{TypeConversion::Narrowing,
                                       ident(column->name) + u"::text::"_s + column->type, false,
                                       false, u"values whose label the new type lacks fail"_s};
        work.alter(tableKey, retype);
        if (!targetColumn->defaultExpr.isEmpty() &&
            targetColumn->defaultExpr == column->defaultExpr)
            work.alter(tableKey,
                       columnChange({alter + u" SET DEFAULT "_s + targetColumn->defaultExpr},
                                    Attribute::Default));
        work.retypedTables.insert(tableKey);
    }
    Change drop = makeChange(Action::Drop, ObjectType::Enum, key,
                             {u"DROP TYPE "_s + db::qualifiedName(to.name.schema, oldName)});
    drop.attribute = Attribute::Labels;
    drop.forDependency = true;
    work.final.append(drop);
}

} // namespace

// Labels can only be added in place (ALTER TYPE ... ADD VALUE); removing or reordering them
// rebuilds the type (then true: the type is made anew, its comment and owner with it).
bool alterEnumLabels(Work& work, const EnumType& from, const EnumType& to)
{
    if (from.labels == to.labels)
        return false;
    qsizetype next = 0;
    for (const QString& label : to.labels)
        if (next < from.labels.size() && from.labels[next] == label)
            ++next;
    if (next != from.labels.size()) {
        rebuildEnum(work, from, to);
        return true;
    }
    // Each new label is placed after the label before it in `to`, which exists by then (an old
    // one, or one added just before); labels ahead of every old one go before the first old
    // label. An enum without labels takes them in order.
    QStringList sql;
    for (qsizetype i = 0; i < to.labels.size(); ++i) {
        if (from.labels.contains(to.labels[i]))
            continue;
        QString statement =
            u"ALTER TYPE "_s + q(to.name) + u" ADD VALUE "_s + db::quoteLiteral(to.labels[i]);
        if (i > 0)
            statement += u" AFTER "_s + db::quoteLiteral(to.labels[i - 1]);
        else if (!from.labels.isEmpty())
            statement += u" BEFORE "_s + db::quoteLiteral(from.labels.front());
        sql.append(statement);
    }
    const ObjectKey key = keyOf(to);
    Change change = makeChange(Action::Alter, ObjectType::Enum, key, sql);
    change.attribute = Attribute::Labels;
    change.before = from.labels.join(u", "_s);
    change.after = to.labels.join(u", "_s);
    // A value added in a transaction cannot be used before it commits: the change commits on
    // its own, before anything that may use the new values.
    change.transactional = false;
    work.alter(key, change);
    return false;
}

} // namespace plumb::diff::detail
