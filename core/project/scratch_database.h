#pragma once

#include "core/db/connection_info.h"
#include "core/db/local_cluster.h"
#include "core/error.h"
#include "core/progress.h"
#include "core/project/schema_sources.h"
#include "core/sql/server_access.h"

#include <QList>
#include <QSet>
#include <optional>

namespace plumb::project {

// A server scratch databases are made on.
//
// A shadow server (the environment's shadow_url) is used as given: its user creates the
// databases and runs the project's SQL, with whatever rights the user gave that role. A private
// cluster (LocalCluster) splits the work: its superuser creates the databases, owned by the
// cluster's unprivileged role, and runs only statements Plumbline writes itself (CREATE
// EXTENSION for the extensions the project asks for); the project's SQL runs as that role.
struct ScratchServer {
    db::ConnectionInfo admin;
    QString projectRole; // set for a private cluster

    // A shadow server.
    ScratchServer(db::ConnectionInfo shadow)
        : admin(std::move(shadow))
    {}
    static ScratchServer privateCluster(const db::LocalCluster& cluster);
    bool isPrivate() const { return !projectRole.isEmpty(); }
};

// What a private cluster's superuser ran for the project's SQL before it: the extensions it
// asks for that the server offers (an unprivileged role may create only trusted ones), and the
// schemas those go in. The project's own statements that did the same are then skipped.
struct PrivilegedPrelude {
    QList<sql::ExtensionRequest> extensions;
    QSet<QString> schemas;

    // True for a statement the prelude already did: a CREATE EXTENSION of an extension it
    // created, a bare CREATE SCHEMA of a schema it made.
    bool covers(const QString& statement) const;
    bool isEmpty() const { return extensions.isEmpty(); }
};

// A database that exists for one piece of work and is dropped with this object: created on the
// given server, else in a private LocalCluster started for it. Move-only; owned by one thread.
class ScratchDatabase {
public:
    static Result<ScratchDatabase> create(const std::optional<ScratchServer>& server,
                                          Progress& progress);
    // Moving hands over the duty to drop the database: the moved-from object drops nothing.
    ScratchDatabase(ScratchDatabase&& other) noexcept;
    ScratchDatabase& operator=(ScratchDatabase&&) = delete;
    ~ScratchDatabase();

    // Where the project's SQL runs: the unprivileged role on a private cluster.
    const db::ConnectionInfo& info() const { return m_info; }
    // The same database as the cluster's superuser, on a private cluster only.
    const std::optional<db::ConnectionInfo>& privilegedInfo() const { return m_privileged; }
    bool isPrivate() const { return m_privileged.has_value(); }
    // The cluster's bin folder when a private cluster was started (for pg_dump, psql), else empty.
    QString binDir() const { return m_cluster ? m_cluster->binDir() : QString(); }

    // On a private cluster, runs as the superuser the CREATE EXTENSION requests among
    // `statements` for extensions the server offers (rebuilt from their parsed parts, never the
    // project's text), after creating the schemas they name; returns what it did, and adds it to
    // prelude(). On a shadow server, does nothing: the project's SQL runs there as written.
    Result<PrivilegedPrelude> runPrelude(const QList<LocatedStatement>& statements,
                                         Progress& progress);
    // Everything runPrelude did on this database.
    const PrivilegedPrelude& prelude() const { return m_prelude; }

    // Drops the database and creates it again, empty, under the same name (what runPrelude did
    // is gone with it). Every connection to it must be closed first. For a build that has to
    // start over after it committed part of its work (buildInScratch's chunked build).
    Status recreate(Progress& progress);

private:
    ScratchDatabase() = default;
    std::optional<db::LocalCluster> m_cluster;
    std::optional<db::ConnectionInfo> m_dropFrom; // the server to drop the database from
    db::ConnectionInfo m_admin;                   // the server's admin, for recreate()
    QString m_createSql;                          // how create() made the database
    std::optional<db::ConnectionInfo> m_privileged;
    QString m_projectRole;
    db::ConnectionInfo m_info;
    PrivilegedPrelude m_prelude;
};

} // namespace plumb::project
