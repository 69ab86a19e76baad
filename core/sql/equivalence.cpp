#include "equivalence.h"

#include "core/sql/parse_tree.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace plumb::sql {

namespace {

QJsonValue canonical(const QJsonValue& value);

// TypeCast{arg: A_ArrayExpr{elements}, typeName: T[]} becomes A_ArrayExpr{elements cast to T}:
// what transformTypeCast does with an array constructor.
QJsonValue distributedArrayCast(const QJsonObject& cast)
{
    const QJsonObject array = cast.value(u"arg"_s).toObject().value(u"A_ArrayExpr"_s).toObject();
    QJsonObject typeName = cast.value(u"typeName"_s).toObject();
    QJsonArray bounds = typeName.value(u"arrayBounds"_s).toArray();
    // An empty ARRAY[] keeps its cast: the elements cannot carry the type.
    if (array.value(u"elements"_s).toArray().isEmpty() || bounds.isEmpty())
        return QJsonValue(QJsonValue::Undefined);
    bounds.removeLast();
    if (bounds.isEmpty())
        typeName.remove(u"arrayBounds"_s);
    else
        typeName.insert(u"arrayBounds"_s, bounds);
    QJsonArray elements;
    for (const QJsonValue& element : array.value(u"elements"_s).toArray())
        elements.append(QJsonObject{
            {u"TypeCast"_s, QJsonObject{{u"arg"_s, element}, {u"typeName"_s, typeName}}}});
    return QJsonObject{{u"A_ArrayExpr"_s, QJsonObject{{u"elements"_s, elements}}}};
}

// In a UNION, INTERSECT or EXCEPT only the leftmost SELECT names the result columns; the server
// prints an unnamed column of a later branch bare and, once that runs again, with the name it was
// given (NULL::integer becomes NULL::integer AS int4). Those names are dropped.
QJsonObject withoutLaterBranchNames(QJsonObject select, bool namesColumns)
{
    if (select.contains(u"larg"_s) && select.value(u"op"_s).toString() != u"SETOP_NONE") {
        select.insert(u"larg"_s,
                      withoutLaterBranchNames(select.value(u"larg"_s).toObject(), namesColumns));
        select.insert(u"rarg"_s,
                      withoutLaterBranchNames(select.value(u"rarg"_s).toObject(), false));
        return select;
    }
    if (namesColumns)
        return select;
    QJsonArray targets;
    for (const QJsonValue& target : select.value(u"targetList"_s).toArray()) {
        QJsonObject wrapper = target.toObject();
        QJsonObject resTarget = wrapper.value(u"ResTarget"_s).toObject();
        resTarget.remove(u"name"_s);
        wrapper.insert(u"ResTarget"_s, resTarget);
        targets.append(wrapper);
    }
    select.insert(u"targetList"_s, targets);
    return select;
}

QJsonValue canonical(const QJsonValue& value)
{
    if (value.isArray()) {
        QJsonArray array;
        for (const QJsonValue& item : value.toArray())
            array.append(canonical(item));
        return array;
    }
    if (!value.isObject())
        return value;
    QJsonObject object = value.toObject();
    if (const QJsonObject cast = object.value(u"TypeCast"_s).toObject(); !cast.isEmpty())
        if (const QJsonValue distributed = distributedArrayCast(cast); !distributed.isUndefined())
            return canonical(distributed);
    if (object.contains(u"SelectStmt"_s))
        object.insert(u"SelectStmt"_s,
                      withoutLaterBranchNames(object.value(u"SelectStmt"_s).toObject(), true));
    object.remove(u"location"_s);
    object.remove(u"stmt_location"_s);
    object.remove(u"stmt_len"_s);
    for (auto it = object.begin(); it != object.end(); ++it)
        it.value() = canonical(it.value());
    return object;
}

QString parsedTree(const QString& sql)
{
    // Two trees cut for depth could compare equal while the cut parts differ: a tree that is not
    // complete has no canonical form, and the texts are compared as they are.
    auto parsed = parseTree(sql.toUtf8());
    if (!parsed || !parsed->complete)
        return {};
    const QJsonValue statements = canonical(parsed->statements);
    return QString::fromUtf8(QJsonDocument(statements.toArray()).toJson(QJsonDocument::Compact));
}

} // namespace

QString canonicalParseTree(const QString& sql)
{
    // Statements (index, trigger, view definitions) parse as they are; expressions (defaults,
    // predicates, policy clauses) after SELECT; constraint definitions after ALTER TABLE ADD.
    for (const QString& prefix : {QString(), u"SELECT "_s, u"ALTER TABLE t ADD "_s})
        if (QString tree = parsedTree(prefix + sql); !tree.isEmpty())
            return prefix.isEmpty() ? tree : prefix + tree;
    return {};
}

bool equivalentSql(const QString& a, const QString& b)
{
    if (a == b)
        return true;
    if (a.isEmpty() || b.isEmpty())
        return false;
    const QString treeA = canonicalParseTree(a);
    return !treeA.isEmpty() && treeA == canonicalParseTree(b);
}

QString comparableSql(const QString& text)
{
    // The forms the server is known not to print as a fixed point (see canonical()).
    static const QStringList reprinted{u"ARRAY["_s, u"UNION"_s, u"INTERSECT"_s, u"EXCEPT"_s};
    if (std::ranges::none_of(reprinted, [&](const QString& word) { return text.contains(word); }))
        return text;
    const QString tree = canonicalParseTree(text);
    return tree.isEmpty() ? text : tree;
}

} // namespace plumb::sql
