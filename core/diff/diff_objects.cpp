#include "core/catalog/ddl_objects.h"
#include "core/db/quote.h"
#include "core/diff/differ.h"

#include <QVersionNumber>

using namespace Qt::StringLiterals;

namespace plumb::diff::detail {

using namespace catalog;

namespace {

QString routineKeyword(RoutineKind kind)
{
    switch (kind) {
    case RoutineKind::Procedure:
        return u"PROCEDURE"_s;
    case RoutineKind::Aggregate:
        return u"AGGREGATE"_s;
    default:
        return u"FUNCTION"_s;
    }
}

QString routineName(const Routine& r)
{
    return q(r.name) + u'(' + r.identityArgumentTypes + u')';
}

// `from` with the members that are compared separately (comment, and ownership unless asked
// for) taken from `to`: equal afterwards means only those differ.
template<typename T>
T withoutNotes(T from, const T& to, bool ownership)
{
    from.comment = to.comment;
    if constexpr (requires { from.ownership; })
        if (!ownership)
            from.ownership = to.ownership;
    if constexpr (requires { from.owner; })
        if (!ownership)
            from.owner = to.owner;
    return from;
}

class ObjectDiff {
public:
    explicit ObjectDiff(Work& work)
        : m_work(work)
    {}

    void run()
    {
        for (const auto& [key, fromEntry] : m_work.fromObjects) {
            auto toEntry = m_work.toObjects.find(key);
            if (toEntry == m_work.toObjects.end() || sameEntry(fromEntry, toEntry->second))
                continue;
            if (fromEntry.type != toEntry->second.type ||
                fromEntry.ref.index() != toEntry->second.ref.index()) {
                m_work.recreated.insert(key);
                continue;
            }
            m_key = key;
            m_type = toEntry->second.type;
            std::visit(
                [&](auto* from) {
                    dispatch(*from, *std::get<decltype(from)>(toEntry->second.ref));
                },
                fromEntry.ref);
        }
    }

private:
    void rebuild() { m_work.recreated.insert(m_key); }

    void alter(Attribute attribute, QStringList sql, const QString& before = {},
               const QString& after = {}, bool last = false)
    {
        Change change = makeChange(Action::Alter, m_type, m_key, std::move(sql));
        change.attribute = attribute;
        change.before = before;
        change.after = after;
        m_work.alter(m_key, std::move(change), last);
    }

    void comment(const QString& what, const QString& from, const QString& to)
    {
        if (from != to)
            alter(Attribute::Comment, {commentSql(what, to)}, from, to);
    }

    void owner(const QString& kind, const QString& what, const QString& from, const QString& to)
    {
        if (m_work.options.ownership && from != to && !to.isEmpty())
            alter(Attribute::Owner,
                  {u"ALTER "_s + kind + u' ' + what + u" OWNER TO "_s + ident(to)}, from, to);
    }

    // Objects with nothing to alter in place but their comment and owner.
    template<typename T>
    bool notesOnly(const T& from, const T& to)
    {
        return withoutNotes(from, to, m_work.options.ownership) == to;
    }

    void dispatch(const Schema& from, const Schema& to)
    {
        comment(u"SCHEMA "_s + ident(to.name), from.comment, to.comment);
        owner(u"SCHEMA"_s, ident(to.name), from.ownership.owner, to.ownership.owner);
    }

    void dispatch(const Extension& from, const Extension& to)
    {
        if (from.schema != to.schema)
            alter(Attribute::Schema,
                  {u"ALTER EXTENSION "_s + ident(to.name) + u" SET SCHEMA "_s + ident(to.schema)},
                  from.schema, to.schema);
        if (from.version != to.version &&
            QVersionNumber::fromString(to.version) < QVersionNumber::fromString(from.version)) {
            // Extensions rarely ship downgrade scripts: one nothing uses is created again.
            bool used = false;
            for (const Dependency& d : m_work.from.dependencies)
                used = used || d.referenced == m_key;
            if (!used)
                return rebuild();
        }
        if (from.version != to.version)
            alter(Attribute::Version,
                  {u"ALTER EXTENSION "_s + ident(to.name) + u" UPDATE TO "_s +
                   db::quoteLiteral(to.version)},
                  from.version, to.version);
        comment(u"EXTENSION "_s + ident(to.name), from.comment, to.comment);
    }

