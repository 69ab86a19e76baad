#pragma once

#include "core/catalog/catalog.h"
#include "core/error.h"
#include "core/transfer/anonymized_copy.h"

namespace plumb::transfer::detail {

// Which tables a copy takes: the tables with storage (ordinary tables and partitions; a
// partitioned table stands for its partitions) of the chosen schemas that match `include` (all
// when empty) and no `exclude` pattern. Patterns are globs on schema.table; a pattern without a
// dot means public. A pattern that matches nothing is an error (a typo would otherwise copy
// less than meant). Sorted by name.
Result<QList<catalog::QualifiedName>> selectTables(const catalog::Catalog& source,
                                                   const QStringList& include,
                                                   const QStringList& exclude,
                                                   const QString& stateSchema);

// Orders `tables` so that every table comes after the tables its foreign keys reference (in
// `enforcing`: the catalog whose constraints the load must satisfy), and fills their `after`,
// `group` (tables of one cycle) and `selfReferencing`. Fails when a copied table references one
// that is not copied, or when a cycle has a foreign key that cannot be deferred.
Status orderTables(const catalog::Catalog& enforcing, QList<PlannedTable>& tables,
                   QStringList& notes);

} // namespace plumb::transfer::detail
