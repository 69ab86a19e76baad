#pragma once

#include "core/catalog/catalog.h"
#include "core/db/connection_info.h"
#include "core/error.h"
#include "core/plan/plan.h"
#include "core/progress.h"
#include "core/project/fleet_spec.h"

#include <QList>
#include <QString>
#include <optional>

namespace plumb::fleet {

// One database of a fleet. A value type, safe to hand between threads.
struct FleetTarget {
    QString label;           // for people: the database name, or the redacted URL
    db::ConnectionInfo info; // holds the password when there is one: never print it
};

// The fleet's databases in a stable order (by label): the spec's urls as listed, or the
// databases on `server`'s server whose name is LIKE spec.databases (templates and databases
// that refuse connections left out). Tenant schemas (spec.schemas) are refused with a Config
// error that says so: one plan per schema needs a catalog that does not carry its schema's name.
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

} // namespace plumb::fleet
