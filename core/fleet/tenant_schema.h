#pragma once

#include "core/catalog/catalog.h"
#include "core/db/connection_info.h"
#include "core/error.h"
#include "core/progress.h"

#include <QString>
#include <QStringList>

// Tenant-schema fleets (`fleet: {schemas: "tenant_*"}`): many schemas of one shape in one
// database. Each schema is a target. Its catalog is read alone and compared with the declared
// schema's objects as if they lived in it, so two tenants with the same objects share a
// fingerprint whatever their schema's name.
namespace plumb::fleet {

// The one schema that holds the declared objects (tables, views, types, routines...): the one a
// tenant schema is compared with. "public" when nothing is declared; a Config error when the
// declared objects span several schemas (a tenant is one schema).
Result<QString> declaredSchemaOf(const catalog::Catalog& declared);

// The part of `catalog` inside schema `from`, moved to schema `to`: objects in other schemas,
// extensions, event triggers, publications and default privileges (database-wide) and the schema
// entry itself (the container: its owner and comment are the tenant's) left out;
// every name qualified by `from` (structured names, and in definitions, defaults and types the
// quoted prefix `from.`) renamed to `to`. With from == to it only filters.
catalog::Catalog schemaAs(const catalog::Catalog& catalog, const QString& from, const QString& to);

// The user schemas of the database `database` whose name matches the glob `pattern` (* and ?),
// system schemas (pg_*, information_schema) never, sorted by name.
Result<QStringList> matchingSchemas(const db::ConnectionInfo& database, const QString& pattern,
                                    Progress& progress);

} // namespace plumb::fleet
