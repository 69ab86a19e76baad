#pragma once

#include "core/diff/change_set.h"
#include "core/error.h"
#include "core/migrate/ledger.h"
#include "core/migrate/status.h"
#include "core/progress.h"
#include "core/sql/declarations.h"
#include "core/workflow/declared.h"
#include "core/workflow/live.h"
#include "core/workflow/session.h"

#include <memory>
#include <optional>

namespace plumb::workflow {

// One environment of a project as a list shows it: where its URLs come from and how protected
// it is, or why it cannot be used.
struct EnvironmentSummary {
    QString name;
    std::optional<Target> target;
    QString problem;      // a missing variable, bad YAML, no URL...
    QStringList warnings; // what the file says that plumb ignores ("file:line: unknown key ...")
};

// Every environment of the project, resolved with `variables` (the process environment).
QList<EnvironmentSummary> summarizeEnvironments(const project::Project& project,
                                                const QProcessEnvironment& variables);

// Everything the workbench shows about a project and one environment after opening it: the
// declared schema (built once per content hash), the live database (catalog, fingerprint,
// migration status) and the plan between them, computed once per load. An immutable value made
// by a job; views share it.
struct ProjectState {
    Session session; // the project, the environment, the target
    QList<EnvironmentSummary> environments;
    DeclaredSchema declared;
    QList<sql::Declaration> declarations; // where each declared object is, file and line
    std::optional<LiveState> live;        // empty without a database (liveProblem says why)
    QString liveProblem;
    std::shared_ptr<const diff::ChangeSet> liveToDeclared; // diff::compare(live, declared)
    std::optional<ProjectPlan> plan;                       // online; empty without live
    std::optional<migrate::StatusReport> migrations;
    QList<migrate::LedgerRow> ledgerRows; // who applied what, when, how long it took
};

// The live database against the declared schema, planned: what `plumb plan` prints and the
// workbench's Plan view shows, from the same code.
struct PlannedProject {
    LiveState live;
    std::shared_ptr<const diff::ChangeSet> changes; // diff::compare(live, declared)
    ProjectPlan plan;
};

// Reads the live catalog on `connection` (the target's Read URL) and plans it into `declared`.
Result<PlannedProject> planAgainst(db::Connection& connection, const Session& session,
                                   const DeclaredSchema& declared, plan::Mode mode,
                                   Progress& progress);

// The whole of `plumb plan`: builds the declared schema (cache first), connects to the target's
// Read URL, then planAgainst().
Result<PlannedProject> planProject(const Session& session, const BuildServer& server,
                                   DeclaredCache* cache, plan::Mode mode, Progress& progress);

// Opens the project and its environment (a project without a database configured still opens:
// its declared schema is shown), builds the declared schema (cache first), reads the live
// database on the Read URL when there is one, compares, plans (online) and reads the migration
// status. A live database that cannot be reached is reported in liveProblem, not as a failure.
Result<ProjectState> loadProject(const SessionOptions& options, const BuildServer& server,
                                 DeclaredCache* cache, Progress& progress);

} // namespace plumb::workflow
