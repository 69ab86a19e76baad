#pragma once

#include "core/db/connection.h"
#include "core/error.h"
#include "core/progress.h"

#include <QStringList>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace plumb::catalog::detail {

// Runs a fixed list of read-only queries on the caller's connection and on a second connection
// that reads the same snapshot, so the catalog is read by two server backends at once and still
// describes one moment of the database.
//
// The caller's connection must be inside a REPEATABLE READ transaction. Given the snapshot name
// that transaction exported (pg_export_snapshot), a helper thread opens its own connection,
// imports the snapshot (SET TRANSACTION SNAPSHOT) and takes queries from the shared list,
// heaviest first. take(i) answers query i in the caller's order: it runs unclaimed queries on the
// caller's connection while it waits, so nothing waits on a helper that never came up. Without a
// snapshot (empty name) every query runs on the caller's connection.
//
// Threads: construct, take() and destroy on the thread that owns `connection`. The helper thread
// owns its connection and the helper Progress; the two share only the slots below, under
// m_mutex. Canceling the caller's progress cancels the helper's query in flight too.
class SnapshotReaders {
public:
    // `costOrder` lists query indexes heaviest first (the order queries are claimed in).
    SnapshotReaders(db::Connection& connection, QStringList queries, db::Params params,
                    std::vector<int> costOrder, const QString& snapshot, Progress& progress);
    ~SnapshotReaders();
    SnapshotReaders(const SnapshotReaders&) = delete;
    SnapshotReaders& operator=(const SnapshotReaders&) = delete;

    // The result of query `index`, once. Canceled when the progress is.
    Result<db::QueryResult> take(int index);

    // How many queries the helper connection answered so far (for the activity log and tests).
    int helperAnswered() const;

private:
    struct Slot {
        bool claimed = false;
        bool byHelper = false;
        std::optional<Result<db::QueryResult>> result;
    };

    // Claims the next unclaimed query in cost order; -1 when none is left. Needs m_mutex.
    int claimNextLocked(bool byHelper);
    void runHelper(db::ConnectionInfo info, QString snapshot);
    void stopHelper();

    db::Connection& m_connection;
    const QStringList m_queries;
    const db::Params m_params;
    const std::vector<int> m_costOrder;
    Progress& m_progress;

    // The helper's own cancel sink: its Connection::exec installs PQcancel there.
    Progress m_helperProgress;

    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<Slot> m_slots;                   // guarded by m_mutex
    bool m_stopping = false;                     // guarded by m_mutex
    int m_helperAnswered = 0;                    // guarded by m_mutex
    std::thread m_helper;                        // joined in the destructor
    std::unique_ptr<InterruptScope> m_interrupt; // caller's cancel reaches the helper
};

} // namespace plumb::catalog::detail
