#pragma once

#include <QThreadPool>
#include <memory>

namespace plumb::ui {

// Lets go of `value` on a pool thread when this is its last reference. Freeing what a
// 10,000-table project holds (two catalogs, 150,000 tree rows, 53,000 drift rows) takes the
// allocator a few hundred milliseconds, which the GUI thread must not spend when a new snapshot
// replaces an old one. A value someone else still holds is let go here: its last holder frees it.
template<typename T>
void releaseOnWorker(std::shared_ptr<T> value)
{
    if (!value || value.use_count() > 1)
        return;
    QThreadPool::globalInstance()->start([held = std::move(value)]() mutable { held.reset(); });
}

} // namespace plumb::ui
