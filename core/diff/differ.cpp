#include "core/diff/differ.h"

#include "core/catalog/ddl.h"
#include "core/db/quote.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace plumb::diff {

using namespace catalog;
using namespace detail;

namespace {

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

void renameKey(Catalog& catalog, const ObjectKey& from, const ObjectKey& to)
{
    for (Dependency& d : catalog.dependencies) {
        if (d.dependent == from)
            d.dependent = to;
        if (d.referenced == from)
            d.referenced = to;
    }
}

// "CREATE INDEX name ON ..." with the name taken out, so renamed indexes compare equal.
QString anonymousIndexDefinition(const Index& index)
{
    QString definition = index.definition;
    const QString needle = u' ' + ident(index.name.name) + u" ON "_s;
    const qsizetype at = definition.indexOf(needle);
    if (at >= 0)
        definition.replace(at, needle.size(), u" \x01 ON "_s);
    return definition;
}

Change renameChange(ObjectType type, const ObjectKey& key, const QString& before,
                    const QString& after, QStringList sql)
{
    Change change = makeChange(Action::Rename, type, key, std::move(sql));
    change.before = before;
    change.after = after;
    return change;
}

class Renamer {
public:
    Renamer(Catalog& from, const Catalog& to, const RenameHints& hints)
        : m_from(from)
        , m_to(to)
        , m_hints(hints)
    {}

    QList<Change> run()
    {
        renameTables();
        renameColumns();
        renameIndexes();
        renameConstraints();
        return m_changes;
    }

private:
    void renameTables()
    {
        for (const auto& [oldName, newName] : m_hints.tables) {
            Table* table = nullptr;
            for (Table& t : m_from.tables)
                if (t.name == oldName)
                    table = &t;
            if (!table || !m_to.table(newName) || m_from.table(newName))
                continue;
            QStringList sql;
            QualifiedName current = oldName;
            if (oldName.schema != newName.schema) {
                sql.append(u"ALTER TABLE "_s + q(current) + u" SET SCHEMA "_s +
                           ident(newName.schema));
                current.schema = newName.schema;
            }
            if (oldName.name != newName.name)
                sql.append(u"ALTER TABLE "_s + q(current) + u" RENAME TO "_s + ident(newName.name));
            const ObjectKey newKey{NodeKind::Relation, newName.schema, newName.name, {}};
            m_changes.append(
                renameChange(ObjectType::Table, newKey, oldName.display(), newName.display(), sql));
            const QString oldSql = q(oldName);
            const QString newSql = q(newName);
            table->name = newName;
            renameKey(m_from, relationKey(oldName), newKey);
            for (Index& i : m_from.indexes)
                if (i.table == oldName) {
                    i.table = newName;
                    i.definition.replace(u" ON "_s + oldSql + u' ', u" ON "_s + newSql + u' ');
                }
            for (Constraint& c : m_from.constraints) {
                if (c.table == oldName) {
                    renameKey(
                        m_from, keyOf(c),
                        ObjectKey{NodeKind::Constraint, newName.schema, newName.name, c.name});
                    c.table = newName;
                }
                if (c.referencedTable == oldName) {
                    c.referencedTable = newName;
                    c.definition.replace(u"REFERENCES "_s + oldSql + u'(',
                                         u"REFERENCES "_s + newSql + u'(');
                }
            }
            for (Trigger& t : m_from.triggers)
                if (t.table == oldName) {
                    renameKey(m_from, keyOf(t),
                              ObjectKey{NodeKind::Trigger, newName.schema, newName.name, t.name});
                    t.table = newName;
                    t.definition.replace(u" ON "_s + oldSql + u' ', u" ON "_s + newSql + u' ');
                }
            for (Policy& p : m_from.policies)
                if (p.table == oldName) {
                    renameKey(m_from, keyOf(p),
                              ObjectKey{NodeKind::Policy, newName.schema, newName.name, p.name});
                    p.table = newName;
                }
            for (Sequence& s : m_from.sequences)
                if (s.ownedBy && s.ownedBy->table == oldName)
                    s.ownedBy->table = newName;
        }
        normalize(m_from);
    }

    void renameColumns()
    {
        for (const auto& [where, newColumn] : m_hints.columns) {
            const auto& [tableName, oldColumn] = where;
            Table* table = nullptr;
            for (Table& t : m_from.tables)
                if (t.name == tableName)
                    table = &t;
            const Table* target = m_to.table(tableName);
            if (!table || !target || !table->column(oldColumn) || table->column(newColumn) ||
                !target->column(newColumn))
                continue;
            for (Column& c : table->columns)
                if (c.name == oldColumn)
                    c.name = newColumn;
            for (Sequence& s : m_from.sequences)
                if (s.ownedBy && s.ownedBy->table == tableName && s.ownedBy->column == oldColumn)
                    s.ownedBy->column = newColumn;
            Change change = renameChange(ObjectType::Column, keyOf(*table), oldColumn, newColumn,
                                         {u"ALTER TABLE "_s + q(tableName) + u" RENAME COLUMN "_s +
                                          ident(oldColumn) + u" TO "_s + ident(newColumn)});
            change.column = newColumn;
            m_changes.append(change);
        }
    }

