#pragma once

#include <QHashFunctions>
#include <QList>
#include <QString>
#include <QStringList>
#include <compare>
#include <optional>

namespace plumb::catalog {

// A schema-qualified name as the server stores it (never quoted). Stable identity of every
// schema-scoped object; quote it with db::qualifiedName when writing SQL.
struct QualifiedName {
    QString schema;
    QString name;

    bool operator==(const QualifiedName&) const = default;
    auto operator<=>(const QualifiedName& other) const
    {
        if (auto c = schema.compare(other.schema); c != 0)
            return c <=> 0;
        return name.compare(other.name) <=> 0;
    }
    // schema.name, unquoted: for messages, keys and sorting, never for SQL.
    QString display() const { return schema + u'.' + name; }
};

inline size_t qHash(const QualifiedName& name, size_t seed = 0)
{
    return qHashMulti(seed, name.schema, name.name);
}

// One entry of an object's access control list (aclexplode of the server's ACL).
struct Privilege {
    QString grantee;   // role name; empty means PUBLIC
    QString grantor;   // role name
    QString privilege; // SELECT, INSERT, USAGE, EXECUTE... as GRANT spells it
    bool grantable = false;

    bool operator==(const Privilege&) const = default;
};

// Ownership, grants and comment: what nearly every object carries.
// `acl` is nullopt when the object has the built-in default privileges (a NULL ACL in the
// catalog), which is different from an empty list (every privilege revoked).
struct Ownership {
    QString owner;
    std::optional<QList<Privilege>> acl;

    bool operator==(const Ownership&) const = default;
};

// Kinds of dependency-graph nodes. Every object the catalog models has one ObjectKey;
// dependencies between them come from pg_depend (see Catalog::dependencies).
enum class NodeKind {
    Schema,
    Extension,
    Collation,
    Type,     // enum, domain, composite, range (and their constraints, folded in)
    Relation, // table, partition, view, materialized view, sequence, index
    Function, // function, procedure, aggregate
    Constraint,
    Trigger,
    Policy,
    EventTrigger,
    Publication,
    DefaultPrivilege,
    TextSearchConfiguration,
    Operator,
};

// The identity of one object in the dependency graph.
//   Schema/Extension/EventTrigger/Publication: name only (schema empty).
//   Function: name is "fname(argtype, argtype)" with the identity argument types as
//     format_type writes them (oidvectortypes).
//   Operator: name is "op(lefttype, righttype)" with the types as format_type writes them and
//     NONE for a missing side (Operator::signature).
//   Constraint/Trigger/Policy: `schema.name` is the owning relation (or the domain, for domain
//     constraints) and `member` is the object's own name.
struct ObjectKey {
    NodeKind kind = NodeKind::Relation;
    QString schema;
    QString name;
    QString member;

    bool operator==(const ObjectKey&) const = default;
    auto operator<=>(const ObjectKey& other) const
    {
        if (kind != other.kind)
            return kind <=> other.kind;
        if (auto c = schema.compare(other.schema); c != 0)
            return c <=> 0;
        if (auto c = name.compare(other.name); c != 0)
            return c <=> 0;
        return member.compare(other.member) <=> 0;
    }
    QString display() const;
};

// An edge of the dependency graph: `dependent` cannot exist without `referenced`.
struct Dependency {
    ObjectKey dependent;
    ObjectKey referenced;

    bool operator==(const Dependency&) const = default;
};

// An object the introspector saw but does not model (rules, foreign tables, shell operators,
// operator classes, casts, text search dictionaries, statistics objects...). Listed so nothing is
// silently dropped.
struct UnmanagedObject {
    QString kind;   // pg_identify_object's type, e.g. "rule", "operator", "foreign table"
    QString name;   // pg_identify_object's identity, e.g. "public.+(integer,integer)"
    QString schema; // empty for objects outside schemas

    bool operator==(const UnmanagedObject&) const = default;
};

} // namespace plumb::catalog
