#include "core/plan/executor.h"

#include "core/db/connection.h"
#include "core/db/quote.h"

#include <QElapsedTimer>
#include <QThread>

using namespace Qt::StringLiterals;

namespace plumb::plan {

namespace {

// SQLSTATEs of a step that gave up waiting: lock_not_available (lock_timeout, and the snapshot
// waits of CREATE INDEX CONCURRENTLY) and deadlock_detected.
bool gaveUpWaiting(const Error& error)
{
    return error.sqlState == u"55P03" || error.sqlState == u"40P01";
}

// Both timeouts are set with set_config and bound values; is_local = true scopes them to the
// step's transaction, false (outside a transaction block) to the session until reset.
Status setTimeouts(db::Connection& connection, const Step& step, const ExecuteOptions& options,
                   bool local)
{
    const QString lock = QString::number(options.lockTimeoutMs) + u"ms"_s;
    const QString statement = QString::number(statementTimeoutFor(step, options.lockTimeoutMs,
                                                                  options.statementTimeoutMs)) +
                              u"ms"_s;
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
    void skip(int i, const QString& why)
    {
        m_result.steps[i].outcome = Outcome::Skipped;
        m_result.steps[i].error = why;
        m_progress.log(describeStep(m_plan, i) + u": skipped ("_s + why + u')');
    }

    // Blocked and destructive steps wait for the caller's leave; a step runs only after every
    // step it depends on has run.
    bool skipped(int i)
    {
        const Step& step = m_plan.steps[i];
        if (step.category == Category::Blocked && !m_options.runBlocked) {
            skip(i, u"blocked: "_s + step.blockedReason);
            return true;
        }
        if (step.destructive() && !m_options.allowDestructive) {
            skip(i, u"destructive: would lose "_s + step.losses);
            return true;
        }
        for (int before : step.after)
            if (before >= 0 && before < i && m_result.steps[before].outcome != Outcome::Done) {
                skip(i, u"step %1 did not run"_s.arg(before + 1));
                return true;
            }
        return false;
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
        if (!m_connection.isAlive())
            return std::unexpected(result.error());
        if (gaveUpWaiting(result.error()))
            reportBlockers(i);
        m_progress.log(describeStep(m_plan, i) + u": failed: "_s + r.error);
        return {};
    }

    // The server's clock, for telling which transactions are older than a step's attempt.
    QString serverNow()
    {
        auto now = m_connection.exec(u"SELECT pg_catalog.clock_timestamp()::text"_s);
        return now && now->rowCount() == 1 ? now->text(0, 0) : QString();
    }

    // Who held a step up: sessions of this database whose transaction is older than the
    // step's attempt (the snapshots a concurrent build waits for) or that hold a lock on its
    // table.
    void reportBlockers(int i)
    {
        const Step& step = m_plan.steps[i];
        StepResult& r = m_result.steps[i];
        const QString table = step.table.name.isEmpty()
                                  ? QString()
                                  : db::qualifiedName(step.table.schema, step.table.name);
        auto rows = m_connection.exec(
            u"SELECT a.pid, coalesce(a.state, ''), "
            u"coalesce(to_char(a.xact_start, 'YYYY-MM-DD HH24:MI:SS'), ''), "
            u"left(regexp_replace(coalesce(a.query, ''), '\\s+', ' ', 'g'), 80) "
            u"FROM pg_catalog.pg_stat_activity a "
            u"WHERE a.datname = pg_catalog.current_database() "
            u"AND a.pid <> pg_catalog.pg_backend_pid() AND a.backend_type = 'client backend' "
            u"AND ((a.xact_start IS NOT NULL AND $1 <> '' AND a.xact_start < $1::timestamptz) "
            u"OR a.pid IN (SELECT l.pid FROM pg_catalog.pg_locks l "
            u"WHERE $2 <> '' AND l.relation = pg_catalog.to_regclass($2) AND l.granted)) "
            u"ORDER BY a.xact_start NULLS LAST, a.pid LIMIT 10"_s,
            {m_attemptStart, table});
        if (!rows || rows->rowCount() == 0)
            return;
        QStringList sessions;
        for (int row = 0; row < rows->rowCount(); ++row) {
            r.blockingPids.append(int(rows->int64(row, 0)));
            sessions.append(u"pid %1 (%2%3: %4)"_s.arg(
                rows->text(row, 0), rows->text(row, 1),
                rows->text(row, 2).isEmpty() ? QString() : u" since "_s + rows->text(row, 2),
                rows->text(row, 3)));
        }
        r.error += u"\nHeld up by "_s + sessions.join(u", "_s) +
                   u". End or wait for those transactions, then diff and apply again."_s;
    }

    // A failed concurrent build leaves an INVALID index (REINDEX CONCURRENTLY its *_ccnew
    // twin) that writers keep maintaining: dropped before a retry and after the last attempt.
    // Returns the leftovers it could not drop (DROP INDEX CONCURRENTLY waits for the same
    // transactions the build gave up on).
    QStringList dropInvalidLeftovers(const Step& step)
    {
        if (step.index.name.isEmpty())
            return {};
        auto rows = m_connection.exec(
            u"SELECT pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname) "
            u"FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class c ON c.oid = x.indexrelid "
            u"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
            u"WHERE NOT x.indisvalid AND n.nspname = $1 AND (c.relname = $2 OR "
            u"(c.relname LIKE $3 AND $4))"_s,
            {step.index.schema,
             step.kind == StepKind::CreateIndexConcurrently ? step.index.name : QString(),
             QString(QString(step.index.name).replace(u'_', u"\\_"_s) + u"\\_ccnew%"_s),
             step.kind == StepKind::ReindexConcurrently});
        if (!rows)
            return {};
        QStringList left;
        for (int row = 0; row < rows->rowCount(); ++row)
            if (!m_connection.exec(u"DROP INDEX CONCURRENTLY IF EXISTS "_s + rows->text(row, 0)))
                left.append(rows->text(row, 0));
        return left;
    }

    // A step that runs outside a transaction block. Concurrent builds that give up waiting are
    // retried after a pause that doubles each time.
    Status runAlone(int i)
    {
        const Step& step = m_plan.steps[i];
        const bool build = step.kind == StepKind::CreateIndexConcurrently ||
                           step.kind == StepKind::ReindexConcurrently;
        const int attempts = build ? 1 + std::max(0, m_options.buildRetries) : 1;
        int pauseMs = m_options.retryBackoffMs;
        for (int attempt = 1;; ++attempt) {
            QElapsedTimer timer;
            timer.start();
            m_attemptStart = serverNow();
            if (Status s = setTimeouts(m_connection, step, m_options, false); !s)
                return s;
            auto result = m_connection.exec(step.sql, {}, m_progress);
            const bool waited = !result && build && gaveUpWaiting(result.error()) &&
                                m_connection.isAlive() && !m_progress.isCanceled();
            // The half-built index goes first; when even that has to wait, retrying is futile.
            const QStringList left = !result && build ? dropInvalidLeftovers(step) : QStringList{};
            if (!waited || attempt >= attempts || !left.isEmpty()) {
                if (Status s = record(i, result, timer); !s)
                    return s;
                m_result.steps[i].attempts = attempt;
                if (!left.isEmpty())
                    m_result.steps[i].error +=
                        u"\nThe INVALID index %1 is left behind: drop it with DROP INDEX "
                        u"CONCURRENTLY once those transactions end (the next plan does)."_s.arg(
                            left.join(u", "_s));
                return {};
            }
            m_progress.log(describeStep(m_plan, i) + u": gave up waiting (attempt %1 of %2), "
                                                     u"retrying in %3 ms"_s.arg(attempt)
                                                         .arg(attempts)
                                                         .arg(pauseMs));
            for (int slept = 0; slept < pauseMs && !m_progress.isCanceled(); slept += 50)
                QThread::msleep(50);
            pauseMs *= 2;
        }
    }

    // Steps first..last in one transaction: all commit or none.
    Status runTogether(int first, int last)
    {
        QElapsedTimer timer;
        timer.start();
        auto transaction = db::Transaction::begin(m_connection);
        if (!transaction)
            return std::unexpected(transaction.error());
        m_attemptStart = serverNow();
        for (int i = first; i <= last; ++i) {
            if (Status s = setTimeouts(m_connection, m_plan.steps[i], m_options, true); !s)
                return s;
            auto result = m_connection.exec(m_plan.steps[i].sql, {}, m_progress);
            if (!result) {
                (void)transaction->rollback();
                if (Status s = record(i, result, timer); !s)
                    return s;
                for (int other = first; other <= last; ++other)
                    if (other != i)
                        skip(other, u"rolled back with step %1"_s.arg(i + 1));
                return {};
            }
        }
        auto committed = transaction->commit();
        for (int i = first; i <= last; ++i) {
            Result<db::QueryResult> outcome = db::QueryResult{};
            if (!committed)
                outcome = std::unexpected(committed.error());
            if (Status s = record(i, outcome, timer); !s)
                return s;
            m_result.steps[i].attempts = 1;
        }
        return {};
    }

    Status runOnline()
    {
        for (int i = 0; i < m_plan.steps.size(); ++i) {
            if (m_progress.isCanceled())
                return canceled();
            m_progress.step(i, int(m_plan.steps.size()), m_plan.steps[i].summary);
            int last = i;
            while (m_plan.steps[last].joinsNext && last + 1 < m_plan.steps.size())
                ++last;
            if (skipped(i)) {
                for (int other = i + 1; other <= last; ++other)
                    skip(other, u"joined with step %1, which did not run"_s.arg(i + 1));
                i = last;
                continue;
            }
            Status status = m_plan.steps[i].transactional ? runTogether(i, last) : runAlone(i);
            if (!status)
                return status;
            i = last;
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
            if (skipped(i))
                continue;
            if (Status s = runAlone(i); !s)
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
            if (failedAt >= 0) {
                skip(i, u"not run: step %1 failed and the transaction was rolled back"_s.arg(
                            failedAt + 1));
                continue;
            }
            if (skipped(i))
                continue;
            QElapsedTimer timer;
            timer.start();
            m_attemptStart = serverNow();
            if (Status s = setTimeouts(m_connection, m_plan.steps[i], m_options, true); !s)
                return s;
            if (Status s = record(i, m_connection.exec(m_plan.steps[i].sql, {}, m_progress), timer);
                !s)
                return s;
            m_result.steps[i].attempts = 1;
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
    QString m_attemptStart; // the server's clock when the current step's attempt began
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