    // One-to-one only: an index that could be either of two others is dropped and created.
    void renameIndexes()
    {
        std::map<std::pair<QualifiedName, QString>, QList<int>> fromOnly;
        std::map<std::pair<QualifiedName, QString>, QList<int>> toOnly;
        std::set<QualifiedName> toNames;
        std::set<QualifiedName> fromNames;
        for (const Index& i : m_to.indexes)
            toNames.insert(i.name);
        for (const Index& i : m_from.indexes)
            fromNames.insert(i.name);
        for (int n = 0; n < m_from.indexes.size(); ++n) {
            const Index& i = m_from.indexes[n];
            if (i.constraintName.isEmpty() && !i.parentIndex && !toNames.contains(i.name))
                fromOnly[{i.table, anonymousIndexDefinition(i)}].append(n);
        }
        for (int n = 0; n < m_to.indexes.size(); ++n) {
            const Index& i = m_to.indexes[n];
            if (i.constraintName.isEmpty() && !i.parentIndex && !fromNames.contains(i.name))
                toOnly[{i.table, anonymousIndexDefinition(i)}].append(n);
        }
        bool any = false;
        for (const auto& [shape, fromList] : fromOnly) {
            auto match = toOnly.find(shape);
            if (fromList.size() != 1 || match == toOnly.end() || match->second.size() != 1)
                continue;
            Index& index = m_from.indexes[fromList.front()];
            const Index& target = m_to.indexes[match->second.front()];
            m_changes.append(renameChange(
                ObjectType::Index, keyOf(target), index.name.name, target.name.name,
                {u"ALTER INDEX "_s + q(index.name) + u" RENAME TO "_s + ident(target.name.name)}));
            renameKey(m_from, keyOf(index), keyOf(target));
            index.definition = target.definition;
            index.name = target.name;
            any = true;
        }
        if (any)
            normalize(m_from);
    }

    void renameConstraints()
    {
        using Shape = std::tuple<QualifiedName, int, QString>;
        std::map<Shape, QList<int>> fromOnly;
        std::map<Shape, QList<int>> toOnly;
        std::set<ObjectKey> toKeys;
        std::set<ObjectKey> fromKeys;
        for (const Constraint& c : m_to.constraints)
            toKeys.insert(keyOf(c));
        for (const Constraint& c : m_from.constraints)
            fromKeys.insert(keyOf(c));
        auto eligible = [](const Constraint& c) { return c.isLocal && !c.fromParent; };
        for (int n = 0; n < m_from.constraints.size(); ++n) {
            const Constraint& c = m_from.constraints[n];
            if (eligible(c) && !toKeys.contains(keyOf(c)))
                fromOnly[{c.table, int(c.kind), c.definition}].append(n);
        }
        for (int n = 0; n < m_to.constraints.size(); ++n) {
            const Constraint& c = m_to.constraints[n];
            if (eligible(c) && !fromKeys.contains(keyOf(c)))
                toOnly[{c.table, int(c.kind), c.definition}].append(n);
        }
        bool any = false;
        for (const auto& [shape, fromList] : fromOnly) {
            auto match = toOnly.find(shape);
            if (fromList.size() != 1 || match == toOnly.end() || match->second.size() != 1)
                continue;
            Constraint& constraint = m_from.constraints[fromList.front()];
            const Constraint& target = m_to.constraints[match->second.front()];
            m_changes.append(
                renameChange(ObjectType::Constraint, keyOf(target), constraint.name, target.name,
                             {u"ALTER TABLE "_s + q(constraint.table) + u" RENAME CONSTRAINT "_s +
                              ident(constraint.name) + u" TO "_s + ident(target.name)}));
            // The server renames a constraint's index along with it when they share the name.
            for (Index& index : m_from.indexes) {
                if (index.table != constraint.table || index.constraintName != constraint.name)
                    continue;
                index.constraintName = target.name;
                if (index.name.name == constraint.name) {
                    const QualifiedName newName{index.name.schema, target.name};
                    renameKey(m_from, keyOf(index), relationKey(newName));
                    index.definition.replace(u' ' + ident(constraint.name) + u" ON "_s,
                                             u' ' + ident(target.name) + u" ON "_s);
                    index.name = newName;
                }
            }
            renameKey(m_from, keyOf(constraint), keyOf(target));
            constraint.name = target.name;
            constraint.index = target.index;
            any = true;
        }
        if (any)
            normalize(m_from);
    }

