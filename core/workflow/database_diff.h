#pragma once

#include "core/catalog/catalog.h"
#include "core/diff/change_set.h"
#include "core/error.h"
#include "core/plan/plan.h"
#include "core/progress.h"

#include <QStringList>

namespace plumb::db {
class ConnectionInfo;
}

namespace plumb::workflow {

// Two databases compared: what `plumb diff --from A --to B` prints.
struct DatabaseDiff {
    catalog::Catalog from;
    catalog::Catalog to;
    diff::ChangeSet changes; // empty: the two schemas are the same
    plan::Plan plan;         // the steps that turn `from` into `to`
    // Whether the catalogs' dependencies were read: only when there is something to order.
    bool dependenciesRead = false;
};

// Reads both databases at once, each on its own connections, compares them and plans the
// change. The dependencies between objects (a fifth of the server's reading at 10,000 tables)
// matter only to the order of steps, so they are read, from the same snapshots as the rest,
// only when the comparison finds a change: a comparison without them finds a change exactly
// when one with them does (they only widen what a drop or rebuild takes along). Changes
// nothing; canceled through `progress`.
Result<DatabaseDiff> diffDatabases(const db::ConnectionInfo& from, const db::ConnectionInfo& to,
                                   const QStringList& schemas, const diff::DiffOptions& options,
                                   plan::Mode mode, Progress& progress);

} // namespace plumb::workflow
