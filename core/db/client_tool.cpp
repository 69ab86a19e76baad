#include "client_tool.h"

#include <QFile>

using namespace Qt::StringLiterals;

namespace plumb::db {

namespace {

// Writes `text` into a new file that only this user may read.
bool writePrivateFile(const QString& path, const QByteArray& text)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly))
        return false;
    if (!file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        return false;
    return file.write(text) == text.size() && file.flush();
}

// A passfile field: backslash and colon are escaped with a backslash.
QString passfileField(QString value)
{
    return value.replace(u"\\"_s, u"\\\\"_s).replace(u":"_s, u"\\:"_s);
}

std::unexpected<Error> unusable(const QString& keyword)
{
    return fail(ErrorCode::Config,
                u"the connection's "_s + keyword +
                    u" holds a line break or ends in a space, which PostgreSQL's client programs "
                    u"cannot read from a file: change it, or pass --against URL"_s);
}

} // namespace

Result<ClientToolConnection> ClientToolConnection::prepare(const ConnectionInfo& info)
{
    if (info.has(u"service"))
        return fail(ErrorCode::Config,
                    u"a URL naming a connection service (service=...) cannot be handed to "
                    u"pg_dump or psql here: give host, port, user and dbname instead"_s);
    ClientToolConnection connection;
    connection.m_folder = std::make_unique<QTemporaryDir>(); // 0700
    if (!connection.m_folder->isValid())
        return fail(ErrorCode::Generic, u"cannot create a private folder for a client program's "
                                        u"connection files: "_s +
                                            connection.m_folder->errorString());

    QByteArray service = "[plumb]\n";
    for (const auto& [key, value] : info.parameters()) {
        if (key == u"password")
            continue;
        if (value.contains(u'\n') || value.contains(u'\r') ||
            (!value.isEmpty() && value.back().isSpace()))
            return unusable(key);
        service += (key + u'=' + value + u'\n').toUtf8();
    }
    if (!writePrivateFile(connection.m_folder->filePath(u"pg_service.conf"_s), service))
        return fail(ErrorCode::Generic, u"cannot write a client program's service file"_s);

    const QString password = info.value(u"password");
    if (!password.isEmpty()) {
        if (password.contains(u'\n') || password.contains(u'\r'))
            return unusable(u"password"_s);
        const QString line = u"*:*:*:*:"_s + passfileField(password) + u'\n';
        if (!writePrivateFile(connection.m_folder->filePath(u"pgpass"_s), line.toUtf8()))
            return fail(ErrorCode::Generic, u"cannot write a client program's passfile"_s);
        connection.m_hasPassword = true;
    }
    return connection;
}

QProcessEnvironment ClientToolConnection::environment(const QProcessEnvironment& base) const
{
    QProcessEnvironment environment = base;
    // PGSERVICE would name another service.
    environment.remove(u"PGSERVICE"_s);
    environment.insert(u"PGSERVICEFILE"_s, m_folder->filePath(u"pg_service.conf"_s));
    // With a password in the URL, it is the one used: PGPASSWORD would win over the passfile.
    // Without one, the user's own PGPASSWORD or ~/.pgpass apply, as for psql on the same URL.
    if (m_hasPassword) {
        environment.remove(u"PGPASSWORD"_s);
        environment.insert(u"PGPASSFILE"_s, m_folder->filePath(u"pgpass"_s));
    }
    return environment;
}

} // namespace plumb::db
