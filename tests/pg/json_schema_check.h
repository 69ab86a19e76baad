#pragma once

// Checks a JSON value against the subset of JSON Schema that docs/json/*.schema.json use:
// type (one or several, with null), const, enum, pattern, properties, required,
// additionalProperties: false, items. Returns the first mismatch, or an empty string.

#include "tests/support/test_paths.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace plumb::testing {

inline bool jsonHasType(const QJsonValue& value, const QString& type)
{
    if (type == QLatin1StringView("null"))
        return value.isNull();
    if (type == QLatin1StringView("boolean"))
        return value.isBool();
    if (type == QLatin1StringView("string"))
        return value.isString();
    if (type == QLatin1StringView("object"))
        return value.isObject();
    if (type == QLatin1StringView("array"))
        return value.isArray();
    if (type == QLatin1StringView("integer"))
        return value.isDouble() && value.toDouble() == double(qint64(value.toDouble()));
    if (type == QLatin1StringView("number"))
        return value.isDouble();
    return false;
}

inline QString jsonSchemaMismatch(const QJsonValue& value, const QJsonObject& schema,
                                  const QString& path = QStringLiteral("$"))
{
    if (schema.contains(QLatin1StringView("const")) &&
        value != schema.value(QLatin1StringView("const")))
        return path + QStringLiteral(": not the constant");
    if (schema.contains(QLatin1StringView("enum")) &&
        !schema.value(QLatin1StringView("enum")).toArray().contains(value))
        return path + QStringLiteral(": not one of the enum values");
    const QJsonValue type = schema.value(QLatin1StringView("type"));
    if (!type.isUndefined()) {
        const QJsonArray types = type.isArray() ? type.toArray() : QJsonArray{type};
        bool matched = false;
        for (const QJsonValue& one : types)
            matched = matched || jsonHasType(value, one.toString());
        if (!matched)
            return path + QStringLiteral(": wrong type");
    }
    if (schema.contains(QLatin1StringView("pattern")) &&
        !QRegularExpression(schema.value(QLatin1StringView("pattern")).toString())
             .match(value.toString())
             .hasMatch())
        return path + QStringLiteral(": does not match the pattern");
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        const QJsonObject properties = schema.value(QLatin1StringView("properties")).toObject();
        for (const QJsonValue& required : schema.value(QLatin1StringView("required")).toArray())
            if (!object.contains(required.toString()))
                return path + QStringLiteral(": missing ") + required.toString();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (!properties.contains(it.key())) {
                if (schema.value(QLatin1StringView("additionalProperties")) == QJsonValue(false))
                    return path + QStringLiteral(": unexpected ") + it.key();
                continue;
            }
            const QString mismatch = jsonSchemaMismatch(
                it.value(), properties.value(it.key()).toObject(), path + u'.' + it.key());
            if (!mismatch.isEmpty())
                return mismatch;
        }
    }
    if (value.isArray() && schema.contains(QLatin1StringView("items"))) {
        const QJsonArray items = value.toArray();
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QString mismatch =
                jsonSchemaMismatch(items[i], schema.value(QLatin1StringView("items")).toObject(),
                                   path + u'[' + QString::number(i) + u']');
            if (!mismatch.isEmpty())
                return mismatch;
        }
    }
    return {};
}

// Loads docs/json/<name>.schema.json and checks `payload` (the CLI's stdout) against it.
inline QString schemaMismatch(const QString& name, const QString& payload)
{
    QFile file(plumb::testing::sourceDir() + QStringLiteral("/docs/json/") + name +
               QStringLiteral(".schema.json"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read the schema ") + file.fileName();
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(payload.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        return QStringLiteral("not JSON: ") + error.errorString() + QStringLiteral(": ") + payload;
    const QString mismatch =
        jsonSchemaMismatch(document.object(), QJsonDocument::fromJson(file.readAll()).object());
    return mismatch.isEmpty() ? QString() : name + QStringLiteral(": ") + mismatch;
}

} // namespace plumb::testing
