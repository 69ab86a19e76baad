// The online recipes: indexes built and dropped concurrently and rebuilt under their own names,
// key constraints that adopt an index built beforehand, checks and foreign keys added NOT VALID
// and validated under a weaker lock, NOT NULL proven by a validated check. Every statement is
// composed from the catalogs' typed objects, never by editing the change set's statements.
#include "core/catalog/ddl_objects.h"
#include "core/db/quote.h"
#include "core/plan/planner.h"

using namespace Qt::StringLiterals;

namespace plumb::plan::detail {

using namespace catalog;
using diff::Action;
using diff::Attribute;
using diff::Change;

namespace {

QString q(const QualifiedName& name)
{
    return db::qualifiedName(name.schema, name.name);
}

QString ident(QStringView name)
{
    return db::quoteIdentifier(name);
}

QString addConstraintSql(const Constraint& c, bool notValid)
{
    return u"ALTER TABLE "_s + q(c.table) + u" ADD CONSTRAINT "_s + ident(c.name) + u' ' +
           c.definition + (notValid && c.validated ? u" NOT VALID"_s : QString());
}

QString constraintDisplay(const Constraint& c)
{
    return keyOf(c).display();
}

// CREATE INDEX CONCURRENTLY for `index`, under `name` when one is given.
QString buildSql(const Index& index, const QString& name = {})
{
    catalog::detail::IndexSqlOptions options;
    options.concurrently = true;
    options.name = name;
    return catalog::detail::indexSql(index, options);
}

} // namespace

bool sameBuild(const Index& a, const Index& b)
{
    catalog::detail::IndexSqlOptions anonymous;
    anonymous.name = u"x"_s;
    return catalog::detail::indexSql(a, anonymous) == catalog::detail::indexSql(b, anonymous);
}

QString notNullCheckName(const QString& column)
{
    return db::truncateIdentifier(QString(column + u"_plumb_not_null"_s));
}

const Index* Planner::fromIndex(const QualifiedName& name) const
{
    return m_fromLookup.index(name);
}

const Index* Planner::toIndex(const QualifiedName& name) const
{
    return m_toLookup.index(name);
}

const Constraint* Planner::fromConstraint(const ObjectKey& key) const
{
    return m_fromLookup.constraint(key);
}

const Constraint* Planner::toConstraint(const ObjectKey& key) const
{
    return m_toLookup.constraint(key);
}

const Index* Planner::constraintIndex(const Constraint& constraint) const
{
    return m_toLookup.constraintIndex(constraint.table, constraint.name);
}

// A primary key or unique constraint to create whose index the table already has (a unique
// index built alike, valid, of no constraint and not kept as it is) takes that index over
// instead of building another.
void Planner::findAdoptableIndexes()
{
    for (const Constraint& c : m_to.constraints) {
        if ((c.kind != ConstraintKind::PrimaryKey && c.kind != ConstraintKind::Unique) ||
            !c.isLocal || c.fromParent || fromConstraint(keyOf(c)) || !onExistingTable(c.table))
            continue;
        const Index* wanted = constraintIndex(c);
        if (!wanted)
            continue;
        for (const Index& i : m_from.indexes) {
            if (i.table != c.table || !i.constraintName.isEmpty() || !i.valid || !i.unique ||
                i.parentIndex || m_adoptedIndexes.contains(i.name) || !sameBuild(i, *wanted))
                continue;
            const Index* kept = toIndex(i.name);
            if (kept && kept->constraintName.isEmpty())
                continue; // still wanted as a plain index
            m_adoptions[keyOf(c)] = i.name.name;
            m_adoptedIndexes.insert(i.name);
            break;
        }
    }
}

void Planner::planIndex(const Change& change, const Decision& decision)
{
    const QualifiedName name = nameOf(change.object);
    const Index* target = toIndex(name);
    const Index* current = fromIndex(name);
    const bool drop = change.action == Action::Drop;
    const Index* index = drop ? current : target;
    if (drop && current && m_adoptedIndexes.contains(current->name))
        return; // taken over by the constraint that adopts it
    if (!index || !onExistingTable(index->table) || change.action == Action::Rename ||
        change.action == Action::Alter)
        return addChangeStatements(change, m_pass, decision); // renames first: later use them
    const QString display = index->name.display();
    const bool rebuilt = current && target;
    if (rebuilt && !current->valid && sameBuild(*current, *target) &&
        current->constraintName == target->constraintName && target->constraintName.isEmpty()) {
        // An INVALID index left by a failed concurrent build (ours or anyone's), built again
        // in place: REINDEX CONCURRENTLY keeps its name and its uniqueness.
        if (drop)
            return;
        if (m_serverVersion == 0 || m_serverVersion >= 120000) {
            Step s = make(StepKind::ReindexConcurrently,
                          u"REINDEX INDEX CONCURRENTLY "_s + q(target->name), Pass::Rebuild,
                          decision.category, target->table, display);
            s.index = target->name;
            if (target->unique)
                s.hazards.append(Hazard::MayFailOnExistingRows);
            add(s, decision);
            return;
        }
        rebuildIndex(*current, *target, decision);
        return;
    }
    if (drop) {
        if (!current->constraintName.isEmpty() || current->parentIndex)
            return addChangeStatements(change, m_pass, decision);
        // A plain index rebuilt as a plain index is replaced by its create side.
        if (rebuilt && target->constraintName.isEmpty() && !target->parentIndex)
            return;
        add(make(StepKind::DropIndexConcurrently,
                 u"DROP INDEX CONCURRENTLY IF EXISTS "_s + q(current->name),
                 rebuilt ? Pass::Rebuild : Pass::DropIndexes, decision.category, current->table,
                 display),
            decision);
        return;
    }
    // Attaching a partition's index (after it is built) and CLUSTER ON.
    if (change.attribute == Attribute::Deferred)
        return addChangeStatements(
            change, target->parentIndex ? Pass::AddConstraints : Pass::CreateIndexes, decision);
    if (!target->constraintName.isEmpty())
        return addChangeStatements(change, Pass::AddConstraints, decision);
    if (rebuilt && current->constraintName.isEmpty() && !target->parentIndex)
        return rebuildIndex(*current, *target, decision);
    // A new index; or the index of a constraint that is dropped, built again under the same
    // name as a plain index: then built beside it under a passing name and renamed once the
    // constraint (and its index) is gone, so the table is never without it.
    const bool replacesConstraintIndex = rebuilt && !current->constraintName.isEmpty();
    const QString buildName =
        replacesConstraintIndex ? withSuffix(target->name.name, u"_plumb_new"_s) : QString();
    Step build = make(StepKind::CreateIndexConcurrently, buildSql(*target, buildName),
                      Pass::CreateIndexes, decision.category, target->table, display);
    build.index = {target->name.schema, buildName.isEmpty() ? target->name.name : buildName};
    if (target->unique)
        build.hazards.append(Hazard::MayFailOnExistingRows);
    const int built = add(build, decision);
    int last = built;
    if (replacesConstraintIndex) {
        // The last pass: after the constraint's drop, whatever order the changes came in.
        Step rename = make(StepKind::RenameIndex,
                           u"ALTER INDEX "_s + q({target->name.schema, buildName}) +
                               u" RENAME TO "_s + ident(target->name.name),
                           Pass::DropIndexes, decision.category, target->table, display);
        rename.after = {built};
        last = add(rename, decision);
    }
    if (target->clustered) {
        Step cluster = make(StepKind::ClusterOn,
                            u"ALTER TABLE "_s + q(target->table) + u" CLUSTER ON "_s +
                                ident(target->name.name),
                            replacesConstraintIndex ? Pass::DropIndexes : Pass::CreateIndexes,
                            decision.category, target->table, display);
        cluster.after = {last};
        add(cluster, decision);
    }
    for (const QString& sql :
         catalog::detail::commentOn(u"INDEX "_s + q(target->name), target->comment)) {
        Step comment = make(StepKind::CommentOn, sql,
                            replacesConstraintIndex ? Pass::DropIndexes : Pass::CreateIndexes,
                            decision.category, target->table, display);
        comment.after = {last};
        add(comment, decision);
    }
}

// The index is built anew beside the old one under a passing name (the old one keeps serving
// reads and, if unique, keeps enforcing), the two names are swapped in one short transaction,
// and the old index is dropped concurrently. A failed build stops the swap and the drop.
void Planner::rebuildIndex(const Index& current, const Index& target, const Decision& decision)
{
    const QString display = target.name.display();
    const QString newName = withSuffix(target.name.name, u"_plumb_new"_s);
    const QString oldName = withSuffix(target.name.name, u"_plumb_old"_s);
    Step build = make(StepKind::CreateIndexConcurrently, buildSql(target, newName), Pass::Rebuild,
                      decision.category, target.table, display);
    build.index = {target.name.schema, newName};
    if (target.unique)
        build.hazards.append(Hazard::MayFailOnExistingRows);
    const int built = add(build, decision);
    Step retire = make(StepKind::SwapIndexNames,
                       u"ALTER INDEX "_s + q(current.name) + u" RENAME TO "_s + ident(oldName),
                       Pass::Rebuild, decision.category, target.table, display);
    retire.after = {built};
    retire.joinsNext = true;
    const int retired = add(retire, decision);
    Step promote = make(StepKind::SwapIndexNames,
                        u"ALTER INDEX "_s + q({target.name.schema, newName}) + u" RENAME TO "_s +
                            ident(target.name.name),
                        Pass::Rebuild, decision.category, target.table, display);
    promote.after = {retired};
    const int promoted = add(promote, decision);
    Step dropOld = make(StepKind::DropIndexConcurrently,
                        u"DROP INDEX CONCURRENTLY IF EXISTS "_s + q({target.name.schema, oldName}),
                        Pass::Rebuild, decision.category, target.table, display);
    dropOld.after = {promoted};
    add(dropOld, decision);
    if (target.clustered != current.clustered || target.clustered) {
        Step cluster = make(StepKind::ClusterOn,
                            u"ALTER TABLE "_s + q(target.table) +
                                (target.clustered ? u" CLUSTER ON "_s + ident(target.name.name)
                                                  : u" SET WITHOUT CLUSTER"_s),
                            Pass::Rebuild, decision.category, target.table, display);
        cluster.after = {promoted};
        add(cluster, decision);
    }
    if (!target.comment.isEmpty() || !current.comment.isEmpty()) {
        Step comment =
            make(StepKind::CommentOn,
                 u"COMMENT ON INDEX "_s + q(target.name) + u" IS "_s +
                     (target.comment.isEmpty() ? u"NULL"_s : db::quoteLiteral(target.comment)),
                 Pass::Rebuild, decision.category, target.table, display);
        comment.after = {promoted};
        add(comment, decision);
    }
}

void Planner::planConstraint(const Change& change, const Decision& decision)
{
    const Constraint* target = toConstraint(change.object);
    const Constraint* current = fromConstraint(change.object);
    const bool drop = change.action == Action::Drop;
    const Constraint* constraint = drop ? current : target;
    if (drop && m_recipeChecks.contains(change.object))
        return; // a check a NOT NULL recipe left behind: the recipe drops it
    const bool rebuilt = current && target;
    const bool referencesChangingTable =
        constraint && constraint->referencedTable &&
        (isNewTable(*constraint->referencedTable) ||
         !m_toLookup.table(*constraint->referencedTable) ||
         m_reshapedTables.contains(ObjectKey{NodeKind::Relation,
                                             constraint->referencedTable->schema,
                                             constraint->referencedTable->name,
                                             {}}));
    // A partitioned table takes checks NOT VALID and validates them partition by partition;
    // its keys and foreign keys are added as they are (no USING INDEX, no NOT VALID there).
    const Table* partitioned = constraint ? m_toLookup.table(constraint->table) : nullptr;
    const bool checkOnPartitioned =
        partitioned && partitioned->isPartitioned() && constraint->kind == ConstraintKind::Check &&
        m_fromLookup.table(constraint->table) && !isNewTable(constraint->table) &&
        !m_reshapedTables.contains(
            ObjectKey{NodeKind::Relation, constraint->table.schema, constraint->table.name, {}});
    if (!constraint || (!onExistingTable(constraint->table) && !checkOnPartitioned) ||
        referencesChangingTable)
        return addChangeStatements(change, m_pass, decision);
    if (drop)
        return addChangeStatements(change, rebuilt ? m_pass : Pass::DropConstraints, decision);
    if (change.action != Action::Create) {
        const Pass pass = change.attribute == Attribute::Validated ? Pass::Validate
                          : change.action == Action::Rename        ? Pass::AddConstraints
                                                                   : m_pass;
        return addChangeStatements(change, pass, decision);
    }
    const Constraint& c = *constraint;
    const QString display = constraintDisplay(c);
    auto comment = [&](Pass pass, int after) {
        for (const QString& sql : catalog::detail::commentOn(
                 u"CONSTRAINT "_s + ident(c.name) + u" ON "_s + q(c.table), c.comment)) {
            Step s = make(StepKind::CommentOn, sql, pass, decision.category, c.table, display);
            s.after = {after};
            add(s, decision);
        }
    };
    if ((c.kind == ConstraintKind::PrimaryKey || c.kind == ConstraintKind::Unique) && !rebuilt) {
        // The index is built concurrently (or an existing one adopted), then the constraint
        // takes it over in a catalog-only step.
        QList<int> after;
        QString indexName;
        if (auto adopted = m_adoptions.find(change.object); adopted != m_adoptions.end()) {
            indexName = adopted->second;
        } else if (const Index* index = constraintIndex(c)) {
            Step build = make(StepKind::CreateIndexConcurrently, buildSql(*index),
                              Pass::CreateIndexes, decision.category, c.table, display);
            build.index = index->name;
            build.hazards.append(Hazard::MayFailOnExistingRows);
            after.append(add(build, decision));
            indexName = index->name.name;
        }
        if (!indexName.isEmpty()) {
            // ADD PRIMARY KEY sets NOT NULL on its columns and scans for that under ACCESS
            // EXCLUSIVE: the NOT NULL recipe of each column (planned with the column's change)
            // runs first, so the adoption finds them NOT NULL already.
            Pass pass = Pass::AddConstraints;
            if (c.kind == ConstraintKind::PrimaryKey)
                for (const QString& column : c.columns)
                    if (auto set = m_notNullSteps.find({c.table, column});
                        set != m_notNullSteps.end()) {
                        after.append(set->second);
                        pass = Pass::Validate;
                    }
            QString sql = u"ALTER TABLE "_s + q(c.table) + u" ADD CONSTRAINT "_s + ident(c.name) +
                          (c.kind == ConstraintKind::PrimaryKey ? u" PRIMARY KEY USING INDEX "_s
                                                                : u" UNIQUE USING INDEX "_s) +
                          ident(indexName);
            if (c.deferrable)
                sql += c.initiallyDeferred ? u" DEFERRABLE INITIALLY DEFERRED"_s : u" DEFERRABLE"_s;
            Step adopt =
                make(StepKind::AddKeyUsingIndex, sql, pass, decision.category, c.table, display);
            adopt.after = after;
            const int adopted = add(adopt, decision);
            comment(pass, adopted);
            return;
        }
    }
    if (c.kind == ConstraintKind::Check || c.kind == ConstraintKind::ForeignKey) {
        // NOT VALID takes its lock for an instant; VALIDATE scans under a weaker one.
        const bool foreignKey = c.kind == ConstraintKind::ForeignKey;
        const int added =
            add(make(foreignKey ? StepKind::AddForeignKeyNotValid : StepKind::AddCheckNotValid,
                     addConstraintSql(c, true), Pass::AddConstraints, decision.category, c.table,
                     display),
                decision);
        if (c.validated) {
            Step validate =
                make(foreignKey ? StepKind::ValidateForeignKey : StepKind::ValidateConstraint,
                     u"ALTER TABLE "_s + q(c.table) + u" VALIDATE CONSTRAINT "_s + ident(c.name),
                     Pass::Validate, decision.category, c.table, display);
            validate.after = {added};
            add(validate, decision);
        }
        comment(Pass::AddConstraints, added);
        return;
    }
    // Exclusion constraints (no USING INDEX for them) and keys rebuilt under their name.
    const int added =
        add(make(StepKind::AddKey, addConstraintSql(c, false),
                 rebuilt ? m_pass : Pass::AddConstraints, decision.category, c.table, display),
            decision);
    comment(rebuilt ? m_pass : Pass::AddConstraints, added);
}

void Planner::planNotNull(const Change& change)
{
    notNullRecipe(nameOf(change.object), {change.column}, Pass::AddConstraints, {});
}

// NOT NULL without a long ACCESS EXCLUSIVE scan: a NOT VALID check, validated under a weaker
// lock, lets SET NOT NULL skip the scan (PostgreSQL 12); the check is dropped in the same
// transaction. A check left by an earlier run that stopped half-way is taken up again.
QList<int> Planner::notNullRecipe(const QualifiedName& table, const QStringList& columns,
                                  Pass addPass, QList<int> after)
{
    QList<int> sets;
    const QString alter = u"ALTER TABLE "_s + q(table);
    for (const QString& column : columns) {
        const QString check = notNullCheckName(column);
        const QString checkDisplay = check + u" on "_s + table.display();
        const Constraint* leftover =
            fromConstraint(ObjectKey{NodeKind::Constraint, table.schema, table.name, check});
        QList<int> previous = after;
        if (!leftover) {
            Step added = make(StepKind::AddCheckNotValid,
                              alter + u" ADD CONSTRAINT "_s + ident(check) + u" CHECK ("_s +
                                  ident(column) + u" IS NOT NULL) NOT VALID"_s,
                              addPass, Category::Convergence, table, checkDisplay);
            added.after = previous;
            previous = {add(added)};
        }
        if (!leftover || !leftover->validated) {
            Step validate = make(StepKind::ValidateConstraint,
                                 alter + u" VALIDATE CONSTRAINT "_s + ident(check), Pass::Validate,
                                 Category::Convergence, table, checkDisplay);
            validate.after = previous;
            previous = {add(validate)};
        }
        Step set =
            make(StepKind::SetNotNullProven,
                 alter + u" ALTER COLUMN "_s + ident(column) + u" SET NOT NULL"_s, Pass::Validate,
                 Category::Convergence, table, table.display() + u'.' + column);
        set.after = previous;
        set.joinsNext = true;
        const int setId = add(set);
        Step drop = make(StepKind::DropConstraint, alter + u" DROP CONSTRAINT "_s + ident(check),
                         Pass::Validate, Category::Convergence, table, checkDisplay);
        drop.after = {setId};
        add(drop);
        m_notNullSteps[{table, column}] = setId;
        sets.append(setId);
    }
    return sets;
}

} // namespace plumb::plan::detail
