#include "core/diff/differ.h"

#include "core/catalog/ddl.h"
#include "core/db/quote.h"
#include "core/diff/equivalent_texts.h"
#include "core/diff/table_swap.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace plumb::diff {

using namespace catalog;
using namespace detail;

namespace {

// The set-aside, copy and drop statements of a swapped table (work.swapped).
TableSwap swapOf(const Work& work, const ObjectKey& key)
{
    const QualifiedName name{key.schema, key.name};
    const Table& before = *work.from.table(name);
    // A parent set aside too takes its partitions with it.
    const bool detachFirst =
        before.partitionOf && !work.swapped.contains(relationKey(*before.partitionOf));
    return tableSwap(work.from, before, *work.to.table(name), detachFirst);
}

bool sameObject(const Entry& a, const Entry& b)
{
    return std::visit(
        [&](auto* left) {
            using Pointer = decltype(left);
            return *left == *std::get<Pointer>(b.ref);
        },
        a.ref);
}

// Where each object's statements start and end in a catalog's DDL order.
struct Positions {
    std::map<ObjectKey, int> first;
    std::map<ObjectKey, int> last;
};

Positions positionsOf(const QList<DdlStatement>& statements)
{
    Positions positions;
    for (int i = 0; i < statements.size(); ++i) {
        positions.first.try_emplace(statements[i].object, i);
        positions.last[statements[i].object] = i;
    }
    return positions;
}

// The objects of `catalog` whose keys are in `keys`, with what writing their DDL needs besides
// (the parents of tables, identity sequences, the indexes behind key constraints), and the
// dependencies among them.
Catalog subset(const Catalog& catalog, std::set<ObjectKey> keys)
{
    for (const Table& t : catalog.tables) {
        if (!keys.contains(keyOf(t)))
            continue;
        if (t.partitionOf)
            keys.insert(relationKey(*t.partitionOf));
        for (const QualifiedName& parent : t.inherits)
            keys.insert(relationKey(parent));
    }
    for (const Sequence& s : catalog.sequences)
        if (s.identity && s.ownedBy && keys.contains(relationKey(s.ownedBy->table)))
            keys.insert(keyOf(s));
    for (const Index& i : catalog.indexes)
        if (!i.constraintName.isEmpty() &&
            keys.contains(
                ObjectKey{NodeKind::Constraint, i.table.schema, i.table.name, i.constraintName}))
            keys.insert(keyOf(i));
    Catalog part;
    part.serverVersionNumber = catalog.serverVersionNumber;
    part.database = catalog.database;
    auto keep = [&](const auto& from, auto& to) {
        for (const auto& object : from)
            if (keys.contains(keyOf(object)))
                to.append(object);
    };
    keep(catalog.schemas, part.schemas);
    keep(catalog.extensions, part.extensions);
    keep(catalog.collations, part.collations);
    keep(catalog.enums, part.enums);
    keep(catalog.domains, part.domains);
    keep(catalog.composites, part.composites);
    keep(catalog.ranges, part.ranges);
    keep(catalog.sequences, part.sequences);
    keep(catalog.tables, part.tables);
    keep(catalog.views, part.views);
    keep(catalog.indexes, part.indexes);
    keep(catalog.constraints, part.constraints);
    keep(catalog.routines, part.routines);
    keep(catalog.operators, part.operators);
    keep(catalog.triggers, part.triggers);
    keep(catalog.eventTriggers, part.eventTriggers);
    keep(catalog.policies, part.policies);
    keep(catalog.publications, part.publications);
    for (const Dependency& d : catalog.dependencies)
        if (keys.contains(d.dependent) && keys.contains(d.referenced))
            part.dependencies.append(d);
    return part;
}

bool isEarlyDropType(ObjectType type)
{
    switch (type) {
    case ObjectType::Trigger:
    case ObjectType::Policy:
    case ObjectType::View:
    case ObjectType::MaterializedView:
    case ObjectType::Constraint:
    case ObjectType::Index:
    case ObjectType::EventTrigger:
    case ObjectType::Publication:
        return true;
    default:
        return false;
    }
}

std::optional<QualifiedName> owningTable(const Entry& entry)
{
    if (auto* i = std::get_if<const Index*>(&entry.ref))
        return (*i)->table;
    if (auto* c = std::get_if<const Constraint*>(&entry.ref))
        return (*c)->table;
    if (auto* t = std::get_if<const Trigger*>(&entry.ref))
        return (*t)->table;
    if (auto* p = std::get_if<const Policy*>(&entry.ref))
        return (*p)->table;
    return std::nullopt;
}

class Differ {
public:
    Differ(const Catalog& from, const Catalog& to, const DiffOptions& options)
        : m_from(from)
        , m_to(to)
        , m_options(options)
    {}

