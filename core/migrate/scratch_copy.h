#pragma once

#include "core/db/connection_info.h"
#include "core/error.h"
#include "core/migrate/ledger.h"
#include "core/migrate/migration_files.h"
#include "core/progress.h"
#include "core/project/build.h"

namespace plumb::migrate {

// A parallel database for preflight when none is given: a private scratch server holding a copy
// of `source`'s schema (pg_dump --schema-only, without owners, grants, publications and
// subscriptions) and of its ledger's rows, so the migrations pending on `source` are the ones
// pending on the copy. `source` is only read; its password reaches pg_dump through a passfile,
// never its command line. Needs pg_dump and psql from the PostgreSQL that LocalCluster finds,
// as new as the source server.
//
// The copy belongs to the private server's unprivileged role: it restores the dump, owns every
// object (so replayed migrations may change them), and is the role info() connects as, so the
// project's migrations run without superuser. The extensions the dump and the migrations still
// pending there ask for are created first by the server's superuser; the replay skips the
// statements that prelude covers (ScratchDatabase::prelude()). Event triggers are not copied:
// only a superuser may create them.
// On a scratch database of a private cluster, has its superuser create the extensions that the
// migrations still pending there (per its ledger; all of them without one) ask for, so that
// they can run as the unprivileged role; the statements it covers are in scratch.prelude(), for
// the replay or the runner (RunnerOptions::prelude) to skip.
Status prepareForPendingMigrations(project::ScratchDatabase& scratch, const Ledger& ledger,
                                   const MigrationSet& migrations, Progress& progress);

Result<project::ScratchDatabase> copySchemaToScratch(const db::ConnectionInfo& source,
                                                     const Ledger& ledger,
                                                     const MigrationSet& migrations,
                                                     Progress& progress);

} // namespace plumb::migrate
