#pragma once

#include <memory>
#include <thread>

namespace plumb::ui {

// Lets go of `value` on a thread of its own when this is its last reference. Freeing what a
// 10,000-table project holds (two catalogs, 150,000 tree rows, 53,000 drift rows) takes the
// allocator a few hundred milliseconds, which the GUI thread must not spend when a new snapshot
// replaces an old one. A value someone else still holds is let go here: its last holder frees it.
// A std::thread (started at most once per replaced snapshot) rather than a pool's: its start is
// a hand-over ThreadSanitizer sees, and no one waits for the freeing.
template<typename T>
void releaseOnWorker(std::shared_ptr<T> value)
{
    if (!value || value.use_count() > 1)
        return;
    std::thread([held = std::move(value)]() mutable { held.reset(); }).detach();
}

} // namespace plumb::ui
