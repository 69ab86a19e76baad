// The walker's CREATE TABLE, column and constraint definitions, CREATE INDEX, CREATE VIEW and
// CREATE TABLE AS (see extract_walker.h).

#include "core/coordinate/extract_walker.h"

#include <QCryptographicHash>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace plumb::coordinate::detail {

namespace {

// A parse tree without its source positions, so equal expressions written in different places
// compare equal.
QJsonValue withoutLocations(const QJsonValue& value)
{
    if (value.isArray()) {
        QJsonArray array;
        for (const QJsonValue& item : value.toArray())
            array.append(withoutLocations(item));
        return array;
    }
    if (!value.isObject())
        return value;
    QJsonObject object = value.toObject();
    object.remove(u"location"_s);
    for (auto it = object.begin(); it != object.end(); ++it)
        it.value() = withoutLocations(it.value());
    return object;
}

QString treeHash(const QJsonValue& value)
{
    const QByteArray json =
        QJsonDocument(QJsonArray{withoutLocations(value)}).toJson(QJsonDocument::Compact);
    return QString::fromLatin1(
        QCryptographicHash::hash(json, QCryptographicHash::Sha256).toHex().left(8));
}

} // namespace

QString Walker::shapeOf(const QString& what, const QJsonArray& elements) const
{
    QStringList parts;
    for (const QJsonValue& element : elements) {
        const auto [type, elem] = node(element);
        if (type == u"IndexElem")
            parts.append(elem.contains(u"name") ? elem.value(u"name").toString()
                                                : u"expr#"_s + treeHash(elem.value(u"expr")));
        else if (type == u"String")
            parts.append(stringValue(element));
    }
    return what + u" ("_s + parts.join(u", "_s) + u')';
}

QString Walker::partitionShape(const QJsonObject& bound)
{
    if (bound.value(u"is_default").toBool())
        return u"partition default"_s;
    auto datum = [](const QJsonValue& value) -> QString {
        const auto [type, item] = node(value);
        if (type == u"ColumnRef") {
            const QString word = stringValue(item.value(u"fields").toArray().first());
            return word == u"minvalue" ? u"-inf"_s : word == u"maxvalue" ? u"+inf"_s : QString();
        }
        if (type != u"A_Const")
            return {};
        if (item.contains(u"sval"))
            return item.value(u"sval").toObject().value(u"sval").toString();
        if (item.contains(u"fval"))
            return u'#' + item.value(u"fval").toObject().value(u"fval").toString();
        if (item.contains(u"ival"))
            return u'#' + QString::number(item.value(u"ival").toObject().value(u"ival").toInt());
        return {};
    };
    const QString strategy = bound.value(u"strategy").toString();
    if (strategy == u"r") {
        const QJsonArray lower = bound.value(u"lowerdatums").toArray();
        const QJsonArray upper = bound.value(u"upperdatums").toArray();
        if (lower.size() != 1 || upper.size() != 1)
            return {}; // multi-column bounds: not compared
        const QString from = datum(lower.first());
        const QString to = datum(upper.first());
        if (from.isEmpty() || to.isEmpty())
            return {};
        return u"partition range [%1, %2)"_s.arg(from, to);
    }
    if (strategy == u"l") {
        QStringList values;
        for (const QJsonValue& value : bound.value(u"listdatums").toArray())
            values.append(datum(value));
        values.sort();
        return u"partition list {%1}"_s.arg(values.join(u'|'));
    }
    if (strategy == u"h")
        return u"partition hash %1 %2"_s.arg(bound.value(u"modulus").toInt())
            .arg(bound.value(u"remainder").toInt());
    return {};
}

void Walker::createTable(const QJsonObject& stmt)
{
    const QJsonObject relation = stmt.value(u"relation").toObject();
    if (relation.value(u"relpersistence").toString() == u"t")
        return; // a temporary table is private to the session that makes it
    const ObjectRef table = relationOf(relation, ObjectKind::Table, true);
    touch(table, Action::Create, LockMode::AccessExclusive);
    QStringList columns;
    const QJsonArray parents = stmt.value(u"inhRelations").toArray();
    for (const QJsonValue& parentValue : parents) {
        const ObjectRef parent = relationOf(node(parentValue).second, ObjectKind::Table, false);
        // A new partition takes ACCESS EXCLUSIVE on its parent; a plain child SHARE UPDATE
        // EXCLUSIVE.
        const bool partition = stmt.contains(u"partbound");
        touch(parent, Action::Use,
              partition ? LockMode::AccessExclusive : LockMode::ShareUpdateExclusive);
        if (const QString shape = partitionShape(stmt.value(u"partbound").toObject());
            partition && !shape.isEmpty())
            touch(ObjectRef{ObjectKind::Shape, parent.schema, parent.name, shape}, Action::Create);
        if (const Knowledge::Relation* known = m_known.relation(parent.schema, parent.name))
            columns += known->columns;
    }
    if (stmt.contains(u"ofTypename"))
        readType(stmt.value(u"ofTypename").toObject());
    learnRelation(table, columns);
    for (const QJsonValue& element : stmt.value(u"tableElts").toArray()) {
        const auto [type, item] = node(element);
        if (type == u"ColumnDef") {
            columnDefinition(table, item, false);
        } else if (type == u"Constraint") {
            tableConstraint(table, item, {}, false);
        } else if (type == u"TableLikeClause") {
            const ObjectRef source =
                relationOf(item.value(u"relation").toObject(), ObjectKind::Table, false);
            touch(source, Action::Read, LockMode::AccessShare);
            if (const Knowledge::Relation* known = m_known.relation(source.schema, source.name))
                for (const QString& column : known->columns)
                    learnColumn(table, column, true);
        }
    }
}

