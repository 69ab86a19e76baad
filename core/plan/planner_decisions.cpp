// What a change is, decided before its steps are written: the kind of its own statements (which
// sets their lock and hazards, see step_kind.cpp) and whether they run as they are, wait for a
// decision (blocked) or lose data (destructive). Split from planner.cpp, which writes the steps.
#include "core/db/quote.h"
#include "core/plan/planner.h"

using namespace Qt::StringLiterals;

namespace plumb::plan::detail {

using namespace catalog;
using diff::Action;
using diff::Attribute;
using diff::Change;
using diff::ObjectType;
using diff::TypeConversion;

// The kind of a change's own statements, from what the change is (its type, action and typed
// attribute) and the catalogs' objects.
StepKind Planner::kindOf(const Change& change) const
{
    const bool create = change.action == Action::Create;
    const bool drop = change.action == Action::Drop;
    if (change.action == Action::Alter && change.attribute == Attribute::Comment)
        return StepKind::CommentOn;
    switch (change.type) {
    case ObjectType::Table: {
        if (create) {
            const Table* t = m_toLookup.table(nameOf(change.object));
            return t && t->partitionOf ? StepKind::CreatePartition : StepKind::CreateTable;
        }
        if (drop)
            return StepKind::DropTable;
        if (change.action == Action::Rename)
            return StepKind::RenameTable;
        switch (change.attribute) {
        case Attribute::StorageParameters:
            return StepKind::SetStorageParameters;
        case Attribute::Logged:
            return StepKind::SetLogged;
        case Attribute::AccessMethod:
            return StepKind::SetAccessMethod;
        case Attribute::Tablespace:
            return StepKind::SetTablespace;
        case Attribute::RowSecurity:
        case Attribute::ForceRowSecurity:
            return StepKind::RowSecurity;
        case Attribute::ReplicaIdentity:
            return StepKind::ReplicaIdentity;
        case Attribute::Inherits:
            return StepKind::Inherit;
        case Attribute::PartitionOf:
            return change.after.isEmpty() ? StepKind::DetachPartition : StepKind::AttachPartition;
        case Attribute::SetAside:
            return StepKind::SetAsideTable;
        case Attribute::CopyRows:
            return StepKind::CopyRows;
        case Attribute::DropSetAside:
            return StepKind::DropSetAsideTable;
        default:
            return StepKind::AlterObject;
        }
    }
    case ObjectType::Column: {
        const Table* table = m_toLookup.table(nameOf(change.object));
        const Column* column = table ? table->column(change.column) : nullptr;
        if (create) {
            if (!column)
                return StepKind::AddColumn;
            if (column->identity != IdentityKind::None ||
                column->generated == GeneratedKind::Stored)
                return StepKind::AddColumnRewrite;
            return column->defaultExpr.isEmpty() ? StepKind::AddColumn
                                                 : StepKind::AddColumnWithDefault;
        }
        if (drop)
            return StepKind::DropColumn;
        if (change.action == Action::Rename)
            return StepKind::RenameColumn;
        switch (change.attribute) {
        case Attribute::Type:
            return change.typeChange && (change.typeChange->conversion == TypeConversion::InPlace ||
                                         change.typeChange->conversion == TypeConversion::Same)
                       ? StepKind::AlterColumnTypeInPlace
                       : StepKind::AlterColumnType;
        case Attribute::Default:
            return change.after.isEmpty() ? StepKind::DropDefault : StepKind::SetDefault;
        case Attribute::NotNull:
            return column && column->notNull ? StepKind::SetNotNull : StepKind::DropNotNull;
        case Attribute::Identity:
            return StepKind::AlterIdentity;
        case Attribute::Generated:
            return change.after.isEmpty() ? StepKind::DropExpression : StepKind::SetExpression;
        case Attribute::ColumnSettings:
            return StepKind::ColumnSettings;
        default:
            return StepKind::AlterObject;
        }
    }
    case ObjectType::Index:
        if (create) {
            const Index* index = toIndex(nameOf(change.object));
            const Table* table = index ? m_toLookup.table(index->table) : nullptr;
            if (change.attribute == Attribute::Deferred)
                return index && index->parentIndex ? StepKind::AttachIndex : StepKind::ClusterOn;
            return table && table->isPartitioned() ? StepKind::CreateIndexOnOnly
                                                   : StepKind::CreateIndex;
        }
        if (drop)
            return StepKind::DropIndex;
        if (change.action == Action::Rename)
            return StepKind::RenameIndex;
        if (change.attribute == Attribute::PartitionOf)
            return StepKind::AttachIndex;
        return change.attribute == Attribute::Cluster ? StepKind::ClusterOn
                                                      : StepKind::AlterIndexStorage;
    case ObjectType::Constraint: {
        if (drop)
            return StepKind::DropConstraint;
        if (change.action == Action::Rename)
            return StepKind::RenameConstraint;
        const Constraint* c = toConstraint(change.object);
        const bool foreignKey = c && c->kind == ConstraintKind::ForeignKey;
        if (change.attribute == Attribute::Validated)
            return foreignKey ? StepKind::ValidateForeignKey : StepKind::ValidateConstraint;
        if (!c)
            return StepKind::AlterObject;
        switch (c->kind) {
        case ConstraintKind::ForeignKey:
            return c->validated ? StepKind::AddForeignKey : StepKind::AddForeignKeyNotValid;
        case ConstraintKind::Check:
            return c->validated ? StepKind::AddCheck : StepKind::AddCheckNotValid;
        default: {
            // The DDL adds a partitioned table's key ONLY to it: its index stays invalid until
            // the partitions' are attached.
            const Table* table = m_toLookup.table(c->table);
            return table && table->isPartitioned() ? StepKind::AddKeyOnParentOnly
                                                   : StepKind::AddKey;
        }
        }
    }
    case ObjectType::View:
        return create ? (m_fromLookup.view(nameOf(change.object)) ? StepKind::ReplaceView
                                                                  : StepKind::CreateView)
               : drop ? StepKind::DropView
                      : StepKind::AlterObject;
    case ObjectType::MaterializedView:
        return create ? StepKind::CreateMaterializedView
               : drop ? StepKind::DropView
                      : StepKind::AlterObject;
    case ObjectType::Trigger:
        return create ? StepKind::CreateTrigger
               : drop ? StepKind::DropTrigger
                      : StepKind::EnableTrigger;
    case ObjectType::Policy:
        return create ? StepKind::CreatePolicy
               : drop ? StepKind::DropPolicy
                      : StepKind::AlterObject;
    case ObjectType::Sequence:
        if (change.action == Action::Alter)
            return StepKind::AlterSequence;
        break;
    case ObjectType::Enum:
        if (change.action == Action::Alter && change.attribute == Attribute::Labels)
            return StepKind::AddEnumValue;
        break;
    case ObjectType::Domain:
        if (change.action == Action::Alter && change.attribute == Attribute::Constraints)
            return StepKind::AlterDomainConstraints;
        break;
    default:
        break;
    }
    switch (change.action) {
    case Action::Create:
        return StepKind::CreateObject;
    case Action::Drop:
        return StepKind::DropObject;
    case Action::Rename:
        return StepKind::RenameObject;
    case Action::Alter:
        return StepKind::AlterObject;
    }
    return StepKind::AlterObject;
}

// Whether a change's steps run as they are, wait for a decision (blocked) or lose data
// (destructive), and why.
Decision Planner::decide(const Change& change) const
{
    Decision d;
    const QString where = columnDisplay(change);
    switch (change.type) {
    case ObjectType::Index:
        d.category = Category::Convergence;
        return d;
    case ObjectType::Constraint:
        // Both halves are blocked: dropping the old one alone would lose the guarantee.
        if ((change.action == Action::Create || change.action == Action::Drop) &&
            m_rebuiltKeys.contains(change.object) && !change.forDependency) {
            d.category = Category::Blocked;
            d.reason = u"The constraint's definition changed under the same name."_s;
            d.guidance = u"Give the new definition a new name in the target schema: the new "
                         u"constraint is then added NOT VALID and validated before the old one "
                         u"is dropped. Or check the existing rows against the new definition "
                         u"and run the steps with --run-blocked."_s;
            return d;
        }
        d.category = Category::Convergence;
        return d;
    case ObjectType::Enum:
        if (m_rebuiltEnums.contains(change.object) && change.attribute == Attribute::Labels &&
            change.action != Action::Alter) {
            d.category = Category::Blocked;
            d.reason = u"Enum labels are removed or reordered: PostgreSQL can only add them. The "
                       u"type is rebuilt beside the old one and every column using it is "
                       u"converted through text, rewriting those tables under an ACCESS "
                       u"EXCLUSIVE lock; a value whose label is gone makes it fail."_s;
            d.guidance = u"Move the rows off the labels that go first (UPDATE ... SET col = "
                         u"'other'), then run the blocked steps with --run-blocked in a quiet "
                         u"moment; or keep the old labels and stop using them."_s;
        }
        return d;
    case ObjectType::Column:
        break;
    case ObjectType::Table:
        if (change.action == Action::Drop) {
            d.losses = m_toLookup.table(nameOf(change.object))
                           ? u"table %1 is made again empty: its rows are lost"_s.arg(where)
                           : u"table %1 and all its rows"_s.arg(where);
            return d;
        }
        if (change.attribute == Attribute::StorageParameters ||
            change.attribute == Attribute::ReplicaIdentity)
            d.category = Category::Convergence;
        return d;
    default:
        return d;
    }

    // Columns.
    if (change.attribute == Attribute::NotNull || change.attribute == Attribute::Default) {
        d.category = Category::Convergence;
        return d;
    }
    if (change.action == Action::Drop && change.destroysData) {
        d.losses = u"column %1 (%2) and its values"_s.arg(where, change.before);
        const Table* target = m_toLookup.table(nameOf(change.object));
        if (change.attribute == Attribute::Inherits && target && target->column(change.column))
            d.losses += u": it is added again empty through its parent, the only way a column "
                        u"becomes inherited (the parent's ADD COLUMN would keep the values but "
                        u"leave the column the table's own)"_s;
        if (change.attribute == Attribute::Generated)
            d.losses += u": it is added again as a generated column, its values computed from "
                        u"its expression"_s;
        return d;
    }
    if (change.attribute == Attribute::Type && change.typeChange) {
        const diff::TypeChange& t = *change.typeChange;
        if (change.forDependency && change.before == change.after) {
            // A column moving to its rebuilt enum: blocked with the rebuild.
            d.category = Category::Blocked;
            d.reason = u"The column moves to its enum type rebuilt with labels removed or "
                       u"reordered; its table is rewritten and a value whose label is gone "
                       u"fails."_s;
            d.guidance = u"Move the rows off the labels that go first, then run the blocked "
                         u"steps with --run-blocked."_s;
            return d;
        }
        if (t.conversion == TypeConversion::NoCast && !t.obvious && !t.declared) {
            const QString table = db::qualifiedName(change.object.schema, change.object.name);
            d.category = Category::Blocked;
            d.reason = u"PostgreSQL has no cast from %1 to %2, so the conversion of %3 has to "
                       u"be decided: this plan would use USING %4 (%5)."_s.arg(
                           change.before, change.after, where, t.usingExpression, t.losses);
            d.guidance =
                u"Declare the conversion in the hints file (plumb diff --renames FILE):"
                u"\n  using %1.%2.%3 %4\nor write it yourself in a migration:\n"
                u"  ALTER TABLE %5 ALTER COLUMN %6 TYPE %7 USING %4;"_s.arg(
                    change.object.schema, change.object.name, change.column, t.usingExpression,
                    table, db::quoteIdentifier(change.column), change.after);
            return d;
        }
        if (!t.losses.isEmpty() && !t.declared)
            d.losses = u"%1 from %2 to %3: %4"_s.arg(where, change.before, change.after, t.losses);
        return d;
    }
    if (change.action == Action::Create && change.attribute == Attribute::None &&
        !isNewTable(nameOf(change.object))) {
        const Table* t = m_toLookup.table(nameOf(change.object));
        const Column* c = t ? t->column(change.column) : nullptr;
        if (c && c->notNull && c->defaultExpr.isEmpty() && c->identity == IdentityKind::None &&
            c->generated == GeneratedKind::None) {
            d.category = Category::Blocked;
            d.reason = u"A NOT NULL column without a default cannot be added to a table that "
                       u"may hold rows."_s;
            d.guidance = u"Add the column without NOT NULL (or with a DEFAULT), fill it, then "
                         u"declare NOT NULL: convergence adds it online."_s;
        }
    }
    return d;
}

} // namespace plumb::plan::detail
