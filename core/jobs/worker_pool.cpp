#include "worker_pool.h"

#include <algorithm>

namespace plumb::jobs {

WorkerPool::WorkerPool(int maxThreads)
    : m_maxThreads(std::max(1, maxThreads))
{}

WorkerPool::~WorkerPool()
{
    shutDown();
}

void WorkerPool::start(std::move_only_function<void()> task)
{
    std::lock_guard lock(m_mutex);
    m_queue.push_back(std::move(task));
    // A new thread when more tasks wait than threads wait for them (a woken thread counts as
    // waiting until it takes its task): beyond the limit, tasks wait their turn.
    if (int(m_queue.size()) > m_waiting && int(m_threads.size()) < m_maxThreads && !m_ending)
        m_threads.emplace_back([this] { serve(); });
    m_work.notify_one();
}

void WorkerPool::waitForDone()
{
    std::unique_lock lock(m_mutex);
    m_idle.wait(lock, [this] { return m_queue.empty() && m_running == 0; });
}

void WorkerPool::shutDown()
{
    std::vector<std::thread> threads;
    {
        std::lock_guard lock(m_mutex);
        m_ending = true;
        threads.swap(m_threads);
    }
    m_work.notify_all();
    for (std::thread& thread : threads)
        thread.join();
}

void WorkerPool::serve()
{
    std::unique_lock lock(m_mutex);
    while (true) {
        ++m_waiting;
        m_work.wait(lock, [this] { return !m_queue.empty() || m_ending; });
        --m_waiting;
        if (m_queue.empty())
            return; // ending, and nothing left to run
        std::move_only_function<void()> task = std::move(m_queue.front());
        m_queue.pop_front();
        ++m_running;
        lock.unlock();
        task();
        task = nullptr; // its captures are freed here, on this thread, before it counts as done
        lock.lock();
        --m_running;
        if (m_running == 0 && m_queue.empty())
            m_idle.notify_all();
    }
}

} // namespace plumb::jobs