    Catalog& m_from;
    const Catalog& m_to;
    const RenameHints& m_hints;
    QList<Change> m_changes;
};

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
        QList<Change> renames = Renamer(m_from, m_to, m_options.renames).run();
        Work work(m_from, m_to, m_options);
        classify(work);
        diffObjects(work);
        closeOverDependencies(work);

        ChangeSet result;
        result.changes = renames;
        const QList<DdlStatement> fromDdl = ddlStatements(m_from);
        const Positions fromPositions = positionsOf(fromDdl);
        emitDrops(work, fromPositions, DropStage::Dependents, result.changes);
        result.changes += work.early;
        emitDrops(work, fromPositions, DropStage::Rebuilt, result.changes);
        emitCreates(work, result.changes);
        result.changes += work.alterEnd;
        // Removed types, routines, tables and schemas go last: nothing left uses them, and
        // columns that did have moved off them by now.
        emitDrops(work, fromPositions, DropStage::Removed, result.changes);
        result.changes += work.final;
        return result;
    }

private:
    void classify(Work& work)
    {
        for (const auto& [key, entry] : work.fromObjects)
            if (!work.toObjects.contains(key))
                work.dropped.insert(key);
        for (const auto& [key, entry] : work.toObjects)
            if (!work.fromObjects.contains(key))
                work.created.insert(key);
    }

    // Objects that depend on something dropped or rebuilt are rebuilt too (pg_depend edges of
    // `from`); a table is never rebuilt for a dependency except under a rebuilt parent table.
    void closeOverDependencies(Work& work)
    {
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
            drop.attribute = u"default"_s;
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
            const bool dependent = isEarlyDropType(entry.type);
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
        const QList<DdlStatement> toDdl = ddlStatements(m_to);
        const Positions positions = positionsOf(toDdl);
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
                    Change change = makeChange(Action::Create, entry.type, key, {toDdl[i].sql});
                    if (positions.first.at(key) != i)
                        change.attribute = u"settings"_s;
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

ObjectIndex indexObjects(const Catalog& c)
{
    ObjectIndex index;
    for (const Schema& o : c.schemas)
        index.emplace(keyOf(o), Entry{ObjectType::Schema, &o});
    for (const Extension& o : c.extensions)
        index.emplace(keyOf(o), Entry{ObjectType::Extension, &o});
    for (const Collation& o : c.collations)
        index.emplace(keyOf(o), Entry{ObjectType::Collation, &o});
    for (const EnumType& o : c.enums)
        index.emplace(keyOf(o), Entry{ObjectType::Enum, &o});
    for (const Domain& o : c.domains)
        index.emplace(keyOf(o), Entry{ObjectType::Domain, &o});
    for (const CompositeType& o : c.composites)
        index.emplace(keyOf(o), Entry{ObjectType::Composite, &o});
    for (const RangeType& o : c.ranges)
        index.emplace(keyOf(o), Entry{ObjectType::Range, &o});
    for (const Sequence& o : c.sequences)
        index.emplace(keyOf(o), Entry{ObjectType::Sequence, &o});
    for (const Table& o : c.tables)
        index.emplace(keyOf(o), Entry{ObjectType::Table, &o});
    for (const View& o : c.views)
        index.emplace(keyOf(o),
                      Entry{o.materialized ? ObjectType::MaterializedView : ObjectType::View, &o});
    for (const Index& o : c.indexes)
        index.emplace(keyOf(o), Entry{ObjectType::Index, &o});
    for (const Constraint& o : c.constraints)
        index.emplace(keyOf(o), Entry{ObjectType::Constraint, &o});
    for (const Routine& o : c.routines)
        index.emplace(keyOf(o), Entry{ObjectType::Routine, &o});
    for (const Trigger& o : c.triggers)
        index.emplace(keyOf(o), Entry{ObjectType::Trigger, &o});
    for (const EventTrigger& o : c.eventTriggers)
        index.emplace(keyOf(o), Entry{ObjectType::EventTrigger, &o});
    for (const Policy& o : c.policies)
        index.emplace(keyOf(o), Entry{ObjectType::Policy, &o});
    for (const Publication& o : c.publications)
        index.emplace(keyOf(o), Entry{ObjectType::Publication, &o});
    return index;
}

ObjectKey relationKey(const QualifiedName& name)
{
    return ObjectKey{NodeKind::Relation, name.schema, name.name, {}};
}

QString q(const QualifiedName& name)
{
    return db::qualifiedName(name.schema, name.name);
}

QString ident(QStringView name)
{
    return db::quoteIdentifier(name);
}

QString commentSql(const QString& what, const QString& comment)
{
    return u"COMMENT ON "_s + what + u" IS "_s +
           (comment.isEmpty() ? u"NULL"_s : db::quoteLiteral(comment));
}

Change makeChange(Action action, ObjectType type, const ObjectKey& key, QStringList sql)
{
    Change change;
    change.action = action;
    change.type = type;
    change.object = key;
    change.sql = std::move(sql);
    return change;
}

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
