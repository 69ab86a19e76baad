#pragma once

#include "core/diff/change_set.h"

#include <set>
#include <variant>

// Internal to core/diff: the shared state of one compare() run.
namespace plumb::diff::detail {

using catalog::ObjectKey;

using ObjectRef =
    std::variant<const catalog::Schema*, const catalog::Extension*, const catalog::Collation*,
                 const catalog::EnumType*, const catalog::Domain*, const catalog::CompositeType*,
                 const catalog::RangeType*, const catalog::Sequence*, const catalog::Table*,
                 const catalog::View*, const catalog::Index*, const catalog::Constraint*,
                 const catalog::Routine*, const catalog::Trigger*, const catalog::EventTrigger*,
                 const catalog::Policy*, const catalog::Publication*, const catalog::Operator*>;

struct Entry {
    ObjectType type = ObjectType::Table;
    ObjectRef ref;
};

using ObjectIndex = std::map<ObjectKey, Entry>;
ObjectIndex indexObjects(const catalog::Catalog& catalog);

// What compare() has decided so far. Alters are placed relative to the object's statements in
// the DDL order of `to`: tables alter where they would be created (after the types, sequences and
// routines they use, before their indexes), sequences after their last statement (OWNED BY).
struct Work {
    Work(const catalog::Catalog& fromCatalog, const catalog::Catalog& toCatalog,
         const DiffOptions& diffOptions)
        : from(fromCatalog)
        , to(toCatalog)
        , options(diffOptions)
        , fromObjects(indexObjects(fromCatalog))
        , toObjects(indexObjects(toCatalog))
    {}

    const catalog::Catalog& from; // with the rename hints and detected renames applied
    const catalog::Catalog& to;
    const DiffOptions& options;
    ObjectIndex fromObjects;
    ObjectIndex toObjects;

    std::set<ObjectKey> dropped;   // in `from` only
    std::set<ObjectKey> created;   // in `to` only
    std::set<ObjectKey> recreated; // in both, dropped and created again
    // Recreated tables whose rows are kept: set aside, made again, copied (table_swap.h).
    std::set<ObjectKey> swapped;
    std::set<ObjectKey> forDependency;
    // Removed objects that depend on something dropped early: they go in the first stage too.
    std::set<ObjectKey> dropFirst;
    // Tables whose column types change: views, policies and triggers on them must be rebuilt.
    std::set<ObjectKey> retypedTables;
    std::set<std::pair<ObjectKey, QString>> droppedColumns; // (table, column)
    QList<Change> early; // table alters that must run before objects are dropped
    std::map<ObjectKey, QList<Change>> alterFirst;
    std::map<ObjectKey, QList<Change>> alterLast;
    // Tables that move inherited columns from a parent they leave to one they join, after
    // every object is made (handsOverColumns), and then the old parents' drops of those columns.
    QList<Change> handovers;
    QList<Change> alterEnd; // alters of objects `to` writes no statement for
    QList<Change> final;    // after everything, removed objects included

    void alter(const ObjectKey& key, Change change, bool last = false)
    {
        (last ? alterLast : alterFirst)[key].append(std::move(change));
    }
};

// Applies the rename hints and the renames recognised by structure (indexes and constraints,
// one-to-one only) to `from`, and returns the statements that make them.
QList<Change> applyRenames(catalog::Catalog& from, const catalog::Catalog& to,
                           const RenameHints& hints);

// Moves the drop of an object whose name (or whose table's index or sequence name) an object of
// another kind takes up to the first stage.
void dropBeforeNamesAreReused(Work& work);
// Sequences owned by a table that is dropped and made again are released first and owned again
// after (DROP TABLE would take them).
void keepSequencesOfRemadeTables(Work& work);
// A removed routine whose every user is dropped early to be made again goes with them.
void dropRoutinesWithTheirDependents(Work& work);

// Compares every object present on both sides and records alters or rebuilds.
void diffObjects(Work& work);
void alterTable(Work& work, const catalog::Table& from, const catalog::Table& to);
// What becomes of a column that a child table only inherits (never declared) when its parents
// change: still inherited, the child's own (its parent dropped it with ONLY, or the child left
// every parent that supplied it: it keeps its values), or dropped with the parent's column.
enum class InheritedColumn { StaysInherited, BecomesOwn, GoesWithParent };
InheritedColumn inheritedColumnFate(const Work& work, const catalog::Table& child,
                                    const QString& column);
// Whether `parent` drops its own `column` with ALTER TABLE ONLY: a child that keeps the column
// in `to` as its own keeps it, values included (a plain DROP COLUMN would take the child's
// column with it). Not when another child must keep it inherited from a second parent.
bool dropsOnlyFromParent(const Work& work, const catalog::Table& parent, const QString& column);
// Whether `child` hands the columns it inherits from `oldParent`, a parent it leaves, over to a
// parent it joins. Leaving first (NO INHERIT) would make them its own, and no ALTER makes a
// column inherited-only again; so the child joins first and leaves after, once every object is
// made. Only where the old parent's changes meanwhile cannot reach the child in a way that
// stays: its kept columns and checks unchanged (columns it adds are dropped from the child after).
bool handsOverColumns(const Work& work, const catalog::Table& child,
                      const catalog::QualifiedName& oldParent);
// Whether `parent`'s drop of `column` waits for a child that hands it over to join its new
// parent: dropped before, it would take the child's column and its values.
bool dropWaitsForHandover(const Work& work, const catalog::Table& parent, const QString& column);
// Adds enum labels in place, or rebuilds the type when labels go or move (returns true then).
bool alterEnumLabels(Work& work, const catalog::EnumType& from, const catalog::EnumType& to);
bool sameEntry(const Entry& a, const Entry& b);

// The statement that drops an object of `from`, or nothing when it goes with its owner
// (constraint-backed indexes, cloned partition constraints, identity sequences).
QStringList dropStatements(const catalog::Catalog& from, const Entry& entry);

QString q(const catalog::QualifiedName& name);
ObjectKey relationKey(const catalog::QualifiedName& name);
QString ident(QStringView name);
QString commentSql(const QString& what, const QString& comment);
Change makeChange(Action action, ObjectType type, const ObjectKey& key, QStringList sql);

} // namespace plumb::diff::detail
