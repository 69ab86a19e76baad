#include "core/diff/differ.h"

#include <QStringList>
#include <algorithm>
#include <map>

using namespace Qt::StringLiterals;

namespace plumb::diff::detail {

using namespace catalog;

namespace {

// PostgreSQL's two name spaces per schema that objects of different kinds share: relations
// (pg_class: tables, views, sequences, indexes, composite types) and types (pg_type: every
// table, view and composite has a row type beside enums, domains and ranges).
enum class Space { Relation, Type };
using Name = std::pair<Space, QualifiedName>;

struct NamesVisitor {
    QList<Name> operator()(const Table* t) const
    {
        return {{Space::Relation, t->name}, {Space::Type, t->name}};
    }
    QList<Name> operator()(const View* v) const
    {
        return {{Space::Relation, v->name}, {Space::Type, v->name}};
    }
    QList<Name> operator()(const CompositeType* c) const
    {
        return {{Space::Relation, c->name}, {Space::Type, c->name}};
    }
    QList<Name> operator()(const Sequence* s) const { return {{Space::Relation, s->name}}; }
    QList<Name> operator()(const Index* i) const { return {{Space::Relation, i->name}}; }
    QList<Name> operator()(const EnumType* e) const { return {{Space::Type, e->name}}; }
    QList<Name> operator()(const Domain* d) const { return {{Space::Type, d->name}}; }
    QList<Name> operator()(const RangeType* r) const { return {{Space::Type, r->name}}; }
    template<typename Other>
    QList<Name> operator()(const Other*) const
    {
        return {};
    }
};

QList<Name> namesOf(const Entry& entry)
{
    return std::visit(NamesVisitor{}, entry.ref);
}

} // namespace

// A name an object gives up is free only once it is dropped, and removed objects are dropped
// last (after everything is created, so that nothing still uses them). When an object of
// another kind takes the name of one that goes (a view where a table was, a type named like a
// dropped table, an index named like a dropped table's index), the one that goes is dropped
// first instead.
void dropBeforeNamesAreReused(Work& work)
{
    std::map<Name, ObjectKey> freed;
    for (const ObjectKey& key : work.dropped) {
        const Entry& entry = work.fromObjects.at(key);
        for (const Name& name : namesOf(entry))
            freed.emplace(name, key);
        // A dropped table's indexes and owned sequences go with it.
        if (const auto* table = std::get_if<const Table*>(&entry.ref)) {
            for (const Index& index : work.from.indexes)
                if (index.table == (*table)->name)
                    freed.emplace(Name{Space::Relation, index.name}, key);
            for (const Sequence& sequence : work.from.sequences)
                if (sequence.ownedBy && sequence.ownedBy->table == (*table)->name)
                    freed.emplace(Name{Space::Relation, sequence.name}, key);
        }
    }
    if (freed.empty())
        return;
    QList<ObjectKey> taking(work.created.begin(), work.created.end());
    taking += QList<ObjectKey>(work.recreated.begin(), work.recreated.end());
    for (const ObjectKey& key : taking) {
        auto entry = work.toObjects.find(key);
        if (entry == work.toObjects.end())
            continue;
        for (const Name& name : namesOf(entry->second))
            if (auto owner = freed.find(name); owner != freed.end() && owner->second != key)
                work.dropFirst.insert(owner->second);
    }
}

// DROP TABLE takes the sequences its columns own (serial). A table that is dropped and made
// again (a new partitioning) keeps the sequences `to` still has: released before the drop,
// owned again after the table is made.
void keepSequencesOfRemadeTables(Work& work)
{
    for (const Sequence& s : work.from.sequences) {
        if (s.identity || !s.ownedBy)
            continue;
        const ObjectKey table = relationKey(s.ownedBy->table);
        const ObjectKey key = keyOf(s);
        if (!work.recreated.contains(table) || work.dropped.contains(key) ||
            work.recreated.contains(key) || !work.toObjects.contains(key))
            continue;
        Change release = makeChange(Action::Alter, ObjectType::Sequence, key,
                                    {u"ALTER SEQUENCE "_s + q(s.name) + u" OWNED BY NONE"_s});
        release.attribute = Attribute::OwnedBy;
        release.forDependency = true;
        work.early.append(release);
        const auto* target = std::get<const Sequence*>(work.toObjects.at(key).ref);
        if (!target->ownedBy)
            continue;
        Change own =
            makeChange(Action::Alter, ObjectType::Sequence, key,
                       {u"ALTER SEQUENCE "_s + q(s.name) + u" OWNED BY "_s +
                        q(target->ownedBy->table) + u'.' + ident(target->ownedBy->column)});
        own.attribute = Attribute::OwnedBy;
        own.forDependency = true;
        work.alter(key, own, true);
    }
}

// A removed routine goes last, after everything that used it has moved off it. When all that
// used it are dependents dropped early to be made again (a check that now calls a new
// signature), it goes right after them instead: made again while it still existed, they would
// bind to it again.
void dropRoutinesWithTheirDependents(Work& work)
{
    std::map<ObjectKey, QList<ObjectKey>> dependents;
    for (const Dependency& d : work.from.dependencies)
        dependents[d.referenced].append(d.dependent);
    for (const ObjectKey& key : work.dropped) {
        const Entry& entry = work.fromObjects.at(key);
        if (entry.type != ObjectType::Routine || work.dropFirst.contains(key))
            continue;
        const QList<ObjectKey>& users = dependents[key];
        const bool allEarly = !users.isEmpty() && std::ranges::all_of(users, [&](const auto& u) {
            auto found = work.fromObjects.find(u);
            if (found == work.fromObjects.end())
                return false;
            const ObjectType type = found->second.type;
            const bool early = type == ObjectType::Constraint || type == ObjectType::Index ||
                               type == ObjectType::Trigger || type == ObjectType::Policy ||
                               type == ObjectType::View || type == ObjectType::MaterializedView ||
                               work.dropFirst.contains(u);
            // Only users made again: a user that is just dropped (with its table, say) goes
            // in the ordinary order, and the routine after it.
            return early && work.recreated.contains(u);
        });
        if (allEarly)
            work.dropFirst.insert(key);
    }
}

} // namespace plumb::diff::detail
