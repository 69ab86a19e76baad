#pragma once

#include <QString>
#include <optional>

namespace plumb::plan {

// The strongest table lock a step takes (PostgreSQL's lock modes, weakest first; ROW SHARE and
// EXCLUSIVE are never taken by a step we plan, ROW EXCLUSIVE only by a batched backfill).
enum class Lock {
    None,
    AccessShare,
    RowExclusive,
    ShareUpdateExclusive,
    Share,
    ShareRowExclusive,
    AccessExclusive,
};

// What a step does. Every kind has one row in the lock table (step_kind.cpp): the lock it takes
// on the table it changes, whether it rewrites or scans that table while holding the lock, and
// whether it may run inside a transaction block, by server version.
enum class StepKind {
    // Indexes
    CreateIndex,             // CREATE INDEX
    CreateIndexConcurrently, // CREATE INDEX CONCURRENTLY
    CreateIndexOnOnly, // CREATE INDEX ... ON ONLY a partitioned table (invalid until attached)
    AttachIndex,       // ALTER INDEX parent ATTACH PARTITION child
    DropIndex,
    DropIndexConcurrently,
    ReindexConcurrently,
    RenameIndex,
    SwapIndexNames, // ALTER INDEX ... RENAME, twice, in one transaction
    AlterIndexStorage,
    ClusterOn,
    // Constraints
    AddCheck,              // scans under ACCESS EXCLUSIVE
    AddCheckNotValid,      // catalog only
    AddForeignKey,         // scans both tables under SHARE ROW EXCLUSIVE
    AddForeignKeyNotValid, // catalog only (and a trigger on both tables)
    AddKey,                // PRIMARY KEY / UNIQUE / EXCLUDE: builds its index under the lock
    AddKeyUsingIndex,      // adopts an index built beforehand
    AddKeyOnParentOnly,    // a partitioned table's key, its index invalid until attached
    ValidateConstraint,    // scans under SHARE UPDATE EXCLUSIVE
    ValidateForeignKey,    // scans under SHARE UPDATE EXCLUSIVE (ROW SHARE on the other)
    DropConstraint,
    DropConstraintReplacingKey, // DROP CONSTRAINT + ADD ... USING INDEX in one transaction
    RenameConstraint,
    // Columns
    AddColumn,            // catalog only
    AddColumnWithDefault, // a non-volatile default: catalog only from PostgreSQL 11
    AddColumnRewrite,     // volatile default, identity, stored generated: rewrites
    DropColumn,
    AlterColumnType,        // rewrites the table and rebuilds its indexes
    AlterColumnTypeInPlace, // binary-coercible change: indexes only when their type changes
    SetDefault,
    DropDefault,
    SetNotNull,       // scans under ACCESS EXCLUSIVE
    SetNotNullProven, // a validated CHECK (col IS NOT NULL) proves it (12+): no scan
    DropNotNull,
    AlterIdentity,    // ADD/SET/DROP identity
    DropExpression,   // a stored generated column becomes a plain one
    SetExpression,    // rewrites (PostgreSQL 17)
    ColumnSettings,   // SET STORAGE, COMPRESSION
    ColumnStatistics, // SET STATISTICS
    RenameColumn,
    Backfill, // fills a column in batches of committed UPDATEs (a DO block)
    // Tables
    CreateTable,
    CreatePartition, // CREATE TABLE ... PARTITION OF: locks the parent
    DropTable,
    RenameTable,
    // A table made again in a new partitioning (diff/table_swap.h): renamed out of the way with
    // its partitions, indexes and identity sequences; its rows copied into the new table; dropped.
    SetAsideTable,
    CopyRows, // INSERT ... SELECT: the new table holds no rows until it commits
    DropSetAsideTable,
    SetStorageParameters, // SET/RESET (fillfactor, autovacuum_*, toast.*)
    SetLogged,            // SET LOGGED / UNLOGGED: rewrites
    SetAccessMethod,      // rewrites
    SetTablespace,        // copies the table
    RowSecurity,          // ENABLE/DISABLE/FORCE ROW LEVEL SECURITY
    ReplicaIdentity,
    AttachPartition, // scans the partition unless a check proves the bound
    DetachPartition,
    Inherit, // INHERIT / NO INHERIT
    CommentOn,
    // Other relations and objects
    CreateView,
    ReplaceView, // CREATE OR REPLACE VIEW over an existing one
    DropView,
    CreateMaterializedView, // runs its query
    CreateTrigger,
    DropTrigger,
    EnableTrigger,
    CreatePolicy,
    DropPolicy,
    AlterSequence,
    SetSequenceValue, // setval
    AddEnumValue,
    AlterDomainConstraints, // scans every column of the domain
    CreateObject,           // types, functions, schemas, extensions...: no table lock
    DropObject,
    AlterObject,
    RenameObject,
};

// What one kind of step does to the table it changes, on one server version.
struct StepEffects {
    Lock lock = Lock::None;    // the lock mode on the step's table (None: no existing table)
    bool rewrites = false;     // writes the table and its indexes again under `lock`
    bool scans = false;        // reads every row of the table under `lock`
    bool transactional = true; // may run inside a transaction block

    // Neither blocks writers nor holds a blocking lock for longer than a catalog update.
    bool online() const;
};

// The lock table (step_kind.cpp). `serverVersion` is server_version_num; 0 means the newest.
StepEffects effectsOf(StepKind kind, int serverVersion);

// "create_index_concurrently": stable, for JSON and golden files.
QString stepKindName(StepKind kind);
std::optional<StepKind> stepKindFromName(QStringView name);
// What the step does, as the start of its label: "build index concurrently", "validate
// constraint", "add constraint not valid".
QString stepKindVerb(StepKind kind);

QString lockName(Lock lock); // "ACCESS EXCLUSIVE"
std::optional<Lock> lockFromName(QStringView name);

} // namespace plumb::plan
