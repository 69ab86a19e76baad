#pragma once

#include "core/error.h"
#include "core/plan/plan.h"
#include "core/progress.h"

namespace plumb::db {
class Connection;
}

namespace plumb::plan {

struct ExecuteOptions {
    int lockTimeoutMs = 3000;      // on every DDL statement: give up rather than queue writers
    int statementTimeoutMs = 3000; // only on ACCESS EXCLUSIVE work; index builds run unbounded
    bool runBlocked = false;       // blocked steps are skipped unless this is set
};

enum class Outcome { Done, Failed, Skipped };

struct StepResult {
    int step = 0;
    Outcome outcome = Outcome::Skipped;
    QString error; // Failed: the server's message; Skipped: why
    qint64 elapsedMs = 0;
};

struct ExecuteResult {
    QList<StepResult> steps;
    qsizetype failedCount() const;
    qsizetype doneCount() const;
    bool ok() const { return failedCount() == 0; }
};

// Runs a plan on `connection` (which must not be inside a transaction).
//
// Online: each step in its own transaction (or none, for CONCURRENTLY) with lock_timeout set, and
// statement_timeout too when the step takes ACCESS EXCLUSIVE; a failed step is reported and the
// next one runs. Plain: non-transactional steps first, then the rest in one transaction, which a
// failure rolls back (the remaining steps are reported skipped). Reports each step through
// `progress` and stops with ErrorCode::Canceled between steps when it is canceled. Fails only
// when the connection itself breaks.
Result<ExecuteResult> execute(db::Connection& connection, const Plan& plan,
                              const ExecuteOptions& options, Progress& progress);

QString outcomeName(Outcome outcome);

} // namespace plumb::plan
