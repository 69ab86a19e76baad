#include "filter_columns.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <pg_query.h>

using namespace Qt::StringLiterals;

namespace plumb::sql {

namespace {

QString stringValue(const QJsonValue& node)
{
    return node.toObject().value(u"String").toObject().value(u"sval").toString();
}

// Every node of kind `kind` under `value`.
void collect(const QJsonValue& value, QStringView kind, QList<QJsonObject>& found)
{
    if (value.isArray()) {
        for (const QJsonValue& item : value.toArray())
            collect(item, kind, found);
        return;
    }
    if (!value.isObject())
        return;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() == kind && it.value().isObject())
            found.append(it.value().toObject());
        collect(it.value(), kind, found);
    }
}

// The condition subtrees of a statement: WHERE clauses and JOIN ... ON quals, at any depth.
void conditions(const QJsonValue& value, QList<QJsonValue>& found)
{
    if (value.isArray()) {
        for (const QJsonValue& item : value.toArray())
            conditions(item, found);
        return;
    }
    if (!value.isObject())
        return;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() == u"whereClause" || it.key() == u"quals")
            found.append(it.value());
        conditions(it.value(), found);
    }
}

} // namespace

QStringList filteredColumns(const QString& query, const QString& schema, const QString& table)
{
    PgQueryParseResult parsed = pg_query_parse(query.toUtf8().constData());
    if (parsed.error) {
        pg_query_free_parse_result(parsed);
        return {};
    }
    const QJsonDocument tree = QJsonDocument::fromJson(QByteArray(parsed.parse_tree));
    pg_query_free_parse_result(parsed);
    const QJsonValue statements = tree.object().value(u"stmts");

    // The names this query may call the table by, and whether it reads anything else.
    QSet<QString> names;
    bool otherTables = false;
    QList<QJsonObject> ranges;
    collect(statements, u"RangeVar", ranges);
    for (const QJsonObject& range : std::as_const(ranges)) {
        const QString rangeSchema = range.value(u"schemaname").toString();
        const bool ours = range.value(u"relname").toString() == table &&
                          (rangeSchema.isEmpty() || rangeSchema == schema);
        if (!ours) {
            otherTables = true;
            continue;
        }
        names.insert(table);
        const QString alias = range.value(u"alias").toObject().value(u"aliasname").toString();
        if (!alias.isEmpty())
            names.insert(alias);
    }
    if (names.isEmpty())
        return {};

    QList<QJsonValue> where;
    conditions(statements, where);
    QStringList columns;
    for (const QJsonValue& condition : std::as_const(where)) {
        QList<QJsonObject> references;
        collect(condition, u"ColumnRef", references);
        for (const QJsonObject& reference : std::as_const(references)) {
            const QJsonArray fields = reference.value(u"fields").toArray();
            QString column;
            if (fields.size() == 1 && !otherTables)
                column = stringValue(fields.at(0));
            else if (fields.size() >= 2 &&
                     names.contains(stringValue(fields.at(fields.size() - 2))))
                column = stringValue(fields.last());
            if (!column.isEmpty() && !columns.contains(column))
                columns.append(column);
        }
    }
    return columns;
}

} // namespace plumb::sql