    void dispatch(const Collation& from, const Collation& to)
    {
        if (!notesOnly(from, to))
            return rebuild();
        comment(u"COLLATION "_s + q(to.name), from.comment, to.comment);
        owner(u"COLLATION"_s, q(to.name), from.ownership.owner, to.ownership.owner);
    }

    void dispatch(const EnumType& from, const EnumType& to)
    {
        if (alterEnumLabels(m_work, from, to))
            return;
        comment(u"TYPE "_s + q(to.name), from.comment, to.comment);
        owner(u"TYPE"_s, q(to.name), from.ownership.owner, to.ownership.owner);
    }

    void dispatch(const Domain& from, const Domain& to)
    {
        if (from.baseType != to.baseType || from.collation != to.collation)
            return rebuild();
        const QString domain = u"ALTER DOMAIN "_s + q(to.name);
        if (from.defaultExpr != to.defaultExpr)
            alter(Attribute::Default,
                  {to.defaultExpr.isEmpty()
                       ? QString(domain + u" DROP DEFAULT"_s)
                       : QString(domain + u" SET DEFAULT "_s + to.defaultExpr)},
                  from.defaultExpr, to.defaultExpr);
        if (from.notNull != to.notNull)
            alter(Attribute::NotNull,
                  {domain + (to.notNull ? u" SET NOT NULL"_s : u" DROP NOT NULL"_s)});
        QStringList drops;
        QStringList adds;
        for (const DomainConstraint& c : from.constraints) {
            auto match = std::find_if(to.constraints.begin(), to.constraints.end(),
                                      [&](const auto& o) { return o.name == c.name; });
            if (match == to.constraints.end() || match->definition != c.definition)
                drops.append(domain + u" DROP CONSTRAINT "_s + ident(c.name));
        }
        for (const DomainConstraint& c : to.constraints) {
            auto match = std::find_if(from.constraints.begin(), from.constraints.end(),
                                      [&](const auto& o) { return o.name == c.name; });
            const QString what = u"CONSTRAINT "_s + ident(c.name) + u" ON DOMAIN "_s + q(to.name);
            if (match == from.constraints.end() || match->definition != c.definition) {
                adds.append(domain + u" ADD CONSTRAINT "_s + ident(c.name) + u' ' + c.definition);
                if (!c.comment.isEmpty())
                    adds.append(commentSql(what, c.comment));
                continue;
            }
            if (match->validated != c.validated && c.validated)
                adds.append(domain + u" VALIDATE CONSTRAINT "_s + ident(c.name));
            if (match->comment != c.comment)
                adds.append(commentSql(what, c.comment));
        }
        if (!drops.isEmpty() || !adds.isEmpty())
            alter(Attribute::Constraints, drops + adds);
        comment(u"DOMAIN "_s + q(to.name), from.comment, to.comment);
        owner(u"DOMAIN"_s, q(to.name), from.ownership.owner, to.ownership.owner);
    }

