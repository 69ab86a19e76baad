#pragma once

#include "core/catalog/catalog.h"

#include <QStringList>

namespace plumb::diff::detail {

// A table whose partitioning changes (plain to partitioned, partitioned to plain, or a new
// partition key) cannot be altered into its new shape, and dropping it would lose its rows.
// Instead it is set aside: renamed, with its partitions, its indexes (constraint-backed ones
// included, which renames their constraints) and its identity sequences, so that the new table
// and its objects can take their names. The new table is made as declared, the rows are copied
// into it (identity values kept, identity sequences moved on to where the old ones were), and
// the set-aside table is dropped last, with its partitions.
struct TableSwap {
    QStringList setAside; // ALTER ... RENAME, at the place the table would have been dropped
    QStringList copyRows; // INSERT ... SELECT and setval, once the new table and partitions exist
    QStringList dropSetAside; // DROP TABLE of the renamed table, after the copy succeeded
};

// A partition whose own partitioning changes is detached from its parent first
// (`detachFirst`), so that the new one can take its bound.
TableSwap tableSwap(const catalog::Catalog& from, const catalog::Table& before,
                    const catalog::Table& after, bool detachFirst);

// The name a set-aside relation or sequence takes: in the same schema, "plumb_old_" and twelve
// hex digits of a hash of the old name, so it fits in 63 bytes whatever the name was and plans
// stay the same from run to run.
catalog::QualifiedName setAsideName(const catalog::QualifiedName& name);

} // namespace plumb::diff::detail