    ChangeSet run()
    {
        QList<Change> renames = applyRenames(m_from, m_to, m_options.renames);
        alignEquivalentTexts(m_from, m_to);
        Work work(m_from, m_to, m_options);
        classify(work);
        diffObjects(work);
        dropBeforeNamesAreReused(work);
        closeOverDependencies(work);
        keepSequencesOfRemadeTables(work);
        dropRoutinesWithTheirDependents(work);

        ChangeSet result;
        result.changes = renames;
        // Only the objects that are dropped need an order on the `from` side: writing the DDL
        // of the whole catalog is what would cost the most on large schemas.
        std::set<ObjectKey> dropKeys = work.dropped;
        dropKeys.insert(work.recreated.begin(), work.recreated.end());
        const QList<DdlStatement> fromDdl = ddlStatements(subset(m_from, dropKeys));
        const Positions fromPositions = positionsOf(fromDdl);
        emitDrops(work, fromPositions, DropStage::Dependents, result.changes);
        result.changes += inEarlyOrder(work.early);
        emitDrops(work, fromPositions, DropStage::Rebuilt, result.changes);
        emitCreates(work, result.changes);
        result.changes += work.handovers;
        result.changes += work.alterEnd;
        // Removed types, routines, tables and schemas go last: nothing left uses them, and
        // columns that did have moved off them by now.
        emitDrops(work, fromPositions, DropStage::Removed, result.changes);
        result.changes += work.final;
        return result;
    }

private:
    // The early table alters of all tables, in phases: first tables leave their old parents
    // (NO INHERIT, DETACH PARTITION: their inherited columns become their own), then columns
    // change (a default released here frees the sequence an old parent's column owns), then
    // columns are dropped, last the inherited columns that those drops leave to a child (a
    // parent's DROP COLUMN ONLY) or that come back through a parent. Table by table, a parent's
    // DROP COLUMN would take a child's inherited column the child keeps under its new parent.
    static QList<Change> inEarlyOrder(QList<Change> early)
    {
        auto phase = [](const Change& change) {
            if (change.type == ObjectType::Table && (change.attribute == Attribute::Inherits ||
                                                     change.attribute == Attribute::PartitionOf))
                return 0;
            if (change.action != Action::Drop || change.type != ObjectType::Column)
                return 1;
            return change.attribute == Attribute::Inherits ? 3 : 2;
        };
        std::stable_sort(early.begin(), early.end(),
                         [&](const Change& a, const Change& b) { return phase(a) < phase(b); });
        return early;
    }

    // OWNED BY needs the sequence and the table to have one owner: a sequence made by the plan
    // for a table that is already there is given the table's current owner first (a no-op when
    // the applying role owns the table; it would fail anyway when that role may not).
    QStringList withOwnerForOwnedBy(const Entry& entry, const QString& sql) const
    {
        const auto* sequence = std::get_if<const Sequence*>(&entry.ref);
        if (!sequence || !(*sequence)->ownedBy || !sql.contains(u" OWNED BY "_s))
            return {sql};
        const Table* table = m_from.table((*sequence)->ownedBy->table);
        if (!table || table->ownership.owner.isEmpty())
            return {sql};
        return {u"ALTER SEQUENCE "_s + q((*sequence)->name) + u" OWNER TO "_s +
                    ident(table->ownership.owner),
                sql};
    }

    // Whether table `child` stops inheriting from (or being a partition of) table `parent`: its
    // early alters detach it before the parent goes, so it need not be built again.
    static bool leavesParent(const Work& work, const ObjectKey& child, const ObjectKey& parent)
    {
        const auto* from = std::get_if<const Table*>(&work.fromObjects.at(child).ref);
        const auto to = work.toObjects.find(child);
        if (!from || to == work.toObjects.end())
            return false;
        const auto* target = std::get_if<const Table*>(&to->second.ref);
        if (!target)
            return false;
        auto isParent = [&](const QualifiedName& name) { return relationKey(name) == parent; };
        const bool wasChild = std::ranges::any_of((*from)->inherits, isParent) ||
                              ((*from)->partitionOf && isParent(*(*from)->partitionOf));
        const bool staysChild = std::ranges::any_of((*target)->inherits, isParent) ||
                                ((*target)->partitionOf && isParent(*(*target)->partitionOf));
        return wasChild && !staysChild;
    }

