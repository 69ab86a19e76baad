#include "core/db/quote.h"
#include "core/plan/plan.h"
#include "core/plan/type_changes.h"

#include <algorithm>
#include <set>

using namespace Qt::StringLiterals;

namespace plumb::plan {

using namespace catalog;
using diff::Action;
using diff::Change;
using diff::ObjectType;

namespace {

ObjectKey tableKeyOf(const QualifiedName& name)
{
    return ObjectKey{NodeKind::Relation, name.schema, name.name, {}};
}

bool startsWith(const QString& sql, QStringView prefix)
{
    return sql.startsWith(prefix, Qt::CaseInsensitive);
}

// The lock a plain statement takes, from its leading words (ALTER TABLE subcommands vary; the
// strongest common one is assumed).
Lock lockOf(const QString& sql, ObjectType type)
{
    if (startsWith(sql, u"COMMENT ON"))
        return Lock::ShareUpdateExclusive;
    if (startsWith(sql, u"CREATE INDEX CONCURRENTLY") ||
        startsWith(sql, u"CREATE UNIQUE INDEX CONCURRENTLY") ||
        startsWith(sql, u"DROP INDEX CONCURRENTLY") ||
        startsWith(sql, u"REINDEX INDEX CONCURRENTLY") || sql.contains(u" VALIDATE CONSTRAINT "))
        return Lock::ShareUpdateExclusive;
    if (startsWith(sql, u"CREATE INDEX") || startsWith(sql, u"CREATE UNIQUE INDEX"))
        return Lock::Share;
    if (startsWith(sql, u"ALTER TABLE") && sql.contains(u" ADD CONSTRAINT ") &&
        sql.contains(u" FOREIGN KEY "))
        return Lock::ShareRowExclusive;
    if (startsWith(sql, u"ALTER INDEX") && sql.contains(u" RENAME TO "))
        return Lock::ShareUpdateExclusive;
    if (startsWith(sql, u"ALTER TABLE") || startsWith(sql, u"DROP TABLE") ||
        startsWith(sql, u"DROP INDEX") || startsWith(sql, u"ALTER INDEX") ||
        startsWith(sql, u"DROP VIEW") || startsWith(sql, u"DROP MATERIALIZED VIEW") ||
        startsWith(sql, u"CREATE TRIGGER") || startsWith(sql, u"CREATE CONSTRAINT TRIGGER") ||
        startsWith(sql, u"DROP TRIGGER") || startsWith(sql, u"CREATE POLICY") ||
        startsWith(sql, u"DROP POLICY") || startsWith(sql, u"ALTER POLICY") ||
        startsWith(sql, u"ALTER SEQUENCE") || startsWith(sql, u"ALTER MATERIALIZED VIEW") ||
        startsWith(sql, u"ALTER VIEW") || startsWith(sql, u"CREATE OR REPLACE VIEW"))
        return Lock::AccessExclusive;
    if (type == ObjectType::Table || type == ObjectType::Column)
        return Lock::AccessExclusive;
    return Lock::None;
}

class Planner {
public:
    Planner(const Catalog& from, const Catalog& to, const diff::ChangeSet& changes, Mode mode)
        : m_from(from)
        , m_to(to)
        , m_changes(changes)
        , m_mode(mode)
    {
        for (const Change& change : changes.changes) {
            if (change.type == ObjectType::Table && change.action == Action::Create &&
                change.attribute.isEmpty())
                m_newTables.insert(change.object);
            if (change.type == ObjectType::Column &&
                (change.action == Action::Drop || change.attribute == u"type"))
                m_reshapedTables.insert(change.object);
            if (change.type == ObjectType::Column && change.attribute == u"identity")
                m_identityColumns.insert({change.object, change.column});
            if ((change.type == ObjectType::Index || change.type == ObjectType::Constraint) &&
                change.action == Action::Drop && !change.forDependency)
                m_droppedKeys.insert(change.object);
        }
        for (const Change& change : changes.changes)
            if (change.action == Action::Create && m_droppedKeys.contains(change.object))
                m_rebuiltKeys.insert(change.object);
    }

