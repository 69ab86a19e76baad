#pragma once

#include "core/error.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <utility>

namespace plumb::db {

// Where and how to connect: a parsed `postgresql://` URI or `key=value` connection string.
// libpq does the parsing (PQconninfoParse), so every libpq keyword and URI query parameter
// (sslmode, options, target_session_attrs...) passes through unchanged. A value type; cheap to
// copy; safe to hand between threads.
class ConnectionInfo {
public:
    ConnectionInfo() = default;

    static Result<ConnectionInfo> parse(const QString& text);

    // The value of a libpq keyword ("host", "port", "dbname", "user", "sslmode"...), or empty.
    QString value(QStringView keyword) const;
    bool has(QStringView keyword) const;
    // A copy with one keyword set (or removed, when value is empty).
    ConnectionInfo with(const QString& keyword, const QString& value) const;

    QString host() const { return value(u"host"); }
    QString port() const { return value(u"port"); }
    QString database() const { return value(u"dbname"); }
    QString user() const { return value(u"user"); }

    // A postgresql:// URI with the password removed: safe to print and to log.
    QString redacted() const;
    // A postgresql:// URI including the password: only for handing to libpq or a child process.
    QString toUri() const;

    // Keyword/value pairs in libpq's keyword order, for PQconnectdbParams.
    const QList<std::pair<QString, QString>>& parameters() const { return m_parameters; }

    bool operator==(const ConnectionInfo&) const = default;

private:
    QString toUri(bool withPassword) const;
    QList<std::pair<QString, QString>> m_parameters; // only keywords that are set
};

} // namespace plumb::db
