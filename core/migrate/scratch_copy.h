#pragma once

#include "core/db/connection_info.h"
#include "core/error.h"
#include "core/migrate/ledger.h"
#include "core/progress.h"
#include "core/project/build.h"

namespace plumb::migrate {

// A parallel database for preflight when none is given: a private scratch server holding a copy
// of `source`'s schema (pg_dump --schema-only, without owners and grants) and of its ledger's
// rows, so the migrations pending on `source` are the ones pending on the copy. `source` is only
// read. Needs pg_dump and psql from the PostgreSQL that LocalCluster finds, as new as the
// source server.
Result<project::ScratchDatabase> copySchemaToScratch(const db::ConnectionInfo& source,
                                                     const Ledger& ledger, Progress& progress);

} // namespace plumb::migrate