void Walker::columnDefinition(const ObjectRef& table, const QJsonObject& def, bool adding)
{
    const QString column = def.value(u"colname").toString();
    touch(ObjectRef{ObjectKind::Column, table.schema, table.name, column}, Action::Create);
    readType(def.value(u"typeName").toObject());
    learnColumn(table, column, true);
    for (const QJsonValue& constraintValue : def.value(u"constraints").toArray()) {
        const QJsonObject constraint = node(constraintValue).second;
        const QString contype = constraint.value(u"contype").toString();
        if (contype == u"CONSTR_DEFAULT" || contype == u"CONSTR_GENERATED") {
            const QJsonValue expression = constraint.value(u"raw_expr");
            readColumnsOf(table, expression);
            // A default the server cannot evaluate once (volatile: random(), nextval(),
            // clock_timestamp()) or a stored generated column fills every row: a rewrite.
            const QByteArray text = QJsonDocument(QJsonArray{expression}).toJson();
            const bool volatileDefault = text.contains("FuncCall") && !text.contains("\"now\"") &&
                                         !text.contains("statement_timestamp") &&
                                         !text.contains("transaction_timestamp");
            if (adding && (contype == u"CONSTR_GENERATED" || volatileDefault))
                lockTable(table, LockMode::AccessExclusive, true);
        } else if (contype == u"CONSTR_IDENTITY") {
            if (adding)
                lockTable(table, LockMode::AccessExclusive, true);
        } else if (contype == u"CONSTR_CHECK" || contype == u"CONSTR_PRIMARY" ||
                   contype == u"CONSTR_UNIQUE" || contype == u"CONSTR_FOREIGN" ||
                   contype == u"CONSTR_EXCLUSION") {
            tableConstraint(table, constraint, {column}, adding);
        }
    }
}

void Walker::tableConstraint(const ObjectRef& table, const QJsonObject& constraint,
                             const QStringList& ownColumns, bool adding)
{
    const QString contype = constraint.value(u"contype").toString();
    QString name = constraint.value(u"conname").toString();
    const bool validated = !constraint.value(u"skip_validation").toBool();
    auto readColumn = [&](const ObjectRef& relation, const QString& column) {
        touch(ObjectRef{ObjectKind::Column, relation.schema, relation.name, column}, Action::Read);
    };
    QStringList columns = stringList(constraint.value(u"keys").toArray());
    if (contype == u"CONSTR_FOREIGN")
        columns = stringList(constraint.value(u"fk_attrs").toArray());
    if (columns.isEmpty())
        columns = ownColumns;
    for (const QString& column : columns)
        readColumn(table, column);
    for (const QString& column : stringList(constraint.value(u"including").toArray()))
        readColumn(table, column);

    LockMode lock = LockMode::AccessExclusive;
    bool heavy = adding && validated;
    if (contype == u"CONSTR_CHECK") {
        // A check restricts the values its columns may take, as NOT NULL does: it adjusts them
        // (a backfill of the column must come first), besides reading them.
        const qsizetype before = m_out.touches.size();
        readColumnsOf(table, constraint.value(u"raw_expr"));
        const QList<Touch> added = m_out.touches.mid(before);
        for (const Touch& read : added)
            if (read.object.kind == ObjectKind::Column && read.object.name == table.name &&
                read.object.schema == table.schema)
                touch(read.object, Action::Adjust);
    } else if (contype == u"CONSTR_PRIMARY" || contype == u"CONSTR_UNIQUE" ||
               contype == u"CONSTR_EXCLUSION") {
        const bool primary = contype == u"CONSTR_PRIMARY";
        if (constraint.contains(u"indexname")) {
            // ADD ... USING INDEX: the index becomes the constraint's, under its name.
            touch(
                ObjectRef{
                    ObjectKind::Index, table.schema, constraint.value(u"indexname").toString(), {}},
                Action::Alter);
            heavy = false;
        } else {
            QJsonArray elements = constraint.value(u"keys").toArray();
            if (elements.isEmpty())
                for (const QString& column : ownColumns)
                    elements.append(QJsonObject{{u"String"_s, QJsonObject{{u"sval"_s, column}}}});
            if (contype == u"CONSTR_EXCLUSION") {
                for (const QJsonValue& pair : constraint.value(u"exclusions").toArray()) {
                    const QJsonArray items = node(pair).second.value(u"items").toArray();
                    const QJsonObject elem = node(items.first()).second;
                    if (elem.contains(u"name"))
                        readColumn(table, elem.value(u"name").toString());
                    else
                        readColumnsOf(table, elem.value(u"expr"));
                    elements.append(items.first());
                }
            }
            const QString what = primary                       ? u"primary key"_s
                                 : contype == u"CONSTR_UNIQUE" ? u"unique"_s
                                                               : u"exclude"_s;
            touch(ObjectRef{ObjectKind::Shape, table.schema, table.name,
                            primary ? what : shapeOf(what, elements)},
                  Action::Create);
        }
        // A primary key's default name is certain; other default names the server picks free.
        if (name.isEmpty() && primary)
            name = table.name + u"_pkey"_s;
        if (!name.isEmpty() && !constraint.contains(u"indexname"))
            touch(ObjectRef{ObjectKind::Index, table.schema, name, {}}, Action::Create);
    } else if (contype == u"CONSTR_FOREIGN") {
        const ObjectRef referenced =
            relationOf(constraint.value(u"pktable").toObject(), ObjectKind::Table, false);
        touch(referenced, Action::Read, LockMode::ShareRowExclusive);
        for (const QString& column : stringList(constraint.value(u"pk_attrs").toArray()))
            readColumn(referenced, column);
        lock = LockMode::ShareRowExclusive;
        touch(ObjectRef{ObjectKind::Shape, table.schema, table.name,
                        u"foreign key ("_s + columns.join(u", "_s) + u") references "_s +
                            referenced.scope()},
              Action::Create);
    }
    if (!name.isEmpty())
        touch(ObjectRef{ObjectKind::Constraint, table.schema, table.name, name}, Action::Create);
    if (adding)
        lockTable(table, lock, heavy);
}

