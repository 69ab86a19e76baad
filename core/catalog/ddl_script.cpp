#include "core/catalog/ddl_objects.h"
#include "core/db/quote.h"
#include "ddl.h"

#include <QHash>
#include <map>
#include <set>

using namespace Qt::StringLiterals;

namespace plumb::catalog {

namespace {

// Emission phases: the tie-breaker among objects whose dependencies are met, and the order that
// breaks a dependency cycle (the earliest-phase object of the cycle goes first).
enum Phase {
    SchemaPhase,
    ExtensionPhase,
    CollationPhase,
    TypePhase,
    SequencePhase,
    RoutinePhase,
    TablePhase,
    ViewPhase,
    KeyConstraintPhase,
    IndexPhase,
    IndexAttachPhase,
    ForeignKeyPhase,
    TableSettingsPhase,
    TriggerPhase,
    DatabaseObjectPhase,
};

struct Item {
    ObjectKey key;
    int phase = 0;
    QStringList sql;
    QList<ObjectKey> after; // extra dependencies the catalog's graph does not carry
};

QString ownerStatement(const QString& kind, const QString& name, const Ownership& ownership,
                       const DdlOptions& options)
{
    if (!options.ownership || ownership.owner.isEmpty())
        return {};
    return u"ALTER "_s + kind + u' ' + name + u" OWNER TO "_s +
           db::quoteIdentifier(ownership.owner);
}

QString q(const QualifiedName& name)
{
    return db::qualifiedName(name.schema, name.name);
}

class Planner {
public:
    Planner(const Catalog& catalog, const DdlOptions& options)
        : m_catalog(catalog)
        , m_options(options)
    {}

    QList<DdlStatement> plan()
    {
        collect();
        return order();
    }

private:
    void add(ObjectKey key, int phase, QStringList sql, QString owner = {},
             QList<ObjectKey> after = {})
    {
        if (!owner.isEmpty())
            sql.append(owner);
        if (sql.isEmpty())
            return;
        if (!m_primary.contains(key))
            m_primary.emplace(key, int(m_items.size()));
        m_items.append(Item{std::move(key), phase, std::move(sql), std::move(after)});
    }

    // Constraint-backed indexes are made by their constraint: one node in the graph.
    ObjectKey resolve(const ObjectKey& key) const
    {
        auto alias = m_indexConstraint.find(key);
        return alias == m_indexConstraint.end() ? key : alias->second;
    }

