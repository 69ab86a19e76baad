#include "connection_settings.h"

#include <QDir>
#include <QHash>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace plumb::project {

namespace detail {

namespace {

enum class Kind { ReadOnly, Seconds, Duration, Text, SslMode, Path };

struct ConnectionKey {
    Kind kind;
    QString keyword; // libpq keyword, or the server setting for Kind::Duration
};

// Confiture's YAML is written by hand in several dialects: both the libpq spelling (sslmode)
// and the snake_case one (ssl_mode) are accepted.
const QHash<QString, ConnectionKey>& connectionKeys()
{
    static const QHash<QString, ConnectionKey> keys{
        {u"readonly"_s, {Kind::ReadOnly, {}}},
        {u"connect_timeout"_s, {Kind::Seconds, u"connect_timeout"_s}},
        {u"statement_timeout"_s, {Kind::Duration, u"statement_timeout"_s}},
        {u"application_name"_s, {Kind::Text, u"application_name"_s}},
        {u"ssl_mode"_s, {Kind::SslMode, u"sslmode"_s}},
        {u"sslmode"_s, {Kind::SslMode, u"sslmode"_s}},
        {u"ssl_cert"_s, {Kind::Path, u"sslcert"_s}},
        {u"sslcert"_s, {Kind::Path, u"sslcert"_s}},
        {u"ssl_key"_s, {Kind::Path, u"sslkey"_s}},
        {u"sslkey"_s, {Kind::Path, u"sslkey"_s}},
        {u"ssl_root_cert"_s, {Kind::Path, u"sslrootcert"_s}},
        {u"sslrootcert"_s, {Kind::Path, u"sslrootcert"_s}},
        {u"ssl_crl"_s, {Kind::Path, u"sslcrl"_s}},
        {u"sslcrl"_s, {Kind::Path, u"sslcrl"_s}},
    };
    return keys;
}

void setParameter(QList<std::pair<QString, QString>>& list, const QString& key,
                  const QString& value)
{
    list.removeIf([&](const auto& entry) { return entry.first == key; });
    list.append({key, value});
}

} // namespace

bool isConnectionKey(const QString& key)
{
    return connectionKeys().contains(key);
}

Status readConnectionKey(const YamlReader& reader, const QString& key, const QString& displayKey,
                         const YAML::Node& value, const QString& projectRoot,
                         Environment& environment)
{
    const ConnectionKey& spec = connectionKeys()[key];
    if (!value.IsScalar())
        return std::unexpected(configError(reader.file(), value,
                                           u"'"_s + displayKey + u"' in "_s + reader.file() +
                                               u" must be a single value"_s));
    if (spec.kind == Kind::ReadOnly) {
        auto readOnly = reader.boolean(value, displayKey);
        if (!readOnly)
            return std::unexpected(readOnly.error());
        environment.readOnly = *readOnly;
        return {};
    }
    auto text = reader.scalar(value, displayKey);
    if (!text)
        return std::unexpected(text.error());
    const QString trimmed = text->trimmed();
    auto invalid = [&](const QString& expected) -> Status {
        return std::unexpected(configError(reader.file(), value,
                                           u"'"_s + displayKey + u"' in "_s + reader.file() +
                                               u" is '"_s + trimmed + u"': "_s + expected));
    };
    switch (spec.kind) {
    case Kind::Seconds: {
        bool ok = false;
        const int seconds = trimmed.toInt(&ok);
        if (!ok || seconds < 0)
            return invalid(u"give a whole number of seconds, such as 10"_s);
        setParameter(environment.connectionParameters, spec.keyword, QString::number(seconds));
        return {};
    }
    case Kind::Duration: {
        // PostgreSQL's own syntax; a bare number is milliseconds (Confiture's YAML writes those).
        static const QRegularExpression duration(u"^\\d+\\s*(us|ms|s|min|h|d)?$"_s);
        if (!duration.match(trimmed).hasMatch())
            return invalid(u"give a PostgreSQL duration such as 30s, 5min or 300000 (ms)"_s);
        setParameter(environment.sessionSettings, spec.keyword, QString(trimmed).remove(u' '));
        return {};
    }
    case Kind::SslMode: {
        static const QStringList modes{u"disable"_s, u"allow"_s,     u"prefer"_s,
                                       u"require"_s, u"verify-ca"_s, u"verify-full"_s};
        if (!modes.contains(trimmed))
            return invalid(u"use one of "_s + modes.join(u", "_s));
        setParameter(environment.connectionParameters, spec.keyword, trimmed);
        return {};
    }
    case Kind::Path: {
        if (trimmed.isEmpty())
            return invalid(u"give the path of the file"_s);
        QString path = trimmed;
        if (path == u"~" || path.startsWith(u"~/"))
            path = QDir::homePath() + path.mid(1);
        // libpq would resolve a relative path against whatever folder plumb runs in; the file
        // means the project's folder.
        setParameter(environment.connectionParameters, spec.keyword,
                     QDir::cleanPath(QDir(projectRoot).absoluteFilePath(path)));
        return {};
    }
    case Kind::Text:
        setParameter(environment.connectionParameters, spec.keyword, trimmed);
        return {};
    case Kind::ReadOnly:
        break;
    }
    return {};
}

} // namespace detail

db::ConnectionInfo withConnectionSettings(const db::ConnectionInfo& info,
                                          const Environment& environment)
{
    db::ConnectionInfo result = info;
    for (const auto& [keyword, value] : environment.connectionParameters)
        if (!result.has(keyword))
            result = result.with(keyword, value);

    // Server settings travel in libpq's `options` (-c name=value), after any the URL carries.
    QString options = result.value(u"options");
    auto append = [&](const QString& name, const QString& value, bool force) {
        if (!force && options.contains(name + u'='))
            return; // the URL set it: the URL is the more specific statement
        if (!options.isEmpty())
            options += u' ';
        options += u"-c "_s + name + u'=' + value;
    };
    for (const auto& [name, value] : environment.sessionSettings)
        append(name, value, false);
    // The server itself refuses writes, whatever a later -c in the URL says: the last one wins.
    if (environment.readOnly)
        append(u"default_transaction_read_only"_s, u"on"_s, true);
    if (!options.isEmpty())
        result = result.with(u"options"_s, options);
    return result;
}

Status requireWritable(const Environment* environment, const QString& what)
{
    if (!environment || !environment->readOnly)
        return {};
    return fail(ErrorCode::Config,
                u"environment '"_s + environment->name + u"' is read only (readonly: true in "_s +
                    environment->filePath + u"): plumb will not "_s + what +
                    u" there. Use another environment, or remove readonly: true from the file "
                    u"if this database should accept changes"_s);
}

} // namespace plumb::project
