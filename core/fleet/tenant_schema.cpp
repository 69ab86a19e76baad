#include "tenant_schema.h"

#include "core/catalog/json.h"
#include "core/db/connection.h"
#include "core/db/quote.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::StringLiterals;

namespace plumb::fleet {

namespace {

using catalog::Catalog;

template<typename T, typename SchemaOf>
void keepIn(QList<T>& list, const QString& schema, SchemaOf schemaOf)
{
    // Copies the kept items only: `list` is shared with a catalog that may hold every tenant's
    // objects, and removing from it would copy them all first.
    QList<T> kept;
    for (const T& item : std::as_const(list))
        if (schemaOf(item) == schema)
            kept.append(item);
    list = std::move(kept);
}

bool identifierCharacter(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'$' || c == u'"';
}

// `text` with every `from.` that starts a qualified name (not the tail of a longer identifier)
// written `to.`: the server prints names qualified (introspection runs with an empty
// search_path), quoted only when they need it.
QString requalified(const QString& text, const QString& from, const QString& to)
{
    if (!text.contains(from))
        return text;
    QString result;
    qsizetype done = 0;
    for (qsizetype at = text.indexOf(from); at >= 0; at = text.indexOf(from, at + 1)) {
        const bool starts = at == 0 || !identifierCharacter(text[at - 1]);
        if (!starts || at < done)
            continue;
        result += QStringView(text).mid(done, at - done);
        result += to;
        done = at + from.size();
    }
    result += QStringView(text).mid(done);
    return result;
}

// Renames, in the JSON form of a catalog, every "schema" member equal to `from` and every
// qualified prefix `from.` in other strings.
QJsonValue renamed(const QJsonValue& value, const QString& key, const QString& from,
                   const QString& to, const QString& fromPrefix, const QString& toPrefix)
{
    if (value.isString()) {
        const QString text = value.toString();
        if (key == u"schema" && text == from)
            return to;
        return requalified(text, fromPrefix, toPrefix);
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            array[i] = renamed(array[i], key, from, to, fromPrefix, toPrefix);
        return array;
    }
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            it.value() = renamed(it.value(), it.key(), from, to, fromPrefix, toPrefix);
        return object;
    }
    return value;
}

bool inSchema(const catalog::ObjectKey& key, const QString& schema)
{
    return key.kind == catalog::NodeKind::Schema ? key.name == schema : key.schema == schema;
}

} // namespace

Result<QString> declaredSchemaOf(const Catalog& declared)
{
    QSet<QString> used;
    auto add = [&](const auto& list, auto schemaOf) {
        for (const auto& item : list)
            used.insert(schemaOf(item));
    };
    auto byName = [](const auto& item) { return item.name.schema; };
    auto byTable = [](const auto& item) { return item.table.schema; };
    add(declared.collations, byName);
    add(declared.enums, byName);
    add(declared.domains, byName);
    add(declared.composites, byName);
    add(declared.ranges, byName);
    add(declared.sequences, byName);
    add(declared.tables, byName);
    add(declared.views, byName);
    add(declared.routines, byName);
    add(declared.operators, byName);
    add(declared.textSearchConfigurations, byName);
    add(declared.constraints, byTable);
    add(declared.triggers, byTable);
    add(declared.policies, byTable);
    if (used.isEmpty())
        return u"public"_s;
    if (used.size() > 1) {
        QStringList names(used.begin(), used.end());
        names.sort();
        return fail(
            ErrorCode::Config,
            u"a tenant-schema fleet compares each tenant with one declared schema, but "
            u"the declared objects are in %1 schemas (%2): declare them in one"_s.arg(names.size())
                .arg(names.join(u", "_s)));
    }
    return *used.begin();
}

Catalog schemaAs(const Catalog& source, const QString& from, const QString& to)
{
    Catalog catalog = source;
    auto byName = [](const auto& item) { return item.name.schema; };
    auto byTable = [](const auto& item) { return item.table.schema; };
    // The schema itself (owner, comment, grants) is the tenant's container, not compared: the
    // declared `public` carries the server's "standard public schema" comment, a tenant not.
    catalog.schemas.clear();
    catalog.extensions.clear();
    catalog.eventTriggers.clear();
    catalog.publications.clear();
    catalog.defaultPrivileges.clear();
    keepIn(catalog.collations, from, byName);
    keepIn(catalog.enums, from, byName);
    keepIn(catalog.domains, from, byName);
    keepIn(catalog.composites, from, byName);
    keepIn(catalog.ranges, from, byName);
    keepIn(catalog.sequences, from, byName);
    keepIn(catalog.tables, from, byName);
    keepIn(catalog.views, from, byName);
    keepIn(catalog.indexes, from, byName);
    keepIn(catalog.routines, from, byName);
    keepIn(catalog.operators, from, byName);
    keepIn(catalog.textSearchConfigurations, from, byName);
    keepIn(catalog.constraints, from, byTable);
    keepIn(catalog.triggers, from, byTable);
    keepIn(catalog.policies, from, byTable);
    keepIn(catalog.unmanaged, from, [](const catalog::UnmanagedObject& u) { return u.schema; });
    QList<catalog::Dependency> dependencies;
    for (const catalog::Dependency& d : std::as_const(source.dependencies))
        if (inSchema(d.dependent, from) && inSchema(d.referenced, from) &&
            d.dependent.kind != catalog::NodeKind::Schema &&
            d.referenced.kind != catalog::NodeKind::Schema)
            dependencies.append(d);
    catalog.dependencies = std::move(dependencies);
    if (from == to)
        return catalog;

    const QString fromPrefix = db::quoteIdentifier(from) + u'.';
    const QString toPrefix = db::quoteIdentifier(to) + u'.';
    const QJsonValue moved =
        renamed(catalog::toJson(catalog), QString(), from, to, fromPrefix, toPrefix);
    auto back = catalog::fromJson(moved.toObject());
    // The JSON came from a catalog and only strings changed: it always reads back.
    Q_ASSERT(back.has_value());
    return back ? *back : catalog;
}

Result<QStringList> matchingSchemas(const db::ConnectionInfo& database, const QString& pattern,
                                    Progress& progress)
{
    auto connection = db::Connection::open(database, progress);
    if (!connection)
        return std::unexpected(connection.error());
    auto rows = (*connection)
                    ->exec(u"SELECT nspname FROM pg_catalog.pg_namespace "
                           u"WHERE nspname NOT IN ('information_schema') AND nspname !~ '^pg_' "
                           u"ORDER BY nspname COLLATE \"C\""_s,
                           {}, progress);
    if (!rows)
        return std::unexpected(rows.error());
    const QRegularExpression glob = QRegularExpression::fromWildcard(
        pattern, Qt::CaseSensitive, QRegularExpression::NonPathWildcardConversion);
    QStringList names;
    for (int r = 0; r < rows->rowCount(); ++r)
        if (glob.match(rows->text(r, 0)).hasMatch())
            names.append(rows->text(r, 0));
    return names;
}

} // namespace plumb::fleet