    // One merge pass over the two indexes, which are sorted by key alike.
    void classify(Work& work)
    {
        auto from = work.fromObjects.begin();
        auto to = work.toObjects.begin();
        while (from != work.fromObjects.end() || to != work.toObjects.end()) {
            if (to == work.toObjects.end() ||
                (from != work.fromObjects.end() && from->first < to->first)) {
                work.dropped.insert(work.dropped.end(), from->first);
                ++from;
            } else if (from == work.fromObjects.end() || to->first < from->first) {
                work.created.insert(work.created.end(), to->first);
                ++to;
            } else {
                ++from;
                ++to;
            }
        }
    }

    // Objects that depend on something dropped or rebuilt are rebuilt too (pg_depend edges of
    // `from`); a table is never rebuilt for a dependency except under a rebuilt parent table.
    void closeOverDependencies(Work& work)
    {
        // Nothing dropped, rebuilt or retyped (a no-op diff): no dependent to find, and the
        // maps below would cost more than the rest of the comparison.
        if (work.dropped.empty() && work.recreated.empty() && work.retypedTables.empty())
            return;
        std::map<ObjectKey, QList<ObjectKey>> dependents;
        for (const Dependency& d : m_from.dependencies)
            dependents[d.referenced].append(d.dependent);
        std::map<ObjectKey, ObjectKey> indexToConstraint;
        std::map<ObjectKey, ObjectKey> constraintToIndex;
        for (const Index& i : m_from.indexes)
            if (!i.constraintName.isEmpty()) {
                const ObjectKey constraint{NodeKind::Constraint, i.table.schema, i.table.name,
                                           i.constraintName};
                indexToConstraint.emplace(keyOf(i), constraint);
                constraintToIndex.emplace(constraint, keyOf(i));
            }

        QList<ObjectKey> frontier(work.dropped.begin(), work.dropped.end());
        frontier += QList<ObjectKey>(work.recreated.begin(), work.recreated.end());
        auto typeOf = [&](const ObjectKey& key) { return work.fromObjects.at(key).type; };
        auto rebuild = [&](ObjectKey key, const ObjectKey& because) {
            if (auto alias = indexToConstraint.find(key); alias != indexToConstraint.end())
                key = alias->second;
            if (work.dropped.contains(key) && !work.dropFirst.contains(key) &&
                work.fromObjects.contains(because) &&
                (isEarlyDropType(typeOf(because)) || work.dropFirst.contains(because))) {
                work.dropFirst.insert(key);
                frontier.append(key);
                return;
            }
            if (!work.fromObjects.contains(key) || !work.toObjects.contains(key) ||
                work.recreated.contains(key))
                return;
            const ObjectType type = typeOf(key);
            const ObjectType cause =
                work.fromObjects.contains(because) ? typeOf(because) : ObjectType::Table;
            if (type == ObjectType::Schema || type == ObjectType::Extension)
                return;
            if (type == ObjectType::Table || type == ObjectType::Sequence ||
                type == ObjectType::Enum || type == ObjectType::Domain ||
                type == ObjectType::Composite || type == ObjectType::Range ||
                type == ObjectType::Collation) {
                if (type == ObjectType::Table && cause == ObjectType::Routine)
                    resetDefaults(work, key, because);
                if (!(type == ObjectType::Table && cause == ObjectType::Table))
                    return;
                if (leavesParent(work, key, because))
                    return; // NO INHERIT / DETACH runs first: the child keeps its rows
            }
            work.recreated.insert(key);
            work.forDependency.insert(key);
            frontier.append(key);
        };
        for (const ObjectKey& table : work.retypedTables)
            for (const ObjectKey& dependent : dependents[table]) {
                if (!work.fromObjects.contains(dependent))
                    continue;
                const ObjectType type = typeOf(dependent);
                if (type == ObjectType::View || type == ObjectType::MaterializedView ||
                    type == ObjectType::Policy || type == ObjectType::Trigger)
                    rebuild(dependent, table);
            }
        while (!frontier.isEmpty()) {
            const ObjectKey key = frontier.takeLast();
            QList<ObjectKey> next = dependents[key];
            if (auto index = constraintToIndex.find(key); index != constraintToIndex.end())
                next += dependents[index->second];
            for (const ObjectKey& dependent : next)
                rebuild(dependent, key);
        }
    }

