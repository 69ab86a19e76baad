#include "core/plan/executor.h"

#include "core/db/connection.h"

#include <QElapsedTimer>

using namespace Qt::StringLiterals;

namespace plumb::plan {

namespace {

// Both timeouts are set with set_config and bound values; is_local = true scopes them to the
// step's transaction, false (outside a transaction block) to the session until reset.
Status setTimeouts(db::Connection& connection, const Step& step, const ExecuteOptions& options,
                   bool local)
{
    const QString lock = QString::number(options.lockTimeoutMs) + u"ms"_s;
    const QString statement = step.lock == Lock::AccessExclusive
                                  ? QString::number(options.statementTimeoutMs) + u"ms"_s
                                  : u"0"_s;
    auto result = connection.exec(u"SELECT pg_catalog.set_config('lock_timeout', $1, $3), "
                                  u"pg_catalog.set_config('statement_timeout', $2, $3)"_s,
                                  {lock, statement, local});
    if (!result)
        return std::unexpected(result.error());
    return {};
}

Status resetTimeouts(db::Connection& connection)
{
    auto result = connection.exec(u"SELECT pg_catalog.set_config('lock_timeout', '0', false), "
                                  u"pg_catalog.set_config('statement_timeout', '0', false)"_s);
    if (!result)
        return std::unexpected(result.error());
    return {};
}

QString describeStep(const Plan& plan, int index)
{
    return u"step %1/%2: %3"_s.arg(index + 1).arg(plan.steps.size()).arg(plan.steps[index].summary);
}

class Executor {
public:
    Executor(db::Connection& connection, const Plan& plan, const ExecuteOptions& options,
             Progress& progress)
        : m_connection(connection)
        , m_plan(plan)
        , m_options(options)
        , m_progress(progress)
    {
        m_result.steps.resize(plan.steps.size());
        for (int i = 0; i < plan.steps.size(); ++i)
            m_result.steps[i].step = i;
    }

    Result<ExecuteResult> run()
    {
        auto settings = m_connection.exec(u"SET check_function_bodies = false"_s);
        if (!settings)
            return std::unexpected(settings.error());
        Status status = m_plan.mode == Mode::Online ? runOnline() : runPlain();
        (void)resetTimeouts(m_connection);
        if (!status)
            return std::unexpected(status.error());
        return m_result;
    }

private:
    bool skipBlocked(int i)
    {
        if (m_plan.steps[i].category != Category::Blocked || m_options.runBlocked)
            return false;
        m_result.steps[i].outcome = Outcome::Skipped;
        m_result.steps[i].error = u"blocked: "_s + m_plan.steps[i].blockedReason;
        m_progress.log(describeStep(m_plan, i) + u": skipped (blocked)"_s);
        return true;
    }

    Status canceled()
    {
        return fail(ErrorCode::Canceled,
                    u"Applying the plan was canceled; the steps already run stay committed. "
                    u"Diff again to see what is left."_s);
    }

    // A step failed for a reason of its own, or the connection broke (then stop).
    Status record(int i, const Result<db::QueryResult>& result, const QElapsedTimer& timer)
    {
        StepResult& r = m_result.steps[i];
        r.elapsedMs = timer.elapsed();
        if (result) {
            r.outcome = Outcome::Done;
            m_progress.log(describeStep(m_plan, i) + u": done"_s);
            return {};
        }
        r.outcome = Outcome::Failed;
        r.error = result.error().describe();
        m_progress.log(describeStep(m_plan, i) + u": failed: "_s + r.error);
        if (!m_connection.isAlive())
            return std::unexpected(result.error());
        return {};
    }

