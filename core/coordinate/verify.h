#pragma once

#include "core/coordinate/registry.h"
#include "core/plan/plan.h"

namespace plumb::coordinate {

// One object an intent was planned against that is not what it was at registration.
struct ObjectDrift {
    ObjectRef object;
    QString registered;    // fingerprint at registration; empty: it did not exist
    QString live;          // fingerprint now; empty: it does not exist
    QStringList changedBy; // "agent (feature), intent ID, completed at TIME", newest last
};

struct IntentDrift {
    Intent intent;
    QList<ObjectDrift> changed;
    bool matches() const { return changed.isEmpty(); }
};

// Compares the live fingerprint of every object `intent` registered with the one it had then,
// and names the registered intents that took the changed objects in hand since.
Result<IntentDrift> verifyIntent(Registry& registry, const Intent& intent);

// The intents an apply honours: those named (e.g. the one the Plan view registered) and the
// active ones registered for the very DDL about to run (sourceHash()).
struct ApplyIntents {
    QList<Intent> intents;
    QList<IntentDrift> drifts; // one per intent, in the same order
    bool matches() const;
    // "Intent X (agent, feature) was planned against objects that changed: ..."
    QString describe() const;
};

// The apply-time check of the workflow (core/workflow calls it under the change lock, before
// anything runs). Finds the intents (none when the database has no registry): those named, and
// the active ones registered for any of `ddls` (each a script about to run: a migration's
// .up.sql, a plan's steps). Compares their fingerprints, and fails with ErrorCode::Drift naming
// each changed object and who changed it, so that nothing runs against objects that moved since
// planning. An expired or finished intent named explicitly is an error too (ErrorCode::Config).
Result<ApplyIntents> checkBeforeApply(db::Connection& connection, const QStringList& intentIds,
                                      const QStringList& ddls, Progress& progress);

// The DDL of a plan's steps as an intent registers it and an apply looks it up (sourceHash()):
// the Plan view, `plumb intent register --plan` and the workflow's plan apply all use this.
QString planDdl(const QList<plan::Step>& steps);

// After the apply succeeded: the intents it honoured are completed ("applied by WHAT").
Status completeApplied(db::Connection& connection, const ApplyIntents& applied, const QString& what,
                       const QString& changedBy);

} // namespace plumb::coordinate
