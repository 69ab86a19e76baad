#pragma once

#include "core/fleet/fleet.h"
#include "core/project/fleet_spec.h"
#include "core/workflow/session.h"

namespace plumb::fleet {

// An environment's fleet, opened: the session of the environment, its `fleet:` block and its
// targets (each with the environment's connection settings). What `plumb fleet` and the
// workbench's Fleet view start from.
struct FleetSession {
    workflow::Session session;
    project::FleetSpec spec;
    QList<FleetTarget> targets;
};

// Loads the `fleet:` block of the session's environment (a Config error when there is no
// environment or it names no fleet). With `listTargets`, also lists the targets: a fleet named
// by a pattern (databases or schemas) is listed on the environment's management URL; an empty
// fleet is a Config error.
Result<FleetSession> openFleet(const workflow::Session& session, Progress& progress,
                               bool listTargets = true);

// Where a rollout's status is kept by default: one file per project and environment, in
// Plumbline's data folder (never in the project: it is about databases, not about the schema).
// The CLI and the workbench share it, so `plumb fleet status` shows a rollout the workbench ran.
QString defaultStatusPath(const workflow::Session& session);

} // namespace plumb::fleet