    // A routine used by a column default is rebuilt: the default goes before, comes back after.
    void resetDefaults(Work& work, const ObjectKey& tableKey, const ObjectKey& routineKey)
    {
        const auto* fromTable = std::get<const Table*>(work.fromObjects.at(tableKey).ref);
        const auto* toTable = std::get<const Table*>(work.toObjects.at(tableKey).ref);
        const QString routineName = routineKey.name.left(routineKey.name.indexOf(u'('));
        for (const Column& c : fromTable->columns) {
            const Column* target = toTable->column(c.name);
            if (!target || c.defaultExpr.isEmpty() || !c.defaultExpr.contains(routineName) ||
                c.defaultExpr != target->defaultExpr)
                continue;
            const QString alter =
                u"ALTER TABLE "_s + q(toTable->name) + u" ALTER COLUMN "_s + ident(c.name);
            Change drop = makeChange(Action::Alter, ObjectType::Column, tableKey,
                                     {alter + u" DROP DEFAULT"_s});
            drop.column = c.name;
            drop.attribute = Attribute::Default;
            drop.before = c.defaultExpr;
            drop.forDependency = true;
            work.early.append(drop);
            Change set = drop;
            set.sql = {alter + u" SET DEFAULT "_s + c.defaultExpr};
            set.before.clear();
            set.after = c.defaultExpr;
            work.alter(tableKey, set);
        }
    }

    enum class DropStage { Dependents, Rebuilt, Removed };