    Plan run()
    {
        Plan plan;
        plan.mode = m_mode;
        // The change set drops everything before it creates: up to its last drop (and the
        // early alters among the drops) is the prepare pass.
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
        if (m_mode == Mode::Online)
            std::stable_sort(m_steps.begin(), m_steps.end(),
                             [](const Step& a, const Step& b) { return a.pass < b.pass; });
        plan.steps = m_steps;
        return plan;
    }

private:
    Step step(const QString& sql, Pass pass, Category category) const
    {
        const Change& change = m_changes.changes[m_change];
        Step s;
        s.sql = sql;
        s.pass = pass;
        s.category = category;
        s.change = m_change;
        s.transactional = change.transactional;
        s.lock = lockOf(sql, change.type);
        s.object =
            change.object.display() + (change.column.isEmpty() ? QString() : u'.' + change.column);
        s.summary = diff::actionName(change.action) + u' ' + diff::objectTypeName(change.type) +
                    u' ' + s.object +
                    (change.attribute.isEmpty() ? QString() : u" (" + change.attribute + u')');
        if (change.destroysData)
            s.hazards.append(Hazard::DropsData);
        return s;
    }

    void add(Step s) { m_steps.append(std::move(s)); }

    bool onExistingTable(const QualifiedName& table) const
    {
        const ObjectKey key = tableKeyOf(table);
        const Table* t = m_to.table(table);
        // Tables whose columns are dropped or retyped keep their indexes and constraints in the
        // structural order: those steps depend on each other.
        return t && !t->isPartitioned() && !m_newTables.contains(key) && m_from.table(table) &&
               !m_reshapedTables.contains(key);
    }

    const Index* toIndex(const ObjectKey& key) const
    {
        for (const Index& i : m_to.indexes)
            if (i.name.schema == key.schema && i.name.name == key.name)
                return &i;
        return nullptr;
    }
    const Index* fromIndex(const ObjectKey& key) const
    {
        for (const Index& i : m_from.indexes)
            if (i.name.schema == key.schema && i.name.name == key.name)
                return &i;
        return nullptr;
    }
    const Constraint* toConstraint(const ObjectKey& key) const
    {
        for (const Constraint& c : m_to.constraints)
            if (c.table.schema == key.schema && c.table.name == key.name && c.name == key.member)
                return &c;
        return nullptr;
    }
    const Constraint* fromConstraint(const ObjectKey& key) const
    {
        for (const Constraint& c : m_from.constraints)
            if (c.table.schema == key.schema && c.table.name == key.name && c.name == key.member)
                return &c;
        return nullptr;
    }

    Category categoryOf(const Change& change, QString* reason, QString* guidance) const
    {
        switch (change.type) {
        case ObjectType::Index:
            return Category::Convergence;
        case ObjectType::Constraint:
            // Both halves are blocked: dropping the old one alone would lose the guarantee.
            if ((change.action == Action::Create || change.action == Action::Drop) &&
                m_rebuiltKeys.contains(change.object) && !change.forDependency) {
                *reason = u"The constraint's definition changed under the same name."_s;
                *guidance =
                    u"Give the new definition a new name in the target schema: the new "
                    u"constraint is then added NOT VALID and validated before the old one is "
                    u"dropped. Or check the existing rows against the new definition and run "
                    u"the steps with --run-blocked."_s;
                return Category::Blocked;
            }
            return Category::Convergence;
        case ObjectType::Column:
            if (change.attribute == u"not_null" || change.attribute == u"default")
                return Category::Convergence;
            if (change.attribute == u"type" && !isSafeTypeChange(change.before, change.after)) {
                *reason = u"Changing the type from %1 to %2 is not on the safe list: it may "
                          u"rewrite the table under an ACCESS EXCLUSIVE lock or fail on "
                          u"existing values."_s.arg(change.before, change.after);
                *guidance = typeChangeGuidance(change);
                return Category::Blocked;
            }
            if (change.action == Action::Create && change.attribute.isEmpty() &&
                !m_newTables.contains(change.object) && addsRequiredColumn(change)) {
                *reason = u"A NOT NULL column without a default cannot be added to a table "
                          u"that may hold rows."_s;
                *guidance = u"Add the column without NOT NULL (or with a DEFAULT), fill it, then "
                            u"declare NOT NULL: convergence adds it online."_s;
                return Category::Blocked;
            }
            return Category::Structural;
        case ObjectType::Table:
            if (change.attribute == u"storage" || change.attribute == u"replica_identity")
                return Category::Convergence;
            return Category::Structural;
        default:
            return Category::Structural;
        }
    }

    bool addsRequiredColumn(const Change& change) const
    {
        const Table* t = m_to.table({change.object.schema, change.object.name});
        const Column* c = t ? t->column(change.column) : nullptr;
        return c && c->notNull && c->defaultExpr.isEmpty() && c->identity == IdentityKind::None &&
               c->generated == GeneratedKind::None;
    }