void Walker::createIndex(const QJsonObject& stmt)
{
    const ObjectRef table =
        relationOf(stmt.value(u"relation").toObject(), ObjectKind::Table, false);
    for (const QString& list : {u"indexParams"_s, u"indexIncludingParams"_s}) {
        for (const QJsonValue& value : stmt.value(list).toArray()) {
            const QJsonObject elem = node(value).second;
            if (elem.contains(u"name"))
                touch(ObjectRef{ObjectKind::Column, table.schema, table.name,
                                elem.value(u"name").toString()},
                      Action::Read);
            else
                readColumnsOf(table, elem.value(u"expr"));
        }
    }
    readColumnsOf(table, stmt.value(u"whereClause"));
    const QString name = stmt.value(u"idxname").toString();
    if (!name.isEmpty()) {
        touch(ObjectRef{ObjectKind::Index, table.schema, name, {}}, Action::Create);
        Knowledge::Relation& known = m_known.relations[key(table.schema, name)];
        known.kind = ObjectKind::Index;
        known.table = table.scope();
    }
    QString shape = shapeOf(stmt.value(u"unique").toBool() ? u"unique"_s
                                                           : stmt.value(u"accessMethod").toString(),
                            stmt.value(u"indexParams").toArray());
    if (stmt.contains(u"whereClause"))
        shape += u" where#"_s + treeHash(stmt.value(u"whereClause"));
    touch(ObjectRef{ObjectKind::Shape, table.schema, table.name, shape}, Action::Create);
    const bool concurrent = stmt.value(u"concurrent").toBool();
    lockTable(table, concurrent ? LockMode::ShareUpdateExclusive : LockMode::Share, true);
}

void Walker::createView(const QJsonObject& stmt)
{
    const ObjectRef view = relationOf(stmt.value(u"view").toObject(), ObjectKind::View, true);
    const bool exists = m_known.relation(view.schema, view.name) != nullptr;
    touch(view, stmt.value(u"replace").toBool() && exists ? Action::Replace : Action::Create,
          LockMode::AccessExclusive);
    readQuery(stmt.value(u"query"), nullptr);
    QStringList columns = stringList(stmt.value(u"aliases").toArray());
    if (columns.isEmpty())
        columns = outputColumns(stmt.value(u"query"), nullptr);
    learnRelation(view, columns);
}

void Walker::createTableAs(const QJsonObject& stmt)
{
    const QJsonObject into = stmt.value(u"into").toObject();
    const bool materialized = stmt.value(u"objtype").toString() == u"OBJECT_MATVIEW";
    const ObjectRef relation =
        relationOf(into.value(u"rel").toObject(),
                   materialized ? ObjectKind::MaterializedView : ObjectKind::Table, true);
    touch(relation, Action::Create, LockMode::AccessExclusive);
    readQuery(stmt.value(u"query"), nullptr);
    QStringList columns = stringList(into.value(u"colNames").toArray());
    if (columns.isEmpty())
        columns = outputColumns(stmt.value(u"query"), nullptr);
    learnRelation(relation, columns);
}

} // namespace plumb::coordinate::detail
