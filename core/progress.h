#pragma once

#include <QString>
#include <atomic>
#include <functional>
#include <mutex>

namespace plumb {

// The sink every long core function reports to and checks for cancellation.
//
// Threads: the worker that runs the core function calls step()/log()/isCanceled(); any thread may
// call cancel(). cancel() also runs the current interrupt handler (for example PQcancel on the
// connection the worker is blocked on), so a query in flight stops within a round trip.
class Progress {
public:
    virtual ~Progress() = default;

    // Reports that `done` of `total` units are finished; total 0 means unknown.
    virtual void step(int done, int total, const QString& what);
    // A line for the activity log (what was executed, what was decided).
    virtual void log(const QString& line);

    bool isCanceled() const { return m_canceled.load(std::memory_order_acquire); }
    void cancel();

    // Installs the handler cancel() calls to interrupt blocking work; returns the previous one.
    std::function<void()> setInterruptHandler(std::function<void()> handler);

private:
    std::atomic<bool> m_canceled{false};
    std::mutex m_mutex;
    std::function<void()> m_interrupt; // guarded by m_mutex
};

// Installs an interrupt handler for the lifetime of a scope and restores the previous one.
class InterruptScope {
public:
    InterruptScope(Progress& progress, std::function<void()> handler);
    ~InterruptScope();
    InterruptScope(const InterruptScope&) = delete;
    InterruptScope& operator=(const InterruptScope&) = delete;

private:
    Progress& m_progress;
    std::function<void()> m_previous;
};

// A Progress that reports nothing: for callers with no one to tell.
class SilentProgress final : public Progress {};

// Forwards log lines and cancellation to `outer` but keeps its steps to itself: a catalog read
// inside a copy or a move has two dozen steps that would drown the caller's own.
class QuietSteps final : public Progress {
public:
    explicit QuietSteps(Progress& outer)
        : m_outer(outer)
        , m_scope(outer, [this] { cancel(); })
    {}
    void log(const QString& line) override { m_outer.log(line); }

private:
    Progress& m_outer;
    InterruptScope m_scope;
};

} // namespace plumb
