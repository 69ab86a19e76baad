#pragma once

#include <QHashFunctions>
#include <QList>
#include <QString>
#include <compare>
#include <optional>

namespace plumb::coordinate {

// What kind of database object a change touches. Tables, views, materialized views, indexes,
// sequences and types share one namespace per schema (pg_class and pg_type: a table "status"
// clashes with a type "status"), so they compare by schema and name whatever the kind.
enum class ObjectKind {
    Schema,
    Table,
    View,
    MaterializedView,
    Index,
    Sequence,
    Type,
    Column,     // member of a table (or view)
    Constraint, // member of a table
    Trigger,    // member of a table
    Policy,     // member of a table
    EnumValue,  // member of an enum type
    Function,   // member: the identity argument types, "(integer, text)", empty when unknown
    Extension,
    // What an index or a key constraint covers, "btree(user_id)" on a table: two changes
    // adding the same index under different names collide here.
    Shape,
};

// How objects of a kind are identified, for comparing two changes.
enum class Namespace { Schema, Relation, Member, Function, Extension };
Namespace namespaceOf(ObjectKind kind);

struct ObjectRef {
    ObjectKind kind = ObjectKind::Table;
    QString schema; // empty for schemas and extensions
    QString name;   // the relation, type or function; the schema's own name for schemas
    QString member; // column, constraint, trigger, policy, enum label, function arguments

    bool operator==(const ObjectRef&) const = default;
    auto operator<=>(const ObjectRef& other) const
    {
        if (kind != other.kind)
            return kind <=> other.kind;
        if (auto c = schema.compare(other.schema); c != 0)
            return c <=> 0;
        if (auto c = name.compare(other.name); c != 0)
            return c <=> 0;
        return member.compare(other.member) <=> 0;
    }

    // The top-level object this one lives in, "schema.name" (the table of a column, the function
    // without its arguments): the key the registry looks overlapping intents up by.
    QString scope() const;
    // "column app.users.email", "function app.total(integer)": for messages.
    QString display() const;
    // The same object for comparing changes: equal kinds of a namespace, equal names, and for
    // functions the same arguments or arguments unknown on one side.
    bool sameObjectAs(const ObjectRef& other) const;
    // The table, type or schema that holds this object (itself for top-level objects).
    ObjectRef container() const;
};

inline size_t qHash(const ObjectRef& ref, size_t seed = 0)
{
    return qHashMulti(seed, int(ref.kind), ref.schema, ref.name, ref.member);
}

// What a change does to an object, from strongest to weakest.
enum class Action {
    Create,   // makes it (a rename's new name too)
    Replace,  // CREATE OR REPLACE: redefines it, or makes it when absent
    Drop,     // removes it (CASCADE drops its dependents as Drop too)
    Rename,   // moves it to another name (the new name is a Create)
    Alter,    // changes what it is: a column's type, a partitioning, a function's body
    Adjust,   // changes how it behaves but not what readers see: default, NOT NULL, comment,
              // owner, grants, storage, statistics
    Write,    // changes its rows (INSERT, UPDATE, DELETE, TRUNCATE, a backfill)
    Read,     // its definition relies on it: a view, index, constraint, trigger or body reads it
    Use,      // works inside it: adds a column to the table, a value to the enum
    Affected, // from the live catalog: depends on something the change drops, renames or
              // retypes, so the change breaks it or must rebuild it
};

// PostgreSQL's table lock modes, weakest first.
enum class LockMode {
    None,
    AccessShare,
    RowShare,
    RowExclusive,
    ShareUpdateExclusive,
    Share,
    ShareRowExclusive,
    Exclusive,
    AccessExclusive,
};

// True when a session holding `a` makes one asking for `b` wait (the server's conflict table).
bool locksConflict(LockMode a, LockMode b);
QString lockModeName(LockMode mode); // "ACCESS EXCLUSIVE"
QString actionName(Action action);   // "create"
std::optional<Action> actionFromName(QStringView name);
QString kindName(ObjectKind kind); // "table", "column", "enum_value"
std::optional<ObjectKind> kindFromName(QStringView name);
std::optional<LockMode> lockModeFromName(QStringView name);

// One thing one statement of a change does to one object.
struct Touch {
    ObjectRef object;
    Action action = Action::Read;
    LockMode lock = LockMode::None; // on tables: the lock the statement takes on it
    bool heavy = false;             // rewrites or scans the whole table while holding `lock`
    QString renamedTo;              // Rename: the new name
    QString via;        // Affected: the object of the change it depends on, for messages
    int statement = -1; // the statement of the change it comes from (0-based), -1 for none

    bool operator==(const Touch&) const = default;
};

} // namespace plumb::coordinate
