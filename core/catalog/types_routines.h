#pragma once

#include "core/catalog/types_common.h"

namespace plumb::catalog {

enum class RoutineKind { Function, Procedure, Aggregate, Window };

// The extra attributes of an aggregate (pg_aggregate), written back with CREATE AGGREGATE.
struct AggregateInfo {
    QString kind;       // "normal" | "ordered-set" | "hypothetical"
    QString transition; // qualified sfunc
    QString stateType;  // format_type of stype
    int stateSpace = 0;
    QString finalFunction; // empty when none
    bool finalExtra = false;
    QString finalModify; // "READ_ONLY" | "SHAREABLE" | "READ_WRITE"
    QString combineFunction;
    QString serialFunction;
    QString deserialFunction;
    QString initialValue; // agginitval as text, empty when NULL
    bool hasInitialValue = false;
    QString movingTransition;
    QString movingInverse;
    QString movingStateType;
    int movingStateSpace = 0;
    QString movingFinalFunction;
    bool movingFinalExtra = false;
    QString movingFinalModify;
    QString movingInitialValue;
    bool hasMovingInitialValue = false;
    QString sortOperator; // qualified operator name, e.g. "pg_catalog.>"
    int directArgumentCount = 0;

    bool operator==(const AggregateInfo&) const = default;
};

// Functions, procedures and aggregates. Identity: schema, name and identityArgumentTypes.
struct Routine {
    QualifiedName name;
    RoutineKind kind = RoutineKind::Function;
    QString identityArgumentTypes; // oidvectortypes(proargtypes): "integer, text"
    QString identityArguments;     // pg_get_function_identity_arguments (with names and modes)
    QString arguments;             // pg_get_function_arguments (with defaults)
    QString result;                // pg_get_function_result; empty for procedures
    QString language;
    QString volatility; // "IMMUTABLE" | "STABLE" | "VOLATILE"
    QString parallel;   // "SAFE" | "RESTRICTED" | "UNSAFE"
    bool strict = false;
    bool securityDefiner = false;
    bool leakproof = false;
    bool returnsSet = false;
    double cost = 0;
    double rows = 0;
    QStringList configuration; // proconfig: "search_path=public, pg_temp"
    QString body;              // prosrc (or the SQL-standard body as pg_get_functiondef shows it)
    QString definition;        // pg_get_functiondef; empty for aggregates
    std::optional<AggregateInfo> aggregate;
    Ownership ownership;
    QString comment;

    bool operator==(const Routine&) const = default;
    // name(argtypes): the identity used in keys and messages.
    QString signature() const { return name.name + u'(' + identityArgumentTypes + u')'; }
};

// A user-defined operator (pg_operator), written back with CREATE OPERATOR. Identity: schema,
// name and the two argument types (an operator is overloaded by them like a function).
// Shell operators (named by another operator's COMMUTATOR or NEGATOR but never defined) are not
// modelled: the operator that names them creates them again.
struct Operator {
    QualifiedName name; // the symbol itself, e.g. public.~<<: operator names are never quoted
    QString leftType;   // format_type(oprleft); empty for a prefix operator
    QString rightType;  // format_type(oprright); empty for a postfix operator (13 only)
    QString function;   // oprcode::regprocedure: "public.f(text,text)"
    // The other operators as CREATE OPERATOR names them, "OPERATOR(public.~<<)"; empty when none.
    QString commutator;
    QString negator;
    // The selectivity estimators, as regproc prints them ("scalarltsel", "public.f"); empty when
    // none.
    QString restrictFunction;
    QString joinFunction;
    bool hashes = false;
    bool merges = false;
    Ownership ownership; // owner only: operators carry no ACL
    QString comment;

    bool operator==(const Operator&) const = default;
    // name(lefttype, righttype) with NONE for a missing side: the identity used in keys and
    // messages, unquoted (DROP OPERATOR spells the argument types the same way).
    QString signature() const
    {
        auto side = [](const QString& type) {
            return type.isEmpty() ? QStringLiteral("NONE") : type;
        };
        return name.name + u'(' + side(leftType) + QStringLiteral(", ") + side(rightType) + u')';
    }
};

enum class TriggerEnabled { Origin, Disabled, Replica, Always };

struct Trigger {
    QualifiedName table;
    QString name;
    QString definition; // pg_get_triggerdef(oid, false): the exact CREATE [CONSTRAINT] TRIGGER
    bool isConstraint = false;
    TriggerEnabled enabled = TriggerEnabled::Origin;
    QString function;        // qualified signature of the trigger function, "public.f()"
    bool fromParent = false; // cloned onto a partition from the partitioned parent's trigger
    QString comment;

    bool operator==(const Trigger&) const = default;
};

struct EventTrigger {
    QString name;
    QString event; // ddl_command_start, ddl_command_end, sql_drop, table_rewrite, login
    QStringList tags;
    QString function; // qualified name
    TriggerEnabled enabled = TriggerEnabled::Origin;
    QString owner;
    QString comment;

    bool operator==(const EventTrigger&) const = default;
};

} // namespace plumb::catalog