    void collect()
    {
        using namespace detail;
        const Catalog& c = m_catalog;
        for (const Index& index : c.indexes)
            if (!index.constraintName.isEmpty())
                m_indexConstraint.emplace(keyOf(index),
                                          ObjectKey{NodeKind::Constraint, index.table.schema,
                                                    index.table.name, index.constraintName});

        for (const Schema& s : c.schemas)
            add(keyOf(s), SchemaPhase, createSchema(s),
                ownerStatement(u"SCHEMA"_s, db::quoteIdentifier(s.name), s.ownership, m_options));
        for (const Extension& e : c.extensions)
            add(keyOf(e), ExtensionPhase, createExtension(e));
        for (const Collation& o : c.collations)
            add(keyOf(o), CollationPhase, createCollation(o),
                ownerStatement(u"COLLATION"_s, q(o.name), o.ownership, m_options));
        // Before routines and indexes: function bodies name configurations in strings, which
        // pg_depend does not see.
        for (const TextSearchConfiguration& t : c.textSearchConfigurations)
            add(keyOf(t), CollationPhase, createTextSearchConfiguration(t),
                ownerStatement(u"TEXT SEARCH CONFIGURATION"_s, q(t.name), t.ownership, m_options));
        for (const EnumType& t : c.enums)
            add(keyOf(t), TypePhase, createEnum(t),
                ownerStatement(u"TYPE"_s, q(t.name), t.ownership, m_options));
        for (const RangeType& t : c.ranges)
            add(keyOf(t), TypePhase, createRange(t),
                ownerStatement(u"TYPE"_s, q(t.name), t.ownership, m_options));
        for (const CompositeType& t : c.composites)
            add(keyOf(t), TypePhase, createComposite(t),
                ownerStatement(u"TYPE"_s, q(t.name), t.ownership, m_options));
        for (const Domain& d : c.domains)
            add(keyOf(d), TypePhase, createDomain(d),
                ownerStatement(u"DOMAIN"_s, q(d.name), d.ownership, m_options));
        for (const Sequence& s : c.sequences)
            if (!s.identity)
                add(keyOf(s), SequencePhase, createSequence(s),
                    ownerStatement(u"SEQUENCE"_s, q(s.name), s.ownership, m_options));
        for (const Routine& r : c.routines) {
            const QString kind = r.kind == RoutineKind::Procedure   ? u"PROCEDURE"_s
                                 : r.kind == RoutineKind::Aggregate ? u"AGGREGATE"_s
                                                                    : u"FUNCTION"_s;
            add(keyOf(r), RoutinePhase, createRoutine(r),
                ownerStatement(kind, q(r.name) + u'(' + r.identityArgumentTypes + u')', r.ownership,
                               m_options));
        }
        // With the routines: pg_depend puts an operator after its function and estimators.
        for (const Operator& o : c.operators)
            add(keyOf(o), RoutinePhase, createOperator(o),
                ownerStatement(u"OPERATOR"_s, operatorSignatureSql(o), o.ownership, m_options));
        for (const Table& t : c.tables) {
            QList<ObjectKey> after;
            if (t.partitionOf)
                after.append(
                    ObjectKey{NodeKind::Relation, t.partitionOf->schema, t.partitionOf->name, {}});
            for (const QualifiedName& parent : t.inherits)
                after.append(ObjectKey{NodeKind::Relation, parent.schema, parent.name, {}});
            add(keyOf(t), TablePhase, createTable(c, t),
                ownerStatement(u"TABLE"_s, q(t.name), t.ownership, m_options), after);
        }
        for (const View& v : c.views)
            add(keyOf(v), ViewPhase, createView(v),
                ownerStatement(v.materialized ? u"MATERIALIZED VIEW"_s : u"VIEW"_s, q(v.name),
                               v.ownership, m_options));
        collectConstraints();
        for (const Index& i : c.indexes) {
            if (i.constraintName.isEmpty())
                add(keyOf(i), IndexPhase, createIndex(i));
            else
                add(keyOf(i), IndexPhase, createIndex(i), {}, {resolve(keyOf(i))});
        }
        for (const Index& i : c.indexes)
            if (i.parentIndex)
                add(keyOf(i), IndexAttachPhase, attachIndex(i), {},
                    {resolve(keyOf(i)),
                     resolve(ObjectKey{
                         NodeKind::Relation, i.parentIndex->schema, i.parentIndex->name, {}})});
        for (const Sequence& s : c.sequences)
            add(keyOf(s), TableSettingsPhase, sequenceOwnedBy(s));
        for (const Table& t : c.tables)
            add(keyOf(t), TableSettingsPhase, tableSettingsAfterIndexes(t));
        for (const Trigger& t : c.triggers)
            add(keyOf(t), TriggerPhase, createTrigger(t));
        for (const Policy& p : c.policies)
            add(keyOf(p), TriggerPhase, createPolicy(p));
        for (const EventTrigger& t : c.eventTriggers)
            add(keyOf(t), DatabaseObjectPhase, createEventTrigger(t),
                ownerStatement(u"EVENT TRIGGER"_s, db::quoteIdentifier(t.name),
                               Ownership{t.owner, {}}, m_options));
        for (const DefaultPrivilege& d : c.defaultPrivileges)
            add(keyOf(d), DatabaseObjectPhase, createDefaultPrivilege(d), {},
                {ObjectKey{NodeKind::Schema, {}, d.schema, {}}});
        for (const Publication& p : c.publications)
            add(keyOf(p), DatabaseObjectPhase, createPublication(p),
                ownerStatement(u"PUBLICATION"_s, db::quoteIdentifier(p.name),
                               Ownership{p.owner, {}}, m_options));
    }

