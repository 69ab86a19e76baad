#pragma once

#include "core/db/connection_info.h"
#include "core/error.h"

#include <QProcessEnvironment>
#include <QString>
#include <QTemporaryDir>
#include <memory>

namespace plumb::db {

// How a PostgreSQL client program that Plumbline starts (pg_dump, psql) reaches a database with
// no secret on its command line, where any user's `ps` shows it, nor in its environment: the
// connection's keywords go into a service file, its password into a passfile, both readable only
// by this user, in a folder of their own that lives as long as this object. The program gets
// `--dbname service=plumb` and PGSERVICEFILE / PGPASSFILE in its environment.
//
// Move-only; the files are removed on destruction, so keep it until the program has finished.
class ClientToolConnection {
public:
    static Result<ClientToolConnection> prepare(const ConnectionInfo& info);

    // The value for the program's --dbname (or -d) option.
    static QString dbnameArgument() { return QStringLiteral("service=plumb"); }
    // `base` with PGSERVICEFILE (and PGPASSFILE when the URL has a password) pointing at this
    // connection's files, without PGSERVICE, and without PGPASSWORD when the URL has a password.
    QProcessEnvironment
    environment(const QProcessEnvironment& base = QProcessEnvironment::systemEnvironment()) const;

private:
    ClientToolConnection() = default;
    std::unique_ptr<QTemporaryDir> m_folder;
    bool m_hasPassword = false;
};

} // namespace plumb::db