    void emitDrops(const Work& work, const Positions& positions, DropStage stage,
                   QList<Change>& out)
    {
        QList<std::pair<int, ObjectKey>> order;
        auto consider = [&](const ObjectKey& key) {
            auto found = work.fromObjects.find(key);
            if (found == work.fromObjects.end())
                return;
            const Entry& entry = found->second;
            const bool dependent = isEarlyDropType(entry.type) || work.dropFirst.contains(key);
            const bool removed = work.dropped.contains(key);
            if ((stage == DropStage::Dependents) != dependent)
                return;
            if (!dependent && (stage == DropStage::Removed) != removed)
                return;
            // Foreign keys go on their own: they may hold up a key of another table.
            auto* constraint = std::get_if<const Constraint*>(&entry.ref);
            const bool foreignKey = constraint && (*constraint)->kind == ConstraintKind::ForeignKey;
            if (auto table = owningTable(entry); table && !foreignKey) {
                const ObjectKey tableKey{NodeKind::Relation, table->schema, table->name, {}};
                if (work.dropped.contains(tableKey) || work.recreated.contains(tableKey))
                    return;
            }
            // A partition goes with its partitioned table (DROP TABLE takes the partitions).
            if (auto* table = std::get_if<const Table*>(&entry.ref); table && (*table)->partitionOf)
                if (work.dropped.contains(relationKey(*(*table)->partitionOf)) ||
                    work.recreated.contains(relationKey(*(*table)->partitionOf)))
                    return;
            if (auto* index = std::get_if<const Index*>(&entry.ref); index && (*index)->parentIndex)
                if (work.dropped.contains(relationKey(*(*index)->parentIndex)) ||
                    work.recreated.contains(relationKey(*(*index)->parentIndex)))
                    return;
            if (auto* s = std::get_if<const Sequence*>(&entry.ref); s && (*s)->ownedBy) {
                const QualifiedName& owner = (*s)->ownedBy->table;
                const ObjectKey tableKey{NodeKind::Relation, owner.schema, owner.name, {}};
                if (work.dropped.contains(tableKey) || work.recreated.contains(tableKey) ||
                    work.droppedColumns.contains({tableKey, (*s)->ownedBy->column}))
                    return;
            }
            auto position = positions.first.find(key);
            order.append({position == positions.first.end() ? -1 : position->second, key});
        };
        for (const ObjectKey& key : work.dropped)
            consider(key);
        for (const ObjectKey& key : work.recreated)
            consider(key);
        std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
            return a.first != b.first ? a.first > b.first : a.second < b.second;
        });
        for (const auto& [position, key] : order) {
            const Entry& entry = work.fromObjects.at(key);
            if (work.swapped.contains(key)) {
                Change setAside =
                    makeChange(Action::Alter, ObjectType::Table, key, swapOf(work, key).setAside);
                setAside.attribute = Attribute::SetAside;
                out.append(setAside);
                continue;
            }
            QStringList sql = dropStatements(m_from, entry);
            if (sql.isEmpty())
                continue;
            Change change = makeChange(Action::Drop, entry.type, key, sql);
            change.forDependency = work.forDependency.contains(key);
            change.destroysData =
                entry.type == ObjectType::Table || entry.type == ObjectType::MaterializedView;
            if (entry.type == ObjectType::MaterializedView)
                change.destroysData = false; // derived data: refreshed from its query
            out.append(change);
        }
    }

    void emitCreates(Work& work, QList<Change>& out)
    {
        // The created objects, and the altered ones as anchors for their alters.
        std::set<ObjectKey> keys = work.created;
        keys.insert(work.recreated.begin(), work.recreated.end());
        for (const auto& [key, changes] : work.alterFirst)
            keys.insert(key);
        for (const auto& [key, changes] : work.alterLast)
            keys.insert(key);
        const QList<DdlStatement> toDdl = ddlStatements(subset(m_to, keys));
        const Positions positions = positionsOf(toDdl);
        // A swapped table's rows are copied once it and every partition it has in `to` exist,
        // before anything else (indexes, keys, foreign keys that point at it) is made on it.
        std::map<int, QList<ObjectKey>> copyAfter;
        for (const ObjectKey& key : work.swapped) {
            int last = positions.last.at(key);
            for (const Table& table : m_to.tables)
                for (auto parent = table.partitionOf; parent;) {
                    if (relationKey(*parent) == key) {
                        if (auto found = positions.last.find(keyOf(table));
                            found != positions.last.end())
                            last = std::max(last, found->second);
                        break;
                    }
                    const Table* up = m_to.table(*parent);
                    parent = up ? up->partitionOf : std::nullopt;
                }
            copyAfter[last].append(key);
        }
        std::set<ObjectKey> placed;
        ObjectKey previous;
        bool previousOpen = false;
        for (int i = 0; i < toDdl.size(); ++i) {
            const ObjectKey& key = toDdl[i].object;
            if (positions.first.at(key) == i) {
                if (auto it = work.alterFirst.find(key); it != work.alterFirst.end()) {
                    out += it->second;
                    placed.insert(key);
                    previousOpen = false;
                }
            }
            if ((work.created.contains(key) || work.recreated.contains(key)) &&
                work.toObjects.contains(key)) {
                if (previousOpen && previous == key) {
                    out.last().sql.append(toDdl[i].sql);
                } else {
                    const Entry& entry = work.toObjects.at(key);
                    Change change = makeChange(Action::Create, entry.type, key,
                                               withOwnerForOwnedBy(entry, toDdl[i].sql));
                    if (positions.first.at(key) != i)
                        change.attribute = Attribute::Deferred;
                    change.forDependency = work.forDependency.contains(key);
                    out.append(change);
                    previous = key;
                    previousOpen = true;
                }
            } else {
                previousOpen = false;
            }
            if (positions.last.at(key) == i) {
                if (auto it = work.alterLast.find(key); it != work.alterLast.end()) {
                    out += it->second;
                    previousOpen = false;
                }
            }
            if (auto copies = copyAfter.find(i); copies != copyAfter.end()) {
                for (const ObjectKey& swapped : copies->second) {
                    const TableSwap swap = swapOf(work, swapped);
                    for (auto [attribute, sql] :
                         {std::pair(Attribute::CopyRows, swap.copyRows),
                          std::pair(Attribute::DropSetAside, swap.dropSetAside)}) {
                        if (sql.isEmpty())
                            continue;
                        Change change = makeChange(Action::Alter, ObjectType::Table, swapped, sql);
                        change.attribute = attribute;
                        out.append(change);
                    }
                }
                previousOpen = false;
            }
        }
        for (const auto& [key, changes] : work.alterFirst)
            if (!placed.contains(key) && !positions.first.contains(key))
                out += changes;
        for (const auto& [key, changes] : work.alterLast)
            if (!positions.last.contains(key))
                out += changes;
    }

    Catalog m_from; // a copy: renames are applied to it
    const Catalog& m_to;
    const DiffOptions& m_options;
};

} // namespace

namespace detail {

bool sameEntry(const Entry& a, const Entry& b)
{
    return a.type == b.type && a.ref.index() == b.ref.index() && sameObject(a, b);
}

} // namespace detail

ChangeSet compare(const Catalog& from, const Catalog& to, const DiffOptions& options)
{
    return Differ(from, to, options).run();
}

} // namespace plumb::diff
