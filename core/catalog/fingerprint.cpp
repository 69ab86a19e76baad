#include "fingerprint.h"

#include "core/catalog/json.h"
#include "core/sql/equivalence.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace plumb::catalog {

namespace {

// Drops ownership members everywhere below `value`.
QJsonValue withoutOwnership(const QJsonValue& value)
{
    if (value.isArray()) {
        QJsonArray array;
        for (const QJsonValue& item : value.toArray())
            array.append(withoutOwnership(item));
        return array;
    }
    if (!value.isObject())
        return value;
    QJsonObject object = value.toObject();
    object.remove(u"ownership"_s);
    object.remove(u"owner"_s);
    object.remove(u"acl"_s);
    for (auto it = object.begin(); it != object.end(); ++it)
        it.value() = withoutOwnership(it.value());
    return object;
}

// Server-printed texts in the form that compares equal whatever way PostgreSQL printed them
// (sql::comparableSql): a CHECK on a varchar IN (...) reads back differently after a reload.
QJsonValue comparableTexts(const QJsonValue& value)
{
    if (value.isString())
        return sql::comparableSql(value.toString());
    if (value.isArray()) {
        QJsonArray array;
        for (const QJsonValue& item : value.toArray())
            array.append(comparableTexts(item));
        return array;
    }
    if (!value.isObject())
        return value;
    QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it)
        it.value() = comparableTexts(it.value());
    return object;
}

QJsonArray columnsByName(const QJsonArray& columns)
{
    QList<QJsonObject> sorted;
    for (const QJsonValue& column : columns) {
        QJsonObject object = column.toObject();
        object.remove(u"position"_s);
        sorted.append(object);
    }
    std::sort(sorted.begin(), sorted.end(), [](const QJsonObject& a, const QJsonObject& b) {
        return a.value(u"name"_s).toString() < b.value(u"name"_s).toString();
    });
    QJsonArray array;
    for (const QJsonObject& object : sorted)
        array.append(object);
    return array;
}

} // namespace

QString fingerprintText(const Catalog& catalog, const FingerprintOptions& options)
{
    QJsonObject json = toJson(catalog);
    json.remove(u"server_version_num"_s);
    json.remove(u"database"_s);
    json.remove(u"dependencies"_s);
    if (!options.includeOwnership) // what roles grant by default is a grant too
        json.remove(u"default_privileges"_s);
    QStringList lines;
    for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
        for (const QJsonValue& item : it.value().toArray()) {
            QJsonValue value =
                comparableTexts(options.includeOwnership ? item : withoutOwnership(item));
            if (it.key() == u"tables") {
                QJsonObject table = value.toObject();
                table.insert(u"columns"_s, columnsByName(table.value(u"columns"_s).toArray()));
                value = table;
            }
            const QByteArray compact =
                value.isObject() ? QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact)
                                 : value.toString().toUtf8();
            lines.append(it.key() + u'|' + QString::fromUtf8(compact));
        }
    }
    lines.sort();
    return lines.join(u'\n') + (lines.isEmpty() ? u""_s : u"\n"_s);
}

QString fingerprint(const Catalog& catalog, const FingerprintOptions& options)
{
    return QString::fromLatin1(QCryptographicHash::hash(fingerprintText(catalog, options).toUtf8(),
                                                        QCryptographicHash::Sha256)
                                   .toHex());
}

} // namespace plumb::catalog
