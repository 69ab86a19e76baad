#include "core/diff/differ.h"

#include <set>

using namespace Qt::StringLiterals;

namespace plumb::diff::detail {

using namespace catalog;

namespace {

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
        bool renamed = false;
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
            renamed = true;
        }
        // Sorting detaches every list of the copy: only when something was renamed.
        if (renamed)
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

} // namespace

QList<Change> applyRenames(Catalog& from, const Catalog& to, const RenameHints& hints)
{
    return Renamer(from, to, hints).run();
}

} // namespace plumb::diff::detail
