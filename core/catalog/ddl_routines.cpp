#include "core/db/quote.h"
#include "ddl_objects.h"

using namespace Qt::StringLiterals;

namespace plumb::catalog::detail {

namespace {

QString q(const QualifiedName& name)
{
    return db::qualifiedName(name.schema, name.name);
}

QString routineKeyword(RoutineKind kind)
{
    switch (kind) {
    case RoutineKind::Procedure:
        return u"PROCEDURE"_s;
    case RoutineKind::Aggregate:
        return u"AGGREGATE"_s;
    case RoutineKind::Function:
    case RoutineKind::Window:
        break;
    }
    return u"FUNCTION"_s;
}

QString createAggregate(const Routine& r)
{
    const AggregateInfo& a = *r.aggregate;
    QStringList options{u"SFUNC = "_s + a.transition, u"STYPE = "_s + a.stateType};
    if (a.stateSpace > 0)
        options.append(u"SSPACE = "_s + QString::number(a.stateSpace));
    if (!a.finalFunction.isEmpty()) {
        options.append(u"FINALFUNC = "_s + a.finalFunction);
        if (a.finalExtra)
            options.append(u"FINALFUNC_EXTRA"_s);
    }
    if (!a.finalModify.isEmpty() &&
        a.finalModify != (a.kind == u"normal" ? u"READ_ONLY" : u"READ_WRITE"))
        options.append(u"FINALFUNC_MODIFY = "_s + a.finalModify);
    if (!a.combineFunction.isEmpty())
        options.append(u"COMBINEFUNC = "_s + a.combineFunction);
    if (!a.serialFunction.isEmpty())
        options.append(u"SERIALFUNC = "_s + a.serialFunction);
    if (!a.deserialFunction.isEmpty())
        options.append(u"DESERIALFUNC = "_s + a.deserialFunction);
    if (a.hasInitialValue)
        options.append(u"INITCOND = "_s + db::quoteLiteral(a.initialValue));
    if (!a.movingTransition.isEmpty()) {
        options.append(u"MSFUNC = "_s + a.movingTransition);
        options.append(u"MINVFUNC = "_s + a.movingInverse);
        options.append(u"MSTYPE = "_s + a.movingStateType);
        if (a.movingStateSpace > 0)
            options.append(u"MSSPACE = "_s + QString::number(a.movingStateSpace));
        if (!a.movingFinalFunction.isEmpty()) {
            options.append(u"MFINALFUNC = "_s + a.movingFinalFunction);
            if (a.movingFinalExtra)
                options.append(u"MFINALFUNC_EXTRA"_s);
        }
        if (a.hasMovingInitialValue)
            options.append(u"MINITCOND = "_s + db::quoteLiteral(a.movingInitialValue));
    }
    if (!a.sortOperator.isEmpty())
        options.append(u"SORTOP = "_s + a.sortOperator);
    if (r.parallel != u"UNSAFE")
        options.append(u"PARALLEL = "_s + r.parallel);
    if (a.kind == u"hypothetical")
        options.append(u"HYPOTHETICAL"_s);
    const QString arguments = r.identityArguments.isEmpty() ? u"*"_s : r.identityArguments;
    return u"CREATE AGGREGATE "_s + q(r.name) + u'(' + arguments + u") (\n    "_s +
           options.join(u",\n    "_s) + u"\n)"_s;
}

// The function as CREATE OPERATOR's FUNCTION takes it: regprocedure's text without the argument
// list, which the server takes from LEFTARG and RIGHTARG. The list starts at the first
// parenthesis outside double quotes (a quoted name may hold one).
QString functionName(const QString& regprocedure)
{
    bool quoted = false;
    for (qsizetype i = 0; i < regprocedure.size(); ++i) {
        if (regprocedure[i] == u'"')
            quoted = !quoted;
        else if (regprocedure[i] == u'(' && !quoted)
            return regprocedure.left(i);
    }
    return regprocedure;
}

// Operator names are symbols, never quoted; only the schema is an identifier.
QString operatorName(const QualifiedName& name)
{
    return db::quoteIdentifier(name.schema) + u'.' + name.name;
}

QString enabledClause(TriggerEnabled enabled)
{
    switch (enabled) {
    case TriggerEnabled::Origin:
        return {};
    case TriggerEnabled::Disabled:
        return u"DISABLE"_s;
    case TriggerEnabled::Replica:
        return u"ENABLE REPLICA"_s;
    case TriggerEnabled::Always:
        return u"ENABLE ALWAYS"_s;
    }
    return {};
}

QString policyCommand(PolicyCommand command)
{
    switch (command) {
    case PolicyCommand::All:
        return u"ALL"_s;
    case PolicyCommand::Select:
        return u"SELECT"_s;
    case PolicyCommand::Insert:
        return u"INSERT"_s;
    case PolicyCommand::Update:
        return u"UPDATE"_s;
    case PolicyCommand::Delete:
        return u"DELETE"_s;
    }
    return u"ALL"_s;
}

} // namespace

QStringList createRoutine(const Routine& r)
{
    QString sql;
    if (r.kind == RoutineKind::Aggregate && r.aggregate)
        sql = createAggregate(r);
    else
        sql = r.definition.trimmed();
    const QString what =
        routineKeyword(r.kind) + u' ' + q(r.name) + u'(' + r.identityArgumentTypes + u')';
    return QStringList{sql} + commentOn(what, r.comment);
}

QString operatorSignatureSql(const Operator& o)
{
    return operatorName(o.name) + u" ("_s + (o.leftType.isEmpty() ? u"NONE"_s : o.leftType) +
           u", "_s + (o.rightType.isEmpty() ? u"NONE"_s : o.rightType) + u')';
}

QStringList createOperator(const Operator& o)
{
    QStringList options{u"FUNCTION = "_s + functionName(o.function)};
    if (!o.leftType.isEmpty())
        options.append(u"LEFTARG = "_s + o.leftType);
    if (!o.rightType.isEmpty())
        options.append(u"RIGHTARG = "_s + o.rightType);
    // A commutator or negator not created yet (or the operator itself) is fine: the server makes
    // a shell that its own CREATE OPERATOR fills in later.
    if (!o.commutator.isEmpty())
        options.append(u"COMMUTATOR = "_s + o.commutator);
    if (!o.negator.isEmpty())
        options.append(u"NEGATOR = "_s + o.negator);
    if (!o.restrictFunction.isEmpty())
        options.append(u"RESTRICT = "_s + o.restrictFunction);
    if (!o.joinFunction.isEmpty())
        options.append(u"JOIN = "_s + o.joinFunction);
    if (o.hashes)
        options.append(u"HASHES"_s);
    if (o.merges)
        options.append(u"MERGES"_s);
    return QStringList{u"CREATE OPERATOR "_s + operatorName(o.name) + u" (\n    "_s +
                       options.join(u",\n    "_s) + u"\n)"_s} +
           commentOn(u"OPERATOR "_s + operatorSignatureSql(o), o.comment);
}

QStringList createTrigger(const Trigger& t)
{
    // Triggers cloned onto partitions come with the partitioned parent's trigger.
    if (t.fromParent)
        return {};
    QStringList statements{t.definition};
    if (const QString clause = enabledClause(t.enabled); !clause.isEmpty())
        statements.append(u"ALTER TABLE "_s + q(t.table) + u' ' + clause + u" TRIGGER "_s +
                          db::quoteIdentifier(t.name));
    statements +=
        commentOn(u"TRIGGER "_s + db::quoteIdentifier(t.name) + u" ON "_s + q(t.table), t.comment);
    return statements;
}

QStringList createEventTrigger(const EventTrigger& t)
{
    QString sql = u"CREATE EVENT TRIGGER "_s + db::quoteIdentifier(t.name) + u" ON "_s + t.event;
    if (!t.tags.isEmpty()) {
        QStringList tags;
        for (const QString& tag : t.tags)
            tags.append(db::quoteLiteral(tag));
        sql += u" WHEN TAG IN ("_s + tags.join(u", "_s) + u')';
    }
    sql += u" EXECUTE FUNCTION "_s + t.function + u"()"_s;
    QStringList statements{sql};
    if (const QString clause = enabledClause(t.enabled); !clause.isEmpty())
        statements.append(u"ALTER EVENT TRIGGER "_s + db::quoteIdentifier(t.name) + u' ' + clause);
    statements += commentOn(u"EVENT TRIGGER "_s + db::quoteIdentifier(t.name), t.comment);
    return statements;
}

QStringList createPolicy(const Policy& p)
{
    QStringList roles;
    for (const QString& role : p.roles)
        roles.append(role == u"public" ? u"PUBLIC"_s : db::quoteIdentifier(role));
    QString sql = u"CREATE POLICY "_s + db::quoteIdentifier(p.name) + u" ON "_s + q(p.table) +
                  (p.permissive ? u" AS PERMISSIVE"_s : u" AS RESTRICTIVE"_s) + u" FOR "_s +
                  policyCommand(p.command);
    if (!roles.isEmpty())
        sql += u" TO "_s + roles.join(u", "_s);
    if (!p.usingExpr.isEmpty())
        sql += u" USING ("_s + p.usingExpr + u')';
    if (!p.checkExpr.isEmpty())
        sql += u" WITH CHECK ("_s + p.checkExpr + u')';
    return QStringList{sql} +
           commentOn(u"POLICY "_s + db::quoteIdentifier(p.name) + u" ON "_s + q(p.table),
                     p.comment);
}

QStringList createPublication(const Publication& p)
{
    QString sql = u"CREATE PUBLICATION "_s + db::quoteIdentifier(p.name);
    QStringList targets;
    for (const PublicationTable& t : p.tables) {
        QString target = u"TABLE "_s + q(t.table);
        if (!t.columns.isEmpty()) {
            QStringList columns;
            for (const QString& column : t.columns)
                columns.append(db::quoteIdentifier(column));
            target += u" ("_s + columns.join(u", "_s) + u')';
        }
        if (!t.rowFilter.isEmpty())
            target += u" WHERE ("_s + t.rowFilter + u')';
        targets.append(target);
    }
    for (const QString& schema : p.schemas)
        targets.append(u"TABLES IN SCHEMA "_s + db::quoteIdentifier(schema));
    if (p.allTables)
        sql += u" FOR ALL TABLES"_s;
    else if (!targets.isEmpty())
        sql += u" FOR "_s + targets.join(u", "_s);
    QStringList publish;
    if (p.publishInsert)
        publish.append(u"insert"_s);
    if (p.publishUpdate)
        publish.append(u"update"_s);
    if (p.publishDelete)
        publish.append(u"delete"_s);
    if (p.publishTruncate)
        publish.append(u"truncate"_s);
    sql += u" WITH (publish = "_s + db::quoteLiteral(publish.join(u", "_s)) +
           u", publish_via_partition_root = "_s + (p.viaRoot ? u"true"_s : u"false"_s) + u')';
    return QStringList{sql} + commentOn(u"PUBLICATION "_s + db::quoteIdentifier(p.name), p.comment);
}

QStringList createDefaultPrivilege(const DefaultPrivilege& d)
{
    QString prefix = u"ALTER DEFAULT PRIVILEGES FOR ROLE "_s + db::quoteIdentifier(d.role);
    if (!d.schema.isEmpty())
        prefix += u" IN SCHEMA "_s + db::quoteIdentifier(d.schema);
    QStringList statements;
    // A database-wide entry replaces the built-in defaults (owner: everything; PUBLIC: EXECUTE
    // on functions, USAGE on types): start from nothing, then grant what the entry lists.
    if (d.schema.isEmpty()) {
        statements.append(prefix + u" REVOKE ALL ON "_s + d.objectType + u" FROM PUBLIC"_s);
        statements.append(prefix + u" REVOKE ALL ON "_s + d.objectType + u" FROM "_s +
                          db::quoteIdentifier(d.role));
    }
    for (const Privilege& p : d.grants)
        statements.append(prefix + u" GRANT "_s + p.privilege + u" ON "_s + d.objectType +
                          u" TO "_s +
                          (p.grantee.isEmpty() ? u"PUBLIC"_s : db::quoteIdentifier(p.grantee)) +
                          (p.grantable ? u" WITH GRANT OPTION"_s : QString()));
    return statements;
}

QStringList createTextSearchConfiguration(const TextSearchConfiguration& c)
{
    const QString name = q(c.name);
    QStringList statements{u"CREATE TEXT SEARCH CONFIGURATION "_s + name + u" (PARSER = "_s +
                           c.parser + u')'};
    for (const TextSearchMapping& m : c.mappings)
        statements.append(u"ALTER TEXT SEARCH CONFIGURATION "_s + name + u" ADD MAPPING FOR "_s +
                          m.token + u" WITH "_s + m.dictionaries.join(u", "_s));
    statements += commentOn(u"TEXT SEARCH CONFIGURATION "_s + name, c.comment);
    return statements;
}

} // namespace plumb::catalog::detail
