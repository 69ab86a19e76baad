#pragma once

#include "core/catalog/catalog.h"

namespace plumb::catalog::detail {

// The CREATE statements of each object kind (see ddl.h). Statements carry no semicolon.
QStringList createSchema(const Schema& schema);
QStringList createExtension(const Extension& extension);
QStringList createCollation(const Collation& collation);
QStringList createEnum(const EnumType& type);
QStringList createDomain(const Domain& domain);
QStringList createComposite(const CompositeType& type);
QStringList createRange(const RangeType& type);
QStringList createSequence(const Sequence& sequence);
QStringList sequenceOwnedBy(const Sequence& sequence);
// "name type [COLLATE ..] [GENERATED ..] [DEFAULT ..] [NOT NULL]": one column of CREATE TABLE,
// also what ALTER TABLE ... ADD COLUMN takes (the schema diff adds columns with it).
QString columnDefinitionSql(const Catalog& catalog, const Table& table, const Column& column);
QStringList createTable(const Catalog& catalog, const Table& table);
QStringList tableSettingsAfterIndexes(const Table& table);
QStringList createView(const View& view);
QStringList createIndex(const Index& index);

// How indexSql() writes an index other than as it is.
struct IndexSqlOptions {
    bool concurrently = false;
    QString name;                         // another name (same schema); empty: the index's own
    bool onlyParent = false;              // ON ONLY: a partitioned table's index, built invalid
    std::optional<QualifiedName> onTable; // another table (a partition); empty: the index's own
    bool withTablespace = true;           // pg_get_indexdef leaves TABLESPACE out
};
// CREATE INDEX composed from the index's typed parts (keys, INCLUDE, predicate, options), in the
// form pg_get_indexdef prints it, so that an index can be built under another name, on a
// partition, or concurrently without touching the server's text.
QString indexSql(const Index& index, const IndexSqlOptions& options = {});
QStringList attachIndex(const Index& index);
QStringList createConstraint(const Constraint& constraint);
QStringList createRoutine(const Routine& routine);
QStringList createOperator(const Operator& op);
// "schema.op (lefttype, righttype)", NONE for a missing side: how ALTER, COMMENT ON and DROP
// OPERATOR name one operator.
QString operatorSignatureSql(const Operator& op);
QStringList createTrigger(const Trigger& trigger);
QStringList createEventTrigger(const EventTrigger& trigger);
QStringList createPolicy(const Policy& policy);
QStringList createPublication(const Publication& publication);
QStringList createDefaultPrivilege(const DefaultPrivilege& privilege);
QStringList createTextSearchConfiguration(const TextSearchConfiguration& configuration);

// "COMMENT ON <what> IS '...'" or nothing when the comment is empty.
QStringList commentOn(const QString& what, const QString& comment);

} // namespace plumb::catalog::detail