    void collectConstraints()
    {
        const Catalog& c = m_catalog;
        // A check declared on both a child and its parent must be added to the child first:
        // adding it to the parent then merges into the child's copy.
        // Tables are looked up by name, and only for such checks: a scan of every constraint
        // per table made writing a 10,000-table schema quadratic.
        std::map<ObjectKey, QList<ObjectKey>> childFirst;
        QHash<QualifiedName, const Table*> tables;
        for (const Constraint& con : c.constraints) {
            if (!con.isLocal || con.inheritanceCount == 0)
                continue;
            if (tables.isEmpty())
                for (const Table& t : c.tables)
                    tables.insert(t.name, &t);
            const Table* t = tables.value(con.table, nullptr);
            if (!t)
                continue;
            QList<QualifiedName> parents = t->inherits;
            if (t->partitionOf)
                parents.append(*t->partitionOf);
            for (const QualifiedName& parent : parents)
                childFirst[ObjectKey{NodeKind::Constraint, parent.schema, parent.name, con.name}]
                    .append(keyOf(con));
        }
        for (const Constraint& con : c.constraints) {
            const int phase =
                con.kind == ConstraintKind::ForeignKey ? ForeignKeyPhase : KeyConstraintPhase;
            auto it = childFirst.find(keyOf(con));
            add(keyOf(con), phase, detail::createConstraint(con), {},
                it == childFirst.end() ? QList<ObjectKey>{} : it->second);
        }
    }

    QList<DdlStatement> order()
    {
        const int count = int(m_items.size());
        std::vector<std::set<int>> dependents(count);
        std::vector<int> waiting(count, 0);
        auto edge = [&](int from, int to) {
            if (from != to && dependents[from].insert(to).second)
                ++waiting[to];
        };
        // Secondary items of an object (ALTERs that come later) follow its primary item.
        for (int i = 0; i < count; ++i) {
            const int primary = m_primary.at(m_items[i].key);
            if (primary != i)
                edge(primary, i);
            for (const ObjectKey& key : m_items[i].after)
                if (auto it = m_primary.find(resolve(key)); it != m_primary.end())
                    edge(it->second, i);
        }
        for (const Dependency& d : m_catalog.dependencies) {
            auto dependent = m_primary.find(resolve(d.dependent));
            auto referenced = m_primary.find(resolve(d.referenced));
            if (dependent != m_primary.end() && referenced != m_primary.end())
                edge(referenced->second, dependent->second);
        }

        std::set<std::pair<int, int>> ready;
        std::set<std::pair<int, int>> remaining;
        for (int i = 0; i < count; ++i) {
            remaining.emplace(m_items[i].phase, i);
            if (waiting[i] == 0)
                ready.emplace(m_items[i].phase, i);
        }
        QList<DdlStatement> statements;
        while (!remaining.empty()) {
            // A cycle leaves nothing ready: the earliest remaining item goes first.
            const auto next = ready.empty() ? *remaining.begin() : *ready.begin();
            ready.erase(next);
            remaining.erase(next);
            const int i = next.second;
            waiting[i] = -1;
            for (const QString& sql : m_items[i].sql)
                statements.append(DdlStatement{m_items[i].key, sql});
            for (int dependent : dependents[i])
                if (waiting[dependent] > 0 && --waiting[dependent] == 0)
                    ready.emplace(m_items[dependent].phase, dependent);
        }
        return statements;
    }

    const Catalog& m_catalog;
    const DdlOptions& m_options;
    QList<Item> m_items;
    std::map<ObjectKey, int> m_primary;
    std::map<ObjectKey, ObjectKey> m_indexConstraint;
};

} // namespace

QList<DdlStatement> ddlStatements(const Catalog& catalog, const DdlOptions& options)
{
    return Planner(catalog, options).plan();
}

QString ddlScript(const Catalog& catalog, const DdlOptions& options)
{
    QString script =
        u"-- Schema of database %1, written by Plumbline\n"
        u"SET check_function_bodies = false;\n"
        u"SET client_min_messages = warning;\n"
        u"SELECT pg_catalog.set_config('search_path', '', false);\n\n"_s.arg(catalog.database);
    for (const DdlStatement& statement : ddlStatements(catalog, options))
        script += statement.sql + u";\n\n"_s;
    return script;
}

} // namespace plumb::catalog
