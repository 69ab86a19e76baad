#pragma once

#include "core/error.h"
#include "core/migrate/replay.h"
#include "core/plan/schema_compare.h"
#include "core/progress.h"
#include "core/workflow/declared.h"
#include "core/workflow/session.h"

#include <optional>

namespace plumb::workflow {

struct PreflightRequest {
    // The parallel database to replay on, typed by the user; empty: a scratch copy of the
    // target's schema and ledger (the target is only read).
    QString against;
    std::optional<QString> confirmation; // needed when `against` names a protected database
    ResolveOptions resolve;
};

struct PreflightReport {
    migrate::ReplayReport replay;
    bool scratchCopy = false;    // the replay ran on a private copy
    bool schemaCompared = false; // a declared schema existed to compare with
    QList<plan::ObjectDifference> differences;
    qsizetype drifted() const { return plan::structuralCount(differences); }
    bool passed() const { return replay.failed() == 0 && drifted() == 0; }
};

// Preflight: replays the migrations pending on a parallel database inside a transaction that is
// rolled back, and compares what they leave with the declared schema object by object. The
// replay takes locks and runs DDL on the parallel database before rolling back, so a parallel
// database that is a protected environment's needs its name confirmed, like any change.
// The declared schema is built (cache first) when the project declares one; without it only the
// replay is checked.
Result<PreflightReport> preflight(const Session& session, const BuildServer& server,
                                  DeclaredCache* cache, const PreflightRequest& request,
                                  Progress& progress);

} // namespace plumb::workflow
