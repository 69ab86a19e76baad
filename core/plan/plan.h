#pragma once

#include "core/catalog/catalog.h"
#include "core/diff/change_set.h"
#include "core/error.h"
#include "core/plan/step_kind.h"

#include <QJsonObject>

namespace plumb::plan {

// Where a step comes from (see the convergence policy in the design notes):
//   Convergence: indexes, unique/check/foreign-key constraints, NOT NULL, defaults, storage
//     parameters: re-derived on every run, never written to migration files.
//   Structural: tables, columns, types, views, routines...: reviewed migration files.
//   Blocked: needs data work or a decision first; the step is listed with the reason and what
//     to do, and the executor runs it only when told to.
enum class Category { Convergence, Structural, Blocked };

// The order steps run in. Prepare and Structural keep the change set's dependency order; the
// convergence passes follow: rebuild, create indexes, add constraints, validate, drop
// constraints, drop indexes, so that a table never loses an index or a check while its
// replacement is built.
enum class Pass {
    Prepare,
    Structural,
    Rebuild,
    CreateIndexes,
    AddConstraints,
    Validate,
    DropConstraints,
    DropIndexes,
};

enum class Hazard {
    RewritesTable,         // the whole table (and its indexes) are written again
    BlocksWrites,          // INSERT/UPDATE/DELETE wait for the step's scan or rewrite
    BlocksReads,           // even SELECT waits for the step's scan or rewrite
    FullScan,              // reads every row
    DropsData,             // rows or column values are lost: destructive, see Step::losses
    MayFailOnExistingRows, // existing rows may violate what is added
    InvalidIndexOnFailure, // a failed concurrent build leaves an INVALID index to drop
    WritesEveryRow,        // updates every row in batches: WAL, bloat, replication lag
};

enum class Mode {
    Online, // the convergence recipes, one step per statement, each committed on its own
    Plain,  // the change set's statements as they are, in one transaction where possible
};

// One statement of a plan. Its kind says what it does; its lock, whether it runs in a
// transaction and the rewrite and scan hazards come from the lock table for that kind on the
// plan's server version (step_kind.h), never from the statement's text.
struct Step {
    StepKind kind = StepKind::AlterObject;
    Category category = Category::Structural;
    Pass pass = Pass::Structural;
    QString sql; // one statement, no terminating semicolon
    bool transactional = true;
    Lock lock = Lock::None; // on `table`; None when the step locks no table that exists already
    QList<Hazard> hazards;
    catalog::QualifiedName table; // the table the lock is taken on (empty: none)
    QString summary;              // what runs: "validate constraint public.t.t_a_check"
    QString object;               // the object's display name
    QString blockedReason;        // Blocked: why
    QString guidance;             // Blocked or refused: what to do, copy-paste ready when possible
    QString losses;               // destructive steps: what would be lost
    catalog::QualifiedName index; // concurrent builds: the index built (retried, cleaned up)
    QList<int> after;             // steps that must have succeeded before this one runs
    bool joinsNext = false;       // online: commits in one transaction with the next step
    int change = -1;              // index of the change in the change set it comes from

    bool destructive() const { return hazards.contains(Hazard::DropsData); }
    // Holds no lock that blocks writers for longer than a catalog update.
    bool online() const;
    bool operator==(const Step&) const = default;
};

struct Plan {
    Mode mode = Mode::Online;
    int serverVersion = 0; // of the database the plan runs on (0: unknown, the newest rules)
    QList<Step> steps;

    bool isEmpty() const { return steps.isEmpty(); }
    qsizetype blockedCount() const;
    qsizetype destructiveCount() const;
    bool operator==(const Plan&) const = default;
};

// Turns a change set into steps. `from` and `to` are the catalogs the change set was computed
// from: the recipes need the table and index definitions. Pure, no database.
Plan makePlan(const catalog::Catalog& from, const catalog::Catalog& to,
              const diff::ChangeSet& changes, Mode mode);

// What a script or a run includes besides the steps that are always safe to run.
struct ScriptOptions {
    bool allowDestructive = false; // destructive steps are executable (else commented out)
    int lockTimeoutMs = 3000;      // SET lock_timeout before every step
    int statementTimeoutMs = 3000; // SET statement_timeout before every brief blocking step
};

// The plan as a SQL script for psql. Online: one statement per step, each preceded by the
// lock_timeout and statement_timeout it runs with and a comment with its label, lock and
// hazards; steps that join the next commit together in BEGIN ... COMMIT. Plain:
// non-transactional steps first, then one transaction. Blocked steps, and destructive ones
// unless allowed, are comments only, whose lines cannot end the comment early.
QString planScript(const Plan& plan, const ScriptOptions& options = {});

// The statement_timeout a step runs with, in ms. A step that holds a lock writers wait for is a
// catalog update: it may wait lock_timeout for its lock and then run briefly, so it gets
// lockTimeoutMs + briefMs (a lock wait ends on lock_timeout, never on statement_timeout).
// Steps that scan under a weak lock, or rewrite on purpose (a named hazard), get none (0).
int statementTimeoutFor(const Step& step, int lockTimeoutMs, int briefMs);

QString categoryName(Category category);
QString passName(Pass pass);
QString hazardName(Hazard hazard);
QString modeName(Mode mode);

// Everything the workbench needs to review a saved plan without a database.
QJsonObject toJson(const Plan& plan);
Result<Plan> planFromJson(const QJsonObject& object);

} // namespace plumb::plan
