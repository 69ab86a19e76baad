#pragma once

#include "core/db/connection_info.h"
#include "core/error.h"
#include "core/project/environment.h"

#include <QProcessEnvironment>
#include <QString>
#include <optional>

namespace plumb::project {

// A project folder in Confiture's layout:
//   db/schema/                   the declared schema as SQL files
//   db/migrations/               <version>_<name>.up.sql and .down.sql
//   db/environments/<env>.yaml   connection and behaviour per environment
// A value type; the files are read when asked for.
class Project {
public:
    // Opens the project at `directory`, or the nearest parent folder that has a db/ folder with
    // schema/, migrations/ or environments/ in it.
    static Result<Project> open(const QString& directory);
    // Creates the layout with a small example (a schema file, one migration pair, local.yaml).
    // Refuses when `directory` already holds a db/ folder.
    static Result<Project> init(const QString& directory);

    const QString& root() const { return m_root; }
    QString schemaDir() const;
    QString migrationsDir() const;
    QString environmentsDir() const;

    QStringList environmentNames() const;
    // Loads db/environments/<name>.yaml. When `name` is empty: "local" if that file exists, else
    // no environment (the defaults).
    Result<std::optional<Environment>> environment(
        const QString& name,
        const QProcessEnvironment& variables = QProcessEnvironment::systemEnvironment()) const;

    // A path relative to the root, with forward slashes.
    QString relativePath(const QString& absolutePath) const;

private:
    QString m_root;
};

// What a connection is for: Management (DDL, migrations, locks) prefers the environment's
// management_url over its database_url.
enum class UrlPurpose { Runtime, Management };

// Where a resolved URL came from. Only EnvironmentFile is written out in the environment's own
// file; every other origin points the environment somewhere from outside it (which the workflow
// treats as protected: see core/workflow/target.h).
enum class UrlOrigin {
    CommandLine,      // --database-url
    PlumbDatabaseUrl, // the PLUMB_DATABASE_URL variable
    EnvironmentFile,  // database_url / management_url written out in the file
    FileVariable,     // the file's URL names a ${VAR}: the value came from the process environment
    DatabaseUrl,      // the DATABASE_URL variable, the last fallback
    Typed,            // a bare URL typed for one command (diff --from, build --into, copy --to)
};

struct ResolvedUrl {
    db::ConnectionInfo info;
    QString source; // for people: "--database-url", "PLUMB_DATABASE_URL", "<file> (database_url)"
    UrlOrigin origin = UrlOrigin::CommandLine;
};

// Connection precedence: the --database-url flag, then PLUMB_DATABASE_URL, then the environment
// file, then DATABASE_URL. The first source that is set decides; "none" (any case) disables the
// database and is a Config error saying which source disabled it. The environment's connection
// settings (withConnectionSettings) apply to the URL whichever source gave it.
Result<ResolvedUrl>
resolveDatabaseUrl(const QString& flag, const Environment* environment, UrlPurpose purpose,
                   const QProcessEnvironment& variables = QProcessEnvironment::systemEnvironment());

} // namespace plumb::project
