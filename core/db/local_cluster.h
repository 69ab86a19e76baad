#pragma once

#include "core/db/connection_info.h"
#include "core/error.h"
#include "core/progress.h"

#include <QString>
#include <QStringList>

namespace plumb::db {

// A private, throw-away PostgreSQL server: initdb into a fresh folder, trust authentication for
// its own superuser. Used by the workbench's embedded server, by `plumb build` and preflight when
// no shadow database is configured, and by the test fixture.
//
// Private means: the server listens on a Unix socket in the cluster's folder, which only the
// server's user can open (0700), so no other OS user reaches it; there is no TCP listener
// unless Options::listenOnLoopback asks for one (the test fixture does). When the process runs
// as root, the server runs as the `postgres` user, since PostgreSQL refuses to run as root.
//
// Besides its superuser the server has one role without any privilege, projectRole(): a
// project's SQL (schema files, migrations replayed by preflight) runs as that role, so a
// schema file cannot run programs or read files as the server's OS user.
//
// The folder holds an owner file naming the process that started the cluster. If that process
// dies without stopping it (a crash, kill -9), stopOrphans() finds the cluster and stops it.
//
// Move-only. The destructor stops the server and removes the folder unless release() was called.
class LocalCluster {
public:
    struct Options {
        QString parentDir;    // where the cluster folder is made; empty: the system temp folder
        QString binDir;       // PostgreSQL's bin folder; empty: discover (see findBinDir)
        QStringList settings; // extra postgresql.conf lines, "name = value"
        QStringList hbaRules; // pg_hba.conf lines placed before the default trust rules
        // Also listen on 127.0.0.1 at a free port, trusting every local client: only for test
        // servers that must be reached over TCP (password tests, tools that need a host).
        bool listenOnLoopback = false;
    };

    // The bin folder holding initdb, pg_ctl and postgres: `preferred` if given, else
    // $PLUMB_PG_BINDIR, the server a package carries (../postgresql/bin beside the program),
    // `pg_config --bindir`, the newest of the usual install folders (/usr/lib/postgresql/NN/bin
    // of Debian's packages among them), and PATH.
    static Result<QString> findBinDir(const QString& preferred = {});

    static Result<LocalCluster> start(const Options& options, Progress& progress);
    // Stops a cluster another process started and released, and removes its folder.
    static Status stopAt(const QString& directory, const QString& binDir);
    // Stops the clusters in `parentDir` whose owning process is gone and removes their folders;
    // returns how many. Clusters of running processes, and released ones, are left alone.
    static int stopOrphans(const QString& parentDir, Progress& progress);
    // A folder of this OS user's own for clusters of one kind (`name`, e.g. the workbench's
    // embedded servers): <temp>/<name>-<uid>, made if missing, refused if another user owns
    // it or it is a symbolic link. Only the user can list it (root's leaves the postgres user
    // a way through to the cluster folders inside).
    static Result<QString> privateParentDir(const QString& name);

    // The role a project's SQL runs as: LOGIN, and nothing else (no superuser, CREATEDB,
    // CREATEROLE, REPLICATION or BYPASSRLS).
    static QString projectRole();

    LocalCluster(LocalCluster&& other) noexcept;
    LocalCluster& operator=(LocalCluster&& other) noexcept;
    ~LocalCluster();

    Status stop();
    // Leaves the server running past this object's lifetime, owned by the caller from now on
    // (stop it later with stopAt; stopOrphans no longer touches it).
    void release();

    const QString& directory() const { return m_directory; }
    const QString& binDir() const { return m_binDir; }
    // The TCP port when listening on loopback, else the number in the socket's name.
    int port() const { return m_port; }
    bool listensOnLoopback() const { return m_loopback; }
    // The superuser: postgresql://postgres@127.0.0.1:PORT/postgres when listening on loopback,
    // else over the socket (host = the cluster's folder).
    ConnectionInfo connectionInfo() const;
    // The superuser over the Unix socket, whatever else the server listens on.
    ConnectionInfo socketInfo() const;

private:
    LocalCluster() = default;

    QString m_directory; // empty once stopped or released
    QString m_binDir;
    int m_port = 0;
    bool m_loopback = false;
};

} // namespace plumb::db
