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
// Queries are claimed in groups: a connection that claims one query of a group runs all of them.
// Queries that have the server print expressions of the same tables belong together, because
// the server builds a relation cache entry for each table it prints an expression of, once per
// backend (on 10,000 tables, half of the constraints query's time when it runs cold).
//
// Threads: construct, take() and destroy on the thread that owns `connection`. The helper thread
// owns its connection and the helper Progress; the two share only the slots below, under
// m_mutex. Canceling the caller's progress cancels the helper's query in flight too.
class SnapshotReaders {
public:
    // `claimOrder` lists every query index once, in groups, heaviest group first (the order
    // they are claimed in); a group's queries run in their order on one connection.
    using ClaimOrder = std::vector<std::vector<int>>;
    SnapshotReaders(db::Connection& connection, QStringList queries, db::Params params,
                    ClaimOrder claimOrder, const QString& snapshot, Progress& progress);
    ~SnapshotReaders();
    SnapshotReaders(const SnapshotReaders&) = delete;
    SnapshotReaders& operator=(const SnapshotReaders&) = delete;

    // The result of query `index`, once. Canceled when the progress is.
    Result<db::QueryResult> take(int index);

    // How many queries the helper connection answered so far (for the activity log and tests).
    int helperAnswered() const;

private:
    enum class Owner { Nobody, Caller, Helper };
    struct Slot {
        Owner owner = Owner::Nobody;
        bool started = false;
        int group = 0; // index into m_claimOrder
        std::optional<Result<db::QueryResult>> result;
    };

    // The next query `owner` has claimed and not started, else the first of the heaviest group
    // nobody has claimed (now claimed by `owner`); marks it started. -1 when there is none.
    // Needs m_mutex.
    int startNextLocked(Owner owner);
    void claimGroupLocked(int group, Owner owner);
    // Gives back what the helper claimed and will not run (it stopped or failed). Needs m_mutex.
    void releaseHelperClaimsLocked();
    void runHelper(db::ConnectionInfo info, QString snapshot);
    void stopHelper();

    db::Connection& m_connection;
    const QStringList m_queries;
    const db::Params m_params;
    const ClaimOrder m_claimOrder;
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
