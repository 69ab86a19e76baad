#include "catalog_lookup.h"

namespace plumb::plan::detail {

using namespace catalog;

namespace {

// The first of equal keys wins, as the linear searches these replace returned the first match.
template<typename Map, typename Key, typename Value>
void insertFirst(Map& map, const Key& key, Value value)
{
    if (!map.contains(key))
        map.insert(key, value);
}

} // namespace

CatalogLookup::CatalogLookup(const Catalog& catalog)
{
    m_tables.reserve(catalog.tables.size());
    for (const Table& t : catalog.tables)
        insertFirst(m_tables, t.name, &t);
    for (const View& v : catalog.views)
        insertFirst(m_views, v.name, &v);
    m_indexes.reserve(catalog.indexes.size());
    for (const Index& i : catalog.indexes) {
        insertFirst(m_indexes, i.name, &i);
        if (!i.constraintName.isEmpty())
            insertFirst(m_constraintIndexes, std::pair(i.table, i.constraintName), &i);
    }
    m_constraints.reserve(catalog.constraints.size());
    for (const Constraint& c : catalog.constraints)
        insertFirst(m_constraints, std::pair(c.table, c.name), &c);
}

const Table* CatalogLookup::table(const QualifiedName& name) const
{
    return m_tables.value(name, nullptr);
}

const View* CatalogLookup::view(const QualifiedName& name) const
{
    return m_views.value(name, nullptr);
}

const Index* CatalogLookup::index(const QualifiedName& name) const
{
    return m_indexes.value(name, nullptr);
}

const Constraint* CatalogLookup::constraint(const ObjectKey& key) const
{
    // The key's kind is not compared: callers pass a change's object or a key they made.
    return m_constraints.value(std::pair(QualifiedName{key.schema, key.name}, key.member), nullptr);
}

const Index* CatalogLookup::constraintIndex(const QualifiedName& table,
                                            const QString& constraintName) const
{
    return m_constraintIndexes.value(std::pair(table, constraintName), nullptr);
}

} // namespace plumb::plan::detail
