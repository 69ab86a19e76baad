#pragma once

#include "core/error.h"
#include "core/progress.h"

#include <QDateTime>
#include <QFuture>
#include <QObject>
#include <QThreadPool>
#include <QtConcurrentRun>
#include <atomic>
#include <functional>
#include <map>
#include <memory>

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

// The one place that runs database work off the GUI thread.
//
// Jobs run on a private QThreadPool. Each job gets a Progress whose cancel() interrupts the
// statement in flight. The runner lives on the GUI thread: its signals carry snapshots and log
// lines to that thread through queued connections; workers never touch the UI. The destructor
// cancels every job and waits for all of them, so nothing outlives the objects it reports to.
class JobRunner : public QObject {
    Q_OBJECT
public:
    explicit JobRunner(QObject* parent = nullptr, int maxThreads = 4);
    ~JobRunner() override;

    // Starts `work` on the pool. The future carries its result; attach continuations with
    // future.then(contextObject, ...) so they run on the context's thread. `jobId`, when given,
    // receives the job's id (for cancel(), LatestRequest::track, or following its jobChanged
    // snapshots).
    template<typename T>
    QFuture<Result<T>> start(const QString& title, const QString& target,
                             std::function<Result<T>(Progress&)> work, quint64* jobId = nullptr)
    {
        auto [id, progress] = registerJob(title, target);
        if (jobId)
            *jobId = id;
        return QtConcurrent::run(&m_pool, [this, id, progress, work = std::move(work)] {
            Result<T> result = work(*progress);
            finishJob(id, result ? std::optional<Error>() : std::optional<Error>(result.error()));
            return result;
        });
    }

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
    std::pair<quint64, std::shared_ptr<Progress>> registerJob(const QString& title,
                                                              const QString& target);
    void finishJob(quint64 id, const std::optional<Error>& error); // any thread
    void publish(quint64 id);                                      // GUI thread

    QThreadPool m_pool;
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
