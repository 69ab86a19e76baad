#include "classify.h"

#include "core/sql/parse_tree.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace plumb::sql {

namespace {

StatementClass nonTransactional(const QString& what)
{
    return {TransactionRule::NonTransactional, what};
}

bool hasDefElem(const QJsonArray& params, QStringView name)
{
    for (const QJsonValue& param : params)
        if (param[u"DefElem"_s][u"defname"_s].toString() == name)
            return true;
    return false;
}

StatementClass classifyNode(const QString& kind, const QJsonObject& node, int serverVersionNum)
{
    if (kind == u"TransactionStmt") {
        const QString transactionKind = node[u"kind"_s].toString();
        static const QHash<QString, QString> control{
            {u"TRANS_STMT_BEGIN"_s, u"BEGIN"_s},
            {u"TRANS_STMT_START"_s, u"START TRANSACTION"_s},
            {u"TRANS_STMT_COMMIT"_s, u"COMMIT"_s},
            {u"TRANS_STMT_ROLLBACK"_s, u"ROLLBACK"_s},
            {u"TRANS_STMT_PREPARE"_s, u"PREPARE TRANSACTION"_s},
            {u"TRANS_STMT_COMMIT_PREPARED"_s, u"COMMIT PREPARED"_s},
            {u"TRANS_STMT_ROLLBACK_PREPARED"_s, u"ROLLBACK PREPARED"_s},
        };
        if (const auto it = control.constFind(transactionKind); it != control.cend())
            return {TransactionRule::TransactionControl, *it};
        return {}; // SAVEPOINT, RELEASE, ROLLBACK TO compose with the runner's transaction
    }
    if (kind == u"IndexStmt" && node[u"concurrent"_s].toBool())
        return nonTransactional(u"CREATE INDEX CONCURRENTLY"_s);
    if (kind == u"DropStmt" && node[u"concurrent"_s].toBool())
        return nonTransactional(u"DROP INDEX CONCURRENTLY"_s);
    if (kind == u"ReindexStmt") {
        if (hasDefElem(node[u"params"_s].toArray(), u"concurrently"))
            return nonTransactional(u"REINDEX CONCURRENTLY"_s);
        const QString reindexKind = node[u"kind"_s].toString();
        if (reindexKind == u"REINDEX_OBJECT_SYSTEM" || reindexKind == u"REINDEX_OBJECT_DATABASE")
            return nonTransactional(u"REINDEX SYSTEM/DATABASE"_s);
        return {};
    }
    if (kind == u"VacuumStmt" && node[u"is_vacuumcmd"_s].toBool())
        return nonTransactional(u"VACUUM"_s);
    if (kind == u"ClusterStmt" && !node.contains(u"relation"_s))
        return nonTransactional(u"CLUSTER without a table"_s);
    if (kind == u"CreatedbStmt")
        return nonTransactional(u"CREATE DATABASE"_s);
    if (kind == u"DropdbStmt")
        return nonTransactional(u"DROP DATABASE"_s);
    if (kind == u"AlterSystemStmt")
        return nonTransactional(u"ALTER SYSTEM"_s);
    if (kind == u"CreateTableSpaceStmt")
        return nonTransactional(u"CREATE TABLESPACE"_s);
    if (kind == u"DropTableSpaceStmt")
        return nonTransactional(u"DROP TABLESPACE"_s);
    if (kind == u"CreateSubscriptionStmt" || kind == u"DropSubscriptionStmt")
        return nonTransactional(u"CREATE/DROP SUBSCRIPTION"_s);
    if (kind == u"AlterEnumStmt" && node.contains(u"newVal"_s) && !node.contains(u"oldVal"_s) &&
        serverVersionNum > 0 && serverVersionNum < 120000)
        return nonTransactional(u"ALTER TYPE ... ADD VALUE (before PostgreSQL 12)"_s);
    return {};
}

} // namespace

QString withoutLeadingComments(const QString& statement, int* line)
{
    qsizetype i = 0;
    const qsizetype size = statement.size();
    while (i < size) {
        const QChar c = statement[i];
        if (c.isSpace()) {
            if (c == u'\n')
                ++*line;
            ++i;
        } else if (c == u'-' && i + 1 < size && statement[i + 1] == u'-') {
            while (i < size && statement[i] != u'\n')
                ++i;
        } else if (c == u'/' && i + 1 < size && statement[i + 1] == u'*') {
            const qsizetype end = statement.indexOf(u"*/"_s, i + 2);
            const qsizetype stop = end < 0 ? size : end + 2;
            *line += static_cast<int>(QStringView(statement).mid(i, stop - i).count(u'\n'));
            i = stop;
        } else {
            break;
        }
    }
    return statement.mid(i);
}

