#include "core/diff/differ.h"

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
        return target->inherits.contains(parent);
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

} // namespace plumb::diff::detail
