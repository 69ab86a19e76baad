#include "extract.h"

#include "core/coordinate/extract_walker.h"
#include "core/sql/classify.h"
#include "core/sql/script.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <pg_query.h>

using namespace Qt::StringLiterals;

namespace plumb::coordinate {

namespace detail {

std::pair<QString, QJsonObject> node(const QJsonValue& value)
{
    const QJsonObject object = value.toObject();
    if (object.size() != 1)
        return {};
    return {object.begin().key(), object.begin().value().toObject()};
}

QString stringValue(const QJsonValue& value)
{
    return value.toObject().value(u"String").toObject().value(u"sval").toString();
}

QStringList stringList(const QJsonArray& list)
{
    QStringList names;
    for (const QJsonValue& item : list)
        names.append(stringValue(item));
    return names;
}

QString typeNameText(const QJsonObject& typeName)
{
    static const QHash<QString, QString> aliases{
        {u"int4"_s, u"integer"_s},
        {u"int"_s, u"integer"_s},
        {u"int2"_s, u"smallint"_s},
        {u"int8"_s, u"bigint"_s},
        {u"float4"_s, u"real"_s},
        {u"float8"_s, u"double precision"_s},
        {u"bool"_s, u"boolean"_s},
        {u"varchar"_s, u"character varying"_s},
        {u"bpchar"_s, u"character"_s},
        {u"char"_s, u"character"_s},
        {u"decimal"_s, u"numeric"_s},
        {u"timestamptz"_s, u"timestamp with time zone"_s},
        {u"timestamp"_s, u"timestamp without time zone"_s},
        {u"timetz"_s, u"time with time zone"_s},
        {u"time"_s, u"time without time zone"_s},
    };
    QStringList names = stringList(typeName.value(u"names").toArray());
    if (names.size() > 1 && names.front() == u"pg_catalog")
        names.removeFirst();
    QString text = names.join(u'.');
    if (names.size() == 1)
        text = aliases.value(text, text);
    for (qsizetype i = 0; i < typeName.value(u"arrayBounds").toArray().size(); ++i)
        text += u"[]"_s;
    return text;
}

bool isBuiltinType(const QJsonObject& typeName)
{
    const QStringList names = stringList(typeName.value(u"names").toArray());
    return names.isEmpty() || names.front() == u"pg_catalog";
}

QString key(const QString& schema, const QString& name)
{
    return schema + u'.' + name;
}

Walker::Walker(const Knowledge& knowledge, Extraction& out)
    : m_known(knowledge)
    , m_out(out)
{
    if (m_known.searchPath.isEmpty())
        m_known.searchPath = {u"public"_s};
}

void Walker::statement(const QJsonObject& tree, int index, const QString& text)
{
    m_statement = index;
    m_text = text;
    const auto [type, stmt] = node(tree);
    dispatch(type, stmt);
}

void Walker::note(const QString& text)
{
    const QString line = u"statement %1: %2"_s.arg(m_statement + 1).arg(text);
    if (!m_out.notes.contains(line))
        m_out.notes.append(line);
}

QString Walker::resolveSchema(const QString& schema, const QString& name, Namespace space,
                              bool creating) const
{
    if (!schema.isEmpty())
        return schema;
    if (!m_createSchema.isEmpty() && creating)
        return m_createSchema;
    if (!creating) {
        for (const QString& candidate : m_known.searchPath) {
            const QString qualified = key(candidate, name);
            const bool exists =
                space == Namespace::Function
                    ? m_known.functions.contains(qualified)
                    : m_known.relations.contains(qualified) || m_known.types.contains(qualified);
            if (exists)
                return candidate;
        }
    }
    return m_createSchema.isEmpty() ? m_known.searchPath.front() : m_createSchema;
}

ObjectRef Walker::relationOf(const QJsonObject& rangeVar, ObjectKind kind, bool creating) const
{
    const QString name = rangeVar.value(u"relname").toString();
    const QString schema = resolveSchema(rangeVar.value(u"schemaname").toString(), name,
                                         Namespace::Relation, creating);
    if (!creating)
        if (const Knowledge::Relation* known = m_known.relation(schema, name))
            if (kind == ObjectKind::Table)
                kind = known->kind;
    return ObjectRef{kind, schema, name, {}};
}

ObjectRef Walker::objectOf(const QStringList& names, ObjectKind kind, bool creating) const
{
    if (names.isEmpty())
        return ObjectRef{kind, {}, {}, {}};
    const QString name = names.last();
    const QString written = names.size() > 1 ? names.at(names.size() - 2) : QString();
    const Namespace space = namespaceOf(kind);
    return ObjectRef{kind, resolveSchema(written, name, space, creating), name, {}};
}

ObjectRef Walker::functionOf(const QJsonObject& objectWithArgs) const
{
    ObjectRef ref = objectOf(stringList(objectWithArgs.value(u"objname").toArray()),
                             ObjectKind::Function, false);
    if (!objectWithArgs.value(u"args_unspecified").toBool()) {
        QStringList types;
        for (const QJsonValue& arg : objectWithArgs.value(u"objargs").toArray())
            types.append(typeText(node(arg).second));
        ref.member = u'(' + types.join(u", "_s) + u')';
    }
    return ref;
}

QString Walker::typeText(const QJsonObject& typeName) const
{
    const QString text = typeNameText(typeName);
    const QStringList names = stringList(typeName.value(u"names").toArray());
    if (names.size() != 1)
        return text;
    for (const QString& schema : m_known.searchPath)
        if (m_known.types.contains(key(schema, names.front())) ||
            m_known.relations.contains(key(schema, names.front())))
            return schema + u'.' + text;
    return text;
}

ObjectRef Walker::typeOf(const QJsonObject& typeName) const
{
    return objectOf(stringList(typeName.value(u"names").toArray()), ObjectKind::Type, false);
}

void Walker::touch(const ObjectRef& object, Action action, LockMode lock, bool heavy,
                   const QString& renamedTo)
{
    if (object.name.isEmpty() || object.schema == u"pg_catalog" ||
        object.schema == u"information_schema" || object.schema.startsWith(u"pg_temp"))
        return;
    if (m_inBody) {
        // A body names objects it will read or write when called, not now: no locks, and a drop
        // inside it is a dependency, not a change of the schema.
        action = Action::Read;
        lock = LockMode::None;
        heavy = false;
    }
    for (Touch& existing : m_out.touches) {
        if (existing.object == object && existing.action == action) {
            existing.lock = std::max(existing.lock, lock);
            existing.heavy = existing.heavy || heavy;
            return;
        }
    }
    m_out.touches.append(Touch{object, action, lock, heavy, renamedTo, {}, m_statement});
}

void Walker::lockTable(const ObjectRef& table, LockMode lock, bool heavy, Action action)
{
    touch(table, action, lock, heavy);
}

void Walker::readType(const QJsonObject& typeName)
{
    if (typeName.isEmpty() || isBuiltinType(typeName))
        return;
    const QStringList names = stringList(typeName.value(u"names").toArray());
    // An unqualified name of a type nobody defined is a built-in one (text, uuid, jsonb...).
    if (names.size() == 1) {
        bool known = false;
        for (const QString& schema : m_known.searchPath)
            known = known || m_known.types.contains(key(schema, names.front())) ||
                    m_known.relations.contains(key(schema, names.front()));
        if (!known)
            return;
    }
    touch(typeOf(typeName), Action::Read);
}

void Walker::learnRelation(const ObjectRef& relation, const QStringList& columns)
{
    Knowledge::Relation& known = m_known.relations[key(relation.schema, relation.name)];
    known.kind = relation.kind;
    known.columns = columns;
}

void Walker::learnColumn(const ObjectRef& table, const QString& column, bool added)
{
    auto found = m_known.relations.find(key(table.schema, table.name));
    if (found == m_known.relations.end())
        return;
    if (added && !found->columns.contains(column))
        found->columns.append(column);
    if (!added)
        found->columns.removeAll(column);
}

void Walker::dispatch(const QString& type, const QJsonObject& stmt)
{
    if (type == u"CreateStmt")
        return createTable(stmt);
    if (type == u"AlterTableStmt")
        return alterTable(stmt);
    if (type == u"IndexStmt")
        return createIndex(stmt);
    if (type == u"ViewStmt")
        return createView(stmt);
    if (type == u"CreateTableAsStmt")
        return createTableAs(stmt);
    if (type == u"DropStmt")
        return drop(stmt);
    if (type == u"RenameStmt")
        return rename(stmt);
    if (type == u"AlterObjectSchemaStmt")
        return setSchema(stmt);
    if (type == u"CreateFunctionStmt")
        return createFunction(stmt);
    if (type == u"AlterFunctionStmt") {
        touch(functionOf(stmt.value(u"func").toObject()), Action::Adjust);
        return;
    }
    if (type == u"CreateTrigStmt")
        return createTrigger(stmt);
    if (type == u"CreateEnumStmt" || type == u"CreateDomainStmt" || type == u"CompositeTypeStmt" ||
        type == u"CreateRangeStmt" || type == u"AlterEnumStmt" || type == u"AlterDomainStmt" ||
        type == u"CreateSeqStmt" || type == u"AlterSeqStmt")
        return typeStatement(type, stmt);
    if (type == u"CommentStmt")
        return comment(stmt);
    if (type == u"GrantStmt")
        return grant(stmt);
    if (type == u"CreatePolicyStmt" || type == u"AlterPolicyStmt")
        return policy(stmt, type == u"CreatePolicyStmt");
    if (type == u"VacuumStmt" || type == u"ClusterStmt" || type == u"ReindexStmt" ||
        type == u"RefreshMatViewStmt" || type == u"LockStmt")
        return maintenance(type, stmt);
    if (type == u"InsertStmt" || type == u"UpdateStmt" || type == u"DeleteStmt" ||
        type == u"MergeStmt" || type == u"TruncateStmt" || type == u"CopyStmt")
        return dataChange(type, stmt);
    if (type == u"SelectStmt") {
        readQuery(QJsonObject{{type, stmt}}, nullptr);
        return;
    }
    if (type == u"CallStmt") {
        const QJsonObject call = stmt.value(u"funccall").toObject();
        touch(objectOf(stringList(call.value(u"funcname").toArray()), ObjectKind::Function, false),
              Action::Read);
        return;
    }
    if (type == u"DoStmt")
        return doBlock(stmt);
    if (type == u"CreateSchemaStmt") {
        const QString schema = stmt.value(u"schemaname").toString();
        touch(ObjectRef{ObjectKind::Schema, {}, schema, {}}, Action::Create);
        m_known.schemas.insert(schema);
        const QString saved = m_createSchema;
        m_createSchema = schema;
        for (const QJsonValue& element : stmt.value(u"schemaElts").toArray()) {
            const auto [elementType, elementStmt] = node(element);
            dispatch(elementType, elementStmt);
        }
        m_createSchema = saved;
        return;
    }
    if (type == u"CreateExtensionStmt" || type == u"AlterExtensionStmt") {
        touch(ObjectRef{ObjectKind::Extension, {}, stmt.value(u"extname").toString(), {}},
              type == u"CreateExtensionStmt" ? Action::Create : Action::Alter);
        return;
    }
    if (type == u"AlterOwnerStmt") {
        const QString objectType = stmt.value(u"objectType").toString();
        if (objectType == u"OBJECT_FUNCTION" || objectType == u"OBJECT_PROCEDURE")
            touch(functionOf(node(stmt.value(u"object")).second), Action::Adjust);
        else if (objectType == u"OBJECT_SCHEMA")
            touch(ObjectRef{ObjectKind::Schema, {}, stringValue(stmt.value(u"object")), {}},
                  Action::Adjust);
        else if (objectType == u"OBJECT_TYPE" || objectType == u"OBJECT_DOMAIN")
            touch(objectOf(stringList(node(stmt.value(u"object")).second.value(u"items").toArray()),
                           ObjectKind::Type, false),
                  Action::Adjust);
        return;
    }
    if (type == u"AlterDefaultPrivilegesStmt" || type == u"VariableSetStmt" ||
        type == u"TransactionStmt" || type == u"CreateRoleStmt" || type == u"AlterRoleStmt" ||
        type == u"GrantRoleStmt" || type == u"DropRoleStmt" || type == u"ExplainStmt" ||
        type == u"VariableShowStmt" || type == u"CheckPointStmt" || type == u"NotifyStmt")
        return; // touches no schema object
    note(u"%1 is not analysed; coordinate it by hand"_s.arg(type));
}

} // namespace detail

const Knowledge::Relation* Knowledge::relation(const QString& schema, const QString& name) const
{
    const auto found = relations.constFind(detail::key(schema, name));
    return found == relations.constEnd() ? nullptr : &*found;
}

Result<ParsedChange> parseChange(const QString& ddl, const QString& fileName)
{
    auto statements = sql::splitStatements(ddl, fileName);
    if (!statements)
        return std::unexpected(statements.error());
    ParsedChange change;
    for (const sql::Statement& statement : *statements) {
        int line = statement.line;
        const QString text = sql::withoutLeadingComments(statement.text, &line);
        if (text.trimmed().isEmpty())
            continue;
        const QByteArray utf8 = text.toUtf8();
        PgQueryParseResult parsed = pg_query_parse(utf8.constData());
        if (parsed.error) {
            Error error =
                Error::make(ErrorCode::Schema,
                            u"The change does not parse: %1. Fix the SQL and try again."_s.arg(
                                QString::fromUtf8(parsed.error->message)));
            error.file = fileName;
            error.line = line;
            pg_query_free_parse_result(parsed);
            return std::unexpected(error);
        }
        const QJsonDocument document = QJsonDocument::fromJson(parsed.parse_tree);
        pg_query_free_parse_result(parsed);
        for (const QJsonValue& raw : document.object().value(u"stmts").toArray())
            change.statements.append({text, line, raw.toObject().value(u"stmt").toObject()});
    }
    return change;
}

namespace {

void collectNames(const QJsonValue& value, QSet<WrittenName>& names)
{
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        // A qualified name: a list of String nodes ("app", "users").
        const QStringList parts = detail::stringList(array);
        if (!parts.isEmpty() && !parts.contains(QString()) && parts.size() <= 3) {
            names.insert({QString(), parts.last()});
            if (parts.size() > 1)
                names.insert({parts.at(parts.size() - 2), parts.last()});
            if (parts.size() == 3) // schema.table.member
                names.insert({parts.at(0), parts.at(1)});
        }
        for (const QJsonValue& item : array)
            collectNames(item, names);
        return;
    }
    if (!value.isObject())
        return;
    const QJsonObject object = value.toObject();
    if (object.contains(u"relname"))
        names.insert({object.value(u"schemaname").toString(), object.value(u"relname").toString()});
    // A sequence named in a string: nextval('app.orders_id_seq').
    if (object.contains(u"sval") && object.value(u"sval").isString()) {
        const QStringList parts = object.value(u"sval").toString().split(u'.');
        if (parts.size() <= 2 && !parts.last().isEmpty() && !parts.last().contains(u' '))
            names.insert({parts.size() == 2 ? parts.first() : QString(), parts.last()});
    }
    for (auto it = object.begin(); it != object.end(); ++it)
        collectNames(it.value(), names);
}

} // namespace