bool mayNeedItsOwnTransactionRule(const QString& statement)
{
    // Every statement classifyNode can single out contains one of these keywords; a statement
    // with none of them is transactional without asking the parser. The parser still decides
    // for the others (a keyword in a comment or a string changes nothing).
    static const QStringList keywords{
        u"CONCURRENTLY"_s, u"VACUUM"_s,       u"CLUSTER"_s, u"DATABASE"_s, u"SYSTEM"_s,
        u"TABLESPACE"_s,   u"SUBSCRIPTION"_s, u"VALUE"_s,   u"BEGIN"_s,    u"START"_s,
        u"COMMIT"_s,       u"ROLLBACK"_s,     u"ABORT"_s,   u"END"_s,      u"PREPARE"_s};
    return std::ranges::any_of(keywords, [&](const QString& keyword) {
        return statement.contains(keyword, Qt::CaseInsensitive);
    });
}

Result<StatementClass> classifyStatement(const QString& statement, int serverVersionNum)
{
    if (!mayNeedItsOwnTransactionRule(statement))
        return StatementClass{};
    // A tree cut for depth still has the statement's kind and its top-level flags.
    auto tree = parseTree(statement.toUtf8());
    if (!tree)
        return std::unexpected(tree.error());

    StatementClass result;
    // One statement normally; if the caller passed several, the strictest rule wins.
    for (const QJsonValue& entry : std::as_const(tree->statements)) {
        const QJsonObject stmt = entry[u"stmt"_s].toObject();
        if (stmt.isEmpty())
            continue;
        const QString kind = stmt.constBegin().key();
        const StatementClass one =
            classifyNode(kind, stmt.constBegin()->toObject(), serverVersionNum);
        if (static_cast<int>(one.rule) > static_cast<int>(result.rule))
            result = one;
    }
    return result;
}

Result<std::optional<QString>> transactionScopedEffect(const QString& statement)
{
    // Every answer below needs one of these words; most statements of a schema have none.
    static const QStringList keywords{u"LOCAL"_s,  u"CONSTRAINTS"_s, u"TRANSACTION"_s,
                                      u"CURSOR"_s, u"COMMIT"_s,      u"set_config"_s};
    if (std::ranges::none_of(keywords, [&](const QString& keyword) {
            return statement.contains(keyword, Qt::CaseInsensitive);
        }))
        return std::nullopt;
    // A function may set a setting for the rest of the transaction whatever the statement is.
    if (statement.contains(u"set_config"_s, Qt::CaseInsensitive))
        return u"set_config"_s;
    auto tree = parseTree(statement.toUtf8());
    if (!tree)
        return std::unexpected(tree.error());
    for (const QJsonValue& entry : std::as_const(tree->statements)) {
        const QJsonObject stmt = entry[u"stmt"_s].toObject();
        if (stmt.isEmpty())
            continue;
        const QString kind = stmt.constBegin().key();
        const QJsonObject node = stmt.constBegin()->toObject();
        if (kind == u"VariableSetStmt" && node[u"is_local"_s].toBool())
            return u"SET LOCAL"_s;
        if (kind == u"VariableSetStmt" && node[u"kind"_s].toString() == u"VAR_SET_MULTI" &&
            node[u"name"_s].toString() == u"TRANSACTION")
            return u"SET TRANSACTION"_s;
        if (kind == u"ConstraintsSetStmt")
            return u"SET CONSTRAINTS"_s;
        if (kind == u"DeclareCursorStmt")
            return u"DECLARE CURSOR"_s;
        const QString onCommit = kind == u"CreateStmt" ? node[u"oncommit"_s].toString()
                                                       : node[u"into"_s][u"onCommit"_s].toString();
        if (onCommit == u"ONCOMMIT_DROP" || onCommit == u"ONCOMMIT_DELETE_ROWS")
            return u"a temporary table ON COMMIT"_s;
        // A DO block's body is a string the parser does not look into.
        if (kind == u"DoStmt" && statement.contains(u"LOCAL"_s, Qt::CaseInsensitive))
            return u"LOCAL in a DO block"_s;
    }
    return std::nullopt;
}

} // namespace plumb::sql
