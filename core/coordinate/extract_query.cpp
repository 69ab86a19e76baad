// The walker's queries, expressions and data changes: which tables and columns a SELECT, a view
// body, a CHECK or an UPDATE reads and writes, resolving each column reference through the
// FROM lists in scope (see extract_walker.h).

#include "core/coordinate/extract_walker.h"

using namespace Qt::StringLiterals;

namespace plumb::coordinate::detail {

namespace {

const RangeItem* findAlias(const Scope& scope, const QString& alias)
{
    for (const Scope* level = &scope; level; level = level->outer)
        for (const RangeItem& item : level->items)
            if (item.alias == alias)
                return &item;
    return nullptr;
}

std::optional<QStringList> cteColumns(const Scope* scope, const QString& name)
{
    for (const Scope* level = scope; level; level = level->outer)
        if (const auto found = level->ctes.constFind(name); found != level->ctes.constEnd())
            return *found;
    return std::nullopt;
}

QString aliasName(const QJsonObject& owner)
{
    return owner.value(u"alias").toObject().value(u"aliasname").toString();
}

} // namespace

void Walker::readColumn(const RangeItem& item, const QString& column)
{
    if (item.relation)
        touch(ObjectRef{ObjectKind::Column, item.relation->schema, item.relation->name, column},
              Action::Read);
}

void Walker::readUnqualified(const QString& column, const Scope& scope)
{
    for (const Scope* level = &scope; level; level = level->outer) {
        QList<const RangeItem*> certain, possible;
        for (const RangeItem& item : level->items) {
            if (!item.columnsKnown)
                possible.append(&item);
            else if (item.columns.contains(column))
                certain.append(&item);
        }
        // A name a known relation has belongs to it; otherwise it may belong to any relation
        // whose columns are unknown (made by another change, say): count it for each.
        for (const RangeItem* item : certain.isEmpty() ? possible : certain)
            readColumn(*item, column);
        if (!certain.isEmpty() || !possible.isEmpty())
            return;
    }
    // No relation has the column now: the change relies on one another change adds. Count it
    // for the relations of the nearest FROM list.
    for (const Scope* level = &scope; level; level = level->outer) {
        bool any = false;
        for (const RangeItem& item : level->items) {
            if (item.relation && item.columnsKnown) {
                readColumn(item, column);
                any = true;
            }
        }
        if (any)
            return;
    }
}

void Walker::columnReference(const QJsonObject& ref, const Scope& scope)
{
    const QJsonArray fields = ref.value(u"fields").toArray();
    if (fields.isEmpty())
        return;
    const bool star = node(fields.last()).first == u"A_Star";
    QStringList names;
    for (qsizetype i = 0; i < fields.size() - (star ? 1 : 0); ++i)
        names.append(stringValue(fields[i]));
    if (star) {
        // SELECT * or t.*: every column the relation has now (the server expands the list when
        // the view is made).
        for (const Scope* level = &scope; level; level = level->outer) {
            for (const RangeItem& item : level->items)
                if (names.isEmpty() || item.alias == names.last())
                    for (const QString& column : item.columns)
                        readColumn(item, column);
            if (!level->items.isEmpty())
                break;
        }
        return;
    }
    const QString column = names.last();
    if (names.size() == 1) {
        if (!m_variables.contains(column))
            readUnqualified(column, scope);
        return;
    }
    const QString qualifier = names.at(names.size() - 2);
    if (names.size() == 2 && m_variables.contains(qualifier))
        return; // a record variable's field (NEW.x, a row variable)
    if (names.size() == 2) {
        if (const RangeItem* item = findAlias(scope, qualifier))
            readColumn(*item, column);
        return;
    }
    // schema.table.column
    for (const Scope* level = &scope; level; level = level->outer)
        for (const RangeItem& item : level->items)
            if (item.relation && item.relation->name == qualifier &&
                item.relation->schema == names.at(names.size() - 3))
                return readColumn(item, column);
}

void Walker::functionCall(const QJsonObject& call, const Scope& scope)
{
    const QStringList names = stringList(call.value(u"funcname").toArray());
    if (names.isEmpty())
        return;
    const QString name = names.last();
    const bool builtin = names.size() > 1 ? names.front() == u"pg_catalog" : true;
    if (builtin && (name == u"nextval" || name == u"setval" || name == u"currval")) {
        // nextval('app.order_seq'): the sequence is named by a string.
        const QJsonArray args = call.value(u"args").toArray();
        QJsonValue argument = args.isEmpty() ? QJsonValue() : args.first();
        while (node(argument).first == u"TypeCast")
            argument = node(argument).second.value(u"arg");
        const QString text =
            node(argument).second.value(u"sval").toObject().value(u"sval").toString();
        if (!text.isEmpty()) {
            QStringList parts = text.split(u'.');
            for (QString& part : parts)
                part = part.startsWith(u'"') ? part.mid(1, part.size() - 2) : part.toLower();
            touch(objectOf(parts, ObjectKind::Sequence, false),
                  name == u"setval" ? Action::Write : Action::Read);
        }
    }
    if (names.size() > 1 && names.front() != u"pg_catalog") {
        touch(objectOf(names, ObjectKind::Function, false), Action::Read);
    } else if (names.size() == 1) {
        // An unqualified call is a built-in unless a user schema on the path defines it.
        for (const QString& schema : m_known.searchPath) {
            if (m_known.functions.contains(key(schema, name))) {
                touch(ObjectRef{ObjectKind::Function, schema, name, {}}, Action::Read);
                break;
            }
        }
    }
    Q_UNUSED(scope);
}

void Walker::readExpression(const QJsonValue& expression, const Scope& scope)
{
    if (expression.isArray()) {
        for (const QJsonValue& item : expression.toArray())
            readExpression(item, scope);
        return;
    }
    if (!expression.isObject())
        return;
    const QJsonObject object = expression.toObject();
    const auto [type, inner] = node(expression);
    if (type == u"ColumnRef")
        return columnReference(inner, scope);
    if (type == u"SelectStmt")
        return readQuery(expression, &scope);
    if (type == u"SubLink") {
        readExpression(inner.value(u"testexpr"), scope);
        return readQuery(inner.value(u"subselect"), &scope);
    }
    if (type == u"FuncCall")
        functionCall(inner, scope);
    if (type == u"TypeCast")
        readType(inner.value(u"typeName").toObject());
    for (auto it = object.begin(); it != object.end(); ++it)
        readExpression(it.value(), scope);
}

void Walker::addWithClause(const QJsonObject& withClause, Scope& scope)
{
    for (const QJsonValue& value : withClause.value(u"ctes").toArray()) {
        const QJsonObject cte = node(value).second;
        const QString name = cte.value(u"ctename").toString();
        QStringList columns = stringList(cte.value(u"aliascolnames").toArray());
        if (columns.isEmpty())
            columns = outputColumns(cte.value(u"ctequery"), &scope);
        if (withClause.value(u"recursive").toBool())
            scope.ctes.insert(name, columns);
        readQuery(cte.value(u"ctequery"), &scope);
        scope.ctes.insert(name, columns);
    }
}

void Walker::addFromItem(const QJsonValue& item, Scope& scope)
{
    const auto [type, from] = node(item);
    if (type == u"RangeVar") {
        const QString name = from.value(u"relname").toString();
        const QString alias = aliasName(from).isEmpty() ? name : aliasName(from);
        const QStringList renamed =
            stringList(from.value(u"alias").toObject().value(u"colnames").toArray());
        if (from.value(u"schemaname").toString().isEmpty())
            if (const auto columns = cteColumns(&scope, name)) {
                scope.items.append(RangeItem{alias, std::nullopt, *columns, true});
                return;
            }
        const ObjectRef relation = relationOf(from, ObjectKind::Table, false);
        touch(relation, Action::Read, LockMode::AccessShare);
        RangeItem entry{alias, relation, {}, false};
        if (const Knowledge::Relation* known = m_known.relation(relation.schema, relation.name)) {
            entry.columns = known->columns;
            entry.columnsKnown = true;
        }
        if (!renamed.isEmpty()) {
            // FROM t AS x(a, b): the first columns go by the new names.
            for (qsizetype i = 0; i < renamed.size() && i < entry.columns.size(); ++i)
                entry.columns[i] = renamed[i];
        }
        scope.items.append(entry);
    } else if (type == u"JoinExpr") {
        addFromItem(from.value(u"larg"), scope);
        addFromItem(from.value(u"rarg"), scope);
        for (const QString& column : stringList(from.value(u"usingClause").toArray()))
            readUnqualified(column, scope);
        readExpression(from.value(u"quals"), scope);
    } else if (type == u"RangeSubselect") {
        const Scope* visible = from.value(u"lateral").toBool() ? &scope : scope.outer;
        readQuery(from.value(u"subquery"), visible ? visible : nullptr);
        QStringList columns =
            stringList(from.value(u"alias").toObject().value(u"colnames").toArray());
        if (columns.isEmpty())
            columns = outputColumns(from.value(u"subquery"), visible);
        scope.items.append(RangeItem{aliasName(from), std::nullopt, columns, true});
    } else if (type == u"RangeFunction") {
        readExpression(from.value(u"functions"), scope);
        QStringList columns =
            stringList(from.value(u"alias").toObject().value(u"colnames").toArray());
        columns.append(aliasName(from));
        scope.items.append(RangeItem{aliasName(from), std::nullopt, columns, true});
    } else if (!type.isEmpty()) {
        readExpression(QJsonValue(from), scope);
    }
}

void Walker::readQuery(const QJsonValue& query, const Scope* outer)
{
    const auto [type, stmt] = node(query);
    if (type != u"SelectStmt") {
        if (!type.isEmpty())
            dispatch(type, stmt); // a data-modifying CTE, a statement in a body
        return;
    }
    Scope scope;
    scope.outer = outer;
    if (stmt.contains(u"withClause"))
        addWithClause(stmt.value(u"withClause").toObject(), scope);
    const QString op = stmt.value(u"op").toString();
    if (!op.isEmpty() && op != u"SETOP_NONE") {
        readQuery(stmt.value(u"larg"), &scope);
        readQuery(stmt.value(u"rarg"), &scope);
        return;
    }
    readExpression(stmt.value(u"valuesLists"), scope);
    for (const QJsonValue& item : stmt.value(u"fromClause").toArray())
        addFromItem(item, scope);
    for (const QString& part :
         {u"targetList"_s, u"whereClause"_s, u"groupClause"_s, u"havingClause"_s, u"sortClause"_s,
          u"distinctClause"_s, u"windowClause"_s})
        readExpression(stmt.value(part), scope);
}

QStringList Walker::outputColumns(const QJsonValue& query, const Scope* outer) const
{
    const auto [type, stmt] = node(query);
    if (type != u"SelectStmt")
        return {};
    const QString op = stmt.value(u"op").toString();
    if (!op.isEmpty() && op != u"SETOP_NONE")
        return outputColumns(stmt.value(u"larg"), outer);
    QStringList columns;
    for (const QJsonValue& value : stmt.value(u"targetList").toArray()) {
        const QJsonObject target = node(value).second;
        if (target.contains(u"name")) {
            columns.append(target.value(u"name").toString());
            continue;
        }
        const auto [exprType, expr] = node(target.value(u"val"));
        if (exprType == u"ColumnRef") {
            const QJsonArray fields = expr.value(u"fields").toArray();
            if (node(fields.last()).first != u"A_Star") {
                columns.append(stringValue(fields.last()));
                continue;
            }
            // *: the columns of the FROM list's tables, as far as they are known.
            for (const QJsonValue& from : stmt.value(u"fromClause").toArray()) {
                const auto [fromType, fromItem] = node(from);
                if (fromType != u"RangeVar")
                    continue;
                const ObjectRef relation = relationOf(fromItem, ObjectKind::Table, false);
                if (const Knowledge::Relation* known =
                        m_known.relation(relation.schema, relation.name))
                    columns += known->columns;
                else if (const auto cte = cteColumns(outer, fromItem.value(u"relname").toString()))
                    columns += *cte;
            }
        } else if (exprType == u"FuncCall") {
            columns.append(stringList(expr.value(u"funcname").toArray()).last());
        } else {
            columns.append(u"?column?"_s);
        }
    }
    return columns;
}

Scope Walker::relationScope(const ObjectRef& relation) const
{
    // The relation's own names, plus NEW and OLD (a trigger's WHEN) and EXCLUDED (ON CONFLICT).
    // Columns count as unknown so every unqualified name is taken as the relation's.
    Scope scope;
    for (const QString& alias : {relation.name, u"new"_s, u"old"_s, u"excluded"_s})
        scope.items.append(RangeItem{alias, relation, {}, false});
    return scope;
}

void Walker::readColumnsOf(const ObjectRef& relation, const QJsonValue& expression)
{
    if (expression.isUndefined() || expression.isNull())
        return;
    readExpression(expression, relationScope(relation));
}

void Walker::dataChange(const QString& type, const QJsonObject& stmt)
{
    if (type == u"TruncateStmt") {
        for (const QJsonValue& relation : stmt.value(u"relations").toArray())
            touch(relationOf(node(relation).second, ObjectKind::Table, false), Action::Write,
                  LockMode::AccessExclusive);
        return;
    }
    const QJsonObject target = stmt.value(u"relation").toObject();
    const ObjectRef table = relationOf(target, ObjectKind::Table, false);
    if (type == u"CopyStmt") {
        if (stmt.contains(u"query"))
            return readQuery(stmt.value(u"query"), nullptr);
        const bool from = stmt.value(u"is_from").toBool();
        touch(table, from ? Action::Write : Action::Read,
              from ? LockMode::RowExclusive : LockMode::AccessShare);
        for (const QString& column : stringList(stmt.value(u"attlist").toArray()))
            touch(ObjectRef{ObjectKind::Column, table.schema, table.name, column},
                  from ? Action::Write : Action::Read);
        return;
    }
    Scope scope;
    if (stmt.contains(u"withClause"))
        addWithClause(stmt.value(u"withClause").toObject(), scope);
    RangeItem targetItem{
        aliasName(target).isEmpty() ? table.name : aliasName(target), table, {}, false};
    if (const Knowledge::Relation* known = m_known.relation(table.schema, table.name)) {
        targetItem.columns = known->columns;
        targetItem.columnsKnown = true;
    }
    scope.items.append(targetItem);
    // An UPDATE or DELETE without WHERE visits every row: a backfill.
    const bool everyRow =
        (type == u"UpdateStmt" || type == u"DeleteStmt") && !stmt.contains(u"whereClause");
    touch(table, Action::Write, LockMode::RowExclusive, everyRow);
    auto writeColumns = [&](const QJsonArray& targets) {
        for (const QJsonValue& value : targets) {
            const QJsonObject resTarget = node(value).second;
            if (resTarget.contains(u"name"))
                touch(ObjectRef{ObjectKind::Column, table.schema, table.name,
                                resTarget.value(u"name").toString()},
                      Action::Write);
            readExpression(resTarget.value(u"val"), scope);
        }
    };
    if (type == u"InsertStmt") {
        writeColumns(stmt.value(u"cols").toArray());
        readQuery(stmt.value(u"selectStmt"), &scope);
        const QJsonObject onConflict = stmt.value(u"onConflictClause").toObject();
        Scope conflictScope = relationScope(table);
        readExpression(onConflict.value(u"infer"), conflictScope);
        for (const QJsonValue& value : onConflict.value(u"targetList").toArray()) {
            const QJsonObject resTarget = node(value).second;
            touch(ObjectRef{ObjectKind::Column, table.schema, table.name,
                            resTarget.value(u"name").toString()},
                  Action::Write);
            readExpression(resTarget.value(u"val"), conflictScope);
        }
        readExpression(onConflict.value(u"whereClause"), conflictScope);
    } else if (type == u"UpdateStmt" || type == u"DeleteStmt") {
        for (const QString& list : {u"fromClause"_s, u"usingClause"_s})
            for (const QJsonValue& item : stmt.value(list).toArray())
                addFromItem(item, scope);
        writeColumns(stmt.value(u"targetList").toArray());
        readExpression(stmt.value(u"whereClause"), scope);
    } else if (type == u"MergeStmt") {
        addFromItem(stmt.value(u"sourceRelation"), scope);
        readExpression(stmt.value(u"joinCondition"), scope);
        for (const QJsonValue& value : stmt.value(u"mergeWhenClauses").toArray()) {
            const QJsonObject when = node(value).second;
            readExpression(when.value(u"condition"), scope);
            writeColumns(when.value(u"targetList").toArray());
            readExpression(when.value(u"values"), scope);
        }
    }
    readExpression(stmt.value(u"returningList"), scope);
}

} // namespace plumb::coordinate::detail
