#pragma once

#include "core/error.h"
#include "core/plan/plan.h"
#include "core/progress.h"

namespace plumb::db {
class Connection;
}

namespace plumb::plan {

struct ExecuteOptions {
    int lockTimeoutMs = 3000; // on every statement: give up rather than queue writers behind it
    // On every step that holds a lock writers wait for (see statementTimeoutFor): those steps
    // are catalog updates and must be brief. Scans under a weak lock run unbounded.
    int statementTimeoutMs = 3000;
    bool runBlocked = false;       // blocked steps are skipped unless this is set
    bool allowDestructive = false; // destructive steps are skipped unless this is set
    // A concurrent index build that gives up waiting (lock_timeout) for old transactions is
    // retried this many times, the waits doubling from retryBackoffMs.
    int buildRetries = 3;
    int retryBackoffMs = 1000;
};

enum class Outcome { Done, Failed, Skipped };

struct StepResult {
    int step = 0;
    Outcome outcome = Outcome::Skipped;
    QString error; // Failed: the server's message (and who held it up); Skipped: why
    qint64 elapsedMs = 0;
    int attempts = 0;
    // Failed on a lock or snapshot wait: the sessions that held it up.
    QList<int> blockingPids;
};

struct ExecuteResult {
    QList<StepResult> steps;
    qsizetype failedCount() const;
    qsizetype doneCount() const;
    bool ok() const { return failedCount() == 0; }
};

// Runs a plan on `connection` (which must not be inside a transaction).
//
// Online: each step in its own transaction (or none, for CONCURRENTLY; steps that join the next
// share one), with lock_timeout, and statement_timeout on the steps that hold a lock writers wait
// for. A failed step is reported, every step that depends on it (Step::after) is skipped, and
// the others run. A concurrent build that times out waiting is cleaned up and retried with
// backoff; when it gives up, the error names the sessions that held it up. Plain:
// non-transactional steps first, then the rest in one transaction, which a failure rolls back
// (the remaining steps are reported skipped). Blocked steps run only with runBlocked, destructive
// ones only with allowDestructive. Reports each step through `progress` and stops with
// ErrorCode::Canceled between steps when it is canceled. Fails only when the connection itself
// breaks.
Result<ExecuteResult> execute(db::Connection& connection, const Plan& plan,
                              const ExecuteOptions& options, Progress& progress);

QString outcomeName(Outcome outcome);

} // namespace plumb::plan
