#include "batch_relay.h"

#include <algorithm>

namespace plumb::transfer::detail {

BatchRelay::BatchRelay(Send send, int buffers, size_t reserveBytes)
    : m_send(std::move(send))
    , m_buffers(size_t(std::max(1, buffers)))
{
    for (std::string& buffer : m_buffers) {
        buffer.reserve(reserveBytes);
        m_free.push_back(&buffer);
    }
    m_thread = std::thread([this] { run(); });
}

BatchRelay::~BatchRelay()
{
    abandon();
}

std::string* BatchRelay::acquire()
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return !m_free.empty() || m_failure; });
    if (m_failure)
        return nullptr;
    std::string* buffer = m_free.back();
    m_free.pop_back();
    return buffer;
}

void BatchRelay::submit(std::string* batch)
{
    {
        std::lock_guard lock(m_mutex);
        m_queued.push_back(batch);
    }
    m_changed.notify_all();
}

Status BatchRelay::finish()
{
    stop(false);
    if (m_failure)
        return std::unexpected(*m_failure);
    return {};
}

void BatchRelay::abandon()
{
    stop(true);
}

void BatchRelay::stop(bool dropQueued)
{
    {
        std::lock_guard lock(m_mutex);
        m_closing = true;
        if (dropQueued)
            m_queued.clear();
    }
    m_changed.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void BatchRelay::run()
{
    while (true) {
        std::string* batch = nullptr;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return !m_queued.empty() || m_closing; });
            if (m_queued.empty())
                return; // closing, and everything queued was sent
            batch = m_queued.front();
            m_queued.pop_front();
        }
        Status sent = m_send(*batch);
        {
            std::lock_guard lock(m_mutex);
            batch->clear();
            m_free.push_back(batch);
            if (!sent) {
                m_failure = sent.error();
                m_queued.clear();
            }
        }
        m_changed.notify_all();
        if (!sent)
            return;
    }
}

} // namespace plumb::transfer::detail
