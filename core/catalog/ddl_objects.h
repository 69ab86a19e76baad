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
