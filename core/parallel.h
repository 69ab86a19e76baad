#pragma once

#include "core/progress.h"

#include <functional>

namespace plumb {

// Runs work(i, progress) for every i in [0, count) on up to `parallelism` threads, the caller's
// among them, and returns when every call has returned. For core functions that work on several
// databases at once, each call on its own connections (one PGconn per thread).
//
// Each call gets its own Progress: canceling `progress` cancels every one of them (and so the
// statements in flight), their log lines reach `progress` one at a time, and `progress` gets a
// step as each call finishes ("done of count"). Calls not yet started when `progress` is
// canceled are not started.
void forEachInParallel(int count, int parallelism, Progress& progress,
                       const std::function<void(int, Progress&)>& work);

} // namespace plumb
