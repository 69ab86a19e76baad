#include "job_runner.h"

#include "core/db/secrets.h"

#include <QMetaObject>
#include <QPointer>
#include <mutex>
#include <thread>

using namespace Qt::StringLiterals;

namespace plumb::jobs {

// The Progress a job's worker reports to. step() and log() come from the worker thread; the
// latest state is kept under a mutex and at most one update is queued to the runner at a time, so
// a chatty job cannot flood the GUI thread. Every text leaves here scrubbed of the passwords the
// process knows (db::redactSecrets): the Activity and Log views show only what passed here.
class JobProgress final : public Progress {
public:
    JobProgress(JobRunner* runner, JobSnapshot snapshot)
        : m_runner(runner)
        , m_snapshot(std::move(snapshot))
    {}

    void step(int done, int total, const QString& what) override
    {
        {
            std::lock_guard lock(m_mutex);
            m_snapshot.done = done;
            m_snapshot.total = total;
            m_snapshot.step = db::redactSecrets(what);
            if (m_updateQueued)
                return;
            m_updateQueued = true;
        }
        const quint64 id = m_snapshot.id;
        m_runner->post([runner = m_runner, id] { runner->publish(id); });
    }

    void log(const QString& line) override
    {
        const QDateTime now = QDateTime::currentDateTime();
        QString title;
        {
            std::lock_guard lock(m_mutex);
            title = m_snapshot.title;
        }
        m_runner->post([runner = m_runner, now, title, line = db::redactSecrets(line)] {
            emit runner->logLine(now, title, line);
        });
    }

    void finish(const std::optional<Error>& error)
    {
        std::lock_guard lock(m_mutex);
        m_snapshot.finished = QDateTime::currentDateTime();
        if (!error) {
            m_snapshot.state = JobState::Succeeded;
            if (m_snapshot.total > 0)
                m_snapshot.done = m_snapshot.total;
        } else if (error->code == ErrorCode::Canceled || isCanceled()) {
            m_snapshot.state = JobState::Canceled;
            m_snapshot.message = db::redactSecrets(error->message);
        } else {
            m_snapshot.state = JobState::Failed;
            m_snapshot.message = db::redactSecrets(error->describe());
        }
    }

    // Takes the current state and allows the next update to be queued.
    JobSnapshot take()
    {
        std::lock_guard lock(m_mutex);
        m_updateQueued = false;
        return m_snapshot;
    }

    JobSnapshot peek() const
    {
        std::lock_guard lock(m_mutex);
        return m_snapshot;
    }

private:
    JobRunner* m_runner;
    mutable std::mutex m_mutex;
    JobSnapshot m_snapshot;      // guarded by m_mutex
    bool m_updateQueued = false; // guarded by m_mutex
};

JobRunner::JobRunner(QObject* parent, int maxThreads)
    : QObject(parent)
    , m_pool(maxThreads)
{
    qRegisterMetaType<JobSnapshot>();
}

JobRunner::~JobRunner()
{
    cancelAll();
    m_pool.shutDown();
    // What the workers posted last is dropped here, undelivered, with the views it was for.
}

void JobRunner::post(std::move_only_function<void()> task)
{
    bool queue = false;
    {
        std::lock_guard lock(m_mailboxMutex);
        m_mailbox.push_back(std::move(task));
        queue = !std::exchange(m_drainQueued, true);
    }
    // By name, with no arguments: the queued call carries nothing a worker wrote.
    if (queue)
        QMetaObject::invokeMethod(this, "drainMailbox", Qt::QueuedConnection);
}

void JobRunner::drainMailbox()
{
    std::vector<std::move_only_function<void()>> tasks;
    {
        std::lock_guard lock(m_mailboxMutex);
        tasks.swap(m_mailbox);
        m_drainQueued = false;
    }
    for (auto& task : tasks)
        task();
}

std::pair<quint64, std::shared_ptr<Progress>> JobRunner::registerJob(const QString& title,
                                                                     const QString& target)
{
    JobSnapshot snapshot;
    snapshot.id = m_nextId++;
    snapshot.title = db::redactSecrets(title);
    snapshot.target = db::redactSecrets(target);
    snapshot.started = QDateTime::currentDateTime();
    m_running.fetch_add(1);
    auto progress = std::make_shared<JobProgress>(this, snapshot);
    m_progress.emplace(snapshot.id, progress);
    emit jobChanged(snapshot);
    emit logLine(snapshot.started, snapshot.title,
                 u"started"_s +
                     (snapshot.target.isEmpty() ? QString() : u" on "_s + snapshot.target));
    return {snapshot.id, progress};
}

void JobRunner::finishJob(quint64 id, const std::optional<Error>& error)
{
    m_running.fetch_sub(1);
    // Runs on the worker thread. m_progress is GUI-thread state, so the lookup happens there.
    post([this, id, error] {
        const auto found = m_progress.find(id);
        if (found == m_progress.end())
            return;
        found->second->finish(error);
        const JobSnapshot snapshot = found->second->take();
        emit jobChanged(snapshot);
        const QString outcome = snapshot.state == JobState::Succeeded ? u"finished"_s
                                : snapshot.state == JobState::Canceled
                                    ? u"canceled"_s
                                    : u"failed: "_s + snapshot.message;
        emit logLine(snapshot.finished, snapshot.title, outcome);
    });
}

void JobRunner::publish(quint64 id)
{
    const auto found = m_progress.find(id);
    if (found != m_progress.end())
        emit jobChanged(found->second->take());
}

namespace {

// Cancels from a helper thread: Progress::cancel() interrupts the statement in flight with
// PQcancel, a round trip to the server (up to connect_timeout when it does not answer), which
// must never stall the GUI thread. The shared pointer keeps the Progress alive until then.
void cancelWithoutWaiting(const std::shared_ptr<JobProgress>& progress)
{
    if (progress->isCanceled())
        return;
    // A thread of its own (not a pool's, whose hand-over TSan cannot see); detached, since no
    // one waits for an interrupt: the job itself reports how it ended.
    std::thread([progress] { progress->cancel(); }).detach();
}

} // namespace

void JobRunner::cancel(quint64 id)
{
    const auto found = m_progress.find(id);
    if (found != m_progress.end())
        cancelWithoutWaiting(found->second);
}

void JobRunner::cancelAll()
{
    for (auto& [id, progress] : m_progress)
        cancelWithoutWaiting(progress);
}

void JobRunner::waitForAll()
{
    m_pool.waitForDone();
}

QList<JobSnapshot> JobRunner::snapshots() const
{
    QList<JobSnapshot> all;
    for (const auto& [id, progress] : m_progress)
        all.append(progress->peek());
    return all;
}

int JobRunner::runningCount() const
{
    return m_running.load();
}

} // namespace plumb::jobs
