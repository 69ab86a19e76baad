#pragma once

#include "core/db/connection_info.h"
#include "core/error.h"

#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace plumb::project {

// One entry of `include_dirs`: a plain path, or Confiture's dictionary form.
struct IncludeDir {
    QString path; // as written, relative to the project root unless absolute
    bool recursive = true;
    QStringList include;      // globs matched against the path relative to `path`; empty: *.sql
    QStringList exclude;      // globs matched the same way
    bool autoDiscover = true; // a missing folder is skipped rather than an error
    int order = 0;            // entries are taken by ascending order, then as listed
    bool required = false;    // the plain string form: the folder must exist
};

// An include folder with every option at its default.
IncludeDir includeDirAt(const QString& path);

// lock_timeout and statement_timeout as PostgreSQL setting strings ("5s", "10min", "0").
struct Timeouts {
    QString lockTimeout;
    QString statementTimeout;
};

// A parsed db/environments/<name>.yaml. Every string has had ${VAR} expanded.
// Confiture's keys are accepted (so a Confiture project opens as it is); the ones plumb does not
// act on are kept out of this struct, and keys nobody knows load with a warning each (Confiture
// ignores them too). Plumbline's own keys:
//   management_url                     URL for DDL and migrations (bypasses a pooler)
//   shadow_url                         server on which `plumb build` makes a scratch database
//   dev: true                          a development database: changes need no typed name, but
//                                      only while its URL is written in this file (no ${VAR}, no
//                                      PLUMB_DATABASE_URL/--database-url override)
//   readonly: true                     plumb reads and never changes this database
//   require_confirmation: true         every change asks for the database name, even on dev
//   migration.lock_timeout / .statement_timeout       applied to every migration statement
//   convergence.lock_timeout / .statement_timeout     applied to every convergence statement
//   migration.locking.timeout_ms       how long a runner waits for another runner's lock
struct Environment {
    QString name;     // the file's stem
    QString filePath; // the YAML file

    QString databaseUrl;   // may be "none" (disabled) or empty (not set)
    QString managementUrl; // may be "none" or empty
    QString shadowUrl;
    // The ${VAR} names each URL took from the process environment (empty: written out in the
    // file). A URL from outside the file makes the environment protected (workflow/target.h).
    // For the `database:` block only host, port and database count: a ${VAR} password is fine.
    QStringList databaseUrlVariables;
    QStringList managementUrlVariables;
    bool dev = false;
    bool requireConfirmation = false;

    QList<IncludeDir> includeDirs; // default: db/schema
    QStringList excludeDirs;

    QString trackingTable = QStringLiteral("tb_confiture");
    bool lockingEnabled = true;
    int lockWaitMs = 30000;
    Timeouts migrationTimeouts{QStringLiteral("10s"), QStringLiteral("30min")};
    // Convergence steps that hold a lock writers wait for are catalog updates (scans run under
    // weaker locks, see plan::statementTimeoutFor): their statement_timeout is short too.
    Timeouts convergenceTimeouts{QStringLiteral("3s"), QStringLiteral("3s")};

    // readonly: true. The environment is protected and plumb changes nothing in it: writers
    // refuse before they start (requireWritable), and every session opens with
    // default_transaction_read_only=on, so the server refuses a write that slipped through.
    bool readOnly = false;
    // connect_timeout, application_name, ssl_mode (or sslmode) and the certificate paths
    // (ssl_cert, ssl_key, ssl_root_cert, ssl_crl; relative to the project), at the top level or in
    // the database: block, as libpq keywords. They fill in what the resolved URL leaves unset.
    QList<std::pair<QString, QString>> connectionParameters;
    // Server settings sent when a session starts (libpq options -c): statement_timeout.
    QList<std::pair<QString, QString>> sessionSettings;

    // One line per key plumb does not know and ignores, "file:line: unknown key ...", for the
    // CLI's stderr and the workbench's Log and Project view.
    QStringList warnings;
};

// Expands ${NAME} (NAME = [A-Z_][A-Z0-9_]*) from `variables`, in one pass. A missing variable, or
// any other ${...} form (defaults, lower-case names), is a Config error naming it; `where` says
// where the text came from. "$${" stands for a literal "${".
Result<QString> expandVariables(const QString& text, const QProcessEnvironment& variables,
                                const QString& where);

// The ${NAME} variables `text` refers to, in order, each once ("$${" is not one).
QStringList variablesIn(const QString& text);

// Reads and validates an environment file. A key nobody knows is ignored with a warning (with a
// "did you mean" when it is close to a known one); a known key with a bad value, a missing
// ${VAR}, the legacy migration_table and ssh_tunnel are Config errors naming the file and line.
Result<Environment>
loadEnvironment(const QString& filePath,
                const QProcessEnvironment& variables = QProcessEnvironment::systemEnvironment());

// `info` with the environment's connection settings applied: its libpq parameters where the URL
// sets none, its session settings (and default_transaction_read_only for a read-only
// environment) in libpq's options.
db::ConnectionInfo withConnectionSettings(const db::ConnectionInfo& info,
                                          const Environment& environment);

// Fails with a Config error naming the file when the environment is read only; `what` says what
// was refused ("apply migrations"). A null environment is writable.
Status requireWritable(const Environment* environment, const QString& what);

} // namespace plumb::project
