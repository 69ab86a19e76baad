#pragma once

#include "core/catalog/catalog.h"
#include "core/diff/change_set.h"
#include "core/error.h"

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

// The strongest table lock a step takes (PostgreSQL's lock modes, weakest first).
enum class Lock {
    None,
    AccessShare,
    ShareUpdateExclusive,
    Share,
    ShareRowExclusive,
    AccessExclusive,
};

enum class Hazard {
    RewritesTable,         // the whole table (and its indexes) are written again
    BlocksWrites,          // INSERT/UPDATE/DELETE wait for the step
    BlocksReads,           // even SELECT waits for the step
    FullScan,              // reads every row
    DropsData,             // rows or column values are lost
    MayFailOnExistingRows, // existing rows may violate what is added
    InvalidIndexOnFailure, // a failed concurrent build leaves an INVALID index to drop
};

enum class Mode {
    Online, // the convergence recipes, one step per statement, each committed on its own
    Plain,  // the change set's statements as they are, in one transaction where possible
};

struct Step {
    Category category = Category::Structural;
    Pass pass = Pass::Structural;
    QString sql; // one statement, no terminating semicolon
    bool transactional = true;
    Lock lock = Lock::None;
    QList<Hazard> hazards;
    QString summary;       // "create index public.t_a_idx", for lists
    QString object;        // the object's display name
    QString blockedReason; // Blocked: why
    QString guidance;      // Blocked or refused: what to do, copy-paste ready when possible
    int change = -1;       // index of the change in the change set it comes from

    bool operator==(const Step&) const = default;
};

struct Plan {
    Mode mode = Mode::Online;
    QList<Step> steps;

    bool isEmpty() const { return steps.isEmpty(); }
    qsizetype blockedCount() const;
    bool operator==(const Plan&) const = default;
};

// Turns a change set into steps. `from` and `to` are the catalogs the change set was computed
// from: the recipes need the table and index definitions. Pure, no database.
Plan makePlan(const catalog::Catalog& from, const catalog::Catalog& to,
              const diff::ChangeSet& changes, Mode mode);

// The plan as a SQL script: online, one statement per step with its pass, lock and hazards in a
// comment (blocked steps marked); plain, non-transactional steps first, then one transaction.
QString planScript(const Plan& plan);

QString categoryName(Category category);
QString passName(Pass pass);
QString lockName(Lock lock); // "ACCESS EXCLUSIVE"
QString hazardName(Hazard hazard);
QString modeName(Mode mode);

// Everything the workbench needs to review a saved plan without a database.
QJsonObject toJson(const Plan& plan);
Result<Plan> planFromJson(const QJsonObject& object);

} // namespace plumb::plan
