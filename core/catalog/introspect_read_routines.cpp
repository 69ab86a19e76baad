#include "introspect_read.h"

using namespace Qt::StringLiterals;

namespace plumb::catalog::detail {

namespace {

TriggerEnabled triggerEnabled(const QString& code)
{
    if (code == u"D")
        return TriggerEnabled::Disabled;
    if (code == u"R")
        return TriggerEnabled::Replica;
    if (code == u"A")
        return TriggerEnabled::Always;
    return TriggerEnabled::Origin;
}

void readAggregate(const RowReader& rows, int r, Routine& routine)
{
    AggregateInfo a;
    a.kind = rows.text(r, u"agg_kind");
    a.transition = rows.text(r, u"agg_transition");
    a.stateType = rows.text(r, u"agg_state_type");
    a.stateSpace = int(rows.int64(r, u"agg_state_space"));
    a.finalFunction = rows.text(r, u"agg_final");
    a.finalExtra = rows.boolean(r, u"agg_final_extra");
    a.finalModify = rows.text(r, u"agg_final_modify");
    a.combineFunction = rows.text(r, u"agg_combine");
    a.serialFunction = rows.text(r, u"agg_serial");
    a.deserialFunction = rows.text(r, u"agg_deserial");
    a.hasInitialValue = !rows.isNull(r, u"agg_initial");
    a.initialValue = rows.text(r, u"agg_initial");
    a.movingTransition = rows.text(r, u"agg_mtransition");
    a.movingInverse = rows.text(r, u"agg_minverse");
    a.movingStateType = rows.text(r, u"agg_mstate_type");
    a.movingStateSpace = int(rows.int64(r, u"agg_mstate_space"));
    a.movingFinalFunction = rows.text(r, u"agg_mfinal");
    a.movingFinalExtra = rows.boolean(r, u"agg_mfinal_extra");
    a.movingFinalModify = rows.text(r, u"agg_mfinal_modify");
    a.hasMovingInitialValue = !rows.isNull(r, u"agg_minitial");
    a.movingInitialValue = rows.text(r, u"agg_minitial");
    a.sortOperator = rows.text(r, u"agg_sort_operator");
    a.directArgumentCount = int(rows.int64(r, u"agg_direct_args"));
    routine.aggregate = std::move(a);
}

} // namespace

void readRoutines(const RowReader& rows, Catalog& catalog)
{
    catalog.routines.reserve(catalog.routines.size() + rows.rowCount());
    for (int r = 0; r < rows.rowCount(); ++r) {
        Routine f;
        f.name = qualified(rows, r);
        const QString kind = rows.text(r, u"kind");
        f.kind = kind == u"p"   ? RoutineKind::Procedure
                 : kind == u"a" ? RoutineKind::Aggregate
                 : kind == u"w" ? RoutineKind::Window
                                : RoutineKind::Function;
        f.identityArgumentTypes = rows.text(r, u"identity_argument_types");
        f.identityArguments = rows.text(r, u"identity_arguments");
        f.arguments = rows.text(r, u"arguments");
        f.result = rows.text(r, u"result");
        f.language = rows.text(r, u"language");
        f.volatility = rows.text(r, u"volatility");
        f.parallel = rows.text(r, u"parallel");
        f.strict = rows.boolean(r, u"strict");
        f.securityDefiner = rows.boolean(r, u"security_definer");
        f.leakproof = rows.boolean(r, u"leakproof");
        f.returnsSet = rows.boolean(r, u"returns_set");
        f.cost = rows.real(r, u"cost");
        f.rows = rows.real(r, u"rows");
        f.configuration = rows.strings(r, u"configuration");
        f.body = rows.text(r, u"body");
        f.definition = rows.text(r, u"definition");
        if (f.kind == RoutineKind::Aggregate)
            readAggregate(rows, r, f);
        f.ownership = rows.ownership(r);
        f.comment = rows.text(r, u"comment");
        catalog.routines.append(std::move(f));
    }
}

void readOperators(const RowReader& rows, Catalog& catalog)
{
    for (int r = 0; r < rows.rowCount(); ++r) {
        Operator o;
        o.name = qualified(rows, r);
        o.leftType = rows.text(r, u"left_type");
        o.rightType = rows.text(r, u"right_type");
        o.function = rows.text(r, u"function");
        o.commutator = rows.text(r, u"commutator");
        o.negator = rows.text(r, u"negator");
        o.restrictFunction = rows.text(r, u"restrict_function");
        o.joinFunction = rows.text(r, u"join_function");
        o.hashes = rows.boolean(r, u"hashes");
        o.merges = rows.boolean(r, u"merges");
        o.ownership.owner = rows.text(r, u"owner");
        o.comment = rows.text(r, u"comment");
        catalog.operators.append(std::move(o));
    }
}

void readTriggers(const RowReader& rows, Catalog& catalog)
{
    catalog.triggers.reserve(catalog.triggers.size() + rows.rowCount());
    for (int r = 0; r < rows.rowCount(); ++r) {
        Trigger t;
        t.table = qualified(rows, r, u"schema", u"table_name");
        t.name = rows.text(r, u"name");
        t.definition = rows.text(r, u"definition");
        t.isConstraint = rows.boolean(r, u"is_constraint");
        t.enabled = triggerEnabled(rows.text(r, u"enabled"));
        t.function = rows.text(r, u"function");
        t.fromParent = rows.boolean(r, u"from_parent");
        t.comment = rows.text(r, u"comment");
        catalog.triggers.append(std::move(t));
    }
}

void readEventTriggers(const RowReader& rows, Catalog& catalog)
{
    for (int r = 0; r < rows.rowCount(); ++r)
        catalog.eventTriggers.append(
            EventTrigger{rows.text(r, u"name"), rows.text(r, u"event"), rows.strings(r, u"tags"),
                         rows.text(r, u"function"), triggerEnabled(rows.text(r, u"enabled")),
                         rows.text(r, u"owner"), rows.text(r, u"comment")});
}

} // namespace plumb::catalog::detail
