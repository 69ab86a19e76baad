#include "classify.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <pg_query.h>

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

Result<StatementClass> classifyStatement(const QString& statement, int serverVersionNum)
{
    const QByteArray utf8 = statement.toUtf8();
    PgQueryParseResult parsed = pg_query_parse(utf8.constData());
    if (parsed.error) {
        auto error = fail(ErrorCode::Schema, QString::fromUtf8(parsed.error->message));
        pg_query_free_parse_result(parsed);
        return error;
    }
    const QJsonDocument tree = QJsonDocument::fromJson(QByteArray(parsed.parse_tree));
    pg_query_free_parse_result(parsed);

    StatementClass result;
    // One statement normally; if the caller passed several, the strictest rule wins.
    for (const QJsonValue& entry : tree[u"stmts"_s].toArray()) {
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

} // namespace plumb::sql
