#pragma once

#include "core/db/connection_info.h"
#include "core/error.h"
#include "core/migrate/ledger.h"
#include "core/migrate/status.h"
#include "core/progress.h"
#include "core/workflow/project_state.h"
#include "ui/models_snapshot.h"
#include "ui/plan_layout.h"

#include <QProcessEnvironment>

namespace plumb::ui {

// Everything the views need after opening a project: the core's ProjectState (made by
// workflow::loadProject in a job), with the Models view's snapshot assembled from it. Immutable;
// views share it.
struct ProjectSnapshot {
    workflow::ProjectState state;
    ModelsSnapshot models;
    std::shared_ptr<const PlanLayout> planLayout; // state.plan laid out; null without one

    const QString& projectDir() const { return models.projectDir; }
    const workflow::Session& session() const { return state.session; }
    // The environment's target (URLs by purpose, protection), when a database is configured.
    const std::optional<workflow::Target>& target() const { return state.session.target; }
    QString environment() const { return target() ? target()->environment : QString(); }
    // Whether the live database was read (the views that compare need it).
    bool hasLive() const { return state.live.has_value(); }
    const QString& liveProblem() const { return state.liveProblem; }
    const std::shared_ptr<const diff::ChangeSet>& liveToDeclared() const
    {
        return state.liveToDeclared;
    }
    QString trackingTable() const { return state.session.ledgerTable(); }
};

// Copies the demo project bundled in the application's resources to `targetDir` (replacing an
// older copy), writes `database` (the embedded server's demo database) into its environment
// file, which marks it dev, and returns the folder.
Result<QString> materializeDemoProject(const QString& targetDir,
                                       const db::ConnectionInfo& database);

// Assembles the snapshot the views adopt from the core's state. Pure.
ProjectSnapshot snapshotOf(workflow::ProjectState state);

} // namespace plumb::ui
