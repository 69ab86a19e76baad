#include "progress.h"

namespace plumb {

void Progress::step(int, int, const QString&) {}
void Progress::log(const QString&) {}

void Progress::cancel()
{
    m_canceled.store(true, std::memory_order_release);
    std::function<void()> interrupt;
    {
        std::lock_guard lock(m_mutex);
        interrupt = m_interrupt;
    }
    if (interrupt)
        interrupt();
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
