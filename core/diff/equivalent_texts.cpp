// Server-printed texts that differ only in how PostgreSQL prints them (see core/sql/equivalence.h)
// are made identical before objects are compared, so the plan has nothing to do for them.
#include "core/diff/equivalent_texts.h"

#include "core/sql/equivalence.h"

#include <map>

namespace plumb::diff {

using namespace catalog;

namespace {

void align(QString& from, const QString& to)
{
    if (from != to && sql::equivalentSql(from, to))
        from = to;
}

// Calls alignObject(from, to) for every object of `from` that `to` has under the same key.
template<typename T, typename AlignObject>
void alignMatching(QList<T>& from, const QList<T>& to, AlignObject alignObject)
{
    std::map<ObjectKey, const T*> targets;
    for (const T& object : to)
        targets.emplace(keyOf(object), &object);
    for (T& object : from)
        if (auto it = targets.find(keyOf(object)); it != targets.end())
            alignObject(object, *it->second);
}

} // namespace

void alignEquivalentTexts(Catalog& from, const Catalog& to)
{
    alignMatching(from.tables, to.tables, [](Table& a, const Table& b) {
        for (Column& column : a.columns)
            if (const Column* target = b.column(column.name)) {
                align(column.defaultExpr, target->defaultExpr);
                align(column.generatedExpr, target->generatedExpr);
            }
    });
    alignMatching(from.constraints, to.constraints,
                  [](Constraint& a, const Constraint& b) { align(a.definition, b.definition); });
    alignMatching(from.indexes, to.indexes, [](Index& a, const Index& b) {
        align(a.definition, b.definition);
        align(a.predicate, b.predicate);
        for (qsizetype k = 0; k < a.keys.size() && k < b.keys.size(); ++k)
            align(a.keys[k].expression, b.keys[k].expression);
    });
    alignMatching(from.views, to.views,
                  [](View& a, const View& b) { align(a.definition, b.definition); });
    alignMatching(from.domains, to.domains, [](Domain& a, const Domain& b) {
        align(a.defaultExpr, b.defaultExpr);
        for (DomainConstraint& constraint : a.constraints)
            for (const DomainConstraint& target : b.constraints)
                if (target.name == constraint.name)
                    align(constraint.definition, target.definition);
    });
    alignMatching(from.policies, to.policies, [](Policy& a, const Policy& b) {
        align(a.usingExpr, b.usingExpr);
        align(a.checkExpr, b.checkExpr);
    });
    alignMatching(from.triggers, to.triggers,
                  [](Trigger& a, const Trigger& b) { align(a.definition, b.definition); });
}

} // namespace plumb::diff
