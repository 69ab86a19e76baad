#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace plumb::jobs {

// Threads that run tasks in the order they were queued: at most `maxThreads`, started as work
// arrives and kept until the pool ends.
//
// Built on std::thread, std::mutex and std::condition_variable rather than QThreadPool because
// ThreadSanitizer sees these hand-overs: Qt synchronises its pool through futexes that TSan
// cannot see, so with QThreadPool every job's captured state looked like a race to it.
class WorkerPool {
public:
    explicit WorkerPool(int maxThreads);
    ~WorkerPool(); // runs every queued task, then joins the threads
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    void start(std::move_only_function<void()> task); // any thread
    void waitForDone();                               // until nothing is queued or running
    void shutDown();                                  // the destructor's work, callable before

private:
    void serve();

    std::mutex m_mutex;
    std::condition_variable m_work;                      // a task was queued, or the pool is ending
    std::condition_variable m_idle;                      // nothing queued, nothing running
    std::deque<std::move_only_function<void()>> m_queue; // guarded by m_mutex
    std::vector<std::thread> m_threads;                  // guarded by m_mutex
    const int m_maxThreads;
    int m_waiting = 0;     // threads waiting for work; guarded by m_mutex
    int m_running = 0;     // tasks running; guarded by m_mutex
    bool m_ending = false; // guarded by m_mutex
};

} // namespace plumb::jobs
