#pragma once

#include "core/catalog/catalog.h"

namespace plumb::catalog {

struct DdlOptions {
    bool ownership = false; // ALTER ... OWNER TO for every object that has an owner
};

// The statements that create one object, in the order they must run: the CREATE itself, then
// what belongs to it alone (comments, column settings, enabled state...). Objects that the server
// creates on its own (identity sequences, constraint-backed indexes, constraints and triggers
// cloned onto partitions) give no statement.
struct DdlStatement {
    ObjectKey object;
    QString sql; // one statement, without the terminating semicolon
};

// Every object of the catalog as DDL, in an order that loads into an empty database: dependency
// order from the catalog's dependencies (pg_depend), with tables before their constraints and
// indexes, and foreign keys, triggers and policies after every table, which breaks cycles.
QList<DdlStatement> ddlStatements(const Catalog& catalog, const DdlOptions& options = {});

// ddlStatements as one script, after a short preamble (empty search_path, function bodies not
// checked) so it loads the same whatever the session's settings.
QString ddlScript(const Catalog& catalog, const DdlOptions& options = {});

} // namespace plumb::catalog
