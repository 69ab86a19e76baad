#include "core/diff/change_set.h"

#include <QJsonArray>
#include <array>

using namespace Qt::StringLiterals;

namespace plumb::diff {

using catalog::NodeKind;
using catalog::ObjectKey;

namespace {

constexpr std::array<QStringView, 20> objectTypeNames{
    u"schema",      u"extension",  u"collation", u"enum",    u"domain",        u"composite",
    u"range",       u"sequence",   u"table",     u"column",  u"view",          u"materialized_view",
    u"index",       u"constraint", u"routine",   u"trigger", u"event_trigger", u"policy",
    u"publication", u"operator"};
constexpr std::array<QStringView, 4> actionNames{u"create", u"drop", u"alter", u"rename"};
// In Attribute order.
constexpr std::array<QStringView, 34> attributeNames{u"",
                                                     u"deferred",
                                                     u"type",
                                                     u"default",
                                                     u"not_null",
                                                     u"identity",
                                                     u"generated",
                                                     u"column_settings",
                                                     u"comment",
                                                     u"owner",
                                                     u"storage",
                                                     u"logged",
                                                     u"access_method",
                                                     u"tablespace",
                                                     u"replica_identity",
                                                     u"row_security",
                                                     u"force_row_security",
                                                     u"inherits",
                                                     u"partition_of",
                                                     u"labels",
                                                     u"validated",
                                                     u"version",
                                                     u"schema",
                                                     u"options",
                                                     u"owned_by",
                                                     u"constraints",
                                                     u"attributes",
                                                     u"definition",
                                                     u"estimators",
                                                     u"cluster",
                                                     u"enabled",
                                                     u"set_aside",
                                                     u"copy_rows",
                                                     u"drop_set_aside"};
static_assert(attributeNames.size() == size_t(Attribute::DropSetAside) + 1);
// In NodeKind order, every kind: a change's key is written by its index.
constexpr std::array<QStringView, 14> nodeKindNames{u"schema",
                                                    u"extension",
                                                    u"collation",
                                                    u"type",
                                                    u"relation",
                                                    u"function",
                                                    u"constraint",
                                                    u"trigger",
                                                    u"policy",
                                                    u"event_trigger",
                                                    u"publication",
                                                    u"default_privilege",
                                                    u"text_search_configuration",
                                                    u"operator"};

QJsonArray toArray(const QStringList& list)
{
    QJsonArray array;
    for (const QString& item : list)
        array.append(item);
    return array;
}

QStringList fromArray(const QJsonValue& value)
{
    QStringList list;
    for (const QJsonValue& item : value.toArray())
        list.append(item.toString());
    return list;
}

} // namespace

QString objectTypeName(ObjectType type)
{
    return objectTypeNames[size_t(type)].toString();
}

QString actionName(Action action)
{
    return actionNames[size_t(action)].toString();
}

QString attributeName(Attribute attribute)
{
    return attributeNames[size_t(attribute)].toString();
}

std::optional<Attribute> attributeFromName(QStringView name)
{
    for (size_t i = 0; i < attributeNames.size(); ++i)
        if (attributeNames[i] == name)
            return Attribute(i);
    return std::nullopt;
}

std::optional<ObjectType> objectTypeFromName(QStringView name)
{
    for (size_t i = 0; i < objectTypeNames.size(); ++i)
        if (objectTypeNames[i] == name)
            return ObjectType(i);
    return std::nullopt;
}

std::optional<Action> actionFromName(QStringView name)
{
    for (size_t i = 0; i < actionNames.size(); ++i)
        if (actionNames[i] == name)
            return Action(i);
    return std::nullopt;
}

QJsonObject toJson(const Change& change)
{
    QJsonObject object{
        {u"action"_s, actionName(change.action)},
        {u"type"_s, objectTypeName(change.type)},
        {u"object"_s, QJsonObject{{u"kind"_s, nodeKindNames[size_t(change.object.kind)].toString()},
                                  {u"schema"_s, change.object.schema},
                                  {u"name"_s, change.object.name},
                                  {u"member"_s, change.object.member}}},
        {u"display"_s, change.object.display()},
        {u"sql"_s, toArray(change.sql)},
    };
    if (!change.column.isEmpty())
        object.insert(u"column"_s, change.column);
    if (change.attribute != Attribute::None)
        object.insert(u"attribute"_s, attributeName(change.attribute));
    if (!change.before.isEmpty())
        object.insert(u"before"_s, change.before);
    if (!change.after.isEmpty())
        object.insert(u"after"_s, change.after);
    if (change.typeChange) {
        const TypeChange& t = *change.typeChange;
        QJsonObject conversion{{u"conversion"_s, typeConversionName(t.conversion)},
                               {u"using"_s, t.usingExpression}};
        if (t.declared)
            conversion.insert(u"declared"_s, true);
        if (t.obvious)
            conversion.insert(u"obvious"_s, true);
        if (!t.losses.isEmpty())
            conversion.insert(u"losses"_s, t.losses);
        object.insert(u"type_change"_s, conversion);
    }
    if (change.destroysData)
        object.insert(u"destroys_data"_s, true);
    if (change.forDependency)
        object.insert(u"for_dependency"_s, true);
    if (!change.transactional)
        object.insert(u"transactional"_s, false);
    return object;
}

Result<Change> changeFromJson(const QJsonObject& object)
{
    Change change;
    const auto action = actionFromName(object.value(u"action"_s).toString());
    const auto type = objectTypeFromName(object.value(u"type"_s).toString());
    if (!action || !type)
        return fail(ErrorCode::Config,
                    u"A change in the JSON has an unknown action or type (%1 %2); write the file "
                    u"with `plumb diff --format json` of this version."_s.arg(
                        object.value(u"action"_s).toString(), object.value(u"type"_s).toString()));
    change.action = *action;
    change.type = *type;
    const QJsonObject key = object.value(u"object"_s).toObject();
    bool known = false;
    for (size_t i = 0; i < nodeKindNames.size(); ++i)
        if (nodeKindNames[i] == key.value(u"kind"_s).toString()) {
            change.object.kind = NodeKind(i);
            known = true;
        }
    if (!known)
        return fail(
            ErrorCode::Config,
            u"A change in the JSON has an unknown object kind \"%1\"; write the file with "
            u"`plumb diff --format json` of this version."_s.arg(key.value(u"kind"_s).toString()));
    change.object.schema = key.value(u"schema"_s).toString();
    change.object.name = key.value(u"name"_s).toString();
    change.object.member = key.value(u"member"_s).toString();
    change.sql = fromArray(object.value(u"sql"_s));
    change.column = object.value(u"column"_s).toString();
    const auto attribute = attributeFromName(object.value(u"attribute"_s).toString());
    if (!attribute)
        return fail(ErrorCode::Config,
                    u"A change in the JSON has an unknown attribute \"%1\"; write the file with "
                    u"`plumb diff --format json` of this version."_s.arg(
                        object.value(u"attribute"_s).toString()));
    change.attribute = *attribute;
    change.before = object.value(u"before"_s).toString();
    change.after = object.value(u"after"_s).toString();
    if (object.contains(u"type_change"_s)) {
        const QJsonObject t = object.value(u"type_change"_s).toObject();
        const auto conversion = typeConversionFromName(t.value(u"conversion"_s).toString());
        if (!conversion)
            return fail(ErrorCode::Config,
                        u"A change in the JSON has an unknown type conversion \"%1\"; write the "
                        u"file with `plumb diff --format json` of this version."_s.arg(
                            t.value(u"conversion"_s).toString()));
        change.typeChange =
            TypeChange{*conversion, t.value(u"using"_s).toString(), t.value(u"declared"_s).toBool(),
                       t.value(u"obvious"_s).toBool(), t.value(u"losses"_s).toString()};
    }
    change.destroysData = object.value(u"destroys_data"_s).toBool();
    change.forDependency = object.value(u"for_dependency"_s).toBool();
    change.transactional = object.value(u"transactional"_s).toBool(true);
    return change;
}

QJsonObject toJson(const ChangeSet& changes)
{
    QJsonArray array;
    for (const Change& change : changes.changes)
        array.append(toJson(change));
    return QJsonObject{{u"changes"_s, array}};
}

Result<ChangeSet> changeSetFromJson(const QJsonObject& object)
{
    ChangeSet set;
    for (const QJsonValue& value : object.value(u"changes"_s).toArray()) {
        auto change = changeFromJson(value.toObject());
        if (!change)
            return std::unexpected(change.error());
        set.changes.append(*change);
    }
    return set;
}

QString plainScript(const ChangeSet& changes)
{
    if (changes.isEmpty())
        return {};
    QString outside;
    QString inside;
    for (const Change& change : changes.changes)
        for (const QString& sql : change.sql)
            (change.transactional ? inside : outside) += sql + u";\n"_s;
    QString script = u"SET check_function_bodies = false;\n"_s + outside;
    if (!inside.isEmpty())
        script += u"BEGIN;\n"_s + inside + u"COMMIT;\n"_s;
    return script;
}

Result<RenameHints> parseRenameHints(const QString& text)
{
    RenameHints hints;
    const QStringList lines = text.split(u'\n');
    for (qsizetype n = 0; n < lines.size(); ++n) {
        QString line = lines[n];
        if (const qsizetype hash = line.indexOf(u'#'); hash >= 0)
            line.truncate(hash);
        const QStringList words = line.split(u' ', Qt::SkipEmptyParts);
        if (words.isEmpty())
            continue;
        auto error = [&] {
            return fail(ErrorCode::Config,
                        u"Rename hints line %1 is not understood: \"%2\". Write "
                        u"\"table schema.old schema.new\", \"column schema.table.old new\" or "
                        u"\"using schema.table.column EXPRESSION\"."_s.arg(n + 1)
                            .arg(lines[n].trimmed()));
        };
        const QStringList first = words.value(1).split(u'.');
        if (words[0] == u"using") {
            // The expression is the rest of the line, whatever its spaces.
            if (words.size() < 3 || first.size() != 3)
                return error();
            const qsizetype at = line.indexOf(words[1]) + words[1].size();
            hints.conversions[{{first[0], first[1]}, first[2]}] = line.mid(at).trimmed();
            continue;
        }
        if (words.size() != 3)
            return error();
        if (words[0] == u"table") {
            const QStringList second = words[2].split(u'.');
            if (first.size() != 2 || second.size() != 2)
                return error();
            hints.tables[{first[0], first[1]}] = {second[0], second[1]};
        } else if (words[0] == u"column") {
            if (first.size() != 3)
                return error();
            hints.columns[{{first[0], first[1]}, first[2]}] = words[2];
        } else {
            return error();
        }
    }
    return hints;
}

} // namespace plumb::diff
