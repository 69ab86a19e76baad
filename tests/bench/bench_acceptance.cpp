// bench_acceptance URL [--rows N] [--window S] [--pgbench PATH]
//
// The acceptance run of issue 15: on the server at URL (a maintenance database; plumb-test-cluster
// start FILE gives one) database A holds a table of N rows (default 1,000,000) and database B the
// wanted schema: two new indexes, a plain index and a unique index rebuilt, a foreign key, a
// check and NOT NULL. Four pgbench clients run transactions of an UPDATE, an INSERT ... ON
// CONFLICT on the unique key the plan rebuilds and an indexed SELECT on A for --window seconds
// (default 120); after 5 s, `plumb diff --from A --to B --apply` runs. It asks for zero client
// errors, per-transaction p99 <= 100 ms and max <= 3 s, the plan finished within the load window,
// and A equal to B afterwards (plumb diff --exit-code). Timings depend on the machine.
#include "core/db/connection.h"
#include "core/db/quote.h"
#include "core/sql/script.h"
#include "tests/support/test_paths.h"
#include "writer_load.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace plumb;
using namespace plumb::bench;

namespace {

const QString wantedChanges =
    u"CREATE INDEX accounts_v_idx ON accounts (v);"
    u"CREATE INDEX accounts_ref_idx ON accounts (ref);"
    u"DROP INDEX accounts_k_idx; CREATE INDEX accounts_k_idx ON accounts (k, v);"
    u"DROP INDEX accounts_code_key;"
    u"CREATE UNIQUE INDEX accounts_code_key ON accounts (code) INCLUDE (k);"
    u"ALTER TABLE accounts ADD CONSTRAINT accounts_ref_fkey FOREIGN KEY (ref) REFERENCES refs (id);"
    u"ALTER TABLE accounts ADD CONSTRAINT accounts_v_check CHECK (v >= 0);"
    u"ALTER TABLE accounts ALTER COLUMN v SET NOT NULL;"_s;

const char* const pgbenchScript = "\\set id random(1, :rows)\n"
                                  "\\set code random(1, 2 * :rows)\n"
                                  "\\set k random(0, 999)\n"
                                  "\\set ref random(1, 1000)\n"
                                  "BEGIN;\n"
                                  "UPDATE accounts SET v = v + 1, w = w + 1 WHERE id = :id;\n"
                                  "INSERT INTO accounts (code, k, v, w, ref) VALUES (:code, :k, "
                                  "0, 0, :ref) ON CONFLICT (code) DO UPDATE SET v = accounts.v "
                                  "+ 1;\n"
                                  "SELECT v FROM accounts WHERE k = :k LIMIT 1;\n"
                                  "END;\n";

int fail(const QString& message)
{
    std::fprintf(stderr, "bench_acceptance: %s\n", qPrintable(message));
    return 1;
}

Status load(const db::ConnectionInfo& server, const QString& name, const QString& script)
{
    auto admin = db::Connection::open(server);
    if (!admin)
        return std::unexpected(admin.error());
    (void)(*admin)->exec(u"DROP DATABASE IF EXISTS "_s + db::quoteIdentifier(name) +
                         u" WITH (FORCE)"_s);
    if (auto created = (*admin)->exec(u"CREATE DATABASE "_s + db::quoteIdentifier(name)); !created)
        return std::unexpected(created.error());
    auto connection = db::Connection::open(server.with(u"dbname"_s, name));
    if (!connection)
        return std::unexpected(connection.error());
    SilentProgress progress;
    return sql::runScript(**connection, script, name, progress);
}

qint64 epochUs()
{
    return QDateTime::currentMSecsSinceEpoch() * 1000;
}

// pgbench's per-transaction logs (-l): "client transaction latency_us script epoch_s epoch_us",
// latency "failed" for a failed transaction (--failures-detailed).
std::vector<Sample> readLogs(const QString& folder)
{
    std::vector<Sample> samples;
    for (const QString& name : QDir(folder).entryList({u"pgbench_log*"_s}, QDir::Files)) {
        QFile file(QDir(folder).filePath(name));
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
            continue;
        while (!file.atEnd()) {
            const QStringList f = QString::fromLatin1(file.readLine()).simplified().split(u' ');
            if (f.size() < 6)
                continue;
            Sample s;
            s.endUs = f[4].toLongLong() * 1000000 + f[5].toLongLong();
            s.error = f[2] == u"failed";
            s.startUs = s.error ? s.endUs : s.endUs - f[2].toLongLong();
            if (s.error)
                s.message = u"failed transaction"_s;
            samples.push_back(s);
        }
    }
    return samples;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addPositionalArgument(u"url"_s, u"maintenance database URL"_s);
    parser.addOptions(
        {{u"rows"_s, u"rows in the table"_s, u"n"_s, u"1000000"_s},
         {u"window"_s, u"seconds of pgbench load"_s, u"s"_s, u"120"_s},
         {u"pgbench"_s, u"pgbench to run"_s, u"path"_s, u"/usr/lib/postgresql/17/bin/pgbench"_s},
         {u"plumb"_s, u"plumb to run"_s, u"path"_s, plumb::testing::cliPath()}});
    parser.process(app);
    if (parser.positionalArguments().size() != 1)
        return fail(u"usage: bench_acceptance URL [--rows N] [--window S]"_s);
    auto server = db::ConnectionInfo::parse(parser.positionalArguments().front());
    if (!server)
        return fail(server.error().message);
    const int rows = parser.value(u"rows"_s).toInt();
    const int window = parser.value(u"window"_s).toInt();
    const db::ConnectionInfo a = server->with(u"dbname"_s, u"plumb_accept_a"_s);
    const db::ConnectionInfo b = server->with(u"dbname"_s, u"plumb_accept_b"_s);
    std::printf("Loading %d rows into A, the wanted schema into B...\n", rows);
    std::fflush(stdout);
    if (Status s = load(*server, u"plumb_accept_a"_s, baseSchema() + fillRows(rows)); !s)
        return fail(s.error().describe());
    if (Status s = load(*server, u"plumb_accept_b"_s, baseSchema() + wantedChanges); !s)
        return fail(s.error().describe());

    QTemporaryDir logs;
    QFile script(logs.filePath(u"writers.sql"_s));
    if (!script.open(QIODevice::WriteOnly) || script.write(pgbenchScript) < 0)
        return fail(u"cannot write the pgbench script"_s);
    script.close();
    QProcess pgbench;
    pgbench.setWorkingDirectory(logs.path());
    pgbench.start(parser.value(u"pgbench"_s),
                  {u"-n"_s, u"-c"_s, u"4"_s, u"-j"_s, u"2"_s, u"-T"_s, QString::number(window),
                   u"-f"_s, script.fileName(), u"-D"_s, u"rows=%1"_s.arg(rows), u"-l"_s,
                   u"--failures-detailed"_s, u"--log-prefix=pgbench_log"_s, a.toUri()});
    if (!pgbench.waitForStarted())
        return fail(u"cannot start pgbench: "_s + pgbench.errorString());
    const qint64 loadStart = epochUs();
    QThread::sleep(5);

    const qint64 planStart = epochUs();
    QProcess plumb;
    plumb.start(parser.value(u"plumb"_s), {u"diff"_s, u"--from"_s, a.toUri(), u"--to"_s, b.toUri(),
                                           u"--apply"_s, u"--lock-timeout"_s, u"3000"_s});
    plumb.waitForFinished(-1);
    const qint64 planEnd = epochUs();
    const QString plumbOutput =
        QString::fromUtf8(plumb.readAllStandardError() + plumb.readAllStandardOutput());
    pgbench.waitForFinished(-1);
    const qint64 loadEnd = epochUs();
    const QString pgbenchOutput =
        QString::fromUtf8(pgbench.readAllStandardOutput() + pgbench.readAllStandardError());

    QProcess check;
    check.start(parser.value(u"plumb"_s),
                {u"diff"_s, u"--from"_s, a.toUri(), u"--to"_s, b.toUri(), u"--exit-code"_s});
    check.waitForFinished(-1);
    const bool equal = check.exitCode() == 0;

    const std::vector<Sample> samples = readLogs(logs.path());
    const Window during = windowOf(samples, planStart, planEnd);
    const Window all = windowOf(samples, loadStart, loadEnd);
    const int aborted = int(pgbenchOutput.count(u"aborted"_s));
    const int errors = all.errors + aborted;
    const bool withinWindow = planEnd < loadEnd;
    const bool pass = errors == 0 && all.p99Ms <= 100.0 && all.maxMs <= 3000.0 && withinWindow &&
                      equal && plumb.exitCode() == 0;

    std::printf("\n%s\n\n", qPrintable(plumbOutput.trimmed()));
    std::printf("Acceptance run: %d rows, 4 pgbench clients, %d s window; %s\n\n", rows, window,
                qPrintable(loadAverage()));
    std::printf("| window | tx | p99 ms | max ms | errors |\n|---|---|---|---|---|\n");
    std::printf("| during the plan (%.1f s) | %d | %.1f | %.1f | %d |\n",
                (planEnd - planStart) / 1e6, during.transactions, during.p99Ms, during.maxMs,
                during.errors);
    std::printf("| whole load | %d | %.1f | %.1f | %d (+%d aborted clients) |\n\n",
                all.transactions, all.p99Ms, all.maxMs, all.errors, aborted);
    std::printf("plumb exit code %d; plan finished within the load window: %s; schema equal to "
                "B: %s\n",
                plumb.exitCode(), withinWindow ? "yes" : "no", equal ? "yes" : "no");
    std::printf("%s (targets: 0 errors, p99 <= 100 ms, max <= 3000 ms)\n", pass ? "PASS" : "FAIL");
    if (aborted > 0)
        std::printf("\npgbench:\n%s\n", qPrintable(pgbenchOutput.trimmed()));
    return pass ? 0 : 2;
}
