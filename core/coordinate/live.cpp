#include "live.h"

#include "core/db/connection.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace plumb::coordinate {

namespace {

QStringList jsonStrings(const QString& json)
{
    QStringList strings;
    for (const QJsonValue& value : QJsonDocument::fromJson(json.toUtf8()).array())
        strings.append(value.toString());
    return strings;
}

ObjectKind relationKindOf(const QString& relkind)
{
    if (relkind == u"v")
        return ObjectKind::View;
    if (relkind == u"m")
        return ObjectKind::MaterializedView;
    if (relkind == u"S")
        return ObjectKind::Sequence;
    if (relkind == u"c")
        return ObjectKind::Type;
    return ObjectKind::Table;
}

// The arrays the catalog queries take: kinds, schemas, names, members side by side.
db::Params objectParams(const QList<ObjectRef>& objects)
{
    QStringList kinds, schemas, names, members;
    for (const ObjectRef& object : objects) {
        kinds.append(kindName(object.kind));
        schemas.append(object.schema);
        names.append(object.name);
        members.append(object.member);
    }
    return {db::Param::textArray(kinds), db::Param::textArray(schemas), db::Param::textArray(names),
            db::Param::textArray(members)};
}

// A case-insensitive whole-word pattern for a name in PostgreSQL's regular expressions.
QString wordPattern(const QString& name)
{
    QString escaped;
    for (const QChar c : name) {
        if (!c.isLetterOrNumber() && c != u'_')
            escaped += u'\\';
        escaped += c;
    }
    return u"\\m"_s + escaped + u"\\M"_s;
}

// What a change does that breaks the objects depending on it: dropping or renaming anything;
// a new column or type definition. Not CREATE OR REPLACE (the server keeps a view's columns and
// a function's signature) nor a table-wide ALTER (tablespace, logging, partitioning).
bool breaks(const Touch& touch)
{
    if (touch.action == Action::Drop || touch.action == Action::Rename)
        return true;
    return touch.action == Action::Alter &&
           (touch.object.kind == ObjectKind::Column || touch.object.kind == ObjectKind::Type);
}

} // namespace

Result<QString> coordinateQuery(const QString& name)
{
    QFile file(u":/plumb/coordinate/sql/%1.sql"_s.arg(name));
    if (!file.open(QIODevice::ReadOnly))
        return fail(ErrorCode::Generic, u"The coordination query \"%1\" is missing from this "
                                        u"build of Plumbline; reinstall it."_s.arg(name));
    return QString::fromUtf8(file.readAll());
}

namespace {

// The knowledge query: along `searchPath`, or the session's search_path when it is nullopt.
Result<db::BatchStatement> knowledgeQuery(const QSet<WrittenName>& names,
                                          const std::optional<QStringList>& searchPath)
{
    auto sql = coordinateQuery(u"knowledge"_s);
    if (!sql)
        return std::unexpected(sql.error());
    QStringList schemas, objects;
    for (const WrittenName& name : names) {
        schemas.append(name.first);
        objects.append(name.second);
    }
    // An empty schema means "unqualified" (the query looks along the search_path).
    return db::BatchStatement{
        *sql,
        {db::Param::textArray(schemas), db::Param::textArray(objects),
         searchPath ? db::Param::textArray(*searchPath) : db::Param(std::nullopt)},
        true};
}

} // namespace

Result<db::BatchStatement> knowledgeStatement(const QSet<WrittenName>& names)
{
    return knowledgeQuery(names, std::nullopt);
}

void addKnowledge(const db::QueryResult& rows, Knowledge& knowledge)
{
    for (int row = 0; row < rows.rowCount(); ++row) {
        const QString what = rows.text(row, 0);
        const QString schema = rows.text(row, 1);
        const QString name = rows.text(row, 2);
        if (what == u"path") {
            const QStringList path = jsonStrings(rows.text(row, 3));
            if (!path.isEmpty())
                knowledge.searchPath = path;
        } else if (what == u"relation") {
            Knowledge::Relation relation;
            const QString detail = rows.text(row, 4);
            if (detail.contains(u'.')) {
                relation.kind = ObjectKind::Index;
                relation.table = detail;
            } else {
                relation.kind = relationKindOf(detail);
            }
            relation.columns = jsonStrings(rows.text(row, 3));
            knowledge.relations.insert(schema + u'.' + name, relation);
            if (relation.kind == ObjectKind::Type)
                knowledge.types.insert(schema + u'.' + name);
        } else if (what == u"type") {
            knowledge.types.insert(schema + u'.' + name);
        } else if (what == u"function") {
            knowledge.functions.insert(schema + u'.' + name);
        } else if (what == u"schema") {
            knowledge.schemas.insert(name);
        }
    }
}

