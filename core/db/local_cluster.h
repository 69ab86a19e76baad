#pragma once

#include "core/db/connection_info.h"
#include "core/error.h"
#include "core/progress.h"

#include <QString>
#include <QStringList>

namespace plumb::db {

// A private, throw-away PostgreSQL server: initdb into a fresh folder, listen on loopback only
// (a free port plus a Unix socket in that folder), trust authentication for its own superuser.
// Used by the test fixture, by `plumb build` when no shadow database is configured, and by the
// workbench's embedded demo. When the process runs as root, the server runs as the `postgres`
// user, since PostgreSQL refuses to run as root.
//
// Move-only. The destructor stops the server and removes the folder unless release() was called.
class LocalCluster {
public:
    struct Options {
        QString parentDir;    // where the cluster folder is made; empty: the system temp folder
        QString binDir;       // PostgreSQL's bin folder; empty: discover (see findBinDir)
        QStringList settings; // extra postgresql.conf lines, "name = value"
        QStringList hbaRules; // pg_hba.conf lines placed before the default trust rules
    };

    // The bin folder holding initdb, pg_ctl and postgres: `preferred` if given, else
    // $PLUMB_PG_BINDIR, `pg_config --bindir`, the newest of the usual install folders, and PATH.
    static Result<QString> findBinDir(const QString& preferred = {});

    static Result<LocalCluster> start(const Options& options, Progress& progress);
    // Stops a cluster another process started and released, and removes its folder.
    static Status stopAt(const QString& directory, const QString& binDir);

    LocalCluster(LocalCluster&& other) noexcept;
    LocalCluster& operator=(LocalCluster&& other) noexcept;
    ~LocalCluster();

    Status stop();
    // Leaves the server running past this object's lifetime (stop it later with stopAt).
    void release() { m_directory.clear(); }

    const QString& directory() const { return m_directory; }
    const QString& binDir() const { return m_binDir; }
    int port() const { return m_port; }
    // postgresql://postgres@127.0.0.1:PORT/postgres
    ConnectionInfo connectionInfo() const;

private:
    LocalCluster() = default;

    QString m_directory; // empty once stopped or released
    QString m_binDir;
    int m_port = 0;
};

} // namespace plumb::db
