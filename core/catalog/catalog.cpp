#include "catalog.h"

#include <algorithm>
#include <utility>
#include <vector>

using namespace Qt::StringLiterals;

namespace plumb::catalog {

namespace {

// Stable sort by a computed key. Each key is computed once (keys hold several strings and a
// routine's key builds its signature), and elements move once, into their place: sorting the
// catalog's lists in place with keys computed per comparison took a tenth of introspection.
template<typename T, typename Key>
void sortBy(QList<T>& list, Key key)
{
    using KeyType = std::decay_t<decltype(key(std::declval<const T&>()))>;
    std::vector<std::pair<KeyType, qsizetype>> keyed;
    keyed.reserve(std::size_t(list.size()));
    for (qsizetype i = 0; i < list.size(); ++i)
        keyed.emplace_back(key(std::as_const(list[i])), i);
    std::stable_sort(keyed.begin(), keyed.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    bool inOrder = true;
    for (qsizetype i = 0; i < qsizetype(keyed.size()) && inOrder; ++i)
        inOrder = keyed[std::size_t(i)].second == i;
    if (inOrder)
        return;
    QList<T> sorted;
    sorted.reserve(list.size());
    for (const auto& entry : keyed)
        sorted.append(std::move(list[entry.second]));
    list = std::move(sorted);
}

template<typename T>
const T* findByName(const QList<T>& list, const QualifiedName& name)
{
    auto it = std::find_if(list.begin(), list.end(), [&](const T& t) { return t.name == name; });
    return it == list.end() ? nullptr : &*it;
}

ObjectKey qualifiedKey(NodeKind kind, const QualifiedName& name, const QString& member = {})
{
    return ObjectKey{kind, name.schema, name.name, member};
}

} // namespace

QString ObjectKey::display() const
{
    QString text = schema.isEmpty() ? name : schema + u'.' + name;
    if (!member.isEmpty())
        text = member + u" on "_s + text;
    return text;
}

const Column* Table::column(QStringView columnName) const
{
    for (const Column& c : columns)
        if (c.name == columnName)
            return &c;
    return nullptr;
}

const Table* Catalog::table(const QualifiedName& name) const
{
    return findByName(tables, name);
}

const View* Catalog::view(const QualifiedName& name) const
{
    return findByName(views, name);
}

const Sequence* Catalog::sequence(const QualifiedName& name) const
{
    return findByName(sequences, name);
}

const Routine* Catalog::routine(const QualifiedName& name, QStringView identityArgumentTypes) const
{
    for (const Routine& r : routines)
        if (r.name == name && r.identityArgumentTypes == identityArgumentTypes)
            return &r;
    return nullptr;
}

ObjectKey keyOf(const Schema& schema)
{
    return ObjectKey{NodeKind::Schema, {}, schema.name, {}};
}
ObjectKey keyOf(const Extension& extension)
{
    return ObjectKey{NodeKind::Extension, {}, extension.name, {}};
}
ObjectKey keyOf(const Collation& collation)
{
    return qualifiedKey(NodeKind::Collation, collation.name);
}
ObjectKey keyOf(const EnumType& type)
{
    return qualifiedKey(NodeKind::Type, type.name);
}
ObjectKey keyOf(const Domain& domain)
{
    return qualifiedKey(NodeKind::Type, domain.name);
}
ObjectKey keyOf(const CompositeType& type)
{
    return qualifiedKey(NodeKind::Type, type.name);
}
ObjectKey keyOf(const RangeType& type)
{
    return qualifiedKey(NodeKind::Type, type.name);
}
ObjectKey keyOf(const Sequence& sequence)
{
    return qualifiedKey(NodeKind::Relation, sequence.name);
}
ObjectKey keyOf(const Table& table)
{
    return qualifiedKey(NodeKind::Relation, table.name);
}
ObjectKey keyOf(const View& view)
{
    return qualifiedKey(NodeKind::Relation, view.name);
}
ObjectKey keyOf(const Index& index)
{
    return qualifiedKey(NodeKind::Relation, index.name);
}
ObjectKey keyOf(const Constraint& constraint)
{
    return qualifiedKey(NodeKind::Constraint, constraint.table, constraint.name);
}
ObjectKey keyOf(const Routine& routine)
{
    return ObjectKey{NodeKind::Function, routine.name.schema, routine.signature(), {}};
}
ObjectKey keyOf(const Operator& op)
{
    return ObjectKey{NodeKind::Operator, op.name.schema, op.signature(), {}};
}
ObjectKey keyOf(const Trigger& trigger)
{
    return qualifiedKey(NodeKind::Trigger, trigger.table, trigger.name);
}
ObjectKey keyOf(const EventTrigger& trigger)
{
    return ObjectKey{NodeKind::EventTrigger, {}, trigger.name, {}};
}
ObjectKey keyOf(const Policy& policy)
{
    return qualifiedKey(NodeKind::Policy, policy.table, policy.name);
}
ObjectKey keyOf(const Publication& publication)
{
    return ObjectKey{NodeKind::Publication, {}, publication.name, {}};
}

ObjectKey keyOf(const DefaultPrivilege& privilege)
{
    return ObjectKey{NodeKind::DefaultPrivilege, privilege.schema, privilege.role,
                     privilege.objectType};
}

ObjectKey keyOf(const TextSearchConfiguration& configuration)
{
    return qualifiedKey(NodeKind::TextSearchConfiguration, configuration.name);
}

void normalize(Catalog& catalog)
{
    auto byKey = [](const auto& object) { return keyOf(object); };
    sortBy(catalog.schemas, byKey);
    sortBy(catalog.extensions, byKey);
    for (Extension& extension : catalog.extensions)
        sortBy(extension.members,
               [](const ExtensionMember& m) { return std::pair(m.kind, m.identity); });
    sortBy(catalog.collations, byKey);
    sortBy(catalog.enums, byKey);
    sortBy(catalog.domains, byKey);
    for (Domain& domain : catalog.domains)
        sortBy(domain.constraints, [](const DomainConstraint& c) { return c.name; });
    sortBy(catalog.composites, byKey);
    sortBy(catalog.ranges, byKey);
    sortBy(catalog.sequences, byKey);
    sortBy(catalog.tables, byKey);
    sortBy(catalog.views, byKey);
    sortBy(catalog.indexes, byKey);
    sortBy(catalog.constraints, byKey);
    sortBy(catalog.routines, byKey);
    sortBy(catalog.operators, byKey);
    sortBy(catalog.triggers, byKey);
    sortBy(catalog.eventTriggers, byKey);
    sortBy(catalog.policies, byKey);
    sortBy(catalog.publications, byKey);
    for (Publication& publication : catalog.publications) {
        sortBy(publication.tables, [](const PublicationTable& t) { return t.table; });
        publication.schemas.sort();
    }
    sortBy(catalog.defaultPrivileges, byKey);
    sortBy(catalog.textSearchConfigurations, byKey);
    normalizeDependencies(catalog);
    sortBy(catalog.unmanaged, [](const UnmanagedObject& u) { return std::pair(u.kind, u.name); });
}

void normalizeDependencies(Catalog& catalog)
{
    sortBy(catalog.dependencies,
           [](const Dependency& d) { return std::pair(d.dependent, d.referenced); });
    catalog.dependencies.erase(
        std::unique(catalog.dependencies.begin(), catalog.dependencies.end()),
        catalog.dependencies.end());
}

} // namespace plumb::catalog
