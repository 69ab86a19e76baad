#include "copy_selection.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <functional>

using namespace Qt::StringLiterals;

namespace plumb::transfer::detail {

namespace {

QRegularExpression patternExpression(const QString& pattern)
{
    const QString qualified = pattern.contains(u'.') ? pattern : u"public."_s + pattern;
    return QRegularExpression(QRegularExpression::wildcardToRegularExpression(
        qualified, QRegularExpression::NonPathWildcardConversion));
}

// The storage tables `name` stands for: itself, or the leaf partitions under it.
QList<catalog::QualifiedName> leavesOf(const catalog::Catalog& catalog,
                                       const catalog::QualifiedName& name)
{
    const catalog::Table* table = catalog.table(name);
    if (!table)
        return {};
    if (!table->isPartitioned())
        return {name};
    QList<catalog::QualifiedName> leaves;
    for (const catalog::Table& child : catalog.tables)
        if (child.partitionOf && *child.partitionOf == name)
            leaves += leavesOf(catalog, child.name);
    return leaves;
}

} // namespace

Result<QList<catalog::QualifiedName>> selectTables(const catalog::Catalog& source,
                                                   const QStringList& include,
                                                   const QStringList& exclude,
                                                   const QString& stateSchema)
{
    QSet<catalog::QualifiedName> chosen;
    auto take = [&](const QStringList& patterns, bool adding) -> Status {
        for (const QString& pattern : patterns) {
            const QRegularExpression expression = patternExpression(pattern);
            bool matched = false;
            for (const catalog::Table& table : source.tables) {
                if (table.name.schema == stateSchema ||
                    !expression.match(table.name.display()).hasMatch())
                    continue;
                matched = true;
                for (const catalog::QualifiedName& leaf : leavesOf(source, table.name)) {
                    if (adding)
                        chosen.insert(leaf);
                    else
                        chosen.remove(leaf);
                }
            }
            if (!matched)
                return fail(ErrorCode::Config,
                            u"%1 '%2' matches no table of the source (patterns are globs on "
                            u"schema.table; a bare name means public)"_s.arg(
                                adding ? u"--tables"_s : u"--exclude"_s, pattern));
        }
        return {};
    };
    if (include.isEmpty()) {
        for (const catalog::Table& table : source.tables)
            if (table.name.schema != stateSchema && !table.isPartitioned())
                chosen.insert(table.name);
    } else if (auto added = take(include, true); !added) {
        return std::unexpected(added.error());
    }
    if (auto removed = take(exclude, false); !removed)
        return std::unexpected(removed.error());
    QList<catalog::QualifiedName> names(chosen.cbegin(), chosen.cend());
    std::ranges::sort(names);
    return names;
}

Status orderTables(const catalog::Catalog& enforcing, QList<PlannedTable>& tables,
                   QStringList& notes)
{
    QHash<catalog::QualifiedName, int> index;
    for (int i = 0; i < tables.size(); ++i)
        index.insert(tables[i].name, i);

    // Edges child -> parent, with the constraint for messages.
    struct Edge {
        int parent;
        const catalog::Constraint* constraint;
    };
    QList<QList<Edge>> edges(tables.size());
    QStringList missing;
    for (const catalog::Constraint& constraint : enforcing.constraints) {
        if (constraint.kind != catalog::ConstraintKind::ForeignKey || !constraint.referencedTable)
            continue;
        // A foreign key on a partitioned table binds each of its partitions.
        for (const catalog::QualifiedName& child : leavesOf(enforcing, constraint.table)) {
            const auto childIndex = index.constFind(child);
            if (childIndex == index.constEnd())
                continue;
            const QList<catalog::QualifiedName> parents =
                leavesOf(enforcing, *constraint.referencedTable);
            // Not even read (a schema the copy leaves out): certainly not copied.
            if (parents.isEmpty())
                missing.append(u"%1 references %2 (%3)"_s.arg(
                    child.display(), constraint.referencedTable->display(), constraint.name));
            for (const catalog::QualifiedName& parent : parents) {
                const auto parentIndex = index.constFind(parent);
                if (parentIndex == index.constEnd()) {
                    missing.append(u"%1 references %2 (%3)"_s.arg(
                        child.display(), constraint.referencedTable->display(), constraint.name));
                    continue;
                }
                edges[*childIndex].append({*parentIndex, &constraint});
            }
        }
    }
    if (!missing.isEmpty()) {
        missing.removeDuplicates();
        return fail(ErrorCode::Config,
                    u"foreign keys reach tables that are not copied: %1. Copy those tables too, "
                    u"or leave out the tables that reference them"_s.arg(missing.join(u"; "_s)));
    }

    // Strongly connected components (Tarjan): tables of a cycle load together.
    const int count = int(tables.size());
    QList<int> order(count, -1), low(count, 0), component(count, -1);
    QList<bool> onStack(count, false);
    QList<int> stack;
    int counter = 0, components = 0;
    std::function<void(int)> visit = [&](int v) {
        order[v] = low[v] = counter++;
        stack.append(v);
        onStack[v] = true;
        for (const Edge& edge : edges[v]) {
            if (order[edge.parent] < 0) {
                visit(edge.parent);
                low[v] = std::min(low[v], low[edge.parent]);
            } else if (onStack[edge.parent]) {
                low[v] = std::min(low[v], order[edge.parent]);
            }
        }
        if (low[v] == order[v]) {
            while (true) {
                const int w = stack.takeLast();
                onStack[w] = false;
                component[w] = components;
                if (w == v)
                    break;
            }
            ++components;
        }
    };
    for (int v = 0; v < count; ++v)
        if (order[v] < 0)
            visit(v);

    QHash<int, QList<int>> members;
    for (int v = 0; v < count; ++v)
        members[component[v]].append(v);
    for (int v = 0; v < count; ++v) {
        PlannedTable& table = tables[v];
        for (const Edge& edge : edges[v]) {
            if (edge.parent == v) {
                table.selfReferencing = true;
                continue;
            }
            if (!table.after.contains(tables[edge.parent].name))
                table.after.append(tables[edge.parent].name);
            if (component[edge.parent] == component[v] && !edge.constraint->deferrable)
                return fail(ErrorCode::Config,
                            u"%1 and %2 reference each other, and foreign key %3 cannot be "
                            u"deferred, so no load order satisfies it. Make it DEFERRABLE "
                            u"(ALTER TABLE %1 ALTER CONSTRAINT %3 DEFERRABLE) in the target, "
                            u"or leave one of the tables out"_s.arg(
                                table.name.display(), tables[edge.parent].name.display(),
                                edge.constraint->name));
        }
        if (members.value(component[v]).size() > 1) {
            table.group = u"cycle %1"_s.arg(component[v]);
        }
    }
    for (auto it = members.cbegin(); it != members.cend(); ++it)
        if (it.value().size() > 1) {
            QStringList names;
            for (int v : it.value())
                names.append(tables[v].name.display());
            names.sort();
            notes.append(u"%1 reference each other: they load in one transaction with their "
                         u"foreign keys deferred to its commit."_s.arg(names.join(u", "_s)));
        }

    // Tarjan numbers components in reverse topological order of the condensed graph: a
    // component comes after every component it references, so that is the load order.
    QList<int> sorted(count);
    for (int v = 0; v < count; ++v)
        sorted[v] = v;
    std::ranges::stable_sort(sorted, [&](int a, int b) {
        if (component[a] != component[b])
            return component[a] < component[b];
        return tables[a].name < tables[b].name;
    });
    QList<PlannedTable> reordered;
    for (int v : sorted)
        reordered.append(tables[v]);
    tables = reordered;
    return {};
}

} // namespace plumb::transfer::detail
