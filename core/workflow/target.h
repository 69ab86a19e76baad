#pragma once

#include "core/db/connection_info.h"
#include "core/error.h"
#include "core/project/environment.h"
#include "core/project/project.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <optional>

namespace plumb::workflow {

using project::UrlOrigin;

// What a connection is for. Each purpose has its URL (issue 14, "URLs by purpose"):
//   Read    catalog reads, migration status, the SQL view: the runtime URL (database_url)
//   Manage  DDL, the ledger and the migration lock: management_url when the environment sets
//           one (it bypasses a transaction pooler), else the runtime URL
enum class Purpose { Read, Manage };

// One resolved URL and where it came from.
struct Endpoint {
    db::ConnectionInfo info; // holds the password when there is one: never print it, use redacted()
    UrlOrigin origin = UrlOrigin::CommandLine;
    QString source; // for people: "db/environments/prod.yaml (database_url, from ${PROD_URL})"

    bool operator==(const Endpoint&) const = default;
};

// How much a target may be changed.
//   Dev        its environment file says `dev: true` AND writes out the URL changes go to;
//              a bare URL the user typed for one command is Dev too (their explicit choice),
//              unless it names a protected environment's database
//   Protected  everything else: every change needs the database name typed in full
//   ReadOnly   `readonly: true`: nothing changes it, whatever is typed
enum class Protection { Dev, Protected, ReadOnly };

// A database the workflow can read and change: an environment of a project, or a bare URL.
// A value type, cheap to copy and safe to hand between threads. Copy, move, intents and fleets
// start from one of these: resolve it, ask confirmationRequired(), take the lock on `management`.
struct Target {
    QString environment; // the environment's name; empty for a bare URL
    QString label;       // for lists and dialogs: "staging", or the redacted URL
    Endpoint runtime;    // Purpose::Read
    Endpoint management; // Purpose::Manage (the same URL when no management_url is set)
    std::optional<db::ConnectionInfo> shadow; // shadow_url: where the declared schema is built
    Protection protection = Protection::Protected;
    bool requireConfirmation = false; // require_confirmation: true: even Dev asks
    // Why the target is not Dev, one sentence each, for dialogs and refusals ("its URL comes from
    // PLUMB_DATABASE_URL, not from db/environments/local.yaml").
    QStringList reasons;

    const Endpoint& endpoint(Purpose purpose) const
    {
        return purpose == Purpose::Manage ? management : runtime;
    }
    bool isDev() const { return protection == Protection::Dev; }
    bool isReadOnly() const { return protection == Protection::ReadOnly; }
    // Whether a change needs the database name typed (GUI) or --confirm DATABASE (CLI).
    bool confirmationRequired() const { return !isDev() || requireConfirmation; }
    // The name a person types to confirm: the database changes are made in.
    QString confirmationName() const;

    bool operator==(const Target&) const = default;
};

// Inputs to resolution that do not come from the project.
struct ResolveOptions {
    QString databaseUrl; // --database-url; empty when not given
    QProcessEnvironment variables = QProcessEnvironment::systemEnvironment();
};

// An environment of a project as a target (`environment` null: the project has no environment
// file, so only --database-url, PLUMB_DATABASE_URL or DATABASE_URL can name a database, and the
// target is Protected). URL precedence is project::resolveDatabaseUrl's. Fails (Config) when no
// database is configured or a URL is invalid or disabled ("none").
Result<Target> resolveTarget(const project::Environment* environment,
                             const ResolveOptions& options = {});

// A bare URL typed for one command (diff --from/--to --apply, build --into, copy --to, move): the
// user's explicit choice, so Dev, unless it names the same server and database as a Protected or
// ReadOnly environment of `project` (when given); then it takes that environment's protection, so
// a production database typed by hand still asks for its name. Environments whose file cannot be
// read (a missing variable) are skipped.
Result<Target> resolveTypedUrl(const QString& url, const project::Project* project,
                               const ResolveOptions& options = {});

// The rule of resolveTypedUrl for a typed target and environments resolved already (the
// workbench's open project): `typed` takes the protection of every environment in `environments`
// that is not plain Dev and names the same server and database (runtime or management URL), with
// a reason naming it. Dev environments leave it as it is.
Target guardedBy(Target typed, const QList<Target>& environments,
                 const QProcessEnvironment& variables = QProcessEnvironment::systemEnvironment());

// Whether two connection infos name the same server and database, after libpq's defaults
// (PGHOST, PGPORT, PGDATABASE, PGUSER from `variables`; port 5432; the database named after the
// user). Local forms (no host, a socket folder, localhost, 127.0.0.1, ::1) count as one host, so
// the answer errs towards "the same".
bool sameDatabase(const db::ConnectionInfo& a, const db::ConnectionInfo& b,
                  const QProcessEnvironment& variables = QProcessEnvironment::systemEnvironment());

// The database a connection info names after libpq's defaults (dbname, PGDATABASE, the user,
// PGUSER, the login name).
QString
effectiveDatabase(const db::ConnectionInfo& info,
                  const QProcessEnvironment& variables = QProcessEnvironment::systemEnvironment());

QString originName(UrlOrigin origin); // "command line", "PLUMB_DATABASE_URL", "environment file"...
QString protectionName(Protection protection); // "dev", "protected", "read-only"

} // namespace plumb::workflow
