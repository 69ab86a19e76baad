#include "snapshot_readers.h"

#include "core/catalog/introspect.h"
#include "core/db/quote.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace plumb::catalog::detail {

namespace {

// What pg_export_snapshot returns, e.g. 00000003-0000001B-1. Checked before it is written into
// SET TRANSACTION SNAPSHOT, which takes a literal and no parameter.
bool isSnapshotName(const QString& name)
{
    static const QRegularExpression pattern(u"^[0-9A-Fa-f]+(-[0-9A-Fa-f]+)+$"_s);
    return pattern.match(name).hasMatch();
}

} // namespace

SnapshotReaders::SnapshotReaders(db::Connection& connection, QStringList queries, db::Params params,
                                 ClaimOrder claimOrder, const QString& snapshot, Progress& progress)
    : m_connection(connection)
    , m_queries(std::move(queries))
    , m_params(std::move(params))
    , m_claimOrder(std::move(claimOrder))
    , m_progress(progress)
    , m_slots(std::size_t(m_queries.size()))
{
    for (std::size_t group = 0; group < m_claimOrder.size(); ++group)
        for (const int index : m_claimOrder[group])
            m_slots[std::size_t(index)].group = int(group);
    if (!isSnapshotName(snapshot))
        return;
    m_interrupt = std::make_unique<InterruptScope>(m_progress, [this] {
        m_helperProgress.cancel();
        m_changed.notify_all();
    });
    m_helper = std::thread(&SnapshotReaders::runHelper, this, connection.info(), snapshot);
}

SnapshotReaders::~SnapshotReaders()
{
    stopHelper();
    m_interrupt.reset();
}

void SnapshotReaders::stopHelper()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    if (m_helper.joinable()) {
        m_helperProgress.cancel(); // stops a connect or a query in flight
        m_helper.join();
    }
}

void SnapshotReaders::claimGroupLocked(int group, Owner owner)
{
    // Only what nobody has: a group the helper gave back may have started queries it answers.
    for (const int index : m_claimOrder[std::size_t(group)])
        if (Slot& slot = m_slots[std::size_t(index)]; slot.owner == Owner::Nobody)
            slot.owner = owner;
}

int SnapshotReaders::startNextLocked(Owner owner)
{
    if (m_stopping)
        return -1;
    int next = -1;
    for (const std::vector<int>& group : m_claimOrder)
        for (const int index : group) {
            const Slot& slot = m_slots[std::size_t(index)];
            if (next < 0 && slot.owner == owner && !slot.started)
                next = index;
        }
    for (std::size_t group = 0; group < m_claimOrder.size() && next < 0; ++group)
        for (const int index : m_claimOrder[group])
            if (next < 0 && m_slots[std::size_t(index)].owner == Owner::Nobody) {
                claimGroupLocked(int(group), owner);
                next = index;
            }
    if (next >= 0)
        m_slots[std::size_t(next)].started = true;
    return next;
}

void SnapshotReaders::releaseHelperClaimsLocked()
{
    for (Slot& slot : m_slots)
        if (slot.owner == Owner::Helper && !slot.started)
            slot.owner = Owner::Nobody;
}

int SnapshotReaders::helperAnswered() const
{
    std::lock_guard lock(m_mutex);
    return m_helperAnswered;
}

void SnapshotReaders::runHelper(db::ConnectionInfo info, QString snapshot)
{
    // Everything here is best effort: when the helper cannot join the snapshot it claims nothing
    // and the caller's connection reads every query.
    auto connection = db::Connection::open(info, m_helperProgress);
    if (!connection)
        return;
    db::Connection& helper = **connection;
    auto transaction =
        db::Transaction::begin(helper, u"ISOLATION LEVEL REPEATABLE READ, READ ONLY"_s);
    if (!transaction)
        return;
    if (!helper.exec(u"SET TRANSACTION SNAPSHOT "_s + db::quoteLiteral(snapshot), {},
                     m_helperProgress))
        return;
    if (!helper.exec(u"SELECT "_s + catalogReadSettings(), {}, m_helperProgress))
        return;
    for (;;) {
        int index = -1;
        {
            std::lock_guard lock(m_mutex);
            index = startNextLocked(Owner::Helper);
        }
        if (index < 0)
            break;
        auto result = helper.exec(m_queries[index], m_params, m_helperProgress);
        const bool failed = !result;
        {
            std::lock_guard lock(m_mutex);
            m_slots[std::size_t(index)].result = std::move(result);
            ++m_helperAnswered;
        }
        m_changed.notify_all();
        if (failed) // take() reads it again on the caller's connection; leave the rest there too
            break;
    }
    // Stopped, failed or done: what it claimed and did not start is the caller's to run.
    {
        std::lock_guard lock(m_mutex);
        releaseHelperClaimsLocked();
    }
    m_changed.notify_all();
}

Result<db::QueryResult> SnapshotReaders::take(int index)
{
    Slot& wanted = m_slots[std::size_t(index)];
    std::unique_lock lock(m_mutex);
    while (!wanted.result) {
        if (m_progress.isCanceled())
            return fail(ErrorCode::Canceled, u"Reading the catalog was canceled."_s);
        // Work instead of waiting: the wanted query itself when nobody has it yet (with its
        // group), else what this connection claimed before, else the heaviest group left.
        int next = -1;
        if (wanted.owner == Owner::Nobody)
            claimGroupLocked(wanted.group, Owner::Caller);
        if (wanted.owner == Owner::Caller && !wanted.started) {
            wanted.started = true;
            next = index;
        } else if (!m_stopping) {
            next = startNextLocked(Owner::Caller);
        }
        if (next < 0) {
            m_changed.wait(lock);
            continue;
        }
        lock.unlock();
        auto result = m_connection.exec(m_queries[next], m_params, m_progress);
        lock.lock();
        m_slots[std::size_t(next)].result = std::move(result);
    }
    Result<db::QueryResult> result = std::move(*wanted.result);
    wanted.result.reset();
    if (!result && wanted.owner == Owner::Helper && !m_progress.isCanceled()) {
        // The helper's own trouble (its connection dropped, say) is not the catalog's: read the
        // query again on the caller's connection, which reports any real error.
        lock.unlock();
        return m_connection.exec(m_queries[index], m_params, m_progress);
    }
    return result;
}

} // namespace plumb::catalog::detail
