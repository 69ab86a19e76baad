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
    // Setting a swapped table aside takes the place of its drop.
    for (int n = 0; n < m_changes.changes.size(); ++n)
        if ((m_changes.changes[n].action == Action::Drop &&
             m_changes.changes[n].type != ObjectType::Column) ||
            m_changes.changes[n].attribute == Attribute::SetAside)
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
    const Table* table = m_toLookup.table(nameOf(change.object));
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
    const Table* t = m_toLookup.table(table);
    // Tables whose columns are dropped or retyped keep their indexes and constraints in the
    // structural order: those steps depend on each other.
    return t && !t->isPartitioned() && !isNewTable(table) && m_fromLookup.table(table) &&
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
    // A swapped table is made again under the name the application uses, holding its rows.
    const bool swapStep = kind == StepKind::SetAsideTable || kind == StepKind::CopyRows ||
                          kind == StepKind::DropSetAsideTable;
    const bool existing = !table.name.isEmpty() && (swapStep || !isNewTable(table));
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
    case StepKind::CopyRows:
        // Readers find the table empty and writers' rows mix with the copy until it commits.
        s.hazards.append(Hazard::BlocksWrites);
        s.hazards.append(Hazard::BlocksReads);
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

void Planner::addChangeStatements(const Change& change, Pass pass, const Decision& decision)
{
    const StepKind kind = kindOf(change);
    const QualifiedName table = tableOf(change);
    const QString object = columnDisplay(change);
    // The set-aside table of a swap is dropped only after its rows are copied.
    int previous = -1;
    if (kind == StepKind::DropSetAsideTable)
        if (auto copied = m_copySteps.find(change.object); copied != m_copySteps.end())
            previous = copied->second;
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
    if (kind == StepKind::CopyRows)
        m_copySteps[change.object] = previous;
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
        const Table* table = m_toLookup.table(nameOf(change.object));
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
