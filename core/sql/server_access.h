#pragma once

#include "core/error.h"

#include <QString>
#include <optional>

namespace plumb::sql {

// Reading a project's SQL for what it must not do where Plumbline runs it unasked (the declared
// schema is built as soon as a project opens). Everything here is decided from PostgreSQL's own
// parse tree (libpg_query); nothing is sent to a server.

// Something in a statement that reaches outside the database into the server's machine.
struct ServerAccess {
    QString what; // "COPY ... FROM PROGRAM", "a function in the untrusted language plpython3u"...
    int line = 1; // 1-based line within the statement where it is
};

// The first operation in `statement` (one statement, as splitStatements gives it) that runs a
// program or touches the server's files: COPY to or from a program or a server file; a
// function, procedure or DO block in an untrusted language (c, internal, plpython3u, plperlu,
// pltclu...), CREATE LANGUAGE or CREATE EXTENSION of such a language; LOAD; ALTER SYSTEM; a call
// to a server-file function (lo_import, lo_export, pg_read_file, pg_read_binary_file,
// pg_ls_dir, pg_stat_file). Calls inside the bodies of SQL-language functions count too.
// Bodies in other languages (plpgsql) are not read: the unprivileged role that runs the
// project's SQL is what stops them. nullopt when there is none; an error when the statement
// does not parse.
Result<std::optional<ServerAccess>> findServerAccess(const QString& statement);

// True for the names of untrusted procedural languages, by PostgreSQL's convention ("pl...u")
// and the known others (c, internal, plsh, plr).
bool isUntrustedLanguage(const QString& name);

// A CREATE EXTENSION statement taken apart, so that a privileged role can run it again from
// these parts alone (sql()), never from the project's text.
struct ExtensionRequest {
    QString name;
    QString schema;  // empty: the extension's default
    QString version; // empty: the default version
    bool cascade = false;

    // CREATE EXTENSION IF NOT EXISTS with every part quoted.
    QString sql() const;
    bool operator==(const ExtensionRequest&) const = default;
};

// The request of a CREATE EXTENSION statement; nullopt for any other statement (or one that does
// not parse).
std::optional<ExtensionRequest> extensionRequest(const QString& statement);

// The schema a bare `CREATE SCHEMA name` (or IF NOT EXISTS) creates: one without AUTHORIZATION
// and without elements. nullopt for any other statement.
std::optional<QString> bareCreateSchema(const QString& statement);

} // namespace plumb::sql
