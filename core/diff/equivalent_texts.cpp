// Server-printed texts that differ only in how PostgreSQL prints them (see core/sql/equivalence.h)
// are made identical before objects are compared, so the plan has nothing to do for them.
#include "core/diff/equivalent_texts.h"

#include "core/sql/equivalence.h"

#include <map>
#include <utility>

namespace plumb::diff {

using namespace catalog;

namespace {

// Aligns one text of `from` with its counterpart in `to`. Given a const text it only notes that
// the text would change: the first pass over an object, which leaves `from`'s lists shared.
struct TextAligner {
    bool changed = false;

    void operator()(const QString& from, const QString& to)
    {
        changed = changed || (from != to && sql::equivalentSql(from, to));
    }
    void operator()(QString& from, const QString& to)
    {
        if (from != to && sql::equivalentSql(from, to)) {
            from = to;
            changed = true;
        }
    }
};

// Calls alignObject(from, to, aligner) for every object of `from` that `to` has under the same
// key: first on the object as const, and again, to write, only when a text would change. `from`
// shares its lists with the caller's catalog, and writing through one copies the whole list
// (every object of a 10,000-table schema, in a no-op diff that changes none of them).
template<typename T, typename AlignObject>
void alignMatching(QList<T>& from, const QList<T>& to, AlignObject alignObject)
{
    std::map<ObjectKey, const T*> targets;
    for (const T& object : to)
        targets.emplace(keyOf(object), &object);
    for (qsizetype i = 0; i < from.size(); ++i) {
        const T& object = std::as_const(from)[i];
        const auto it = targets.find(keyOf(object));
        if (it == targets.end())
            continue;
        TextAligner check;
        alignObject(object, *it->second, check);
        if (check.changed) {
            TextAligner write;
            alignObject(from[i], *it->second, write);
        }
    }
}

} // namespace

void alignEquivalentTexts(Catalog& from, const Catalog& to)
{
    // Each lambda runs twice (see alignMatching): `a` const, then mutable.
    alignMatching(from.tables, to.tables, [](auto& a, const Table& b, TextAligner& align) {
        for (auto& column : a.columns)
            if (const Column* target = b.column(column.name)) {
                align(column.defaultExpr, target->defaultExpr);
                align(column.generatedExpr, target->generatedExpr);
            }
    });
    alignMatching(from.constraints, to.constraints,
                  [](auto& a, const Constraint& b, TextAligner& align) {
                      align(a.definition, b.definition);
                  });
    alignMatching(from.indexes, to.indexes, [](auto& a, const Index& b, TextAligner& align) {
        align(a.definition, b.definition);
        align(a.predicate, b.predicate);
        for (qsizetype k = 0; k < a.keys.size() && k < b.keys.size(); ++k)
            align(a.keys[k].expression, b.keys[k].expression);
    });
    alignMatching(from.views, to.views, [](auto& a, const View& b, TextAligner& align) {
        align(a.definition, b.definition);
    });
    alignMatching(from.domains, to.domains, [](auto& a, const Domain& b, TextAligner& align) {
        align(a.defaultExpr, b.defaultExpr);
        for (auto& constraint : a.constraints)
            for (const DomainConstraint& target : b.constraints)
                if (target.name == constraint.name)
                    align(constraint.definition, target.definition);
    });
    alignMatching(from.policies, to.policies, [](auto& a, const Policy& b, TextAligner& align) {
        align(a.usingExpr, b.usingExpr);
        align(a.checkExpr, b.checkExpr);
    });
    alignMatching(from.triggers, to.triggers, [](auto& a, const Trigger& b, TextAligner& align) {
        align(a.definition, b.definition);
    });
}

} // namespace plumb::diff
