#pragma once

#include "core/catalog/catalog.h"
#include "core/migrate/migration_files.h"
#include "project_options.h"

namespace plumb::cli {

// The declared schema (db/schema) as a catalog: built into a scratch database (the
// environment's shadow_url, else a private server) and introspected there before it is dropped.
// The migration ledger is left out.
Result<catalog::Catalog> buildDeclaredCatalog(const ProjectContext& context, Progress& progress);

// What the migration chain makes: every migration applied in order to an empty scratch database,
// then introspected. The ledger table is left out.
Result<catalog::Catalog> buildMigrationChainCatalog(const ProjectContext& context,
                                                    const migrate::MigrationSet& migrations,
                                                    Progress& progress);

// Whether db/schema (and the environment's include folders) hold any SQL file.
Result<bool> declaresSchema(const ProjectContext& context);

// The ledger's table name for the context's environment ("tb_confiture" by default).
QString trackingTableOf(const ProjectContext& context);

} // namespace plumb::cli
