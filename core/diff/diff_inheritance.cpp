#include "core/diff/differ.h"

#include <tuple>

namespace plumb::diff::detail {

using namespace catalog;

// PostgreSQL's rules (ATExecDropColumn, RemoveInheritance): a parent's DROP COLUMN takes a
// child's column only when the child inherits it from that parent alone and never declared it;
// ALTER TABLE ONLY parent DROP COLUMN leaves every direct child its column, now its own; NO
// INHERIT makes a column the child's own once no parent supplies it any more.

bool dropsOnlyFromParent(const Work& work, const Table& parent, const QString& column)
{
    const Column* own = parent.column(column);
    const Table* after = work.to.table(parent.name);
    // A partitioned table cannot drop a column from itself only, and its partitions cannot
    // keep one it does not have.
    if (!own || !own->isLocal || parent.isPartitioned() || !after || after->column(column))
        return false;
    bool kept = false;
    for (const Table& child : work.from.tables) {
        if (!child.inherits.contains(parent.name))
            continue;
        const Column* before = child.column(column);
        const Table* target = work.to.table(child.name);
        // A child that declared the column itself keeps it either way; one that leaves the
        // parent first (NO INHERIT) is no longer reached.
        if (!before || before->isLocal || !target || !target->inherits.contains(parent.name))
            continue;
        const Column* wanted = target->column(column);
        if (wanted && !wanted->isLocal)
            return false; // still inherited from another parent: ONLY would make it its own
        kept = kept || wanted;
    }
    return kept;
}

InheritedColumn inheritedColumnFate(const Work& work, const Table& child, const QString& column)
{
    const Table* target = work.to.table(child.name);
    QList<QualifiedName> parents = child.inherits;
    if (child.partitionOf)
        parents.append(*child.partitionOf);
    // NO INHERIT and DETACH PARTITION (a partition whose bound changes is detached too) run
    // first: a parent the child leaves no longer supplies the column.
    auto stays = [&](const QualifiedName& parent) {
        if (!target)
            return false;
        if (child.partitionOf == parent)
            return target->partitionOf == parent && target->partitionBound == child.partitionBound;
        // A parent the child hands its columns over from is left last, after its changes.
        return target->inherits.contains(parent) || handsOverColumns(work, child, parent);
    };
    int staying = 0;
    bool own = false;
    bool kept = false;
    for (const QualifiedName& name : parents) {
        const Table* parent = work.from.table(name);
        if (!parent || !parent->column(column) || !stays(name))
            continue;
        ++staying;
        const Table* after = work.to.table(name);
        if (after && after->column(column))
            kept = true;
        else if (dropsOnlyFromParent(work, *parent, column))
            own = true;
    }
    if (own || staying == 0)
        return InheritedColumn::BecomesOwn;
    return kept ? InheritedColumn::StaysInherited : InheritedColumn::GoesWithParent;
}

namespace {

// A column `child` inherits from `oldParent` and, in `to`, only from a parent it joins, with its
// type and nullability unchanged (INHERIT needs them to match the new parent's already).
bool handedOver(const Work& work, const Table& child, const Table& target, const Table& oldParent,
                const Column& column)
{
    const Column* before = child.column(column.name);
    const Column* after = target.column(column.name);
    if (!before || before->isLocal || !after || after->isLocal || before->type != after->type ||
        before->notNull != after->notNull)
        return false;
    for (const QualifiedName& name : child.inherits)
        if (name != oldParent.name && target.inherits.contains(name))
            return false; // a parent that stays supplies it anyway
    return std::ranges::any_of(target.inherits, [&](const QualifiedName& name) {
        const Table* joined = work.to.table(name);
        return !child.inherits.contains(name) && joined && joined->column(column.name);
    });
}

bool inheritedChecks(const Catalog& catalog, const QualifiedName& table)
{
    return std::ranges::any_of(catalog.constraints,
                               [&](const Constraint& c) { return c.table == table && !c.isLocal; });
}

// Until the child leaves it, the old parent's ALTERs recurse into the child: a changed column
// (type, default, nullability) or a new check would stay on it. New columns do too, but the
// child drops them again right after leaving, before anything could have written to them.
bool oldParentChangesStayOff(const Work& work, const Table& parent)
{
    const Table* after = work.to.table(parent.name);
    if (!after)
        return true; // dropped as a whole, after the child has left it
    for (const Column& column : parent.columns) {
        const Column* kept = after->column(column.name);
        auto recursing = [](const Column& c) {
            return std::tie(c.type, c.collation, c.notNull, c.defaultExpr, c.identity, c.generated,
                            c.generatedExpr, c.storage, c.compression, c.statisticsTarget);
        };
        if (kept && recursing(*kept) != recursing(column))
            return false;
    }
    return std::ranges::all_of(work.to.constraints, [&](const Constraint& c) {
        if (c.table != parent.name || c.kind != ConstraintKind::Check || c.noInherit)
            return true;
        return std::ranges::any_of(work.from.constraints,
                                   [&](const Constraint& old) { return old == c; });
    });
}

} // namespace

bool handsOverColumns(const Work& work, const Table& child, const QualifiedName& oldParent)
{
    if (!child.inherits.contains(oldParent) || child.partitionOf)
        return false;
    const Table* target = work.to.table(child.name);
    const Table* parent = work.from.table(oldParent);
    if (!target || !parent || target->partitionOf || target->inherits.contains(oldParent))
        return false;
    // Inherited checks are dropped before and added after by statements that assume the child
    // has left its old parents already and joins its new ones last.
    if (inheritedChecks(work.from, child.name) || inheritedChecks(work.to, child.name) ||
        !oldParentChangesStayOff(work, *parent))
        return false;
    return std::ranges::any_of(parent->columns, [&](const Column& column) {
        return handedOver(work, child, *target, *parent, column);
    });
}

bool dropWaitsForHandover(const Work& work, const Table& parent, const QString& column)
{
    const Column* own = parent.column(column);
    return own && std::ranges::any_of(work.from.tables, [&](const Table& child) {
               if (!child.inherits.contains(parent.name))
                   return false;
               const Table* target = work.to.table(child.name);
               return target && handsOverColumns(work, child, parent.name) &&
                      handedOver(work, child, *target, parent, *own);
           });
}

} // namespace plumb::diff::detail
