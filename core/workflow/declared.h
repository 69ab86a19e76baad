#pragma once

#include "core/catalog/catalog.h"
#include "core/db/connection_info.h"
#include "core/error.h"
#include "core/migrate/migration_files.h"
#include "core/progress.h"
#include "core/project/schema_sources.h"
#include "core/project/scratch_database.h"
#include "core/workflow/session.h"

#include <QHash>
#include <QString>
#include <memory>
#include <mutex>
#include <optional>

namespace plumb::workflow {

// Declared catalogs by key, in memory and (when given a folder) on disk as catalog JSON, so that
// reopening an unchanged project builds nothing. The key covers everything the catalog depends
// on: the schema files' content hash, the major version of the server that builds them, the
// ledger table left out, and the format of this cache. A file that cannot be read back is
// ignored (and rebuilt), never trusted in part.
//
// Threads: any thread may call find() and store(); one instance is shared by the jobs of a
// workbench (and by the commands of one `plumb` run).
class DeclaredCache {
public:
    // `directory` empty: memory only.
    explicit DeclaredCache(QString directory = {});

    // The folder in Plumbline's data directory (core/data_directory.h) where the workbench and
    // `plumb` keep declared catalogs: ~/.local/share/Plumbline/declared-catalogs on Linux.
    static QString defaultDirectory();
    static QString keyFor(const QString& contentHash, int serverMajor, const QString& ledgerTable);

    std::shared_ptr<const catalog::Catalog> find(const QString& key);
    void store(const QString& key, std::shared_ptr<const catalog::Catalog> catalog);
    const QString& directory() const { return m_directory; }

private:
    QString m_directory;
    std::mutex m_mutex;
    QHash<QString, std::shared_ptr<const catalog::Catalog>> m_memory; // guarded by m_mutex
};

// Where the declared schema is built when the environment has no shadow_url: the workbench's
// embedded server (ScratchServer::privateCluster: the project's SQL runs there as its
// unprivileged role); none (the command line) starts a private server for the build.
struct BuildServer {
    std::optional<project::ScratchServer> embedded;
};

// The declared schema (the environment's include_dirs) as a catalog, ledger table left out.
struct DeclaredSchema {
    project::SchemaSources sources; // the files, in application order, and their content hash
    std::shared_ptr<const catalog::Catalog> catalog;
    int serverMajor = 0;    // of the server that built it
    bool fromCache = false; // nothing was built: the catalog came from the cache
};

// Whether the project declares anything (db/schema and the environment's include folders hold
// an SQL file). Reads file names only.
Result<bool> declaresSchema(const Session& session);

// Builds the declared schema once per content hash: the cache answers when it can; otherwise the
// files are applied to a scratch database on the environment's shadow_url, else on
// `server.embedded`, else on a private server, introspected there, and the result stored.
// Fails (Schema) when the project declares nothing, saying where to put the files. `cache` may
// be null (always build).
Result<DeclaredSchema> buildDeclared(const Session& session, const BuildServer& server,
                                     DeclaredCache* cache, Progress& progress);

// What the migration chain makes: every migration applied in order to an empty scratch
// database on the same server choice, then introspected; the ledger table left out.
Result<catalog::Catalog> buildMigrationChain(const Session& session,
                                             const migrate::MigrationSet& migrations,
                                             const BuildServer& server, Progress& progress);

} // namespace plumb::workflow
