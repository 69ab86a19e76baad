#pragma once

#include "core/error.h"
#include "core/jobs/worker_pool.h"
#include "core/progress.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <atomic>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace plumb::jobs {

enum class JobState { Running, Succeeded, Failed, Canceled };

// What a job looks like at one moment: a value the UI copies and shows.
struct JobSnapshot {
    quint64 id = 0;
    QString title;  // "Introspect demo", "Run SQL"...
    QString target; // the database or project it works on, for the Activity view
    JobState state = JobState::Running;
    int done = 0;
    int total = 0; // 0: unknown (an indeterminate progress bar)
    QString step;  // what it is doing now
    QDateTime started;
    QDateTime finished; // invalid while running
    QString message;    // the error, when it failed
};

class JobProgress;

namespace detail {

// A job's result, shared by the worker that sets it and the handle the caller keeps. The result
// is guarded by a std::mutex (set once, on the worker); the continuation and its context belong
// to the runner's thread, which alone reads and runs them.
template<typename T>
class JobOutcome {
public:
    void set(Result<T> result) // the worker, once
    {
        {
            std::lock_guard lock(m_mutex);
            m_result = std::move(result);
        }
        m_ready.notify_all();
    }
    bool isFinished() const
    {
        std::lock_guard lock(m_mutex);
        return m_result.has_value();
    }
    Result<T> result() const // waits for it; for tests and shutdown, never the GUI thread
    {
        std::unique_lock lock(m_mutex);
        m_ready.wait(lock, [this] { return m_result.has_value(); });
        return *m_result;
    }
    void setContinuation(QObject* context, std::move_only_function<void(Result<T>&)> continuation)
    {
        m_context = context;
        m_hasContext = context != nullptr;
        m_continuation = std::move(continuation);
    }
    // On the runner's thread, after set(): runs the continuation unless its context is gone.
    void deliver()
    {
        if (!m_continuation || (m_hasContext && !m_context))
            return;
        auto continuation = std::exchange(m_continuation, nullptr);
        Result<T> result = [this] {
            std::lock_guard lock(m_mutex);
            return std::move(*m_result);
        }();
        continuation(result);
    }

private:
    mutable std::mutex m_mutex;
    mutable std::condition_variable m_ready;
    std::optional<Result<T>> m_result; // guarded by m_mutex
    QPointer<QObject> m_context;       // the runner's thread only, like the two below
    bool m_hasContext = false;
    std::move_only_function<void(Result<T>&)> m_continuation;
};

} // namespace detail

// What start() returns: the job's result, and where it goes when it arrives.
template<typename T>
class JobHandle {
public:
    explicit JobHandle(std::shared_ptr<detail::JobOutcome<T>> outcome)
        : m_outcome(std::move(outcome))
    {}
    bool isFinished() const { return m_outcome->isFinished(); }
    // Blocks until the job returned. For tests; a view uses then().
    Result<T> result() const { return m_outcome->result(); }
    // `continuation(Result<T>&)` runs on the runner's thread once the job returned, after its
    // final jobChanged, unless `context` (an object of that thread) was destroyed meanwhile. It
    // takes the result: call then() once, right after start(), and result() no more after it.
    template<typename F>
    void then(QObject* context, F&& continuation)
    {
        m_outcome->setContinuation(context, std::forward<F>(continuation));
    }

private:
    std::shared_ptr<detail::JobOutcome<T>> m_outcome;
};

// The one place that runs database work off the GUI thread.
//
// Jobs run on a private WorkerPool. Each job gets a Progress whose cancel() interrupts the
// statement in flight. The runner lives on the GUI thread; workers never touch the UI. What a
// worker sends to that thread (progress, log lines, results, post()) goes through the runner's
// mailbox, a std::mutex-guarded queue drained on the runner's thread, so every hand-over is one
// ThreadSanitizer can see. The destructor cancels every job and waits for all of them, so
// nothing outlives the objects it reports to.
class JobRunner : public QObject {
    Q_OBJECT
public:
    explicit JobRunner(QObject* parent = nullptr, int maxThreads = 4);
    ~JobRunner() override;

    // Starts `work` on the pool. The handle carries its result; handle.then(context, ...) runs
    // a continuation on this thread. `jobId`, when given, receives the job's id (for cancel(),
    // LatestRequest::track, or following its jobChanged snapshots).
    template<typename T>
    JobHandle<T> start(const QString& title, const QString& target,
                       std::function<Result<T>(Progress&)> work, quint64* jobId = nullptr)
    {
        auto [id, progress] = registerJob(title, target);
        if (jobId)
            *jobId = id;
        auto outcome = std::make_shared<detail::JobOutcome<T>>();
        m_pool.start([this, id, progress, work = std::move(work), outcome] {
            Result<T> result = work(*progress);
            std::optional<Error> error;
            if (!result)
                error = result.error();
            outcome->set(std::move(result));
            finishJob(id, error);
            post([outcome] { outcome->deliver(); });
        });
        return JobHandle<T>(outcome);
    }

    // Runs `task` on the runner's thread, soon; callable from any thread. For a worker's news
    // to the GUI (a step's status, a saved state): check that what the task touches still
    // exists (a QPointer), since it runs later.
    void post(std::move_only_function<void()> task);

    // Cancels a job without waiting: the job sees isCanceled() at once, and the statement it has
    // in flight is interrupted from a helper thread (PQcancel is a round trip to the server,
    // which must never stall the GUI thread). Harmless for a job that already finished.
    void cancel(quint64 id);
    void cancelAll();
    // Blocks until every job has finished; only for shutdown and tests.
    void waitForAll();

    QList<JobSnapshot> snapshots() const;
    // Jobs whose work has not returned yet (their final snapshot may still be on its way).
    int runningCount() const;

signals:
    void jobChanged(const plumb::jobs::JobSnapshot& snapshot);
    void logLine(const QDateTime& when, const QString& job, const QString& line);

private:
    friend class JobProgress;
    Q_INVOKABLE void drainMailbox(); // the runner's thread
    std::pair<quint64, std::shared_ptr<Progress>> registerJob(const QString& title,
                                                              const QString& target);
    void finishJob(quint64 id, const std::optional<Error>& error); // any thread
    void publish(quint64 id);                                      // GUI thread

    std::mutex m_mailboxMutex;
    std::vector<std::move_only_function<void()>> m_mailbox; // guarded by m_mailboxMutex
    bool m_drainQueued = false;                             // guarded by m_mailboxMutex
    WorkerPool m_pool; // after the mailbox: its workers post there until they are joined
    std::atomic<int> m_running = 0; // jobs whose work has not returned yet
    quint64 m_nextId = 1;           // GUI thread only
    std::map<quint64, std::shared_ptr<JobProgress>> m_progress; // GUI thread only
};

// Hands out tickets so a view keeps only the answer to its latest request (results of an
// outdated request are dropped, as hotspot's job tracker does), and cancels the job that served
// the request before, whose answer no one waits for any more.
class LatestRequest {
public:
    quint64 next() { return ++m_current; }
    bool isCurrent(quint64 ticket) const { return ticket == m_current; }
    // Records `job` as the one serving the current ticket and cancels the previous one.
    void track(JobRunner& runner, quint64 job)
    {
        if (m_job != 0 && m_job != job)
            runner.cancel(m_job);
        m_job = job;
    }

private:
    quint64 m_current = 0;
    quint64 m_job = 0; // the job serving the current ticket
};

} // namespace plumb::jobs

Q_DECLARE_METATYPE(plumb::jobs::JobSnapshot)
