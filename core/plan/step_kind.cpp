#include "core/plan/step_kind.h"

#include <array>

using namespace Qt::StringLiterals;

namespace plumb::plan {

namespace {

// One row of the lock table.
struct Row {
    StepKind kind;
    const char16_t* name;
    const char16_t* verb;
    Lock lock;
    bool rewrites;
    bool scans;
    bool transactional;
};

constexpr Lock AE = Lock::AccessExclusive;
constexpr Lock SRE = Lock::ShareRowExclusive;
constexpr Lock S = Lock::Share;
constexpr Lock SUE = Lock::ShareUpdateExclusive;
constexpr Lock NONE = Lock::None;

// The lock each kind of step takes on the table it changes, as PostgreSQL 17 documents it:
// "Table-Level Locks" (Explicit Locking, section 13.3.1) for the lock modes and the commands
// that take them, and the Notes and per-form paragraphs of the ALTER TABLE, ALTER INDEX,
// CREATE INDEX, REINDEX, CREATE TRIGGER and CREATE TABLE reference pages for the forms of
// ALTER TABLE, the rewrites and the scans. Older servers differ where effectsOf() says so.
// `rewrites` and `scans` are what the step does while it holds `lock`; a step that scans under
// a lock writers can pass (VALIDATE, CREATE INDEX CONCURRENTLY) is online.
constexpr std::array rows{
    // Indexes
    Row{StepKind::CreateIndex, u"create_index", u"create index", S, false, true, true},
    Row{StepKind::CreateIndexConcurrently, u"create_index_concurrently",
        u"build index concurrently", SUE, false, true, false},
    Row{StepKind::CreateIndexOnOnly, u"create_index_on_only", u"create index on parent only", S,
        false, false, true},
    Row{StepKind::AttachIndex, u"attach_index", u"attach index", SUE, false, false, true},
    Row{StepKind::DropIndex, u"drop_index", u"drop index", AE, false, false, true},
    Row{StepKind::DropIndexConcurrently, u"drop_index_concurrently", u"drop index concurrently",
        SUE, false, false, false},
    Row{StepKind::ReindexConcurrently, u"reindex_concurrently", u"rebuild index concurrently", SUE,
        false, true, false},
    Row{StepKind::RenameIndex, u"rename_index", u"rename index", SUE, false, false, true},
    Row{StepKind::SwapIndexNames, u"swap_index_names", u"swap index names", SUE, false, false,
        true},
    Row{StepKind::AlterIndexStorage, u"alter_index_storage", u"set index storage parameters", SUE,
        false, false, true},
    Row{StepKind::ClusterOn, u"cluster_on", u"set cluster index", SUE, false, false, true},
    // Constraints
    Row{StepKind::AddCheck, u"add_check", u"add constraint", AE, false, true, true},
    Row{StepKind::AddCheckNotValid, u"add_check_not_valid", u"add constraint not valid", AE, false,
        false, true},
    Row{StepKind::AddForeignKey, u"add_foreign_key", u"add foreign key", SRE, false, true, true},
    Row{StepKind::AddForeignKeyNotValid, u"add_foreign_key_not_valid", u"add foreign key not valid",
        SRE, false, false, true},
    Row{StepKind::AddKey, u"add_key", u"add key constraint", AE, false, true, true},
    Row{StepKind::AddKeyUsingIndex, u"add_key_using_index", u"add key constraint using index", AE,
        false, false, true},
    Row{StepKind::AddKeyOnParentOnly, u"add_key_on_parent_only",
        u"add key constraint on parent only", AE, false, false, true},
    Row{StepKind::ValidateConstraint, u"validate_constraint", u"validate constraint", SUE, false,
        true, true},
    Row{StepKind::ValidateForeignKey, u"validate_foreign_key", u"validate foreign key", SUE, false,
        true, true},
    Row{StepKind::DropConstraint, u"drop_constraint", u"drop constraint", AE, false, false, true},
    Row{StepKind::DropConstraintReplacingKey, u"replace_key_constraint", u"replace key constraint",
        AE, false, false, true},
    Row{StepKind::RenameConstraint, u"rename_constraint", u"rename constraint", AE, false, false,
        true},
    // Columns
    Row{StepKind::AddColumn, u"add_column", u"add column", AE, false, false, true},
    Row{StepKind::AddColumnWithDefault, u"add_column_with_default", u"add column with default", AE,
        false, false, true},
    Row{StepKind::AddColumnRewrite, u"add_column_rewrite", u"add column and fill it", AE, true,
        true, true},
    Row{StepKind::DropColumn, u"drop_column", u"drop column", AE, false, false, true},
    Row{StepKind::AlterColumnType, u"alter_column_type", u"change column type", AE, true, true,
        true},
    Row{StepKind::AlterColumnTypeInPlace, u"alter_column_type_in_place",
        u"change column type in place", AE, false, false, true},
    Row{StepKind::SetDefault, u"set_default", u"set default", AE, false, false, true},
    Row{StepKind::DropDefault, u"drop_default", u"drop default", AE, false, false, true},
    Row{StepKind::SetNotNull, u"set_not_null", u"set not null", AE, false, true, true},
    Row{StepKind::SetNotNullProven, u"set_not_null_proven", u"set not null", AE, false, false,
        true},
    Row{StepKind::DropNotNull, u"drop_not_null", u"drop not null", AE, false, false, true},
    Row{StepKind::AlterIdentity, u"alter_identity", u"change identity", AE, false, false, true},
    Row{StepKind::DropExpression, u"drop_expression", u"drop generation expression", AE, false,
        false, true},
    Row{StepKind::SetExpression, u"set_expression", u"set generation expression", AE, true, true,
        true},
    Row{StepKind::ColumnSettings, u"column_settings", u"set column storage", AE, false, false,
        true},
    Row{StepKind::ColumnStatistics, u"column_statistics", u"set column statistics", SUE, false,
        false, true},
    Row{StepKind::RenameColumn, u"rename_column", u"rename column", AE, false, false, true},
    // Row locks only, batch by batch; not transactional: it commits each batch.
    Row{StepKind::Backfill, u"backfill", u"backfill in batches", Lock::RowExclusive, false, false,
        false},
    // Tables
    Row{StepKind::CreateTable, u"create_table", u"create table", NONE, false, false, true},
    Row{StepKind::CreatePartition, u"create_partition", u"create partition", AE, false, false,
        true},
    Row{StepKind::DropTable, u"drop_table", u"drop table", AE, false, false, true},
    Row{StepKind::RenameTable, u"rename_table", u"rename table", AE, false, false, true},
    Row{StepKind::SetAsideTable, u"set_aside_table", u"set aside", AE, false, false, true},
    // The new table's lock is ROW EXCLUSIVE, but it is empty until the copy commits: the planner
    // names the step as blocking reads and writes of the table.
    Row{StepKind::CopyRows, u"copy_rows", u"copy the rows back into", Lock::RowExclusive, true,
        true, true},
    Row{StepKind::DropSetAsideTable, u"drop_set_aside_table", u"drop the set-aside copy of", AE,
        false, false, true},
    Row{StepKind::SetStorageParameters, u"set_storage_parameters", u"set storage parameters", SUE,
        false, false, true},
    Row{StepKind::SetLogged, u"set_logged", u"change logging", AE, true, true, true},
    Row{StepKind::SetAccessMethod, u"set_access_method", u"change access method", AE, true, true,
        true},
    Row{StepKind::SetTablespace, u"set_tablespace", u"move to tablespace", AE, true, true, true},
    Row{StepKind::RowSecurity, u"row_security", u"change row security", AE, false, false, true},
    Row{StepKind::ReplicaIdentity, u"replica_identity", u"set replica identity", AE, false, false,
        true},
    // The lock is the parent's; the partition itself is held ACCESS EXCLUSIVE and scanned
    // unless a validated check proves its bound.
    Row{StepKind::AttachPartition, u"attach_partition", u"attach partition", SUE, false, true,
        true},
    Row{StepKind::DetachPartition, u"detach_partition", u"detach partition", AE, false, false,
        true},
    Row{StepKind::Inherit, u"inherit", u"change inheritance", AE, false, false, true},
    Row{StepKind::CommentOn, u"comment", u"comment on", SUE, false, false, true},
    // Other relations and objects
    Row{StepKind::CreateView, u"create_view", u"create view", NONE, false, false, true},
    Row{StepKind::ReplaceView, u"replace_view", u"replace view", AE, false, false, true},
    Row{StepKind::DropView, u"drop_view", u"drop view", AE, false, false, true},
    Row{StepKind::CreateMaterializedView, u"create_materialized_view", u"create materialized view",
        NONE, false, false, true},
    Row{StepKind::CreateTrigger, u"create_trigger", u"create trigger", SRE, false, false, true},
    Row{StepKind::DropTrigger, u"drop_trigger", u"drop trigger", AE, false, false, true},
    Row{StepKind::EnableTrigger, u"enable_trigger", u"change trigger state", SRE, false, false,
        true},
    Row{StepKind::CreatePolicy, u"create_policy", u"create policy", AE, false, false, true},
    Row{StepKind::DropPolicy, u"drop_policy", u"drop policy", AE, false, false, true},
    Row{StepKind::AlterSequence, u"alter_sequence", u"alter sequence", SRE, false, false, true},
    Row{StepKind::SetSequenceValue, u"set_sequence_value", u"move sequence forward", NONE, false,
        false, true},
    // Transactional from PostgreSQL 12, but a value added in a transaction cannot be used
    // before it commits: the step always commits on its own.
    Row{StepKind::AddEnumValue, u"add_enum_value", u"add enum value", NONE, false, false, false},
    Row{StepKind::AlterDomainConstraints, u"alter_domain_constraints", u"change domain constraints",
        S, false, true, true},
    Row{StepKind::CreateObject, u"create", u"create", NONE, false, false, true},
    Row{StepKind::DropObject, u"drop", u"drop", NONE, false, false, true},
    Row{StepKind::AlterObject, u"alter", u"alter", NONE, false, false, true},
    Row{StepKind::RenameObject, u"rename", u"rename", NONE, false, false, true},
};

static_assert(rows.size() == size_t(StepKind::RenameObject) + 1);

constexpr bool rowsInKindOrder()
{
    for (size_t i = 0; i < rows.size(); ++i)
        if (rows[i].kind != StepKind(i))
            return false;
    return true;
}
static_assert(rowsInKindOrder(), "the lock table lists every StepKind once, in order");

constexpr std::array<QStringView, 7> lockNames{
    u"",      u"ACCESS SHARE",        u"ROW EXCLUSIVE",   u"SHARE UPDATE EXCLUSIVE",
    u"SHARE", u"SHARE ROW EXCLUSIVE", u"ACCESS EXCLUSIVE"};

} // namespace

bool StepEffects::online() const
{
    // Only what holds a lock that blocks writers (SHARE and stronger) for the length of a scan
    // or a rewrite keeps the application waiting.
    return lock < Lock::Share || (!rewrites && !scans);
}

StepEffects effectsOf(StepKind kind, int serverVersion)
{
    const Row& row = rows[size_t(kind)];
    StepEffects effects{row.lock, row.rewrites, row.scans, row.transactional};
    const bool known = serverVersion > 0;
    switch (kind) {
    case StepKind::AddColumnWithDefault:
        // Before 11 every row got the default written into it.
        if (known && serverVersion < 110000)
            effects.rewrites = effects.scans = true;
        break;
    case StepKind::SetNotNullProven:
        // Before 12 SET NOT NULL always scans, whatever check proves it.
        if (known && serverVersion < 120000)
            effects.scans = true;
        break;
    case StepKind::AttachPartition:
    case StepKind::RenameIndex:
    case StepKind::SwapIndexNames:
        // ATTACH PARTITION and ALTER INDEX RENAME took ACCESS EXCLUSIVE before 12.
        if (known && serverVersion < 120000)
            effects.lock = Lock::AccessExclusive;
        break;
    case StepKind::AddEnumValue:
        break;
    default:
        break;
    }
    return effects;
}

QString stepKindName(StepKind kind)
{
    return QString::fromUtf16(rows[size_t(kind)].name);
}

std::optional<StepKind> stepKindFromName(QStringView name)
{
    for (const Row& row : rows)
        if (QStringView(row.name) == name)
            return row.kind;
    return std::nullopt;
}

QString stepKindVerb(StepKind kind)
{
    return QString::fromUtf16(rows[size_t(kind)].verb);
}

QString lockName(Lock lock)
{
    return lockNames[size_t(lock)].toString();
}

std::optional<Lock> lockFromName(QStringView name)
{
    for (size_t i = 0; i < lockNames.size(); ++i)
        if (lockNames[i] == name)
            return Lock(i);
    return std::nullopt;
}

} // namespace plumb::plan