Status extendKnowledge(db::Connection& connection, Knowledge& knowledge,
                       const QSet<WrittenName>& names)
{
    auto statement = knowledgeQuery(names, knowledge.searchPath);
    if (!statement)
        return std::unexpected(statement.error());
    auto rows = connection.execPrepared(statement->sql, statement->params);
    if (!rows)
        return std::unexpected(rows.error());
    addKnowledge(*rows, knowledge);
    return {};
}

Result<db::BatchStatement> fingerprintStatement(const QList<ObjectRef>& objects)
{
    auto sql = coordinateQuery(u"object_fingerprints"_s);
    if (!sql)
        return std::unexpected(sql.error());
    return db::BatchStatement{*sql, objectParams(objects), true};
}

QStringList fingerprintsFrom(const db::QueryResult& rows, const QList<ObjectRef>& objects)
{
    QStringList result(objects.size());
    for (int row = 0; row < rows.rowCount(); ++row) {
        const qsizetype index = rows.int64(row, 0) - 1;
        if (index < 0 || index >= objects.size() || rows.isNull(row, 1) ||
            objects[index].kind == ObjectKind::Shape)
            continue;
        result[index] = QString::fromLatin1(
            QCryptographicHash::hash(rows.text(row, 1).toUtf8(), QCryptographicHash::Sha256)
                .toHex());
    }
    return result;
}

Result<QStringList> fingerprints(db::Connection& connection, const QList<ObjectRef>& objects,
                                 bool pathCleared)
{
    if (objects.isEmpty())
        return QStringList();
    auto statement = fingerprintStatement(objects);
    if (!statement)
        return std::unexpected(statement.error());
    std::optional<db::Transaction> transaction;
    if (!pathCleared) {
        auto begun = db::Transaction::begin(connection, u"READ ONLY"_s);
        if (!begun)
            return std::unexpected(begun.error());
        transaction.emplace(std::move(*begun));
        // Definitions print names qualified only outside the search_path: an empty one makes
        // them read the same from every session. The query's generic plan serves any objects.
        if (auto path = connection.execPrepared(
                u"SELECT pg_catalog.set_config('search_path', '', true), "
                u"pg_catalog.set_config('plan_cache_mode', 'force_generic_plan', true)"_s);
            !path)
            return std::unexpected(path.error());
    }
    auto rows = connection.execPrepared(statement->sql, statement->params);
    if (!rows)
        return std::unexpected(rows.error());
    if (transaction)
        if (auto committed = transaction->commit(); !committed)
            return std::unexpected(committed.error());
    return fingerprintsFrom(*rows, objects);
}

