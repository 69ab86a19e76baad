#pragma once

#include "core/catalog/catalog.h"
#include "core/diff/change_set.h"
#include "core/error.h"

namespace plumb::plan {

// A reviewed migration file pair for the structural part of a change (see the migrations
// module): convergence work (indexes, constraints, NOT NULL, defaults) is left out because it is
// re-derived on every run.
struct MigrationFiles {
    QString upName;   // "007_add_orders.up.sql"
    QString downName; // "007_add_orders.down.sql"
    QString up;
    QString down;
    QStringList notes; // what a reviewer must look at (data-destroying steps, required columns)
};

// Writes migration `number` called `name` (a file-name-safe word, e.g. "add_orders") that turns
// `from` into `to`, and back. Fails with ErrorCode::Schema, and the exact statement to write by
// hand, when a column type conversion may fail or lose values, or has no cast (see
// diff/type_conversion.h), unless the conversion was declared in the hints.
Result<MigrationFiles> generateMigration(const catalog::Catalog& from, const catalog::Catalog& to,
                                         int number, const QString& name,
                                         const diff::DiffOptions& options = {});

} // namespace plumb::plan
