#pragma once

#include "core/catalog/catalog.h"
#include "core/db/connection.h"
#include "core/db/connection_info.h"
#include "core/error.h"
#include "core/plan/plan.h"
#include "core/progress.h"
#include "core/project/fleet_spec.h"

#include <QList>
#include <QString>
#include <optional>

namespace plumb::fleet {

// One database, or one tenant schema, of a fleet. A value type, safe to hand between threads.
struct FleetTarget {
    QString label;           // for people: the database name, the redacted URL or the schema
    db::ConnectionInfo info; // holds the password when there is one: never print it
    QString schema;          // a tenant schema in info's database; empty: the whole database
};

// The fleet's targets in a stable order (by label): the spec's urls as listed, the databases on
// `server`'s server whose name is LIKE spec.databases (templates and databases that refuse
// connections left out), or the schemas of `server`'s database matching the glob spec.schemas
// (tenant_schema.h: each is compared with the declared schema as if it lived there).
Result<QList<FleetTarget>> listTargets(const project::FleetSpec& spec,
                                       const db::ConnectionInfo& server, Progress& progress);

// Targets that share a live catalog fingerprint, and the one plan that brings them to the
// desired schema.
struct FleetGroup {
    QString fingerprint; // catalog::fingerprint of the live catalog, ledger table left out
    QList<int> targets;  // indexes into FleetPlan::targets
    plan::Plan plan;     // live -> desired; empty: the group is up to date
    int changeCount = 0; // the diff's changes (a plan may split one into several steps)
};

struct FleetPlan {
    QList<FleetTarget> targets;
    QList<FleetGroup> groups; // the largest first (the fleet's norm), then the drifted ones
    QList<std::pair<int, Error>> unreadable; // targets that could not be read, with why
    QString desiredFingerprint;
    // Tenant-schema fleets: the declared schema every tenant is compared as (its objects mapped
    // into the tenant's schema when applied). Empty for a fleet of databases.
    QString declaredSchema;
    int plansComputed = 0; // one per group with differences: the point of planning a fleet once

    // The group of target `index`, or null when it could not be read.
    const FleetGroup* groupOf(int index) const;
};

struct PlanOptions {
    int parallelism = 4; // databases read at once
    plan::Mode mode = plan::Mode::Online;
    QString trackingTable = QStringLiteral("tb_confiture"); // the ledger: tooling, not schema
};

// Reads every target (at most `parallelism` at once), groups them by live fingerprint and
// computes one plan per group towards `desired` (the declared schema). Fails only when canceled;
// a target that cannot be read is listed in `unreadable`.
Result<FleetPlan> planFleet(const QList<FleetTarget>& targets, const catalog::Catalog& desired,
                            const PlanOptions& options, Progress& progress);

// A live catalog as planFleet sees it: the ledger table removed.
catalog::Catalog comparable(catalog::Catalog live, const QString& trackingTable);

// Reads one target as planFleet compares it: the whole database, or its tenant schema alone
// moved to `declaredSchema`; the ledger table removed.
Result<catalog::Catalog> readTarget(db::Connection& connection, const FleetTarget& target,
                                    const QString& declaredSchema, const QString& trackingTable,
                                    Progress& progress);

} // namespace plumb::fleet