    void dispatch(const CompositeType& from, const CompositeType& to)
    {
        // Attributes can be dropped, retyped and appended in place; a new order rebuilds.
        QStringList kept;
        for (const CompositeAttribute& a : from.attributes)
            for (const CompositeAttribute& b : to.attributes)
                if (a.name == b.name)
                    kept.append(a.name);
        for (qsizetype i = 0; i < kept.size(); ++i)
            if (i >= to.attributes.size() || to.attributes[i].name != kept[i])
                return rebuild();
        const QString type = u"ALTER TYPE "_s + q(to.name);
        QStringList sql;
        for (const CompositeAttribute& a : from.attributes)
            if (!kept.contains(a.name))
                sql.append(type + u" DROP ATTRIBUTE "_s + ident(a.name));
        for (qsizetype i = 0; i < to.attributes.size(); ++i) {
            const CompositeAttribute& b = to.attributes[i];
            const QString collate =
                b.collation.isEmpty() ? QString() : u" COLLATE "_s + b.collation;
            if (i >= kept.size()) {
                sql.append(type + u" ADD ATTRIBUTE "_s + ident(b.name) + u' ' + b.type + collate);
            } else {
                const CompositeAttribute* a = nullptr;
                for (const CompositeAttribute& candidate : from.attributes)
                    if (candidate.name == b.name)
                        a = &candidate;
                if (a->type != b.type || a->collation != b.collation)
                    sql.append(type + u" ALTER ATTRIBUTE "_s + ident(b.name) + u" TYPE "_s +
                               b.type + collate);
                if (a->comment == b.comment)
                    continue;
            }
            if (i >= kept.size() ? !b.comment.isEmpty() : true)
                sql.append(commentSql(u"COLUMN "_s + q(to.name) + u'.' + ident(b.name), b.comment));
        }
        if (!sql.isEmpty())
            alter(Attribute::Attributes, sql);
        comment(u"TYPE "_s + q(to.name), from.comment, to.comment);
        owner(u"TYPE"_s, q(to.name), from.ownership.owner, to.ownership.owner);
    }

    void dispatch(const RangeType& from, const RangeType& to)
    {
        if (!notesOnly(from, to))
            return rebuild();
        comment(u"TYPE "_s + q(to.name), from.comment, to.comment);
        owner(u"TYPE"_s, q(to.name), from.ownership.owner, to.ownership.owner);
    }

    void dispatch(const Sequence& from, const Sequence& to)
    {
        if (from.identity != to.identity)
            return rebuild(); // a serial's sequence becomes an identity's, or the other way
        QString options;
        if (from.dataType != to.dataType && !to.identity)
            options += u" AS "_s + to.dataType;
        if (from.increment != to.increment)
            options += u" INCREMENT BY "_s + QString::number(to.increment);
        if (from.minValue != to.minValue)
            options += u" MINVALUE "_s + QString::number(to.minValue);
        if (from.maxValue != to.maxValue)
            options += u" MAXVALUE "_s + QString::number(to.maxValue);
        if (from.start != to.start)
            options += u" START WITH "_s + QString::number(to.start);
        if (from.cache != to.cache)
            options += u" CACHE "_s + QString::number(to.cache);
        if (from.cycle != to.cycle)
            options += to.cycle ? u" CYCLE"_s : u" NO CYCLE"_s;
        if (!options.isEmpty()) {
            QStringList sql;
            // A bound that moves past the sequence's current value makes ALTER SEQUENCE fail
            // ("RESTART value cannot be less than MINVALUE"). Moving the value up to the new
            // bound, in the sequence's own direction, never hands out a value twice; a bound
            // moved back over values already used is left to fail, as it should.
            const QString name = q(to.name);
            if (to.increment > 0 && to.minValue > from.minValue)
                sql.append(u"SELECT pg_catalog.setval(%1::regclass, %2, false) FROM %3 "
                           u"WHERE last_value < %2"_s.arg(db::quoteLiteral(name))
                               .arg(to.minValue)
                               .arg(name));
            if (to.increment < 0 && to.maxValue < from.maxValue)
                sql.append(u"SELECT pg_catalog.setval(%1::regclass, %2, false) FROM %3 "
                           u"WHERE last_value > %2"_s.arg(db::quoteLiteral(name))
                               .arg(to.maxValue)
                               .arg(name));
            sql.append(u"ALTER SEQUENCE "_s + name + options);
            alter(Attribute::Options, sql);
        }
        if (from.unlogged != to.unlogged)
            alter(Attribute::Logged, {u"ALTER SEQUENCE "_s + q(to.name) +
                                      (to.unlogged ? u" SET UNLOGGED"_s : u" SET LOGGED"_s)});
        if (from.ownedBy != to.ownedBy && !to.identity && !from.identity) {
            // Released early so dropping the old owning column does not take the sequence.
            if (from.ownedBy) {
                Change release =
                    makeChange(Action::Alter, m_type, m_key,
                               {u"ALTER SEQUENCE "_s + q(to.name) + u" OWNED BY NONE"_s});
                release.attribute = Attribute::OwnedBy;
                m_work.early.append(release);
            }
            if (to.ownedBy)
                alter(Attribute::OwnedBy,
                      {u"ALTER SEQUENCE "_s + q(to.name) + u" OWNED BY "_s + q(to.ownedBy->table) +
                       u'.' + ident(to.ownedBy->column)},
                      {}, {}, true);
        }
        comment(u"SEQUENCE "_s + q(to.name), from.comment, to.comment);
        owner(u"SEQUENCE"_s, q(to.name), from.ownership.owner, to.ownership.owner);
    }

