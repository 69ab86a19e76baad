#include "json.h"

#include "core/catalog/reflect.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <type_traits>

using namespace Qt::StringLiterals;

namespace plumb::catalog {

namespace {

template<typename T>
struct IsOptional : std::false_type {};
template<typename T>
struct IsOptional<std::optional<T>> : std::true_type {};
template<typename T>
struct IsList : std::false_type {};
template<typename T>
struct IsList<QList<T>> : std::true_type {};

template<typename T>
QJsonValue encode(const T& value);

template<typename T>
QJsonObject encodeObject(const T& value)
{
    static const T defaults{};
    QJsonObject object;
    std::apply(
        [&](const auto&... fields) {
            ((value.*(fields.member) == defaults.*(fields.member)
                  ? void()
                  : void(object.insert(QString::fromUtf16(fields.name),
                                       encode(value.*(fields.member))))),
             ...);
        },
        reflect::Fields<T>::list);
    return object;
}

template<typename T>
QJsonValue encode(const T& value)
{
    if constexpr (std::is_same_v<T, QString>) {
        return value;
    } else if constexpr (std::is_same_v<T, bool>) {
        return value;
    } else if constexpr (std::is_same_v<T, int> || std::is_same_v<T, double>) {
        return value;
    } else if constexpr (std::is_same_v<T, qint64>) {
        constexpr qint64 exact = qint64(1) << 53; // doubles hold integers exactly up to 2^53
        if (value > -exact && value < exact)
            return double(value);
        return QString::number(value);
    } else if constexpr (std::is_same_v<T, QStringList>) {
        return QJsonArray::fromStringList(value);
    } else if constexpr (std::is_enum_v<T>) {
        return QString::fromUtf16(reflect::EnumNames<T>::names[std::size_t(value)]);
    } else if constexpr (IsOptional<T>::value) {
        return value ? encode(*value) : QJsonValue(QJsonValue::Null);
    } else if constexpr (IsList<T>::value) {
        QJsonArray array;
        for (const auto& item : value)
            array.append(encode(item));
        return array;
    } else {
        return encodeObject(value);
    }
}

// Decoding collects the first problem in `error` and keeps going with defaults, so one bad
// member gives one clear message.
struct Decoder {
    QString error;

    void problem(const QString& path, const QString& what)
    {
        if (error.isEmpty())
            error = path + u": "_s + what;
    }

    template<typename T>
    void decode(const QJsonValue& json, T& out, const QString& path)
    {
        if constexpr (std::is_same_v<T, QString>) {
            if (!json.isString())
                return problem(path, u"expected a string"_s);
            out = json.toString();
        } else if constexpr (std::is_same_v<T, bool>) {
            if (!json.isBool())
                return problem(path, u"expected true or false"_s);
            out = json.toBool();
        } else if constexpr (std::is_same_v<T, int> || std::is_same_v<T, double>) {
            if (!json.isDouble())
                return problem(path, u"expected a number"_s);
            out = T(json.toDouble());
        } else if constexpr (std::is_same_v<T, qint64>) {
            bool ok = json.isDouble();
            out = ok ? qint64(json.toDouble()) : json.toString().toLongLong(&ok);
            if (!ok)
                return problem(path, u"expected an integer"_s);
        } else if constexpr (std::is_same_v<T, QStringList>) {
            if (!json.isArray())
                return problem(path, u"expected an array of strings"_s);
            out.clear();
            for (const QJsonValue& item : json.toArray())
                out.append(item.toString());
        } else if constexpr (std::is_enum_v<T>) {
            const auto& names = reflect::EnumNames<T>::names;
            for (std::size_t i = 0; i < names.size(); ++i)
                if (json.toString() == QStringView(names[i]))
                    return void(out = T(i));
            problem(path, u"unknown value \"%1\""_s.arg(json.toString()));
        } else if constexpr (IsOptional<T>::value) {
            if (json.isNull() || json.isUndefined())
                return void(out.reset());
            out.emplace();
            decode(json, *out, path);
        } else if constexpr (IsList<T>::value) {
            if (!json.isArray())
                return problem(path, u"expected an array"_s);
            out.clear();
            const QJsonArray array = json.toArray();
            out.reserve(array.size());
            for (qsizetype i = 0; i < array.size(); ++i) {
                out.emplaceBack();
                decode(array.at(i), out.back(), path + u'[' + QString::number(i) + u']');
            }
        } else {
            if (!json.isObject())
                return problem(path, u"expected an object"_s);
            const QJsonObject object = json.toObject();
            std::apply(
                [&](const auto&... fields) {
                    ((object.contains(QString::fromUtf16(fields.name))
                          ? decode(object.value(QString::fromUtf16(fields.name)),
                                   out.*(fields.member),
                                   path + u'.' + QString::fromUtf16(fields.name))
                          : void()),
                     ...);
                },
                reflect::Fields<T>::list);
        }
    }
};

} // namespace

QJsonObject toJson(const Catalog& catalog)
{
    return encodeObject(catalog);
}

Result<Catalog> fromJson(const QJsonObject& object)
{
    Catalog catalog;
    Decoder decoder;
    decoder.decode(QJsonValue(object), catalog, u"catalog"_s);
    if (!decoder.error.isEmpty())
        return fail(ErrorCode::Config, u"The catalog JSON is not valid (%1). Regenerate it with "
                                       u"`plumb inspect URL --format json`."_s.arg(decoder.error));
    normalize(catalog);
    return catalog;
}

Result<Catalog> readJson(const QByteArray& json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return fail(ErrorCode::Config,
                    u"The catalog JSON cannot be parsed (%1 at offset %2). Regenerate it with "
                    u"`plumb inspect URL --format json`."_s.arg(parseError.errorString())
                        .arg(parseError.offset));
    return fromJson(document.object());
}

} // namespace plumb::catalog
