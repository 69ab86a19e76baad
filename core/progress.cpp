#include "progress.h"

namespace plumb {

void Progress::step(int, int, const QString&) {}
void Progress::log(const QString&) {}

void Progress::cancel()
{
    m_canceled.store(true, std::memory_order_release);
    // The handler runs under the mutex: setInterruptHandler (an InterruptScope ending on the
    // worker) waits for an interrupt in flight, so the connection it points at is not destroyed
    // under it when cancel() comes from another thread.
    std::lock_guard lock(m_mutex);
    if (m_interrupt)
        m_interrupt();
}

std::function<void()> Progress::setInterruptHandler(std::function<void()> handler)
{
    std::lock_guard lock(m_mutex);
    std::swap(m_interrupt, handler);
    return handler;
}

InterruptScope::InterruptScope(Progress& progress, std::function<void()> handler)
    : m_progress(progress)
    , m_previous(progress.setInterruptHandler(std::move(handler)))
{
    // Canceled before the handler was installed: interrupt right away.
    if (m_progress.isCanceled())
        m_progress.cancel();
}

InterruptScope::~InterruptScope()
{
    m_progress.setInterruptHandler(std::move(m_previous));
}

} // namespace plumb