    Status runOnline()
    {
        for (int i = 0; i < m_plan.steps.size(); ++i) {
            if (m_progress.isCanceled())
                return canceled();
            m_progress.step(i, int(m_plan.steps.size()), m_plan.steps[i].summary);
            if (skipBlocked(i))
                continue;
            const Step& step = m_plan.steps[i];
            QElapsedTimer timer;
            timer.start();
            Result<db::QueryResult> result = std::unexpected(Error{});
            if (step.transactional) {
                auto transaction = db::Transaction::begin(m_connection);
                if (!transaction)
                    return std::unexpected(transaction.error());
                if (Status s = setTimeouts(m_connection, step, m_options, true); !s)
                    return s;
                result = m_connection.exec(step.sql, {}, m_progress);
                if (result) {
                    if (Status committed = transaction->commit(); !committed)
                        result = std::unexpected(committed.error());
                }
            } else {
                if (Status s = setTimeouts(m_connection, step, m_options, false); !s)
                    return s;
                result = m_connection.exec(step.sql, {}, m_progress);
            }
            if (Status s = record(i, result, timer); !s)
                return s;
        }
        m_progress.step(int(m_plan.steps.size()), int(m_plan.steps.size()), u"done"_s);
        return {};
    }

    Status runPlain()
    {
        QList<int> inside;
        for (int i = 0; i < m_plan.steps.size(); ++i) {
            if (m_plan.steps[i].transactional) {
                inside.append(i);
                continue;
            }
            if (m_progress.isCanceled())
                return canceled();
            if (skipBlocked(i))
                continue;
            QElapsedTimer timer;
            timer.start();
            if (Status s = setTimeouts(m_connection, m_plan.steps[i], m_options, false); !s)
                return s;
            if (Status s = record(i, m_connection.exec(m_plan.steps[i].sql, {}, m_progress), timer);
                !s)
                return s;
        }
        auto transaction = db::Transaction::begin(m_connection);
        if (!transaction)
            return std::unexpected(transaction.error());
        int failedAt = -1;
        for (int n = 0; n < inside.size(); ++n) {
            const int i = inside[n];
            if (m_progress.isCanceled())
                return canceled();
            m_progress.step(n, int(inside.size()), m_plan.steps[i].summary);
            if (skipBlocked(i))
                continue;
            if (failedAt >= 0) {
                m_result.steps[i].outcome = Outcome::Skipped;
                m_result.steps[i].error = u"not run: step %1 failed and the transaction was "
                                          u"rolled back"_s.arg(failedAt + 1);
                continue;
            }
            QElapsedTimer timer;
            timer.start();
            if (Status s = setTimeouts(m_connection, m_plan.steps[i], m_options, true); !s)
                return s;
            if (Status s = record(i, m_connection.exec(m_plan.steps[i].sql, {}, m_progress), timer);
                !s)
                return s;
            if (m_result.steps[i].outcome == Outcome::Failed)
                failedAt = i;
        }
        if (failedAt >= 0) {
            (void)transaction->rollback();
            for (int i : inside)
                if (m_result.steps[i].outcome == Outcome::Done) {
                    m_result.steps[i].outcome = Outcome::Skipped;
                    m_result.steps[i].error = u"rolled back: step %1 failed"_s.arg(failedAt + 1);
                }
            return {};
        }
        return transaction->commit();
    }

    db::Connection& m_connection;
    const Plan& m_plan;
    const ExecuteOptions& m_options;
    Progress& m_progress;
    ExecuteResult m_result;
};

} // namespace

qsizetype ExecuteResult::failedCount() const
{
    return std::count_if(steps.begin(), steps.end(),
                         [](const StepResult& s) { return s.outcome == Outcome::Failed; });
}

qsizetype ExecuteResult::doneCount() const
{
    return std::count_if(steps.begin(), steps.end(),
                         [](const StepResult& s) { return s.outcome == Outcome::Done; });
}

QString outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Done:
        return u"done"_s;
    case Outcome::Failed:
        return u"failed"_s;
    case Outcome::Skipped:
        return u"skipped"_s;
    }
    return {};
}

Result<ExecuteResult> execute(db::Connection& connection, const Plan& plan,
                              const ExecuteOptions& options, Progress& progress)
{
    return Executor(connection, plan, options, progress).run();
}

} // namespace plumb::plan