QSet<WrittenName> mentionedNames(const ParsedChange& change)
{
    QSet<WrittenName> names;
    for (const ParsedChange::Statement& statement : change.statements)
        collectNames(statement.tree, names);
    names.remove({QString(), QString()});
    return names;
}

Extraction extractTouches(const ParsedChange& change, const Knowledge& knowledge)
{
    Extraction extraction;
    detail::Walker walker(knowledge, extraction);
    for (qsizetype i = 0; i < change.statements.size(); ++i)
        walker.statement(change.statements[i].tree, int(i), change.statements[i].text);
    return extraction;
}

Result<Knowledge> knowledgeFromDdl(const QString& ddl, const QStringList& searchPath)
{
    auto change = parseChange(ddl);
    if (!change)
        return std::unexpected(change.error());
    Knowledge start;
    start.searchPath = searchPath;
    Extraction ignored;
    detail::Walker walker(start, ignored);
    for (qsizetype i = 0; i < change->statements.size(); ++i)
        walker.statement(change->statements[i].tree, int(i), change->statements[i].text);
    return walker.known();
}

Result<Extraction> analyseChange(const QString& ddl, const Knowledge& knowledge)
{
    auto change = parseChange(ddl);
    if (!change)
        return std::unexpected(change.error());
    return extractTouches(*change, knowledge);
}

} // namespace plumb::coordinate