    static QString typeChangeGuidance(const Change& change)
    {
        const QString table = db::qualifiedName(change.object.schema, change.object.name);
        const QString column = db::quoteIdentifier(change.column);
        return u"Write the conversion yourself in a migration, with an explicit USING:\n"
               u"  ALTER TABLE %1 ALTER COLUMN %2 TYPE %3 USING %2::%3;\n"
               u"or add a new column, backfill it in batches and switch over."_s.arg(table, column,
                                                                                     change.after);
    }

    void planChange(const Change& change)
    {
        QString reason;
        QString guidance;
        const Category category = categoryOf(change, &reason, &guidance);
        auto addAll = [&](Pass pass) {
            for (const QString& sql : change.sql) {
                Step s = step(sql, pass, category);
                s.blockedReason = reason;
                s.guidance = guidance;
                add(s);
            }
        };
        if (m_mode == Mode::Plain || category == Category::Structural || change.forDependency) {
            addAll(m_pass);
            return;
        }
        if (change.type == ObjectType::Index)
            return planIndex(change, category);
        if (change.type == ObjectType::Constraint)
            return planConstraint(change, category, reason, guidance);
        if (change.type == ObjectType::Column && change.attribute == u"not_null" &&
            change.after == u"true" &&
            onExistingTable({change.object.schema, change.object.name}) &&
            !m_identityColumns.contains({change.object, change.column}))
            return planNotNull(change);
        if (change.type == ObjectType::Column && change.attribute == u"not_null" &&
            change.after == u"false")
            return addAll(Pass::DropConstraints); // after a primary key on it is gone
        if (change.type == ObjectType::Table && change.attribute == u"replica_identity")
            return addAll(Pass::AddConstraints);
        addAll(m_pass);
    }

    void planIndex(const Change& change, Category category)
    {
        const Index* target = toIndex(change.object);
        const Index* current = fromIndex(change.object);
        const Index* index = change.action == Action::Drop ? current : target;
        if (!index || !onExistingTable(index->table) || change.action == Action::Rename ||
            change.action == Action::Alter) {
            for (const QString& sql : change.sql)
                add(step(sql, m_pass, category)); // renames run first: later steps use the names
            return;
        }
        const bool rebuilt = current && target;
        if (rebuilt && !current->valid && current->definition == target->definition) {
            // An invalid index left by a failed concurrent build: rebuilt in place.
            if (change.action == Action::Create) {
                Step s = step(u"REINDEX INDEX CONCURRENTLY "_s +
                                  db::qualifiedName(target->name.schema, target->name.name),
                              Pass::Rebuild, category);
                s.transactional = false;
                s.lock = Lock::ShareUpdateExclusive;
                s.hazards = {Hazard::FullScan, Hazard::InvalidIndexOnFailure};
                add(s);
            }
            return;
        }
        if (change.action == Action::Drop) {
            if (!index->constraintName.isEmpty() || index->parentIndex)
                return add(step(change.sql.value(0), m_pass, category));
            Step s = step(u"DROP INDEX CONCURRENTLY "_s +
                              db::qualifiedName(index->name.schema, index->name.name),
                          rebuilt ? Pass::Rebuild : Pass::DropIndexes, category);
            s.transactional = false;
            s.lock = Lock::ShareUpdateExclusive;
            return add(s);
        }
        const Pass pass = rebuilt ? Pass::Rebuild
                          : (!index->constraintName.isEmpty() || index->parentIndex)
                              ? Pass::AddConstraints
                              : Pass::CreateIndexes;
        // The index of a constraint that is dropped, built again under the same name as a plain
        // index: built beside it under a passing name, renamed once the constraint (and its
        // index) is gone, so the table is never without it.
        const bool replacesConstraintIndex =
            rebuilt && !current->constraintName.isEmpty() && target->constraintName.isEmpty();
        const QString passingName =
            replacesConstraintIndex ? passingNameOf(target->name.name) : QString();
        for (const QString& sql : change.sql) {
            Step s = step(sql, pass, category);
            for (QStringView prefix : {u"CREATE INDEX ", u"CREATE UNIQUE INDEX "}) {
                if (!startsWith(sql, prefix))
                    continue;
                QString rest = sql.mid(prefix.size());
                const QString named = db::quoteIdentifier(target->name.name) + u" ON "_s;
                if (replacesConstraintIndex && rest.startsWith(named))
                    rest = db::quoteIdentifier(passingName) + u" ON "_s + rest.mid(named.size());
                s.sql = prefix.toString() + u"CONCURRENTLY "_s + rest;
                s.transactional = false;
                s.lock = Lock::ShareUpdateExclusive;
                s.hazards = {Hazard::FullScan, Hazard::InvalidIndexOnFailure};
                if (index->unique)
                    s.hazards.append(Hazard::MayFailOnExistingRows);
            }
            add(s);
        }
        if (replacesConstraintIndex) {
            // The last pass: after the constraint's drop, whatever order the changes came in.
            Step rename =
                step(u"ALTER INDEX "_s + db::qualifiedName(target->name.schema, passingName) +
                         u" RENAME TO "_s + db::quoteIdentifier(target->name.name),
                     Pass::DropIndexes, category);
            rename.lock = Lock::ShareUpdateExclusive;
            add(rename);
        }
    }