Result<QList<Touch>> dependents(db::Connection& connection, const QList<Touch>& touches,
                                const Knowledge& knowledge)
{
    QList<ObjectRef> targets;
    for (const Touch& touch : touches) {
        const bool structural = touch.object.kind != ObjectKind::Shape &&
                                touch.object.kind != ObjectKind::Schema &&
                                touch.object.kind != ObjectKind::Extension &&
                                touch.object.kind != ObjectKind::EnumValue;
        if (breaks(touch) && structural && !targets.contains(touch.object))
            targets.append(touch.object);
    }
    QList<Touch> found;
    if (targets.isEmpty())
        return found;
    auto addFound = [&](const ObjectRef& object, const ObjectRef& via, const QString& owner) {
        if (object == via || object.sameObjectAs(via))
            return;
        // A dropped or renamed table takes its own indexes, constraints, triggers, columns and
        // sequences along: they are part of it, not objects that depend on it.
        if (namespaceOf(via.kind) == Namespace::Relation &&
            (owner == via.scope() || object.container().sameObjectAs(via)))
            return;
        for (const Touch& touch : touches)
            if (touch.object.sameObjectAs(object) && touch.action != Action::Affected)
                return; // the change deals with it itself
        for (Touch& existing : found)
            if (existing.object == object)
                return;
        Touch touch;
        touch.object = object;
        touch.action = Action::Affected;
        touch.via = via.display();
        found.append(touch);
    };

    auto sql = coordinateQuery(u"dependents"_s);
    if (!sql)
        return std::unexpected(sql.error());
    // Bodies pg_depend does not follow are found by their text (and parsed below): the
    // functions whose text names a target. Both queries go in one round trip.
    QStringList patterns;
    for (const ObjectRef& target : targets)
        if (!patterns.contains(wordPattern(target.name)))
            patterns.append(wordPattern(target.name));
    auto bodiesSql = coordinateQuery(u"function_bodies"_s);
    if (!bodiesSql)
        return std::unexpected(bodiesSql.error());
    SilentProgress nobody;
    auto ran = connection.execBatch(
        {{*sql, objectParams(targets), true}, {*bodiesSql, {db::Param::textArray(patterns)}, true}},
        nobody);
    if (!ran)
        return std::unexpected(ran.error());
    const db::QueryResult& rows = ran->at(0);
    const db::QueryResult& bodies = ran->at(1);
    for (int row = 0; row < rows.rowCount(); ++row) {
        const qsizetype index = rows.int64(row, 0) - 1;
        const std::optional<ObjectKind> kind = kindFromName(rows.text(row, 1));
        if (index < 0 || index >= targets.size() || !kind)
            continue;
        addFound(ObjectRef{*kind, rows.text(row, 2), rows.text(row, 3), rows.text(row, 4)},
                 targets[index], rows.text(row, 5));
    }

    for (int row = 0; row < bodies.rowCount(); ++row) {
        const ObjectRef function{
            ObjectKind::Function, bodies.text(row, 0), bodies.text(row, 1), {}};
        auto parsed = parseChange(bodies.text(row, 3));
        if (!parsed)
            continue;
        Knowledge bodyKnowledge = knowledge;
        if (auto extended = extendKnowledge(connection, bodyKnowledge, mentionedNames(*parsed));
            !extended)
            return std::unexpected(extended.error());
        const Extraction body = extractTouches(*parsed, bodyKnowledge);
        for (const ObjectRef& target : targets) {
            bool relies = false;
            for (const Touch& touch : body.touches)
                relies = relies || touch.object.sameObjectAs(target) ||
                         (namespaceOf(target.kind) == Namespace::Relation &&
                          touch.object.container().sameObjectAs(target));
            // A body with dynamic SQL that names the object may use it in ways the parser
            // cannot see: count it.
            if (!relies && !body.notes.isEmpty() &&
                bodies.text(row, 3).contains(target.member.isEmpty() ? target.name : target.member,
                                             Qt::CaseInsensitive))
                relies = true;
            if (relies)
                addFound(function, target, {});
        }
    }
    return found;
}

Result<db::BatchStatement> hotTablesStatement(const QSet<QString>& tables)
{
    QStringList schemas, names;
    for (const QString& table : tables) {
        schemas.append(table.section(u'.', 0, 0));
        names.append(table.section(u'.', 1));
    }
    auto sql = coordinateQuery(u"hot_tables"_s);
    if (!sql)
        return std::unexpected(sql.error());
    return db::BatchStatement{
        *sql, {db::Param::textArray(schemas), db::Param::textArray(names)}, true};
}

QSet<QString> hotTablesFrom(const db::QueryResult& rows, const QSet<QString>& tables,
                            const HotTableOptions& options)
{
    QSet<QString> hot;
    for (const QString& table : tables)
        if (options.always.contains(table))
            hot.insert(table);
    for (int row = 0; row < rows.rowCount(); ++row) {
        const qint64 estimatedRows = rows.int64(row, 2);
        const qint64 bytes = rows.int64(row, 3);
        const double activity = rows.real(row, 4);
        const double seconds = std::max(1.0, rows.real(row, 5));
        if (estimatedRows >= options.minRows || bytes >= options.minBytes ||
            activity / seconds >= options.minActivityPerSecond)
            hot.insert(rows.text(row, 0) + u'.' + rows.text(row, 1));
    }
    return hot;
}

} // namespace plumb::coordinate
