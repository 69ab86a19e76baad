#pragma once

#include "core/catalog/types_common.h"

namespace plumb::catalog {

struct Schema {
    QString name;
    Ownership ownership;
    QString comment;

    bool operator==(const Schema&) const = default;
};

// Member of an extension (pg_depend deptype 'e'), as pg_identify_object names it.
struct ExtensionMember {
    QString kind;     // "function", "type", "table", "operator class"...
    QString identity; // "public.hstore(text[])"

    bool operator==(const ExtensionMember&) const = default;
};

struct Extension {
    QString name;
    QString schema;
    QString version;
    QList<ExtensionMember> members; // sorted by kind, identity
    QString comment;

    bool operator==(const Extension&) const = default;
};

struct Collation {
    QualifiedName name;
    QString provider; // "libc" | "icu" | "builtin" | "default"
    QString collate;  // collcollate (libc)
    QString ctype;    // collctype (libc)
    QString locale;   // icu/builtin locale
    QString rules;    // ICU rules (16+)
    bool deterministic = true;
    Ownership ownership;
    QString comment;

    bool operator==(const Collation&) const = default;
};

struct EnumType {
    QualifiedName name;
    QStringList labels; // in enumsortorder order
    Ownership ownership;
    QString comment;

    bool operator==(const EnumType&) const = default;
};

struct DomainConstraint {
    QString name;
    QString definition; // pg_get_constraintdef: "CHECK (VALUE > 0)"
    bool validated = true;
    QString comment;

    bool operator==(const DomainConstraint&) const = default;
};

struct Domain {
    QualifiedName name;
    QString baseType; // format_type(typbasetype, typtypmod)
    QString collation;
    QString defaultExpr;
    bool notNull = false;
    QList<DomainConstraint> constraints; // sorted by name
    Ownership ownership;
    QString comment;

    bool operator==(const Domain&) const = default;
};

struct CompositeAttribute {
    QString name;
    QString type;
    QString collation;
    QString comment;

    bool operator==(const CompositeAttribute&) const = default;
};

struct CompositeType {
    QualifiedName name;
    QList<CompositeAttribute> attributes; // in attnum order
    Ownership ownership;
    QString comment;

    bool operator==(const CompositeType&) const = default;
};

struct RangeType {
    QualifiedName name;
    QString subtype;
    QString subtypeOpclass; // qualified, empty when the default
    QString collation;
    QString canonical;      // qualified function, empty when none
    QString subtypeDiff;    // qualified function, empty when none
    QString multirangeName; // qualified (14+), empty when the default or before 14
    Ownership ownership;
    QString comment;

    bool operator==(const RangeType&) const = default;
};

enum class PolicyCommand { All, Select, Insert, Update, Delete };

// Row-level security policy.
struct Policy {
    QualifiedName table;
    QString name;
    bool permissive = true;
    PolicyCommand command = PolicyCommand::All;
    QStringList roles; // sorted; "public" for PUBLIC
    QString usingExpr;
    QString checkExpr;
    QString comment;

    bool operator==(const Policy&) const = default;
};

struct PublicationTable {
    QualifiedName table;
    QStringList columns; // empty: all columns (15+ column lists)
    QString rowFilter;   // 15+ WHERE, without "WHERE"

    bool operator==(const PublicationTable&) const = default;
};

struct Publication {
    QString name;
    bool allTables = false;
    bool publishInsert = true;
    bool publishUpdate = true;
    bool publishDelete = true;
    bool publishTruncate = true;
    bool viaRoot = false;
    QList<PublicationTable> tables; // sorted
    QStringList schemas;            // TABLES IN SCHEMA (15+), sorted
    QString owner;
    QString comment;

    bool operator==(const Publication&) const = default;
};

// One token type of a text search configuration and the dictionaries it goes through, in order.
struct TextSearchMapping {
    QString token;            // the parser's token alias, e.g. "asciiword"
    QStringList dictionaries; // qualified, e.g. "pg_catalog.simple"

    bool operator==(const TextSearchMapping&) const = default;
};

struct TextSearchConfiguration {
    QualifiedName name;
    QString parser;                    // qualified, e.g. "pg_catalog.default"
    QList<TextSearchMapping> mappings; // in the parser's token order
    Ownership ownership;
    QString comment;

    bool operator==(const TextSearchConfiguration&) const = default;
};

// ALTER DEFAULT PRIVILEGES: what `role` grants on the objects it creates later (in `schema`, or
// everywhere when `schema` is empty). A database-wide entry replaces the built-in defaults, so
// `grants` is the whole list; a schema entry adds to them.
struct DefaultPrivilege {
    QString role;
    QString schema;
    QString objectType; // "TABLES" | "SEQUENCES" | "FUNCTIONS" | "TYPES" | "SCHEMAS"
    QList<Privilege> grants;

    bool operator==(const DefaultPrivilege&) const = default;
};

} // namespace plumb::catalog
