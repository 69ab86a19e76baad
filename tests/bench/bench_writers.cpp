// bench_writers URL [--rows N] [--clients K] [--lock-timeout MS] [--settle S]
//
// Writers keep writing while online plans run. On the server at URL (a maintenance database
// such as postgres; plumb-test-cluster start FILE gives one), loads a table of N rows (default
// 1,000,000), starts K pgbench-style clients (default 4; a transaction of an UPDATE by key, an
// INSERT ... ON CONFLICT on a unique key and an indexed SELECT), and applies one online plan
// after another, each from the live table to a target made in a scratch database: a new index,
// a new foreign key, a new check, NOT NULL, an index rebuilt, a unique index rebuilt, and a
// column type change (int -> bigint) with the backfill recipe. Every transaction's latency is
// recorded; per plan step it prints the transactions that overlapped it, their p99 and max
// latency and the errors, and whether an online step met the target (p99 <= 100 ms, max <= the
// lock timeout, no error). Timings depend on the machine: rerun it on a quiet one.
#include "core/catalog/fingerprint.h"
#include "core/catalog/introspect.h"
#include "core/db/connection.h"
#include "core/db/quote.h"
#include "core/diff/change_set.h"
#include "core/plan/executor.h"
#include "core/plan/plan.h"
#include "core/sql/script.h"
#include "writer_load.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QThread>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace plumb;
using namespace plumb::bench;

namespace {

struct Scenario {
    const char16_t* name;
    const char16_t* ddl; // added to the target, on top of the scenarios before it
};

const Scenario scenarios[] = {
    {u"new index", u"CREATE INDEX accounts_v_idx ON accounts (v);"},
    {u"new foreign key", u"ALTER TABLE accounts ADD CONSTRAINT accounts_ref_fkey "
                         u"FOREIGN KEY (ref) REFERENCES refs (id);"},
    {u"new check", u"ALTER TABLE accounts ADD CONSTRAINT accounts_v_check CHECK (v >= 0);"},
    {u"NOT NULL", u"ALTER TABLE accounts ALTER COLUMN v SET NOT NULL;"},
    {u"index rebuild",
     u"DROP INDEX accounts_k_idx; CREATE INDEX accounts_k_idx ON accounts (k, v);"},
    {u"unique index rebuild", u"DROP INDEX accounts_code_key; "
                              u"CREATE UNIQUE INDEX accounts_code_key ON accounts (code) INCLUDE "
                              u"(k);"},
    {u"type change (backfill)", u"ALTER TABLE accounts ALTER COLUMN w TYPE bigint;"},
};

int fail(const QString& message)
{
    std::fprintf(stderr, "bench_writers: %s\n", qPrintable(message));
    return 1;
}

Status run(const db::ConnectionInfo& info, const QString& script)
{
    auto connection = db::Connection::open(info);
    if (!connection)
        return std::unexpected(connection.error());
    SilentProgress progress;
    return sql::runScript(**connection, script, u"bench.sql"_s, progress);
}

Result<catalog::Catalog> read(const db::ConnectionInfo& info)
{
    auto connection = db::Connection::open(info);
    if (!connection)
        return std::unexpected(connection.error());
    SilentProgress progress;
    return catalog::introspect(**connection, {}, progress);
}

Status recreate(const db::ConnectionInfo& server, const QString& name)
{
    auto admin = db::Connection::open(server);
    if (!admin)
        return std::unexpected(admin.error());
    (void)(*admin)->exec(u"DROP DATABASE IF EXISTS "_s + db::quoteIdentifier(name) +
                         u" WITH (FORCE)"_s);
    auto created = (*admin)->exec(u"CREATE DATABASE "_s + db::quoteIdentifier(name));
    if (!created)
        return std::unexpected(created.error());
    return {};
}

// When each step of a plan ran: the executor reports a step (or a group of joined steps) as it
// starts it.
class Timeline final : public Progress {
public:
    explicit Timeline(int steps)
        : m_starts(size_t(steps) + 1, -1)
    {}
    void step(int done, int total, const QString&) override
    {
        if (done >= 0 && done <= total && size_t(done) < m_starts.size())
            m_starts[size_t(done)] = nowUs();
    }
    // [start, end] of step i: until the next step that started, or the end.
    std::pair<qint64, qint64> interval(int i, qint64 end) const
    {
        qint64 start = m_starts[size_t(i)];
        for (int j = i; start < 0 && j >= 0; --j)
            start = m_starts[size_t(j)];
        qint64 next = end;
        for (size_t j = size_t(i) + 1; j < m_starts.size(); ++j)
            if (m_starts[j] >= 0) {
                next = m_starts[j];
                break;
            }
        return {start, next};
    }

private:
    std::vector<qint64> m_starts;
};

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addPositionalArgument(u"url"_s, u"maintenance database URL"_s);
    parser.addOptions(
        {{u"rows"_s, u"rows in the table"_s, u"n"_s, u"1000000"_s},
         {u"clients"_s, u"writer clients"_s, u"k"_s, u"4"_s},
         {u"lock-timeout"_s, u"lock_timeout of every step, ms"_s, u"ms"_s, u"3000"_s},
         {u"settle"_s, u"seconds of load before and after each plan"_s, u"s"_s, u"2"_s}});
    parser.process(app);
    if (parser.positionalArguments().size() != 1)
        return fail(u"usage: bench_writers URL [--rows N] [--clients K]"_s);
    auto server = db::ConnectionInfo::parse(parser.positionalArguments().front());
    if (!server)
        return fail(server.error().message);
    const int rows = parser.value(u"rows"_s).toInt();
    const int clients = parser.value(u"clients"_s).toInt();
    const int settleMs = parser.value(u"settle"_s).toInt() * 1000;
    plan::ExecuteOptions options;
    options.lockTimeoutMs = parser.value(u"lock-timeout"_s).toInt();
    options.statementTimeoutMs = options.lockTimeoutMs;