    void dispatch(const Table& from, const Table& to) { alterTable(m_work, from, to); }

    void dispatch(const View& from, const View& to)
    {
        View neutral = withoutNotes(from, to, m_work.options.ownership);
        for (qsizetype i = 0; i < neutral.columns.size() && i < to.columns.size(); ++i)
            neutral.columns[i].comment = to.columns[i].comment;
        if (neutral != to)
            return rebuild();
        const QString kind = to.materialized ? u"MATERIALIZED VIEW"_s : u"VIEW"_s;
        comment(kind + u' ' + q(to.name), from.comment, to.comment);
        for (qsizetype i = 0; i < to.columns.size(); ++i)
            comment(u"COLUMN "_s + q(to.name) + u'.' + ident(to.columns[i].name),
                    from.columns[i].comment, to.columns[i].comment);
        owner(kind, q(to.name), from.ownership.owner, to.ownership.owner);
    }

    void dispatch(const Index& from, const Index& to)
    {
        // An index that a new parent index takes as its partition's (CREATE INDEX on a
        // partitioned table adopts the partitions' matching indexes, ADD PRIMARY KEY their
        // matching keys) is attached, never built again.
        if (!from.parentIndex && to.parentIndex && from.valid) {
            Index attached = from;
            attached.parentIndex = to.parentIndex;
            alter(Attribute::PartitionOf, catalog::detail::attachIndex(to), {},
                  to.parentIndex->display(), true);
            return dispatch(attached, to);
        }
        Index neutral = from;
        neutral.comment = to.comment;
        neutral.clustered = to.clustered;
        neutral.options = to.options;
        if (from.constraintName != to.constraintName) {
            // A plain index becomes a constraint's, or the other way round.
            rebuild();
            const ObjectKey constraint{NodeKind::Constraint, to.table.schema, to.table.name,
                                       to.constraintName};
            if (!to.constraintName.isEmpty() && m_work.fromObjects.contains(constraint))
                m_work.recreated.insert(constraint);
            return;
        }
        if (!to.constraintName.isEmpty()) {
            // Made by its constraint: anything beyond the comment rebuilds the constraint.
            if (neutral != to)
                m_work.recreated.insert(ObjectKey{NodeKind::Constraint, to.table.schema,
                                                  to.table.name, to.constraintName});
            else
                comment(u"INDEX "_s + q(to.name), from.comment, to.comment);
            return;
        }
        auto withoutOptions = [](QString definition) {
            const qsizetype at = definition.indexOf(u" WITH ("_s);
            return at < 0 ? definition : definition.left(at);
        };
        if (from.options != to.options &&
            withoutOptions(from.definition) == withoutOptions(to.definition)) {
            neutral.definition = to.definition;
        }
        if (neutral != to || !from.valid)
            return rebuild();
        if (from.options != to.options) {
            QStringList clauses;
            auto keyOf = [](const QString& o) { return o.left(o.indexOf(u'=')); };
            QStringList set;
            for (const QString& o : to.options)
                if (!from.options.contains(o))
                    set.append(keyOf(o) + u'=' + db::quoteLiteral(o.mid(o.indexOf(u'=') + 1)));
            QStringList reset;
            for (const QString& o : from.options) {
                bool kept = false;
                for (const QString& other : to.options)
                    kept = kept || keyOf(other) == keyOf(o);
                if (!kept)
                    reset.append(keyOf(o));
            }
            QStringList sql;
            if (!set.isEmpty())
                sql.append(u"ALTER INDEX "_s + q(to.name) + u" SET ("_s + set.join(u", "_s) + u')');
            if (!reset.isEmpty())
                sql.append(u"ALTER INDEX "_s + q(to.name) + u" RESET ("_s + reset.join(u", "_s) +
                           u')');
            alter(Attribute::StorageParameters, sql, from.options.join(u", "_s),
                  to.options.join(u", "_s));
        }
        if (from.clustered != to.clustered)
            alter(Attribute::Cluster, {u"ALTER TABLE "_s + q(to.table) +
                                       (to.clustered ? u" CLUSTER ON "_s + ident(to.name.name)
                                                     : u" SET WITHOUT CLUSTER"_s)});
        comment(u"INDEX "_s + q(to.name), from.comment, to.comment);
    }

