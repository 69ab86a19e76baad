#pragma once

#include "core/error.h"

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace plumb::transfer::detail {

// Batches of COPY data handed from the thread that reads the source (and masks) to a thread of
// its own that sends them to the target, so that reading and writing overlap the way two psql
// processes joined by a pipe overlap them: while the target server parses and stores one batch,
// the next is read. A fixed number of buffers bounds the memory, whatever the table.
//
// The sending thread is the only user of the target connection from construction until
// finish() or abandon() return (which join it); the connection is never used by two threads at
// once.
class BatchRelay {
public:
    using Send = std::function<Status(std::string_view)>;

    BatchRelay(Send send, int buffers, size_t reserveBytes);
    ~BatchRelay(); // abandons, if neither finish() nor abandon() ran
    BatchRelay(const BatchRelay&) = delete;
    BatchRelay& operator=(const BatchRelay&) = delete;

    // An empty buffer to fill, waiting while every buffer is queued or being sent; null once a
    // send failed (finish() then says why).
    std::string* acquire();
    // Queues a buffer from acquire(), filled, to be sent after those queued before it.
    void submit(std::string* batch);
    // Sends what is queued, stops the thread, and returns the first failed send's error.
    Status finish();
    // Stops the thread after the send in progress, dropping what is queued.
    void abandon();

private:
    void run();
    void stop(bool dropQueued);

    Send m_send;
    std::vector<std::string> m_buffers;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<std::string*> m_free; // guarded by m_mutex, like the members up to m_thread
    std::deque<std::string*> m_queued;
    bool m_closing = false;
    std::optional<Error> m_failure;
    std::thread m_thread;
};

} // namespace plumb::transfer::detail
