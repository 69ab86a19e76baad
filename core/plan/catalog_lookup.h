#pragma once

#include "core/catalog/catalog.h"

#include <QHash>

namespace plumb::plan::detail {

// Hashed lookups into one catalog, built once per makePlan() run. The planner asks for a table,
// view, index or constraint by name once per change or more; scanning the catalog's lists for
// each (Catalog::table() does) made planning a 10,000-table schema quadratic.
// Holds pointers into `catalog`, which must outlive it (the planner's catalogs do).
class CatalogLookup {
public:
    explicit CatalogLookup(const catalog::Catalog& catalog);

    const catalog::Table* table(const catalog::QualifiedName& name) const;
    const catalog::View* view(const catalog::QualifiedName& name) const;
    const catalog::Index* index(const catalog::QualifiedName& name) const;
    // A table's constraint: `key` names the table (schema, name) and the constraint (member).
    const catalog::Constraint* constraint(const catalog::ObjectKey& key) const;
    // The index that implements `table`'s constraint `constraintName` (a key or exclusion).
    const catalog::Index* constraintIndex(const catalog::QualifiedName& table,
                                          const QString& constraintName) const;

private:
    QHash<catalog::QualifiedName, const catalog::Table*> m_tables;
    QHash<catalog::QualifiedName, const catalog::View*> m_views;
    QHash<catalog::QualifiedName, const catalog::Index*> m_indexes;
    // (table, name) keys: constraint names are unique per table, not per schema.
    using MemberKey = std::pair<catalog::QualifiedName, QString>;
    QHash<MemberKey, const catalog::Constraint*> m_constraints;
    QHash<MemberKey, const catalog::Index*> m_constraintIndexes;
};

} // namespace plumb::plan::detail
