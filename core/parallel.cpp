#include "parallel.h"

#include <QString>
#include <algorithm>
#include <atomic>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace plumb {

namespace {

// One call's progress: cancel comes from the shared one, log lines go to it under its lock.
class CallProgress final : public Progress {
public:
    CallProgress(Progress& shared, std::mutex& sharedMutex)
        : m_shared(shared)
        , m_sharedMutex(sharedMutex)
    {}
    void log(const QString& line) override
    {
        std::lock_guard lock(m_sharedMutex);
        m_shared.log(line);
    }

private:
    Progress& m_shared;
    std::mutex& m_sharedMutex; // serializes calls into m_shared
};

} // namespace

void forEachInParallel(int count, int parallelism, Progress& progress,
                       const std::function<void(int, Progress&)>& work)
{
    if (count <= 0)
        return;
    std::mutex sharedMutex; // guards calls into `progress` and `running`
    std::vector<CallProgress*> running;
    std::atomic<int> next{0};
    int done = 0; // guarded by sharedMutex
    InterruptScope interrupt(progress, [&] {
        std::lock_guard lock(sharedMutex);
        for (CallProgress* call : running)
            call->cancel();
    });
    auto worker = [&] {
        for (;;) {
            const int index = next.fetch_add(1);
            if (index >= count || progress.isCanceled())
                return;
            CallProgress call(progress, sharedMutex);
            {
                std::lock_guard lock(sharedMutex);
                running.push_back(&call);
            }
            if (progress.isCanceled()) // canceled before `call` was listed
                call.cancel();
            work(index, call);
            std::lock_guard lock(sharedMutex);
            std::erase(running, &call);
            progress.step(++done, count, QString());
        }
    };
    const int threads = std::clamp(parallelism, 1, count);
    std::vector<std::thread> helpers;
    helpers.reserve(std::size_t(threads - 1));
    for (int i = 1; i < threads; ++i)
        helpers.emplace_back(worker);
    worker();
    for (std::thread& helper : helpers)
        helper.join();
}

} // namespace plumb
