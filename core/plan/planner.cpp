#include "core/plan/planner.h"

#include "core/db/quote.h"

#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

namespace plumb::plan {

using namespace catalog;
using diff::Action;
using diff::Attribute;
using diff::Change;
using diff::ObjectType;
using diff::TypeConversion;

namespace detail {

namespace {

ObjectKey tableKeyOf(const QualifiedName& name)
{
    return ObjectKey{NodeKind::Relation, name.schema, name.name, {}};
}

QualifiedName nameOf(const ObjectKey& key)
{
    return {key.schema, key.name};
}

QString columnDisplay(const Change& change)
{
    return change.object.display() + (change.column.isEmpty() ? QString() : u'.' + change.column);
}

} // namespace

QString withSuffix(const QString& name, const QString& suffix)
{
    QString base = name;
    while ((base + suffix).toUtf8().size() > 63)
        base.chop(1);
    return base + suffix;
}

Planner::Planner(const Catalog& from, const Catalog& to, const diff::ChangeSet& changes, Mode mode)
    : m_from(from)
    , m_to(to)
    , m_fromLookup(from)
    , m_toLookup(to)
    , m_changes(changes)
    , m_mode(mode)
    , m_serverVersion(from.serverVersionNumber)
{
    for (const Change& change : changes.changes) {
        if (change.type == ObjectType::Table && change.action == Action::Create &&
            change.attribute == Attribute::None)
            m_newTables.insert(change.object);
        if (change.type == ObjectType::Column &&
            (change.action == Action::Drop || change.attribute == Attribute::Type))
            m_reshapedTables.insert(change.object);
        if (change.type == ObjectType::Column && change.attribute == Attribute::Identity)
            m_identityColumns.insert({change.object, change.column});
        if ((change.type == ObjectType::Index || change.type == ObjectType::Constraint) &&
            change.action == Action::Drop && !change.forDependency)
            m_droppedKeys.insert(change.object);
        if (change.type == ObjectType::Enum && change.action == Action::Rename &&
            change.attribute == Attribute::Labels)
            m_rebuiltEnums.insert(change.object);
    }
    for (const Change& change : changes.changes) {
        if (change.action == Action::Create && m_droppedKeys.contains(change.object))
            m_rebuiltKeys.insert(change.object);
        if (m_mode == Mode::Online && change.type == ObjectType::Column &&
            change.attribute == Attribute::Type && backfillApplies(change, nullptr))
            m_backfilled.insert({change.object, change.column});
        if (change.type == ObjectType::Column && change.attribute == Attribute::NotNull &&
            m_mode == Mode::Online && usesNotNullRecipe(change))
            m_recipeChecks.insert(ObjectKey{NodeKind::Constraint, change.object.schema,
                                            change.object.name, notNullCheckName(change.column)});
    }
    if (m_mode == Mode::Online)
        findAdoptableIndexes();
}

Plan Planner::run()
{
    Plan plan;
    plan.mode = m_mode;
    plan.serverVersion = m_serverVersion;
    // The change set drops everything before it creates: up to its last drop (and the early
    // alters among the drops) is the prepare pass.
    int lastDrop = -1;
    for (int n = 0; n < m_changes.changes.size(); ++n)
        if (m_changes.changes[n].action == Action::Drop &&
            m_changes.changes[n].type != ObjectType::Column)
            lastDrop = n;
    for (int n = 0; n < m_changes.changes.size(); ++n) {
        const Change& change = m_changes.changes[n];
        m_pass =
            n <= lastDrop || change.action == Action::Rename ? Pass::Prepare : Pass::Structural;
        m_change = n;
        planChange(change);
    }
    if (m_mode == Mode::Online) {
        // Passes in order, each keeping the order its steps were planned in; Step::after
        // follows the steps to their new places.
        QList<int> order(m_steps.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(),
                         [&](int a, int b) { return m_steps[a].pass < m_steps[b].pass; });
        QList<int> newIndex(m_steps.size());
        for (int i = 0; i < order.size(); ++i)
            newIndex[order[i]] = i;
        for (int i : order) {
            Step step = m_steps[i];
            for (int& dependency : step.after)
                dependency = newIndex[dependency];
            plan.steps.append(step);
        }
    } else {
        plan.steps = m_steps;
    }
    return plan;
}

bool Planner::usesNotNullRecipe(const Change& change) const
{
    const Table* table = m_to.table(nameOf(change.object));
    const Column* column = table ? table->column(change.column) : nullptr;
    return column && column->notNull && !change.forDependency &&
           onExistingTable(nameOf(change.object)) &&
           !m_identityColumns.contains({change.object, change.column});
}

bool Planner::isNewTable(const QualifiedName& table) const
{
    return m_newTables.contains(tableKeyOf(table));
}

bool Planner::onExistingTable(const QualifiedName& table) const
{
    const Table* t = m_to.table(table);
    // Tables whose columns are dropped or retyped keep their indexes and constraints in the
    // structural order: those steps depend on each other.
    return t && !t->isPartitioned() && !isNewTable(table) && m_from.table(table) &&
           !m_reshapedTables.contains(tableKeyOf(table));
}

Step Planner::make(StepKind kind, const QString& sql, Pass pass, Category category,
                   const QualifiedName& table, const QString& object) const
{
    Step s;
    s.kind = kind;
    s.sql = sql;
    s.pass = pass;
    s.category = category;
    s.change = m_change;
    s.table = table;
    s.object = object;
    s.summary = stepKindVerb(kind) + u' ' + object;
    const StepEffects effects = effectsOf(kind, m_serverVersion);
    s.transactional = effects.transactional;
    // A table this plan creates is empty and nobody else uses it yet: its locks cost nothing.
    const bool existing = !table.name.isEmpty() && !isNewTable(table);
    if (!existing)
        return s;
    s.lock = effects.lock;
    if (effects.rewrites)
        s.hazards.append(Hazard::RewritesTable);
    if (effects.scans)
        s.hazards.append(Hazard::FullScan);
    if ((effects.rewrites || effects.scans) && effects.lock >= Lock::Share)
        s.hazards.append(Hazard::BlocksWrites);
    if ((effects.rewrites || effects.scans) && effects.lock == Lock::AccessExclusive)
        s.hazards.append(Hazard::BlocksReads);
    switch (kind) {
    case StepKind::CreateIndexConcurrently:
    case StepKind::ReindexConcurrently:
        s.hazards.append(Hazard::InvalidIndexOnFailure);
        break;
    case StepKind::AddCheck:
    case StepKind::AddForeignKey:
    case StepKind::AddKey:
    case StepKind::ValidateConstraint:
    case StepKind::ValidateForeignKey:
    case StepKind::SetNotNull:
    case StepKind::AttachPartition:
    case StepKind::AlterDomainConstraints:
        s.hazards.append(Hazard::MayFailOnExistingRows);
        break;
    default:
        break;
    }
    return s;
}

int Planner::add(Step step)
{
    m_steps.append(std::move(step));
    return int(m_steps.size()) - 1;
}

int Planner::add(Step step, const Decision& decision)
{
    if (step.category == Category::Blocked) {
        step.blockedReason = decision.reason;
        step.guidance = decision.guidance;
    }
    if (!decision.losses.isEmpty()) {
        step.losses = decision.losses;
        if (!step.hazards.contains(Hazard::DropsData))
            step.hazards.append(Hazard::DropsData);
    }
    return add(std::move(step));
}

QualifiedName Planner::tableOf(const Change& change) const
{
    switch (change.type) {
    case ObjectType::Table:
    case ObjectType::Column:
    case ObjectType::Constraint:
    case ObjectType::View:
    case ObjectType::MaterializedView:
    case ObjectType::Sequence:
        return nameOf(change.object);
    case ObjectType::Index: {
        const Index* index = change.action == Action::Drop ? fromIndex(nameOf(change.object))
                                                           : toIndex(nameOf(change.object));
        if (!index)
            index = fromIndex(nameOf(change.object));
        return index ? index->table : QualifiedName{};
    }
    case ObjectType::Trigger:
    case ObjectType::Policy:
        // Their keys are (schema, table, name) like constraints'.
        return nameOf(change.object);
    default:
        return {};
    }
}

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
            const Table* t = m_to.table(nameOf(change.object));
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
        default:
            return StepKind::AlterObject;
        }
    }
    case ObjectType::Column: {
        const Table* table = m_to.table(nameOf(change.object));
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
            const Table* table = index ? m_to.table(index->table) : nullptr;
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
            const Table* table = m_to.table(c->table);
            return table && table->isPartitioned() ? StepKind::AddKeyOnParentOnly
                                                   : StepKind::AddKey;
        }
        }
    }
    case ObjectType::View:
        return create ? (m_from.view(nameOf(change.object)) ? StepKind::ReplaceView
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
            d.losses = m_to.table(nameOf(change.object))
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
        const Table* target = m_to.table(nameOf(change.object));
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
        const Table* t = m_to.table(nameOf(change.object));
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

void Planner::addChangeStatements(const Change& change, Pass pass, const Decision& decision)
{
    const StepKind kind = kindOf(change);
    const QualifiedName table = tableOf(change);
    const QString object = columnDisplay(change);
    int previous = -1;
    for (const QString& sql : change.sql) {
        Step s = make(kind, sql, pass, decision.category, table, object);
        // The change set knows what runs outside a transaction (ALTER TYPE ... ADD VALUE) even
        // where the lock table allows it.
        s.transactional = s.transactional && change.transactional;
        // A change's statements depend on each other: a failed one stops the rest.
        if (previous >= 0)
            s.after.append(previous);
        previous = add(s, decision);
    }
}

void Planner::planChange(const Change& change)
{
    const Decision decision = decide(change);
    if (m_mode == Mode::Online && change.type == ObjectType::Column &&
        change.attribute == Attribute::Type && decision.category == Category::Structural &&
        planBackfill(change, decision))
        return;
    // A backfilled column keeps its default until the swap (writers still rely on it); the
    // change set sets the new column's default after the type change.
    if (change.type == ObjectType::Column && change.attribute == Attribute::Default &&
        change.after.isEmpty() && m_backfilled.contains({change.object, change.column}))
        return;
    if (m_mode == Mode::Plain || decision.category == Category::Structural || change.forDependency)
        return addChangeStatements(change, m_pass, decision);
    if (change.type == ObjectType::Index)
        return planIndex(change, decision);
    if (change.type == ObjectType::Constraint)
        return planConstraint(change, decision);
    if (change.type == ObjectType::Column && change.attribute == Attribute::NotNull) {
        const Table* table = m_to.table(nameOf(change.object));
        const Column* column = table ? table->column(change.column) : nullptr;
        if (usesNotNullRecipe(change))
            return planNotNull(change);
        if (column && !column->notNull)
            return addChangeStatements(change, Pass::DropConstraints,
                                       decision); // after a primary key on it is gone
    }
    if (change.type == ObjectType::Table && change.attribute == Attribute::ReplicaIdentity)
        return addChangeStatements(change, Pass::AddConstraints, decision);
    addChangeStatements(change, m_pass, decision);
}

} // namespace detail

Plan makePlan(const Catalog& from, const Catalog& to, const diff::ChangeSet& changes, Mode mode)
{
    return detail::Planner(from, to, changes, mode).run();
}

qsizetype Plan::blockedCount() const
{
    return std::count_if(steps.begin(), steps.end(),
                         [](const Step& s) { return s.category == Category::Blocked; });
}

qsizetype Plan::destructiveCount() const
{
    return std::count_if(steps.begin(), steps.end(), [](const Step& s) { return s.destructive(); });
}

bool Step::online() const
{
    return !hazards.contains(Hazard::BlocksWrites);
}

} // namespace plumb::plan
