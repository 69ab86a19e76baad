#pragma once

#include "core/catalog/types_common.h"

namespace plumb::catalog {

enum class IdentityKind { None, Always, ByDefault };
enum class GeneratedKind { None, Stored, Virtual };

struct Column {
    QString name;
    int position = 0;  // attnum: informative only, never part of identity or fingerprint
    QString type;      // format_type(atttypid, atttypmod), e.g. "character varying(20)"
    QString collation; // qualified collation name when it differs from the type's default
    bool notNull = false;
    QString defaultExpr; // pg_get_expr(adbin): empty when none; unused for generated columns
    IdentityKind identity = IdentityKind::None;
    GeneratedKind generated = GeneratedKind::None;
    QString generatedExpr; // pg_get_expr(adbin) of a generated column
    QString storage;       // "plain" | "external" | "extended" | "main", only when not the type's
    QString compression;   // "pglz" | "lz4", empty for the default
    int statisticsTarget = -1; // -1: default
    bool isLocal = true;       // false: only inherited (not declared in the child)
    int inheritanceCount = 0;  // attinhcount
    QString comment;
    std::optional<QList<Privilege>> acl; // column-level grants

    bool operator==(const Column&) const = default;
};

enum class ReplicaIdentity { Default, Nothing, Full, Index };

// Ordinary, partitioned and partition tables (relkind r and p).
struct Table {
    QualifiedName name;
    bool unlogged = false;
    QList<Column> columns; // in attnum order
    QString partitionKey;  // pg_get_partkeydef: "RANGE (created_at)"; empty unless partitioned
    std::optional<QualifiedName> partitionOf; // parent of a partition
    QString partitionBound; // pg_get_expr(relpartbound): "FOR VALUES FROM (..) TO (..)", "DEFAULT"
    QList<QualifiedName> inherits; // non-partition inheritance parents, in inhseqno order
    QStringList options;           // reloptions, "fillfactor=70"
    QStringList toastOptions;      // toast reloptions without the "toast." prefix
    QString accessMethod;          // empty for heap
    QString tablespace;            // empty for the database default
    bool rowSecurity = false;      // relrowsecurity
    bool forceRowSecurity = false; // relforcerowsecurity
    ReplicaIdentity replicaIdentity = ReplicaIdentity::Default;
    QString replicaIdentityIndex; // index name when replicaIdentity == Index
    Ownership ownership;
    QString comment;

    bool operator==(const Table&) const = default;
    bool isPartitioned() const { return !partitionKey.isEmpty(); }
    const Column* column(QStringView columnName) const;
};

// One key column of an index, with every per-column property.
struct IndexKey {
    QString
        expression;    // column name (quoted as needed) or expression, as pg_get_indexdef writes it
    QString opclass;   // qualified operator class when not the default for the type
    QString collation; // qualified collation when not the column's
    bool descending = false;
    bool nullsFirst = false; // only meaningful when it differs from the direction's default

    bool operator==(const IndexKey&) const = default;
};

struct Index {
    QualifiedName name;  // schema is the table's schema
    QualifiedName table; // a table, partitioned table or materialized view
    QString definition;  // pg_get_indexdef: the exact CREATE INDEX statement
    QString accessMethod;
    QList<IndexKey> keys;
    QStringList include; // INCLUDE columns
    QString predicate;   // partial index WHERE clause, without "WHERE"
    QStringList options; // reloptions
    QString tablespace;
    bool unique = false;
    bool primary = false;
    bool nullsNotDistinct = false;
    bool valid = true; // false after a failed CREATE INDEX CONCURRENTLY
    bool clustered = false;
    // Backs a PRIMARY KEY/UNIQUE/EXCLUDE constraint: created by the constraint, not CREATE INDEX.
    QString constraintName;
    // Attached to an index on the partitioned parent (ALTER INDEX ... ATTACH PARTITION).
    std::optional<QualifiedName> parentIndex;
    QString comment;

    bool operator==(const Index&) const = default;
};

enum class ConstraintKind { Check, ForeignKey, PrimaryKey, Unique, Exclusion, Trigger };

// Table constraints (domain constraints live in Domain).
struct Constraint {
    QualifiedName table;
    QString name;
    ConstraintKind kind = ConstraintKind::Check;
    QString
        definition; // pg_get_constraintdef: "CHECK ((price > 0))", "FOREIGN KEY (a) REFERENCES ..."
    QStringList columns;
    bool deferrable = false;
    bool initiallyDeferred = false;
    bool validated = true; // false: NOT VALID
    bool noInherit = false;
    bool isLocal = true; // false: inherited only
    int inheritanceCount = 0;
    bool fromParent = false; // conparentid set: cloned from the partitioned parent's constraint
    QString index;           // backing index name (primary key, unique, exclusion)
    // Foreign keys
    std::optional<QualifiedName> referencedTable;
    QStringList referencedColumns;
    QString onUpdate; // "NO ACTION" | "RESTRICT" | "CASCADE" | "SET NULL" | "SET DEFAULT"
    QString onDelete;
    QString matchType; // "SIMPLE" | "FULL" | "PARTIAL"
    QString comment;

    bool operator==(const Constraint&) const = default;
};

struct ColumnRef {
    QualifiedName table;
    QString column;

    bool operator==(const ColumnRef&) const = default;
};

struct Sequence {
    QualifiedName name;
    QString dataType; // "bigint", "integer", "smallint"
    qint64 start = 1;
    qint64 increment = 1;
    qint64 minValue = 1;
    qint64 maxValue = 0;
    qint64 cache = 1;
    bool cycle = false;
    bool unlogged = false;
    std::optional<ColumnRef> ownedBy;
    bool identity = false; // belongs to an identity column: created by the column, not on its own
    Ownership ownership;
    QString comment;

    bool operator==(const Sequence&) const = default;
};

struct ViewColumn {
    QString name;
    QString type;
    QString comment;

    bool operator==(const ViewColumn&) const = default;
};

// Views and materialized views.
struct View {
    QualifiedName name;
    bool materialized = false;
    QString definition;    // pg_get_viewdef(oid, true): the SELECT without "AS"
    QStringList options;   // reloptions: security_barrier, security_invoker, check_option
    QString checkOption;   // "LOCAL" | "CASCADED" | empty
    bool populated = true; // materialized only: false means WITH NO DATA
    QString accessMethod;  // materialized only, empty for heap
    QString tablespace;
    QList<ViewColumn> columns;
    Ownership ownership;
    QString comment;

    bool operator==(const View&) const = default;
};

} // namespace plumb::catalog