    const QString liveName = u"plumb_bench_writers"_s;
    const QString targetName = u"plumb_bench_writers_to"_s;
    const db::ConnectionInfo live = server->with(u"dbname"_s, liveName);
    const db::ConnectionInfo target = server->with(u"dbname"_s, targetName);
    std::printf("Loading %d rows...\n", rows);
    std::fflush(stdout);
    if (Status s = recreate(*server, liveName); !s)
        return fail(s.error().describe());
    if (Status s = run(live, baseSchema() + fillRows(rows)); !s)
        return fail(s.error().describe());

    std::printf("\nWriters under load: %d rows, %d clients, lock_timeout %d ms; %s\n\n", rows,
                clients, options.lockTimeoutMs, qPrintable(loadAverage()));
    std::printf("| plan | step | lock | online | s | tx | p99 ms | max ms | errors | target |\n"
                "|---|---|---|---|---|---|---|---|---|---|\n");
    QString targetDdl = baseSchema();
    bool allMet = true;
    for (const Scenario& scenario : scenarios) {
        targetDdl += QString::fromUtf16(scenario.ddl);
        if (Status s = recreate(*server, targetName); !s)
            return fail(s.error().describe());
        if (Status s = run(target, targetDdl); !s)
            return fail(s.error().describe());
        auto from = read(live);
        auto to = read(target);
        if (!from || !to)
            return fail(u"cannot read the catalogs"_s);
        const plan::Plan plan =
            plan::makePlan(*from, *to, diff::compare(*from, *to), plan::Mode::Online);

        Writers writers(live, clients, rows);
        writers.start();
        QThread::msleep(ulong(settleMs));
        Timeline timeline(int(plan.steps.size()));
        auto connection = db::Connection::open(live);
        if (!connection)
            return fail(connection.error().message);
        auto result = plan::execute(**connection, plan, options, timeline);
        const qint64 end = nowUs();
        QThread::msleep(ulong(settleMs));
        writers.stop();
        if (!result)
            return fail(result.error().describe());
        const std::vector<Sample> samples = writers.samples();
        for (int i = 0; i < plan.steps.size(); ++i) {
            const plan::Step& step = plan.steps[i];
            const auto [start, stop] = timeline.interval(i, end);
            const Window w = windowOf(samples, start, stop);
            const bool ran = result->steps[i].outcome == plan::Outcome::Done;
            const bool met = !step.online() || (ran && w.errors == 0 && w.p99Ms <= 100.0 &&
                                                w.maxMs <= options.lockTimeoutMs);
            allMet = allMet && met;
            std::printf("| %s | %s | %s | %s | %.1f | %d | %.1f | %.1f | %d | %s |\n",
                        qPrintable(QString::fromUtf16(scenario.name)), qPrintable(step.summary),
                        qPrintable(plan::lockName(step.lock)), step.online() ? "yes" : "no",
                        (stop - start) / 1e6, w.transactions, w.p99Ms, w.maxMs, w.errors,
                        !ran ? qPrintable(u"step "_s + plan::outcomeName(result->steps[i].outcome) +
                                          u": "_s + result->steps[i].error.section(u'\n', 0, 0))
                        : !step.online() ? "blocking (not online)"
                        : met            ? "met"
                                         : qPrintable(u"MISSED "_s + w.firstError));
        }
        auto after = read(live);
        if (!after || catalog::fingerprintText(*after) != catalog::fingerprintText(*to)) {
            std::printf("\n%s: the table does not match the target after the plan\n",
                        qPrintable(QString::fromUtf16(scenario.name)));
            allMet = false;
        }
        std::fflush(stdout);
    }
    std::printf("\n%s; %s\n", allMet ? "every online step met the target" : "SOME STEP MISSED",
                qPrintable(loadAverage()));
    (void)recreate(*server, targetName);
    return allMet ? 0 : 2;
}
