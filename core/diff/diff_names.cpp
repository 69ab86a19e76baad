#include "core/diff/differ.h"

#include <map>

namespace plumb::diff::detail {

using namespace catalog;

namespace {

// PostgreSQL's two name spaces per schema that objects of different kinds share: relations
// (pg_class: tables, views, sequences, indexes, composite types) and types (pg_type: every
// table, view and composite has a row type beside enums, domains and ranges).
enum class Space { Relation, Type };
using Name = std::pair<Space, QualifiedName>;

QList<Name> namesOf(const Entry& entry)
{
    struct Visitor {
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
        QList<Name> operator()(const auto*) const { return {}; }
    };
    return std::visit(Visitor{}, entry.ref);
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
    for (const ObjectKey& key : work.created) {
        auto entry = work.toObjects.find(key);
        if (entry == work.toObjects.end())
            continue;
        for (const Name& name : namesOf(entry->second))
            if (auto owner = freed.find(name); owner != freed.end() && owner->second != key)
                work.dropFirst.insert(owner->second);
    }
}

} // namespace plumb::diff::detail
