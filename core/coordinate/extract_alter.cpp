// The walker's ALTER TABLE (and ALTER INDEX, VIEW, SEQUENCE, TYPE ... as ALTER TABLE parses
// them): each subcommand with the lock PostgreSQL documents for it.

#include "core/coordinate/extract_walker.h"

using namespace Qt::StringLiterals;

namespace plumb::coordinate::detail {

void Walker::alterTable(const QJsonObject& stmt)
{
    const QString objtype = stmt.value(u"objtype").toString();
    ObjectKind kind = ObjectKind::Table;
    if (objtype == u"OBJECT_INDEX")
        kind = ObjectKind::Index;
    else if (objtype == u"OBJECT_VIEW")
        kind = ObjectKind::View;
    else if (objtype == u"OBJECT_MATVIEW")
        kind = ObjectKind::MaterializedView;
    else if (objtype == u"OBJECT_SEQUENCE")
        kind = ObjectKind::Sequence;
    else if (objtype == u"OBJECT_TYPE")
        kind = ObjectKind::Type;
    const ObjectRef relation = relationOf(stmt.value(u"relation").toObject(), kind, false);
    for (const QJsonValue& cmd : stmt.value(u"cmds").toArray())
        alterTableCommand(relation, node(cmd).second);
}

void Walker::alterTableCommand(const ObjectRef& relation, const QJsonObject& cmd)
{
    const QString subtype = cmd.value(u"subtype").toString();
    const QString name = cmd.value(u"name").toString();
    const QJsonObject def = node(cmd.value(u"def")).second;
    const ObjectRef column{ObjectKind::Column, relation.schema, relation.name, name};
    using enum LockMode;

    if (relation.kind == ObjectKind::Index || relation.kind == ObjectKind::Sequence) {
        // ALTER INDEX ... SET (...) / SET TABLESPACE / ATTACH PARTITION, ALTER SEQUENCE OWNER...
        touch(relation, Action::Adjust,
              subtype == u"AT_SetTableSpace" ? AccessExclusive : ShareUpdateExclusive);
        return;
    }
    if (subtype == u"AT_AddColumn") {
        columnDefinition(relation, def, true);
        lockTable(relation, AccessExclusive);
    } else if (subtype == u"AT_DropColumn") {
        touch(column, Action::Drop);
        lockTable(relation, AccessExclusive);
        learnColumn(relation, name, false);
    } else if (subtype == u"AT_AlterColumnType") {
        touch(column, Action::Alter);
        readType(def.value(u"typeName").toObject());
        readColumnsOf(relation, def.value(u"raw_default")); // USING
        // Most type changes rewrite the table and its indexes; the binary-coercible ones
        // (varchar(n) to text, a longer varchar) do not, but cannot be told from the text alone.
        lockTable(relation, AccessExclusive, true);
    } else if (subtype == u"AT_ColumnDefault" || subtype == u"AT_DropNotNull" ||
               subtype == u"AT_DropExpression" || subtype == u"AT_AddIdentity" ||
               subtype == u"AT_SetIdentity" || subtype == u"AT_DropIdentity" ||
               subtype == u"AT_SetStorage" || subtype == u"AT_SetCompression" ||
               subtype == u"AT_CookedColumnDefault") {
        touch(column, Action::Adjust);
        if (cmd.contains(u"def"))
            readColumnsOf(relation, cmd.value(u"def"));
        lockTable(relation, AccessExclusive, subtype == u"AT_AddIdentity");
    } else if (subtype == u"AT_SetNotNull") {
        touch(column, Action::Adjust);
        lockTable(relation, AccessExclusive, true); // scans every row unless a CHECK proves it
    } else if (subtype == u"AT_SetStatistics" || subtype == u"AT_SetOptions" ||
               subtype == u"AT_ResetOptions") {
        touch(column, Action::Adjust);
        lockTable(relation, ShareUpdateExclusive);
    } else if (subtype == u"AT_AddConstraint") {
        tableConstraint(relation, def, {}, true);
    } else if (subtype == u"AT_ValidateConstraint") {
        touch(ObjectRef{ObjectKind::Constraint, relation.schema, relation.name, name},
              Action::Adjust);
        lockTable(relation, ShareUpdateExclusive, true);
    } else if (subtype == u"AT_DropConstraint") {
        touch(ObjectRef{ObjectKind::Constraint, relation.schema, relation.name, name},
              Action::Drop);
        lockTable(relation, AccessExclusive);
    } else if (subtype == u"AT_AlterConstraint") {
        touch(ObjectRef{ObjectKind::Constraint, relation.schema, relation.name,
                        def.value(u"conname").toString()},
              Action::Adjust);
        lockTable(relation, AccessExclusive);
    } else if (subtype == u"AT_AttachPartition" || subtype == u"AT_DetachPartition" ||
               subtype == u"AT_DetachPartitionFinalize") {
        const ObjectRef partition =
            relationOf(def.value(u"name").toObject(), ObjectKind::Table, false);
        const bool attach = subtype == u"AT_AttachPartition";
        const bool concurrent = def.value(u"concurrent").toBool();
        // Attaching scans the partition for rows outside its bound (unless a CHECK proves it),
        // holding its lock on the parent all along.
        lockTable(relation, attach || concurrent ? ShareUpdateExclusive : AccessExclusive, attach);
        touch(partition, Action::Alter, AccessExclusive, attach);
        if (const QString shape = partitionShape(def.value(u"bound").toObject());
            attach && !shape.isEmpty())
            touch(ObjectRef{ObjectKind::Shape, relation.schema, relation.name, shape},
                  Action::Create);
    } else if (subtype == u"AT_AddInherit" || subtype == u"AT_DropInherit") {
        touch(relation, Action::Alter, AccessExclusive);
        touch(relationOf(def, ObjectKind::Table, false), Action::Use, ShareUpdateExclusive);
    } else if (subtype == u"AT_SetLogged" || subtype == u"AT_SetUnLogged" ||
               subtype == u"AT_SetTableSpace" || subtype == u"AT_SetAccessMethod") {
        touch(relation, Action::Alter, AccessExclusive, true);
    } else if (subtype == u"AT_AddOf" || subtype == u"AT_DropOf") {
        touch(relation, Action::Alter, AccessExclusive);
    } else if (subtype == u"AT_EnableTrig" || subtype == u"AT_DisableTrig" ||
               subtype == u"AT_EnableAlwaysTrig" || subtype == u"AT_EnableReplicaTrig") {
        touch(ObjectRef{ObjectKind::Trigger, relation.schema, relation.name, name}, Action::Adjust);
        lockTable(relation, ShareRowExclusive);
    } else if (subtype == u"AT_SetRelOptions" || subtype == u"AT_ResetRelOptions") {
        // Each storage parameter is a setting of its own: two changes of different ones commute.
        lockTable(relation, ShareUpdateExclusive);
        for (const QJsonValue& option :
             cmd.value(u"def").toObject().value(u"List").toObject().value(u"items").toArray())
            touch(ObjectRef{ObjectKind::Shape, relation.schema, relation.name,
                            u"storage parameter "_s +
                                node(option).second.value(u"defname").toString()},
                  Action::Adjust);
    } else if (subtype == u"AT_ClusterOn" || subtype == u"AT_DropCluster") {
        touch(relation, Action::Adjust, ShareUpdateExclusive);
    } else if (subtype == u"AT_ChangeOwner" || subtype == u"AT_ReplicaIdentity" ||
               subtype == u"AT_EnableRowSecurity" || subtype == u"AT_DisableRowSecurity" ||
               subtype == u"AT_ForceRowSecurity" || subtype == u"AT_NoForceRowSecurity" ||
               subtype == u"AT_EnableTrigAll" || subtype == u"AT_DisableTrigAll" ||
               subtype == u"AT_EnableTrigUser" || subtype == u"AT_DisableTrigUser" ||
               subtype == u"AT_GenericOptions") {
        touch(relation, Action::Adjust, AccessExclusive);
    } else {
        touch(relation, Action::Alter, AccessExclusive);
        note(u"ALTER TABLE %1 is taken as a change of the whole table"_s.arg(subtype.mid(3)));
    }
}

} // namespace plumb::coordinate::detail
