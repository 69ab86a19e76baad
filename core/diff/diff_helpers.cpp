// The differ's shared vocabulary (differ.h): the index of a catalog's objects by key, and the
// small writers of names, comments and changes every part of the diff uses.
#include "core/db/quote.h"
#include "core/diff/differ.h"

using namespace Qt::StringLiterals;

namespace plumb::diff::detail {

using namespace catalog;

ObjectIndex indexObjects(const Catalog& c)
{
    ObjectIndex index;
    for (const Schema& o : c.schemas)
        index.emplace(keyOf(o), Entry{ObjectType::Schema, &o});
    for (const Extension& o : c.extensions)
        index.emplace(keyOf(o), Entry{ObjectType::Extension, &o});
    for (const Collation& o : c.collations)
        index.emplace(keyOf(o), Entry{ObjectType::Collation, &o});
    for (const EnumType& o : c.enums)
        index.emplace(keyOf(o), Entry{ObjectType::Enum, &o});
    for (const Domain& o : c.domains)
        index.emplace(keyOf(o), Entry{ObjectType::Domain, &o});
    for (const CompositeType& o : c.composites)
        index.emplace(keyOf(o), Entry{ObjectType::Composite, &o});
    for (const RangeType& o : c.ranges)
        index.emplace(keyOf(o), Entry{ObjectType::Range, &o});
    for (const Sequence& o : c.sequences)
        index.emplace(keyOf(o), Entry{ObjectType::Sequence, &o});
    for (const Table& o : c.tables)
        index.emplace(keyOf(o), Entry{ObjectType::Table, &o});
    for (const View& o : c.views)
        index.emplace(keyOf(o),
                      Entry{o.materialized ? ObjectType::MaterializedView : ObjectType::View, &o});
    for (const Index& o : c.indexes)
        index.emplace(keyOf(o), Entry{ObjectType::Index, &o});
    for (const Constraint& o : c.constraints)
        index.emplace(keyOf(o), Entry{ObjectType::Constraint, &o});
    for (const Routine& o : c.routines)
        index.emplace(keyOf(o), Entry{ObjectType::Routine, &o});
    for (const Operator& o : c.operators)
        index.emplace(keyOf(o), Entry{ObjectType::Operator, &o});
    for (const Trigger& o : c.triggers)
        index.emplace(keyOf(o), Entry{ObjectType::Trigger, &o});
    for (const EventTrigger& o : c.eventTriggers)
        index.emplace(keyOf(o), Entry{ObjectType::EventTrigger, &o});
    for (const Policy& o : c.policies)
        index.emplace(keyOf(o), Entry{ObjectType::Policy, &o});
    for (const Publication& o : c.publications)
        index.emplace(keyOf(o), Entry{ObjectType::Publication, &o});
    return index;
}

ObjectKey relationKey(const QualifiedName& name)
{
    return ObjectKey{NodeKind::Relation, name.schema, name.name, {}};
}

QString q(const QualifiedName& name)
{
    return db::qualifiedName(name.schema, name.name);
}

QString ident(QStringView name)
{
    return db::quoteIdentifier(name);
}

QString commentSql(const QString& what, const QString& comment)
{
    return u"COMMENT ON "_s + what + u" IS "_s +
           (comment.isEmpty() ? u"NULL"_s : db::quoteLiteral(comment));
}

Change makeChange(Action action, ObjectType type, const ObjectKey& key, QStringList sql)
{
    Change change;
    change.action = action;
    change.type = type;
    change.object = key;
    change.sql = std::move(sql);
    return change;
}

} // namespace plumb::diff::detail
