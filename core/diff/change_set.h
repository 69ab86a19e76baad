#pragma once

#include "core/catalog/catalog.h"
#include "core/diff/type_conversion.h"
#include "core/error.h"

#include <QJsonObject>
#include <map>

namespace plumb::diff {

// What kind of catalog object a change touches. Columns are their own type so that a change to
// one column reads as such (its `object` is the table's key, `column` names the column).
enum class ObjectType {
    Schema,
    Extension,
    Collation,
    Enum,
    Domain,
    Composite,
    Range,
    Sequence,
    Table,
    Column,
    View,
    MaterializedView,
    Index,
    Constraint,
    Routine,
    Trigger,
    EventTrigger,
    Policy,
    Publication,
    Operator,
};

enum class Action { Create, Drop, Alter, Rename };

// What part of an object an Alter changes (or, for Create, which statements of a created object
// a change holds). Typed, so that the planner decides by value and never by name.
enum class Attribute {
    None,              // the whole object
    Deferred,          // Create: statements of a created object that run after others
    Type,              // column type (and collation)
    Default,           // column or domain default
    NotNull,           // column or domain NOT NULL
    Identity,          // column identity
    Generated,         // column generation expression
    ColumnSettings,    // column storage, compression, statistics target
    Comment,           // COMMENT ON
    Owner,             // OWNER TO
    StorageParameters, // table or index reloptions (SET/RESET (...))
    Logged,            // table or sequence SET LOGGED / UNLOGGED
    AccessMethod,      // table SET ACCESS METHOD
    Tablespace,        // table SET TABLESPACE
    ReplicaIdentity,
    RowSecurity,
    ForceRowSecurity,
    Inherits,    // table INHERIT / NO INHERIT
    PartitionOf, // table ATTACH / DETACH PARTITION
    Labels,      // enum values
    Validated,   // constraint VALIDATE
    Version,     // extension version
    Schema,      // extension schema
    Options,     // sequence options
    OwnedBy,     // sequence OWNED BY
    Constraints, // domain constraints
    Attributes,  // composite type attributes
    Definition,  // routine body (CREATE OR REPLACE)
    Estimators,  // operator RESTRICT/JOIN
    Cluster,     // index CLUSTER ON
    Enabled,     // trigger or event trigger enabled state
    // A table made again in a new shape that no ALTER reaches (its partitioning): set aside
    // under another name with its partitions, indexes and identity sequences, its rows copied
    // into the new table, then dropped (table_swap.h).
    SetAside,
    CopyRows,
    DropSetAside,
};

// One change that turns part of `from` into `to`, with the plain SQL that makes it.
struct Change {
    Action action = Action::Alter;
    ObjectType type = ObjectType::Table;
    catalog::ObjectKey object; // for Column changes: the table
    QString column;            // Column changes: the column (its name in `to`, or `from` for drops)
    Attribute attribute = Attribute::None;
    QString before;  // the old value, for review (old name for Rename)
    QString after;   // the new value, for review (new name for Rename)
    QStringList sql; // statements without the terminating semicolon, in order
    // Column type changes: what the conversion does to the values, and its USING expression.
    std::optional<TypeChange> typeChange;
    bool destroysData = false; // drops a table or column (or rebuilds a table) holding data
    // Dropped or created again only because an object it depends on is rebuilt.
    bool forDependency = false;
    // Cannot run inside a transaction block (or its effect cannot be used in the same one).
    bool transactional = true;

    bool operator==(const Change&) const = default;
};

// Every change from `from` to `to`, in an order that runs: first what must go (dependents before
// what they depend on), then what is created or altered (dependencies first).
struct ChangeSet {
    QList<Change> changes;

    bool isEmpty() const { return changes.isEmpty(); }
    bool operator==(const ChangeSet&) const = default;
};

// Explicit renames: tables and columns are never guessed (a drop + add destroys data, a wrong
// guessed rename silently corrupts it), so they come from the user.
struct RenameHints {
    std::map<catalog::QualifiedName, catalog::QualifiedName> tables; // from name -> to name
    // (table name in `to`, column name in `from`) -> column name in `to`
    std::map<std::pair<catalog::QualifiedName, QString>, QString> columns;
    // (table name in `to`, column name in `to`) -> the USING expression of its type change, for
    // conversions the server has no cast for or that the schema means differently.
    std::map<std::pair<catalog::QualifiedName, QString>, QString> conversions;

    bool isEmpty() const { return tables.empty() && columns.empty() && conversions.empty(); }
};

// Reads rename hints, one per line, `#` comments allowed:
//   table  schema.old_name  schema.new_name
//   column schema.table_name.old_column  new_column     (table_name as named in `to`)
//   using  schema.table_name.column  EXPRESSION...      (the rest of the line, SQL over the
//                                                        column: to_timestamp(created / 1000))
// Names are unquoted as the server stores them; a dot inside a name is not supported.
Result<RenameHints> parseRenameHints(const QString& text);

struct DiffOptions {
    RenameHints renames;
    bool ownership = false; // compare owners (ALTER ... OWNER TO); off: environments differ
};

// The changes that turn `from` into `to`. Pure: no database, runs on any thread.
ChangeSet compare(const catalog::Catalog& from, const catalog::Catalog& to,
                  const DiffOptions& options = {});

// The plain SQL script of a change set: non-transactional statements first, then the rest in
// one transaction. Empty when there is nothing to change.
QString plainScript(const ChangeSet& changes);

QString objectTypeName(ObjectType type);    // "table", "column", "materialized_view"...
QString actionName(Action action);          // "create", "drop", "alter", "rename"
QString attributeName(Attribute attribute); // "type", "not_null"...; empty for None
std::optional<ObjectType> objectTypeFromName(QStringView name);
std::optional<Action> actionFromName(QStringView name);
std::optional<Attribute> attributeFromName(QStringView name); // None for an empty name

QJsonObject toJson(const Change& change);
Result<Change> changeFromJson(const QJsonObject& object);
QJsonObject toJson(const ChangeSet& changes);
Result<ChangeSet> changeSetFromJson(const QJsonObject& object);

} // namespace plumb::diff