    void dispatch(const Constraint& from, const Constraint& to)
    {
        Constraint neutral = from;
        neutral.comment = to.comment;
        neutral.index = to.index;
        const bool key = to.kind == ConstraintKind::PrimaryKey ||
                         to.kind == ConstraintKind::Unique || to.kind == ConstraintKind::Exclusion;
        if (key && !from.fromParent && to.fromParent) {
            // A partition's key that becomes the partition's part of its parent's key: its
            // index is attached to the parent's (see dispatch(Index)), which links them.
            neutral.fromParent = true;
            neutral.isLocal = to.isLocal;
            neutral.inheritanceCount = to.inheritanceCount;
        }
        if (!from.validated && to.validated) {
            neutral.validated = true;
            neutral.definition = to.definition;
        }
        if (neutral != to)
            return rebuild();
        if (!from.validated && to.validated)
            alter(Attribute::Validated,
                  {u"ALTER TABLE "_s + q(to.table) + u" VALIDATE CONSTRAINT "_s + ident(to.name)});
        comment(u"CONSTRAINT "_s + ident(to.name) + u" ON "_s + q(to.table), from.comment,
                to.comment);
    }

    void dispatch(const Routine& from, const Routine& to)
    {
        const QString what = routineKeyword(to.kind) + u' ' + routineName(to);
        if (notesOnly(from, to)) {
            comment(what, from.comment, to.comment);
            owner(routineKeyword(to.kind), routineName(to), from.ownership.owner,
                  to.ownership.owner);
            return;
        }
        // CREATE OR REPLACE keeps dependents, but cannot change the result type, parameter
        // names or defaults, or the kind of routine.
        const bool replaceable = from.kind == to.kind && to.kind != RoutineKind::Aggregate &&
                                 from.result == to.result && from.arguments == to.arguments &&
                                 from.returnsSet == to.returnsSet && !to.definition.isEmpty();
        if (!replaceable)
            return rebuild();
        alter(Attribute::Definition, catalog::detail::createRoutine(to), from.body, to.body);
        owner(routineKeyword(to.kind), routineName(to), from.ownership.owner, to.ownership.owner);
    }

