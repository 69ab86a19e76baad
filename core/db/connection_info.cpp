#include "connection_info.h"

#include <QUrl>
#include <libpq-fe.h>
#include <memory>

using namespace Qt::StringLiterals;

namespace plumb::db {

namespace {

// Keywords that are part of the URI's authority or path rather than its query string.
bool isUriPart(QStringView keyword)
{
    return keyword == u"host" || keyword == u"port" || keyword == u"user" ||
           keyword == u"password" || keyword == u"dbname";
}

std::unexpected<Error> malformedUrl(const QString& reason)
{
    return fail(ErrorCode::Config,
                u"malformed database URL: "_s + reason +
                    u". Use postgresql://user@host:5432/dbname?sslmode=prefer or key=value "
                    u"pairs such as 'host=localhost port=5432 dbname=app'"_s);
}

QString percentEncoded(const QString& text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

} // namespace

Result<ConnectionInfo> ConnectionInfo::parse(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return fail(
            ErrorCode::Config,
            u"the database URL is empty: give one like postgresql://user@host:5432/dbname"_s);

    char* rawError = nullptr;
    const QByteArray utf8 = trimmed.toUtf8();
    std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> options(
        PQconninfoParse(utf8.constData(), &rawError), &PQconninfoFree);
    if (!options) {
        QString reason =
            rawError ? QString::fromUtf8(rawError).trimmed() : u"out of memory while parsing"_s;
        PQfreemem(rawError);
        return malformedUrl(reason);
    }

    ConnectionInfo info;
    for (const PQconninfoOption* option = options.get(); option->keyword; ++option) {
        if (option->val)
            info.m_parameters.append(
                {QString::fromUtf8(option->keyword), QString::fromUtf8(option->val)});
    }
    // libpq checks ports only when it connects; a typo should fail here, before any work.
    for (const QString& port : info.port().split(u',', Qt::SkipEmptyParts)) {
        bool ok = false;
        const int number = port.toInt(&ok);
        if (!ok || number < 1 || number > 65535)
            return malformedUrl(u"invalid port \""_s + port + u"\" (a number from 1 to 65535)"_s);
    }
    return info;
}

QString ConnectionInfo::value(QStringView keyword) const
{
    for (const auto& [key, val] : m_parameters)
        if (key == keyword)
            return val;
    return {};
}

bool ConnectionInfo::has(QStringView keyword) const
{
    for (const auto& parameter : m_parameters)
        if (parameter.first == keyword)
            return true;
    return false;
}

ConnectionInfo ConnectionInfo::with(const QString& keyword, const QString& newValue) const
{
    ConnectionInfo copy = *this;
    copy.m_parameters.removeIf([&](const auto& parameter) { return parameter.first == keyword; });
    if (!newValue.isEmpty())
        copy.m_parameters.append({keyword, newValue});
    return copy;
}

QString ConnectionInfo::redacted() const
{
    return toUri(false);
}
QString ConnectionInfo::toUri() const
{
    return toUri(true);
}

QString ConnectionInfo::toUri(bool withPassword) const
{
    QString uri = u"postgresql://"_s;
    if (has(u"user")) {
        uri += percentEncoded(user());
        if (withPassword && has(u"password"))
            uri += u':' + percentEncoded(value(u"password"));
        uri += u'@';
    }
    // A host list ("a,b") and a socket folder ("/run/postgresql") are both legal here.
    QStringList hosts;
    for (const QString& part : host().split(u',', Qt::SkipEmptyParts))
        hosts.append(percentEncoded(part));
    uri += hosts.join(u',');
    if (has(u"port"))
        uri += u':' + port();
    if (has(u"dbname"))
        uri += u'/' + percentEncoded(database());

    QStringList query;
    for (const auto& [key, val] : m_parameters) {
        if (isUriPart(key))
            continue;
        query.append(key + u'=' + percentEncoded(val));
    }
    if (!query.isEmpty())
        uri += u'?' + query.join(u'&');
    return uri;
}

} // namespace plumb::db
