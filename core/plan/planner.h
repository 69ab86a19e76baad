#pragma once

#include "core/plan/catalog_lookup.h"
#include "core/plan/plan.h"

#include <map>
#include <set>

// Internal to core/plan: the state of one makePlan() run. planner.cpp turns changes into steps
// (the change set's own statements, typed by what the change is); recipes.cpp holds the online
// recipes for indexes, constraints and NOT NULL, which compose their statements from the
// catalogs' typed objects.
namespace plumb::plan::detail {

using catalog::Catalog;
using catalog::ObjectKey;
using catalog::QualifiedName;

// Why a change's steps are blocked or destructive, decided once per change.
struct Decision {
    Category category = Category::Structural;
    QString reason;   // Blocked
    QString guidance; // Blocked: the recipe
    QString losses;   // destructive: what would be lost
};

class Planner {
public:
    Planner(const Catalog& from, const Catalog& to, const diff::ChangeSet& changes, Mode mode);
    Plan run();

private:
    // planner_decisions.cpp: what a change is, before its steps are written
    Decision decide(const diff::Change& change) const;
    StepKind kindOf(const diff::Change& change) const;

    // planner.cpp
    void planChange(const diff::Change& change);
    QualifiedName tableOf(const diff::Change& change) const;
    void addChangeStatements(const diff::Change& change, Pass pass, const Decision& decision);
    bool onExistingTable(const QualifiedName& table) const;
    bool isNewTable(const QualifiedName& table) const;
    bool usesNotNullRecipe(const diff::Change& change) const;

    // One step of the current change. Its lock, transaction rule and hazards come from the
    // lock table for `kind`; `table` is the table the lock is on (empty: none).
    Step make(StepKind kind, const QString& sql, Pass pass, Category category,
              const QualifiedName& table, const QString& object) const;
    // Adds `step` and returns its id, which later steps list in Step::after.
    int add(Step step);
    int add(Step step, const Decision& decision);

    // recipes.cpp
    void planIndex(const diff::Change& change, const Decision& decision);
    void planConstraint(const diff::Change& change, const Decision& decision);
    void planNotNull(const diff::Change& change);
    // Rebuilds an index under its own name: built beside it, names swapped, old one dropped.
    void rebuildIndex(const catalog::Index& current, const catalog::Index& target,
                      const Decision& decision);
    // The steps that make `columns` NOT NULL without a scan under ACCESS EXCLUSIVE; returns the
    // ids of the steps that set them.
    QList<int> notNullRecipe(const QualifiedName& table, const QStringList& columns, Pass addPass,
                             QList<int> after);
    void findAdoptableIndexes();
    // recipes_backfill.cpp: a lossless column type change without the rewrite under ACCESS
    // EXCLUSIVE; false when it does not apply (then ALTER COLUMN TYPE runs).
    bool planBackfill(const diff::Change& change, const Decision& decision);
    // Whether the backfill recipe applies to a type change, and the indexes it builds again.
    bool backfillApplies(const diff::Change& change, QList<const catalog::Index*>* indexes) const;

    const catalog::Index* fromIndex(const QualifiedName& name) const;
    const catalog::Index* toIndex(const QualifiedName& name) const;
    const catalog::Constraint* fromConstraint(const ObjectKey& key) const;
    const catalog::Constraint* toConstraint(const ObjectKey& key) const;
    const catalog::Index* constraintIndex(const catalog::Constraint& constraint) const;

    const Catalog& m_from;
    const Catalog& m_to;
    const CatalogLookup m_fromLookup;
    const CatalogLookup m_toLookup;
    const diff::ChangeSet& m_changes;
    Mode m_mode;
    int m_serverVersion = 0;
    QList<Step> m_steps;
    Pass m_pass = Pass::Prepare;
    int m_change = 0;

    std::set<ObjectKey> m_newTables;
    std::set<ObjectKey> m_reshapedTables;
    std::set<std::pair<ObjectKey, QString>> m_identityColumns;
    std::set<ObjectKey> m_droppedKeys;
    std::set<ObjectKey> m_rebuiltKeys;
    std::set<ObjectKey> m_rebuiltEnums;   // enums whose labels are removed or reordered
    std::map<ObjectKey, int> m_copySteps; // a swapped table's last copy step (CopyRows)
    // Key constraints to create (key) that take over an index of `from` (its name) instead of
    // building one; that index's drop is left out.
    std::map<ObjectKey, QString> m_adoptions;
    std::set<QualifiedName> m_adoptedIndexes;
    // Columns whose type change is backfilled: their old default stays until the swap.
    std::set<std::pair<ObjectKey, QString>> m_backfilled;
    // Checks a NOT NULL recipe adds and drops itself (a leftover of an earlier run included).
    std::set<ObjectKey> m_recipeChecks;
    // (table, column) -> the step that makes the column NOT NULL, for steps that need it.
    std::map<std::pair<QualifiedName, QString>, int> m_notNullSteps;
};

// The table or other object a key names, as a qualified name.
inline QualifiedName nameOf(const ObjectKey& key)
{
    return {key.schema, key.name};
}

// The object of a change for messages: "schema.table" or "schema.table.column".
inline QString columnDisplay(const diff::Change& change)
{
    return change.object.display() + (change.column.isEmpty() ? QString() : u'.' + change.column);
}

// `name` with a suffix, within PostgreSQL's 63-byte identifiers.
QString withSuffix(const QString& name, const QString& suffix);
// The check the NOT NULL recipe adds for `column`.
QString notNullCheckName(const QString& column);
// Two indexes that would be built alike, whatever their names.
bool sameBuild(const catalog::Index& a, const catalog::Index& b);

} // namespace plumb::plan::detail