    // `name` with a suffix, within PostgreSQL's 63-byte identifiers.
    static QString passingNameOf(const QString& name)
    {
        const QString suffix = u"_plumb_new"_s;
        QString base = name;
        while ((base + suffix).toUtf8().size() > 63)
            base.chop(1);
        return base + suffix;
    }

    void planConstraint(const Change& change, Category category, const QString& reason,
                        const QString& guidance)
    {
        const Constraint* target = toConstraint(change.object);
        const Constraint* current = fromConstraint(change.object);
        const Constraint* constraint = change.action == Action::Drop ? current : target;
        const bool rebuilt = current && target;
        auto blocked = [&](Step s) {
            s.blockedReason = reason;
            s.guidance = guidance;
            return s;
        };
        const bool referencesChangingTable =
            constraint && constraint->referencedTable &&
            (m_newTables.contains(tableKeyOf(*constraint->referencedTable)) ||
             !m_to.table(*constraint->referencedTable) ||
             m_reshapedTables.contains(tableKeyOf(*constraint->referencedTable)));
        if (!constraint || !onExistingTable(constraint->table) || referencesChangingTable) {
            for (const QString& sql : change.sql)
                add(blocked(step(sql, m_pass, category)));
            return;
        }
        const bool keyKind = constraint->kind == ConstraintKind::PrimaryKey ||
                             constraint->kind == ConstraintKind::Unique ||
                             constraint->kind == ConstraintKind::Exclusion;
        if (change.action == Action::Drop) {
            const Pass pass =
                rebuilt ? m_pass : Pass::DropConstraints; // dependents are rebuilt around it there
            for (const QString& sql : change.sql)
                add(blocked(step(sql, pass, category)));
            return;
        }
        if (change.action != Action::Create) {
            const Pass pass = change.attribute == u"validated"  ? Pass::Validate
                              : change.action == Action::Rename ? Pass::AddConstraints
                                                                : m_pass;
            for (const QString& sql : change.sql) {
                Step s = step(sql, pass, category);
                if (change.attribute == u"validated")
                    s.hazards = {Hazard::FullScan, Hazard::MayFailOnExistingRows};
                add(s);
            }
            return;
        }
        const QString table = db::qualifiedName(constraint->table.schema, constraint->table.name);
        const QString name = db::quoteIdentifier(constraint->name);
        for (const QString& sql : change.sql) {
            if (!sql.contains(u" ADD CONSTRAINT "_s)) {
                add(step(sql, Pass::AddConstraints, category));
                continue;
            }
            if (keyKind && !rebuilt && constraint->kind != ConstraintKind::Exclusion) {
                // Unique and primary keys: the index is built concurrently, then adopted.
                const Index* index = nullptr;
                for (const Index& i : m_to.indexes)
                    if (i.table == constraint->table && i.constraintName == constraint->name)
                        index = &i;
                if (index) {
                    QString build = index->definition;
                    build.replace(u"CREATE UNIQUE INDEX "_s,
                                  u"CREATE UNIQUE INDEX CONCURRENTLY "_s);
                    Step s = step(build, Pass::CreateIndexes, category);
                    s.transactional = false;
                    s.lock = Lock::ShareUpdateExclusive;
                    s.hazards = {Hazard::FullScan, Hazard::InvalidIndexOnFailure,
                                 Hazard::MayFailOnExistingRows};
                    add(s);
                    QString adopt = u"ALTER TABLE "_s + table + u" ADD CONSTRAINT "_s + name +
                                    (constraint->kind == ConstraintKind::PrimaryKey
                                         ? u" PRIMARY KEY USING INDEX "_s
                                         : u" UNIQUE USING INDEX "_s) +
                                    db::quoteIdentifier(index->name.name);
                    if (constraint->deferrable)
                        adopt += constraint->initiallyDeferred ? u" DEFERRABLE INITIALLY DEFERRED"_s
                                                               : u" DEFERRABLE"_s;
                    Step a = step(adopt, Pass::AddConstraints, category);
                    a.lock = Lock::AccessExclusive;
                    if (constraint->kind == ConstraintKind::PrimaryKey)
                        a.hazards = {Hazard::FullScan, Hazard::MayFailOnExistingRows};
                    add(a);
                    continue;
                }
            }
            if (constraint->kind == ConstraintKind::Check ||
                constraint->kind == ConstraintKind::ForeignKey) {
                // NOT VALID takes the lock for an instant; VALIDATE scans under a weaker one.
                QString addSql = sql;
                if (!addSql.endsWith(u" NOT VALID"_s))
                    addSql += u" NOT VALID"_s;
                add(blocked(step(addSql, Pass::AddConstraints, category)));
                if (constraint->validated) {
                    Step v = step(u"ALTER TABLE "_s + table + u" VALIDATE CONSTRAINT "_s + name,
                                  Pass::Validate, category);
                    v.lock = Lock::ShareUpdateExclusive;
                    v.hazards = {Hazard::FullScan, Hazard::MayFailOnExistingRows};
                    add(blocked(v));
                }
                continue;
            }
            Step s = blocked(step(sql, rebuilt ? m_pass : Pass::AddConstraints, category));
            s.hazards = {Hazard::FullScan, Hazard::BlocksWrites, Hazard::MayFailOnExistingRows};
            add(s);
        }
    }

