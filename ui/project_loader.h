#pragma once

#include "core/db/connection_info.h"
#include "core/error.h"
#include "core/migrate/ledger.h"
#include "core/migrate/status.h"
#include "core/progress.h"
#include "core/project/scratch_database.h"
#include "ui/models_snapshot.h"

#include <QProcessEnvironment>

namespace plumb::ui {

// One environment of a project as the Project view lists it.
struct EnvironmentSummary {
    QString name;
    bool dev = false;
    bool readOnly = false;
    QString database;     // redacted URL, or empty
    QString problem;      // why the environment cannot be used (missing variable, bad YAML...)
    QStringList warnings; // keys of the file plumb ignores ("file:line: unknown key ...")
};

// Everything the views need after opening a project: an immutable value made by a job.
struct ProjectSnapshot {
    QString projectDir;
    QString schemaHash;
    QList<EnvironmentSummary> environments;
    QString environment; // the environment used for the live state, empty for none
    std::optional<db::ConnectionInfo> live;
    bool liveIsDev = false;    // never for a read-only environment
    bool liveReadOnly = false; // readonly: true: every change is refused
    QString liveProblem;       // why there is no live state
    ModelsSnapshot models;
    // diff::compare(live, declared), made once here for the Plan and Diff views; null without
    // a live database.
    std::shared_ptr<const diff::ChangeSet> liveToDeclared;
    std::optional<migrate::StatusReport> migrations;
    QList<migrate::LedgerRow> ledgerRows; // who applied what, when, how long it took
    QString trackingTable = QStringLiteral("tb_confiture");
};

// Copies the demo project bundled in the application's resources to `targetDir` (replacing an
// older copy) and returns the folder.
Result<QString> materializeDemoProject(const QString& targetDir);

// Applies the demo project's migrations up to `version` on `database` with the migration runner.
Status migrateTo(const QString& projectDir, const db::ConnectionInfo& database,
                 const QString& version, Progress& progress);

// Opens a project: lists its environments, builds the declared schema in a scratch database on
// `scratchServer` (the embedded server, where the project's SQL runs unprivileged), introspects
// it, locates every declaration, and reads the live database of the default environment
// (catalog and migration status) when it has one.
Result<ProjectSnapshot> loadProject(const QString& projectDir,
                                    const project::ScratchServer& scratchServer,
                                    const QProcessEnvironment& variables, Progress& progress);

} // namespace plumb::ui
