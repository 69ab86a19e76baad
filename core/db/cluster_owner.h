#pragma once

#include <QString>
#include <optional>

namespace plumb::db {

// Which process owns a private PostgreSQL (LocalCluster), written into the cluster's folder so
// that a later process can tell a running cluster whose owner is gone (a crash, kill -9) from
// one still in use. A process is named by its pid and, where the system tells it (Linux's
// /proc), its start time, so a pid the system has since given to another process does not
// pass for the owner.
struct ClusterOwner {
    qint64 pid = 0;
    QString startTime; // opaque; empty where the system does not tell it
    QString binDir;    // PostgreSQL's bin folder, to stop the cluster with its own pg_ctl

    // The calling process.
    static ClusterOwner current(const QString& binDir);
    // Reads the owner file of the cluster in `directory`; nullopt when there is none (the
    // cluster was released to another owner, or is not a LocalCluster) or it cannot be read.
    static std::optional<ClusterOwner> read(const QString& directory);

    // Writes the owner file into `directory` (readable only by this user).
    bool write(const QString& directory) const;
    // Removes the owner file: the cluster now belongs to whoever it was released to.
    static void forget(const QString& directory);

    // True while the owning process runs. A process of another user counts as running: it is
    // not ours to judge.
    bool isAlive() const;
};

} // namespace plumb::db
