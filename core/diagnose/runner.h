#pragma once

#include "core/db/connection.h"
#include "core/diagnose/options.h"
#include "core/diagnose/owner.h"
#include "core/diagnose/report.h"
#include "core/progress.h"

namespace plumb::diagnose {

// Runs every check (or Options::onlyChecks) against the connection's database and returns the
// report. Each check runs in its own READ ONLY transaction with its own statement_timeout and
// lock_timeout, so a failing check reports `error` and the others go on; nothing is written.
// `resolver` maps user tables to the project's schema files; without it they are "unmanaged".
// Fails only when the connection is lost, the run is canceled, or a name in onlyChecks is unknown.
Result<Report> diagnose(db::Connection& connection, Progress& progress, const Options& options = {},
                        const OwnerResolver* resolver = nullptr);

// The names of every check, in run order.
QStringList checkNames();

} // namespace plumb::diagnose
