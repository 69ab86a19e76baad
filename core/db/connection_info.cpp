#include "connection_info.h"

#include "core/db/secrets.h"

#include <QRegularExpression>
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

// Keywords whose values are secrets: never printed, always remembered for scrubbing.
bool isSecret(QStringView keyword)
{
    return keyword == u"password" || keyword == u"sslpassword";
}

// libpq's parse errors quote the part of the text they choke on, which may be the password of
// a URL it could not take apart. Whatever sits where a password would go is cut from `reason`.
QString withoutPasswordsOf(const QString& text, QString reason)
{
    static const QRegularExpression uriPassword(u"^[A-Za-z][A-Za-z0-9+.-]*://[^/@?]*?:([^@]*)@"_s);
    static const QRegularExpression keywordPassword(
        u"\\b(?:ssl)?password\\s*=\\s*('(?:[^'\\\\]|\\\\.)*'?|\\S+)"_s);
    QStringList candidates;
    if (const auto match = uriPassword.match(text); match.hasMatch())
        candidates << match.captured(1);
    for (auto it = keywordPassword.globalMatch(text); it.hasNext();)
        candidates << it.next().captured(1);
    for (QString candidate : std::as_const(candidates)) {
        if (candidate.startsWith(u'\'')) {
            candidate.remove(0, 1);
            if (candidate.endsWith(u'\''))
                candidate.chop(1);
        }
        if (candidate.size() < 4) // as short as that, it protects nothing; see secrets.h
            continue;
        reason.replace(candidate, u"***"_s);
        reason.replace(QString::fromLatin1(QUrl::toPercentEncoding(candidate)), u"***"_s);
    }
    return reason;
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
        return malformedUrl(withoutPasswordsOf(trimmed, reason));
    }

    ConnectionInfo info;
    for (const PQconninfoOption* option = options.get(); option->keyword; ++option) {
        if (!option->val)
            continue;
        const QString keyword = QString::fromUtf8(option->keyword);
        const QString value = QString::fromUtf8(option->val);
        if (isSecret(keyword))
            rememberSecret(value);
        info.m_parameters.append({keyword, value});
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
    if (!newValue.isEmpty()) {
        if (isSecret(keyword))
            rememberSecret(newValue);
        copy.m_parameters.append({keyword, newValue});
    }
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
    // A socket folder ("/run/postgresql") is legal in the authority, percent-encoded. Host and
    // port lists ("a,b" with "5432,5433") are not: there each host takes its own port
    // ("a:5432,b:5433"), and an empty entry means the default. They go to the query as they are.
    const bool lists = host().contains(u',') || port().contains(u',');
    if (!lists) {
        uri += percentEncoded(host());
        if (has(u"port"))
            uri += u':' + percentEncoded(port());
    }
    if (has(u"dbname"))
        uri += u'/' + percentEncoded(database());

    QStringList query;
    for (const auto& [key, val] : m_parameters) {
        // A password without a user has no place in the authority ("user:password@"): it
        // goes to the query, or the URI would connect without it.
        const bool inAuthority = isUriPart(key) && !(lists && (key == u"host" || key == u"port")) &&
                                 !(key == u"password" && !has(u"user"));
        if (inAuthority || (!withPassword && isSecret(key)))
            continue;
        query.append(key + u'=' + percentEncoded(val));
    }
    if (!query.isEmpty())
        uri += u'?' + query.join(u'&');
    return uri;
}

} // namespace plumb::db
