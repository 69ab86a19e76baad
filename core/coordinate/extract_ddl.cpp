// The walker's DROP, RENAME, SET SCHEMA, CREATE TRIGGER, type statements, COMMENT, GRANT,
// policies and maintenance statements (see extract_walker.h; CREATE TABLE, INDEX and VIEW are
// in extract_create.cpp).

#include "core/coordinate/extract_walker.h"

using namespace Qt::StringLiterals;

namespace plumb::coordinate::detail {

namespace {

ObjectKind relationKind(const QString& objectType)
{
    if (objectType == u"OBJECT_VIEW")
        return ObjectKind::View;
    if (objectType == u"OBJECT_MATVIEW")
        return ObjectKind::MaterializedView;
    if (objectType == u"OBJECT_INDEX")
        return ObjectKind::Index;
    if (objectType == u"OBJECT_SEQUENCE")
        return ObjectKind::Sequence;
    if (objectType == u"OBJECT_TYPE")
        return ObjectKind::Type;
    return ObjectKind::Table;
}

bool isRelationType(const QString& objectType)
{
    return objectType == u"OBJECT_TABLE" || objectType == u"OBJECT_VIEW" ||
           objectType == u"OBJECT_MATVIEW" || objectType == u"OBJECT_INDEX" ||
           objectType == u"OBJECT_SEQUENCE" || objectType == u"OBJECT_FOREIGN_TABLE";
}

} // namespace

void Walker::drop(const QJsonObject& stmt)
{
    const QString type = stmt.value(u"removeType").toString();
    const bool concurrent = stmt.value(u"concurrent").toBool();
    for (const QJsonValue& object : stmt.value(u"objects").toArray()) {
        const auto [nodeType, item] = node(object);
        if (isRelationType(type)) {
            const ObjectRef relation =
                objectOf(stringList(item.value(u"items").toArray()), relationKind(type), false);
            touch(relation, Action::Drop,
                  concurrent ? LockMode::ShareUpdateExclusive : LockMode::AccessExclusive);
            if (const Knowledge::Relation* known = m_known.relation(relation.schema, relation.name))
                if (!known->table.isEmpty())
                    touch(ObjectRef{ObjectKind::Table,
                                    known->table.section(u'.', 0, 0),
                                    known->table.section(u'.', 1),
                                    {}},
                          Action::Use,
                          concurrent ? LockMode::ShareUpdateExclusive : LockMode::AccessExclusive);
            m_known.relations.remove(key(relation.schema, relation.name));
        } else if (type == u"OBJECT_TYPE" || type == u"OBJECT_DOMAIN") {
            touch(typeOf(item), Action::Drop);
        } else if (type == u"OBJECT_FUNCTION" || type == u"OBJECT_PROCEDURE" ||
                   type == u"OBJECT_ROUTINE" || type == u"OBJECT_AGGREGATE") {
            touch(functionOf(item), Action::Drop);
        } else if (type == u"OBJECT_SCHEMA") {
            touch(ObjectRef{ObjectKind::Schema, {}, stringValue(object), {}}, Action::Drop);
        } else if (type == u"OBJECT_EXTENSION") {
            touch(ObjectRef{ObjectKind::Extension, {}, stringValue(object), {}}, Action::Drop);
        } else if (type == u"OBJECT_TRIGGER" || type == u"OBJECT_POLICY") {
            QStringList names = stringList(item.value(u"items").toArray());
            const QString member = names.takeLast();
            const ObjectRef table = objectOf(names, ObjectKind::Table, false);
            const bool trigger = type == u"OBJECT_TRIGGER";
            touch(ObjectRef{trigger ? ObjectKind::Trigger : ObjectKind::Policy, table.schema,
                            table.name, member},
                  Action::Drop);
            lockTable(table, trigger ? LockMode::ShareRowExclusive : LockMode::AccessExclusive);
        } else {
            note(u"DROP of %1 is not analysed"_s.arg(type.mid(7).toLower()));
        }
    }
}

void Walker::rename(const QJsonObject& stmt)
{
    const QString type = stmt.value(u"renameType").toString();
    const QString newName = stmt.value(u"newname").toString();
    const QString oldMember = stmt.value(u"subname").toString();
    if (isRelationType(type)) {
        const ObjectRef old =
            relationOf(stmt.value(u"relation").toObject(), relationKind(type), false);
        touch(old, Action::Rename, LockMode::AccessExclusive, false, newName);
        touch(ObjectRef{old.kind, old.schema, newName, {}}, Action::Create);
        if (const Knowledge::Relation* known = m_known.relation(old.schema, old.name)) {
            m_known.relations.insert(key(old.schema, newName), *known);
            m_known.relations.remove(key(old.schema, old.name));
        }
        return;
    }
    const auto memberRename = [&](ObjectKind kind) {
        const ObjectRef table =
            relationOf(stmt.value(u"relation").toObject(), ObjectKind::Table, false);
        touch(ObjectRef{kind, table.schema, table.name, oldMember}, Action::Rename, LockMode::None,
              false, newName);
        touch(ObjectRef{kind, table.schema, table.name, newName}, Action::Create);
        lockTable(table, kind == ObjectKind::Trigger ? LockMode::ShareRowExclusive
                                                     : LockMode::AccessExclusive);
        if (kind == ObjectKind::Column) {
            learnColumn(table, oldMember, false);
            learnColumn(table, newName, true);
        }
    };
    if (type == u"OBJECT_COLUMN" || type == u"OBJECT_ATTRIBUTE")
        return memberRename(ObjectKind::Column);
    if (type == u"OBJECT_TABCONSTRAINT")
        return memberRename(ObjectKind::Constraint);
    if (type == u"OBJECT_TRIGGER")
        return memberRename(ObjectKind::Trigger);
    if (type == u"OBJECT_POLICY")
        return memberRename(ObjectKind::Policy);
    if (type == u"OBJECT_FUNCTION" || type == u"OBJECT_PROCEDURE" || type == u"OBJECT_ROUTINE") {
        const ObjectRef old = functionOf(node(stmt.value(u"object")).second);
        touch(old, Action::Rename, LockMode::None, false, newName);
        touch(ObjectRef{ObjectKind::Function, old.schema, newName, old.member}, Action::Create);
        return;
    }
    if (type == u"OBJECT_TYPE" || type == u"OBJECT_DOMAIN") {
        const ObjectRef old =
            objectOf(stringList(node(stmt.value(u"object")).second.value(u"items").toArray()),
                     ObjectKind::Type, false);
        touch(old, Action::Rename, LockMode::None, false, newName);
        touch(ObjectRef{ObjectKind::Type, old.schema, newName, {}}, Action::Create);
        return;
    }
    if (type == u"OBJECT_SCHEMA") {
        touch(ObjectRef{ObjectKind::Schema, {}, oldMember, {}}, Action::Rename, LockMode::None,
              false, newName);
        touch(ObjectRef{ObjectKind::Schema, {}, newName, {}}, Action::Create);
        return;
    }
    note(u"RENAME of %1 is not analysed"_s.arg(type.mid(7).toLower()));
}

void Walker::setSchema(const QJsonObject& stmt)
{
    const QString type = stmt.value(u"objectType").toString();
    const QString newSchema = stmt.value(u"newschema").toString();
    ObjectRef old;
    if (isRelationType(type))
        old = relationOf(stmt.value(u"relation").toObject(), relationKind(type), false);
    else if (type == u"OBJECT_FUNCTION" || type == u"OBJECT_PROCEDURE")
        old = functionOf(node(stmt.value(u"object")).second);
    else if (type == u"OBJECT_TYPE" || type == u"OBJECT_DOMAIN")
        old = objectOf(stringList(node(stmt.value(u"object")).second.value(u"items").toArray()),
                       ObjectKind::Type, false);
    else
        return note(u"SET SCHEMA of %1 is not analysed"_s.arg(type.mid(7).toLower()));
    touch(old, Action::Rename, isRelationType(type) ? LockMode::AccessExclusive : LockMode::None,
          false, newSchema + u'.' + old.name);
    touch(ObjectRef{old.kind, newSchema, old.name, old.member}, Action::Create);
    touch(ObjectRef{ObjectKind::Schema, {}, newSchema, {}}, Action::Use);
}

void Walker::createTrigger(const QJsonObject& stmt)
{
    const ObjectRef table =
        relationOf(stmt.value(u"relation").toObject(), ObjectKind::Table, false);
    const ObjectRef trigger{ObjectKind::Trigger, table.schema, table.name,
                            stmt.value(u"trigname").toString()};
    touch(trigger, stmt.value(u"replace").toBool() ? Action::Replace : Action::Create);
    lockTable(table, LockMode::ShareRowExclusive);
    touch(objectOf(stringList(stmt.value(u"funcname").toArray()), ObjectKind::Function, false),
          Action::Read);
    for (const QString& column : stringList(stmt.value(u"columns").toArray()))
        touch(ObjectRef{ObjectKind::Column, table.schema, table.name, column}, Action::Read);
    readColumnsOf(table, stmt.value(u"whenClause"));
}

void Walker::typeStatement(const QString& type, const QJsonObject& stmt)
{
    if (type == u"CreateEnumStmt" || type == u"CreateRangeStmt" || type == u"CreateDomainStmt") {
        const QString list = type == u"CreateDomainStmt" ? u"domainname"_s : u"typeName"_s;
        const ObjectRef created =
            objectOf(stringList(stmt.value(list).toArray()), ObjectKind::Type, true);
        touch(created, Action::Create);
        m_known.types.insert(created.scope());
        if (type == u"CreateDomainStmt")
            readType(stmt.value(u"typeName").toObject());
        return;
    }
    if (type == u"CompositeTypeStmt") {
        const ObjectRef created =
            relationOf(stmt.value(u"typevar").toObject(), ObjectKind::Type, true);
        touch(created, Action::Create);
        m_known.types.insert(created.scope());
        for (const QJsonValue& column : stmt.value(u"coldeflist").toArray())
            readType(node(column).second.value(u"typeName").toObject());
        return;
    }
    if (type == u"AlterEnumStmt") {
        const ObjectRef enumType =
            objectOf(stringList(stmt.value(u"typeName").toArray()), ObjectKind::Type, false);
        touch(enumType, Action::Use);
        const QString newValue = stmt.value(u"newVal").toString();
        if (stmt.contains(u"oldVal"))
            touch(ObjectRef{ObjectKind::EnumValue, enumType.schema, enumType.name,
                            stmt.value(u"oldVal").toString()},
                  Action::Rename, LockMode::None, false, newValue);
        touch(ObjectRef{ObjectKind::EnumValue, enumType.schema, enumType.name, newValue},
              Action::Create);
        return;
    }
    if (type == u"AlterDomainStmt") {
        const ObjectRef domain =
            objectOf(stringList(stmt.value(u"typeName").toArray()), ObjectKind::Type, false);
        const QString subtype = stmt.value(u"subtype").toString();
        touch(domain, Action::Adjust);
        if (subtype == u"C") {
            const QString name = node(stmt.value(u"def")).second.value(u"conname").toString();
            if (!name.isEmpty())
                touch(ObjectRef{ObjectKind::Constraint, domain.schema, domain.name, name},
                      Action::Create);
        } else if (subtype == u"X" || subtype == u"V") {
            touch(ObjectRef{ObjectKind::Constraint, domain.schema, domain.name,
                            stmt.value(u"name").toString()},
                  subtype == u"X" ? Action::Drop : Action::Adjust);
        }
        return;
    }
    // CREATE / ALTER SEQUENCE
    const bool creating = type == u"CreateSeqStmt";
    const ObjectRef sequence =
        relationOf(stmt.value(u"sequence").toObject(), ObjectKind::Sequence, creating);
    touch(sequence, creating ? Action::Create : Action::Adjust);
    if (creating)
        learnRelation(sequence, {});
    for (const QJsonValue& option : stmt.value(u"options").toArray()) {
        const QJsonObject def = node(option).second;
        if (def.value(u"defname").toString() != u"owned_by")
            continue;
        QStringList names = stringList(node(def.value(u"arg")).second.value(u"items").toArray());
        if (names.size() < 2)
            continue; // OWNED BY NONE
        const QString column = names.takeLast();
        const ObjectRef table = objectOf(names, ObjectKind::Table, false);
        touch(ObjectRef{ObjectKind::Column, table.schema, table.name, column}, Action::Read);
    }
}

void Walker::comment(const QJsonObject& stmt)
{
    const QString type = stmt.value(u"objtype").toString();
    const QJsonValue object = stmt.value(u"object");
    const auto [nodeType, item] = node(object);
    QStringList names = stringList(item.value(u"items").toArray());
    if (isRelationType(type)) {
        touch(objectOf(names, relationKind(type), false), Action::Adjust);
    } else if (type == u"OBJECT_COLUMN" || type == u"OBJECT_TABCONSTRAINT" ||
               type == u"OBJECT_TRIGGER" || type == u"OBJECT_POLICY") {
        if (names.size() < 2)
            return;
        const QString member = names.takeLast();
        const ObjectRef table = objectOf(names, ObjectKind::Table, false);
        const ObjectKind kind = type == u"OBJECT_COLUMN"          ? ObjectKind::Column
                                : type == u"OBJECT_TABCONSTRAINT" ? ObjectKind::Constraint
                                : type == u"OBJECT_TRIGGER"       ? ObjectKind::Trigger
                                                                  : ObjectKind::Policy;
        touch(ObjectRef{kind, table.schema, table.name, member}, Action::Adjust);
        touch(table, Action::Use);
    } else if (type == u"OBJECT_FUNCTION" || type == u"OBJECT_PROCEDURE") {
        touch(functionOf(item), Action::Adjust);
    } else if (type == u"OBJECT_TYPE" || type == u"OBJECT_DOMAIN") {
        touch(typeOf(item), Action::Adjust);
    } else if (type == u"OBJECT_SCHEMA") {
        touch(ObjectRef{ObjectKind::Schema, {}, stringValue(object), {}}, Action::Adjust);
    }
}

void Walker::grant(const QJsonObject& stmt)
{
    // Grants add up whatever their order: they only need the object to exist.
    const QString type = stmt.value(u"objtype").toString();
    if (stmt.value(u"targtype").toString() == u"ACL_TARGET_ALL_IN_SCHEMA") {
        for (const QJsonValue& schema : stmt.value(u"objects").toArray())
            touch(ObjectRef{ObjectKind::Schema, {}, stringValue(schema), {}}, Action::Use);
        return;
    }
    for (const QJsonValue& object : stmt.value(u"objects").toArray()) {
        const auto [nodeType, item] = node(object);
        if (nodeType == u"RangeVar") {
            const ObjectRef relation = relationOf(item, relationKind(type), false);
            touch(relation, Action::Use);
            for (const QJsonValue& privilege : stmt.value(u"privileges").toArray())
                for (const QString& column :
                     stringList(node(privilege).second.value(u"cols").toArray()))
                    touch(ObjectRef{ObjectKind::Column, relation.schema, relation.name, column},
                          Action::Read);
        } else if (nodeType == u"ObjectWithArgs") {
            touch(functionOf(item), Action::Use);
        } else if (nodeType == u"String" && type == u"OBJECT_SCHEMA") {
            touch(ObjectRef{ObjectKind::Schema, {}, stringValue(object), {}}, Action::Use);
        }
    }
}

void Walker::policy(const QJsonObject& stmt, bool creating)
{
    const ObjectRef table = relationOf(stmt.value(u"table").toObject(), ObjectKind::Table, false);
    touch(ObjectRef{ObjectKind::Policy, table.schema, table.name,
                    stmt.value(u"policy_name").toString()},
          creating ? Action::Create : Action::Adjust);
    lockTable(table, LockMode::AccessExclusive);
    readColumnsOf(table, stmt.value(u"qual"));
    readColumnsOf(table, stmt.value(u"with_check"));
}

void Walker::maintenance(const QString& type, const QJsonObject& stmt)
{
    if (type == u"VacuumStmt") {
        bool full = false;
        for (const QJsonValue& option : stmt.value(u"options").toArray())
            full = full || node(option).second.value(u"defname").toString() == u"full";
        const bool vacuum = stmt.value(u"is_vacuumcmd").toBool();
        for (const QJsonValue& rel : stmt.value(u"rels").toArray())
            lockTable(relationOf(node(rel).second.value(u"relation").toObject(), ObjectKind::Table,
                                 false),
                      full ? LockMode::AccessExclusive : LockMode::ShareUpdateExclusive, vacuum);
        return;
    }
    if (type == u"ClusterStmt") {
        if (!stmt.contains(u"relation"))
            return;
        const ObjectRef table =
            relationOf(stmt.value(u"relation").toObject(), ObjectKind::Table, false);
        lockTable(table, LockMode::AccessExclusive, true);
        if (stmt.contains(u"indexname"))
            touch(
                ObjectRef{ObjectKind::Index, table.schema, stmt.value(u"indexname").toString(), {}},
                Action::Read);
        return;
    }
    if (type == u"ReindexStmt") {
        bool concurrently = false;
        for (const QJsonValue& option : stmt.value(u"params").toArray())
            concurrently =
                concurrently || node(option).second.value(u"defname").toString() == u"concurrently";
        const LockMode lock = concurrently ? LockMode::ShareUpdateExclusive : LockMode::Share;
        const QString kind = stmt.value(u"kind").toString();
        if (kind == u"REINDEX_OBJECT_INDEX") {
            const ObjectRef index =
                relationOf(stmt.value(u"relation").toObject(), ObjectKind::Index, false);
            touch(index, Action::Adjust);
            if (const Knowledge::Relation* known = m_known.relation(index.schema, index.name))
                if (!known->table.isEmpty())
                    lockTable(ObjectRef{ObjectKind::Table,
                                        known->table.section(u'.', 0, 0),
                                        known->table.section(u'.', 1),
                                        {}},
                              lock, true);
        } else if (kind == u"REINDEX_OBJECT_TABLE") {
            lockTable(relationOf(stmt.value(u"relation").toObject(), ObjectKind::Table, false),
                      lock, true);
        }
        return;
    }
    if (type == u"RefreshMatViewStmt") {
        const bool concurrent = stmt.value(u"concurrent").toBool();
        touch(relationOf(stmt.value(u"relation").toObject(), ObjectKind::MaterializedView, false),
              Action::Write, concurrent ? LockMode::Exclusive : LockMode::AccessExclusive, true);
        return;
    }
    // LOCK TABLE: mode 1 (ACCESS SHARE) to 8 (ACCESS EXCLUSIVE).
    const int mode = std::clamp(stmt.value(u"mode").toInt(8), 1, 8);
    for (const QJsonValue& relation : stmt.value(u"relations").toArray())
        lockTable(relationOf(node(relation).second, ObjectKind::Table, false), LockMode(mode));
}

} // namespace plumb::coordinate::detail
