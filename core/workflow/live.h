#pragma once

#include "core/catalog/catalog.h"
#include "core/diff/change_set.h"
#include "core/error.h"
#include "core/plan/plan.h"
#include "core/progress.h"

#include <QJsonObject>
#include <QString>
#include <memory>

namespace plumb::db {
class Connection;
}

namespace plumb::workflow {

struct DeclaredSchema;

// The live database as the loop sees it: the catalog without the ledger table, and the
// fingerprint a plan computed from it carries.
struct LiveState {
    catalog::Catalog catalog; // ledger removed; texts aligned with the declared schema's
    QString fingerprint;      // catalog::fingerprint before alignment (what apply re-reads)
    QString serverVersion;    // "17.2"
    QString database;         // redacted URL it was read from
};

// Reads the live catalog on `connection`, leaving `ledgerTable` out. With `declared`, definitions
// the server prints differently but that mean the same are aligned with the declared ones
// (diff::alignEquivalentTexts), so the comparison reports only real differences.
Result<LiveState> readLive(db::Connection& connection, const QString& ledgerTable,
                           const catalog::Catalog* declared, Progress& progress);

// The fingerprint of the live catalog now (ledger left out): what readLive's fingerprint is
// compared with under the lock.
Result<QString> liveFingerprint(db::Connection& connection, const QString& ledgerTable,
                                Progress& progress);

// A plan with what it was computed from. Apply re-reads the live fingerprint under the migration
// lock and refuses the plan when it differs (the schema changed since it was computed), and a
// plan is applied once: its id is remembered by the process that applied it, and the schema it
// changed no longer has its fingerprint anyway.
struct ProjectPlan {
    QString id; // a UUID, fixed when the plan is made
    plan::Plan plan;
    QString liveFingerprint; // of the live catalog it turns into the declared one
    QString declaredHash;    // the schema files' content hash (or a catalog fingerprint)
    QString database;        // redacted URL of the live database

    // Everything `plumb plan --format json` prints and `plumb apply` reads back. The plan's own
    // JSON (plan::toJson) sits under "plan".
    QJsonObject toJson() const;
    static Result<ProjectPlan> fromJson(const QJsonObject& object);
};

// Plans turning `live` into the declared catalog, from the comparison already made (`changes`
// is diff::compare(live.catalog, declared)). Pure; no database.
ProjectPlan planChanges(const LiveState& live, const catalog::Catalog& declared,
                        const QString& declaredHash, const diff::ChangeSet& changes,
                        plan::Mode mode);

} // namespace plumb::workflow