    // NOT NULL without a long ACCESS EXCLUSIVE scan: a NOT VALID check, validated under a weaker
    // lock, lets SET NOT NULL skip the scan; the check is dropped afterwards.
    void planNotNull(const Change& change)
    {
        const QString table = db::qualifiedName(change.object.schema, change.object.name);
        const QString column = db::quoteIdentifier(change.column);
        const QString check = db::quoteIdentifier(
            db::truncateIdentifier(QString(change.column + u"_plumb_not_null"_s)));
        Step add1 = step(u"ALTER TABLE "_s + table + u" ADD CONSTRAINT "_s + check + u" CHECK ("_s +
                             column + u" IS NOT NULL) NOT VALID"_s,
                         Pass::AddConstraints, Category::Convergence);
        add1.lock = Lock::AccessExclusive;
        add(add1);
        Step validate = step(u"ALTER TABLE "_s + table + u" VALIDATE CONSTRAINT "_s + check,
                             Pass::Validate, Category::Convergence);
        validate.lock = Lock::ShareUpdateExclusive;
        validate.hazards = {Hazard::FullScan, Hazard::MayFailOnExistingRows};
        add(validate);
        Step set =
            step(u"ALTER TABLE "_s + table + u" ALTER COLUMN "_s + column + u" SET NOT NULL"_s,
                 Pass::Validate, Category::Convergence);
        set.lock = Lock::AccessExclusive;
        add(set);
        Step drop = step(u"ALTER TABLE "_s + table + u" DROP CONSTRAINT "_s + check,
                         Pass::DropConstraints, Category::Convergence);
        drop.lock = Lock::AccessExclusive;
        add(drop);
    }

    const Catalog& m_from;
    const Catalog& m_to;
    const diff::ChangeSet& m_changes;
    Mode m_mode;
    QList<Step> m_steps;
    Pass m_pass = Pass::Prepare;
    int m_change = 0;
    std::set<ObjectKey> m_newTables;
    std::set<ObjectKey> m_reshapedTables;
    std::set<std::pair<ObjectKey, QString>> m_identityColumns;
    std::set<ObjectKey> m_droppedKeys;
    std::set<ObjectKey> m_rebuiltKeys;
};

} // namespace

Plan makePlan(const Catalog& from, const Catalog& to, const diff::ChangeSet& changes, Mode mode)
{
    return Planner(from, to, changes, mode).run();
}

qsizetype Plan::blockedCount() const
{
    return std::count_if(steps.begin(), steps.end(),
                         [](const Step& s) { return s.category == Category::Blocked; });
}

} // namespace plumb::plan