    void dispatch(const Operator& from, const Operator& to)
    {
        const QString signature = catalog::detail::operatorSignatureSql(to);
        // The estimators alone can change in place (ALTER OPERATOR SET, from PostgreSQL 13 on);
        // anything else makes the operator again, and what uses it with it.
        Operator neutral = withoutNotes(from, to, m_work.options.ownership);
        neutral.restrictFunction = to.restrictFunction;
        neutral.joinFunction = to.joinFunction;
        if (neutral != to)
            return rebuild();
        QStringList estimators;
        if (from.restrictFunction != to.restrictFunction)
            estimators.append(u"RESTRICT = "_s +
                              (to.restrictFunction.isEmpty() ? u"NONE"_s : to.restrictFunction));
        if (from.joinFunction != to.joinFunction)
            estimators.append(u"JOIN = "_s +
                              (to.joinFunction.isEmpty() ? u"NONE"_s : to.joinFunction));
        if (!estimators.isEmpty())
            alter(
                Attribute::Estimators,
                {u"ALTER OPERATOR "_s + signature + u" SET ("_s + estimators.join(u", "_s) + u')'},
                from.restrictFunction + u", "_s + from.joinFunction,
                to.restrictFunction + u", "_s + to.joinFunction);
        comment(u"OPERATOR "_s + signature, from.comment, to.comment);
        owner(u"OPERATOR"_s, signature, from.ownership.owner, to.ownership.owner);
    }

    void dispatch(const Trigger& from, const Trigger& to)
    {
        Trigger neutral = withoutNotes(from, to, m_work.options.ownership);
        neutral.enabled = to.enabled;
        if (neutral != to)
            return rebuild();
        if (from.enabled != to.enabled) {
            QString state;
            switch (to.enabled) {
            case TriggerEnabled::Origin:
                state = u" ENABLE TRIGGER "_s;
                break;
            case TriggerEnabled::Disabled:
                state = u" DISABLE TRIGGER "_s;
                break;
            case TriggerEnabled::Replica:
                state = u" ENABLE REPLICA TRIGGER "_s;
                break;
            case TriggerEnabled::Always:
                state = u" ENABLE ALWAYS TRIGGER "_s;
                break;
            }
            alter(Attribute::Enabled, {u"ALTER TABLE "_s + q(to.table) + state + ident(to.name)});
        }
        comment(u"TRIGGER "_s + ident(to.name) + u" ON "_s + q(to.table), from.comment, to.comment);
    }

    void dispatch(const EventTrigger& from, const EventTrigger& to)
    {
        EventTrigger neutral = withoutNotes(from, to, m_work.options.ownership);
        neutral.enabled = to.enabled;
        if (neutral != to)
            return rebuild();
        if (from.enabled != to.enabled) {
            const QString state = to.enabled == TriggerEnabled::Disabled  ? u" DISABLE"_s
                                  : to.enabled == TriggerEnabled::Replica ? u" ENABLE REPLICA"_s
                                  : to.enabled == TriggerEnabled::Always  ? u" ENABLE ALWAYS"_s
                                                                          : u" ENABLE"_s;
            alter(Attribute::Enabled, {u"ALTER EVENT TRIGGER "_s + ident(to.name) + state});
        }
        comment(u"EVENT TRIGGER "_s + ident(to.name), from.comment, to.comment);
        owner(u"EVENT TRIGGER"_s, ident(to.name), from.owner, to.owner);
    }

    void dispatch(const Policy& from, const Policy& to)
    {
        if (!notesOnly(from, to))
            return rebuild();
        comment(u"POLICY "_s + ident(to.name) + u" ON "_s + q(to.table), from.comment, to.comment);
    }

    void dispatch(const Publication& from, const Publication& to)
    {
        if (!notesOnly(from, to))
            return rebuild();
        comment(u"PUBLICATION "_s + ident(to.name), from.comment, to.comment);
        owner(u"PUBLICATION"_s, ident(to.name), from.owner, to.owner);
    }

    Work& m_work;
    ObjectKey m_key;
    ObjectType m_type = ObjectType::Table;
};

} // namespace

void diffObjects(Work& work)
{
    ObjectDiff(work).run();
}

} // namespace plumb::diff::detail
