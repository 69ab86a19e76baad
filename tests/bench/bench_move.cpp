// Benchmark: a schema move (core/transfer/move.h) under a write workload, beside a raw
// `psql -c "COPY t TO STDOUT" | psql -c "COPY t FROM STDIN"` pipe on the same data.
//
//   bench_move [ROWS] [SECONDS] [JOBS] [CAPTURE] [ROUTE]
//   (defaults: 1000000 rows, 10 s of catch-up, 2 jobs, triggers, client; CAPTURE logical starts
//   the server with wal_level=logical and captures by logical decoding; ROUTE fdw copies server
//   to server through postgres_fdw)
//
// Starts a private PostgreSQL server, fills a source database with ROWS rows over ten tables and
// builds a target whose tables rename one column (the move maps it). Times the raw pipe over the
// ten tables first. Then a writer thread runs a pgbench-style workload on the source (each
// transaction updates a row, inserts one and deletes one, in a random table) for the whole move:
// the copy, SECONDS of catch-up, and the cutover, which blocks its writes. Prints the copy's
// rows/s and its ratio to the pipe, the writer's and the catch-up's changes/s, the lag before the
// cutover, the write pause of the cutover, and whether the target equals the source afterwards
// (the cutover's counts and checksums, and an exact comparison of every row).
// Targets of the move feature: copy >= 50 % of the pipe, catch-up >= 2,000 writes/s, write pause
// <= 5 s on 1 M rows in 10 tables, rows lost 0, rows duplicated 0. Never run by ctest.

#include "core/db/connection.h"
#include "core/db/local_cluster.h"
#include "core/transfer/move.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <atomic>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace plumb;

namespace {

constexpr int tableCount = 10;

void say(const QString& text)
{
    std::fprintf(stdout, "%s\n", qPrintable(text));
    std::fflush(stdout);
}

int die(const QString& text)
{
    std::fprintf(stderr, "bench_move: %s\n", qPrintable(text));
    return 1;
}

QString tableName(int i)
{
    return u"t%1"_s.arg(i);
}

// Rows of one database's ten tables as one md5 per table, for the exact comparison.
QStringList digests(db::Connection& connection, const QString& labelColumn)
{
    QStringList out;
    for (int i = 0; i < tableCount; ++i) {
        auto rows = connection.exec(u"SELECT count(*) || ':' || coalesce(md5(string_agg(format("
                                    u"'%s|%s|%s|%s', id, "_s +
                                    labelColumn + u", n, at), ',' ORDER BY id)), '') FROM "_s +
                                    tableName(i));
        out.append(rows ? rows->text(0, 0) : rows.error().message);
    }
    return out;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qint64 rows = args.size() > 1 ? args[1].toLongLong() : 1000000;
    const int catchUpSeconds = args.size() > 2 ? args[2].toInt() : 10;
    const int jobs = args.size() > 3 ? args[3].toInt() : 2;
    const bool logical = args.value(4) == u"logical"_s;
    const bool viaFdw = args.value(5) == u"fdw"_s;

    SilentProgress quiet;
    db::LocalCluster::Options options;
    options.settings = {u"shared_buffers = 512MB"_s, u"max_wal_size = 4GB"_s,
                        u"checkpoint_timeout = 30min"_s};
    if (logical)
        options.settings.append(u"wal_level = logical"_s);
    auto cluster = db::LocalCluster::start(options, quiet);
    if (!cluster)
        return die(cluster.error().describe());
    const QString psql = cluster->binDir() + u"/psql"_s;
    auto admin = db::Connection::open(cluster->connectionInfo());
    if (!admin)
        return die(admin.error().describe());
    for (const QString& name : {u"move_source"_s, u"move_target"_s, u"move_pipe"_s})
        if (auto created = (*admin)->exec(u"CREATE DATABASE "_s + name); !created)
            return die(created.error().describe());
    const db::ConnectionInfo source = cluster->connectionInfo().with(u"dbname"_s, u"move_source"_s);
    const db::ConnectionInfo target = cluster->connectionInfo().with(u"dbname"_s, u"move_target"_s);
    const db::ConnectionInfo pipeTarget =
        cluster->connectionInfo().with(u"dbname"_s, u"move_pipe"_s);
    auto src = db::Connection::open(source);
    auto dst = db::Connection::open(target);
    auto pipeDst = db::Connection::open(pipeTarget);
    if (!src || !dst || !pipeDst)
        return die(u"cannot connect to the bench databases"_s);
    QElapsedTimer filling;
    filling.start();
    const qint64 perTable = std::max<qint64>(1, rows / tableCount);
    QTemporaryDir dir;
    QByteArray mapping = "tables:\n";
    for (int i = 0; i < tableCount; ++i) {
        const QString t = tableName(i);
        const QStringList statements = {
            u"CREATE TABLE %1 (id bigint PRIMARY KEY, label text NOT NULL, n int NOT NULL, at "
            u"timestamptz NOT NULL)"_s.arg(t),
            u"INSERT INTO %1 SELECT g, 'row ' || g || ' of %1', g % 1000, timestamptz "
            u"'2024-01-01' + g * interval '1 second' FROM generate_series(1, %2) g"_s.arg(t)
                .arg(perTable)};
        for (const QString& statement : statements)
            if (auto done = (*src)->exec(statement); !done)
                return die(done.error().describe());
        if (auto done = (*pipeDst)->exec(statements[0]); !done)
            return die(done.error().describe());
        if (auto done = (*dst)->exec(u"CREATE TABLE %1 (id bigint PRIMARY KEY, title text NOT "
                                     u"NULL, n int NOT NULL, at timestamptz NOT NULL)"_s.arg(t));
            !done)
            return die(done.error().describe());
        mapping += "  " + t.toUtf8() +
                   ":\n    columns:\n      id: id\n      title: label\n"
                   "      n: n\n      at: at\n";
    }
    (void)(*src)->exec(u"VACUUM (ANALYZE, FREEZE)"_s);
    const QString mappingPath = dir.filePath(u"mapping.yaml"_s);
    {
        QFile file(mappingPath);
        if (!file.open(QIODevice::WriteOnly))
            return die(u"cannot write the mapping file"_s);
        file.write(mapping);
    }
    say(u"source: %1 rows in %2 tables, filled in %3 s; cores: %4; load average at start: %5"_s
            .arg(perTable * tableCount)
            .arg(tableCount)
            .arg(double(filling.elapsed()) / 1000.0, 0, 'f', 1)
            .arg(QThread::idealThreadCount())
            .arg([] {
                QFile load(u"/proc/loadavg"_s);
                return load.open(QIODevice::ReadOnly)
                           ? QString::fromLatin1(load.readAll()).trimmed()
                           : u"?"_s;
            }()));

    // The raw pipe, table after table.
    (void)(*admin)->exec(u"CHECKPOINT"_s);
    QElapsedTimer pipeTimer;
    pipeTimer.start();
    for (int i = 0; i < tableCount; ++i) {
        QProcess out, in;
        out.setStandardOutputProcess(&in);
        out.start(psql, {u"-X"_s, u"-q"_s, u"-d"_s, source.toUri(), u"-c"_s,
                         u"COPY "_s + tableName(i) + u" TO STDOUT"_s});
        in.start(psql, {u"-X"_s, u"-q"_s, u"-v"_s, u"ON_ERROR_STOP=1"_s, u"-d"_s,
                        pipeTarget.toUri(), u"-c"_s, u"COPY "_s + tableName(i) + u" FROM STDIN"_s});
        out.waitForFinished(-1);
        in.waitForFinished(-1);
        if (in.exitCode() != 0 || out.exitCode() != 0)
            return die(u"psql pipe failed: "_s +
                       QString::fromUtf8(in.readAllStandardError() + out.readAllStandardError()));
    }
    const double pipeSeconds = double(pipeTimer.nsecsElapsed()) / 1e9;
    (void)(*admin)->exec(u"CHECKPOINT"_s);

    // The workload: one transaction at a time, as fast as the server takes them, until the
    // cutover blocks it.
    std::atomic<bool> stop{false};
    std::atomic<qint64> writes{0};
    std::atomic<qint64> nextId{perTable + 1};
    QString writerError;
    QThread* writer = QThread::create([&] {
        auto connection = db::Connection::open(source);
        if (!connection) {
            writerError = connection.error().describe();
            return;
        }
        QRandomGenerator random(42);
        while (!stop.load()) {
            const QString t = tableName(int(random.bounded(tableCount)));
            const qint64 id = 1 + qint64(random.bounded(quint64(perTable)));
            const qint64 fresh = nextId.fetch_add(1);
            const QList<std::pair<QString, db::Params>> statements = {
                {u"BEGIN"_s, {}},
                {u"UPDATE %1 SET n = n + 1, label = label || '+' WHERE id = $1"_s.arg(t), {id}},
                {u"INSERT INTO %1 VALUES ($1, 'new', 0, now())"_s.arg(t), {fresh}},
                {u"DELETE FROM %1 WHERE id = $1"_s.arg(t), {id + 1}},
                {u"COMMIT"_s, {}}};
            for (const auto& [statement, params] : statements) {
                auto done = (*connection)->exec(statement, params);
                if (!done) {
                    if (done.error().sqlState != u"25006"_s)
                        writerError = done.error().describe();
                    return; // the cutover blocked writes
                }
            }
            writes.fetch_add(3);
        }
    });
    writer->start();

    transfer::MoveRequest request;
    request.source = source;
    request.target = target;
    request.sourceLabel = source.redacted();
    request.mappingFile = mappingPath;
    request.jobs = jobs;
    request.capture =
        logical ? transfer::CaptureChoice::Logical : transfer::CaptureChoice::Triggers;
    request.viaFdw = viaFdw;
    auto plan = transfer::planMove(request, quiet);
    if (!plan)
        return die(plan.error().describe());
    say(u"capture: "_s + plan->captureMethod + u", copy: "_s + plan->copyRoute);
    QElapsedTimer clock;
    clock.start();
    qint64 copyStartMs = 0, copyEndMs = 0, writesAtCopyEnd = 0, appliedAtCopyEnd = 0;
    qint64 lastPending = 0, lastApplied = 0, writesAtCutover = 0, appliedAtCutover = 0;
    bool cutoverAsked = false;
    transfer::RunHooks hooks;
    hooks.idleWaitMs = 50;
    hooks.phaseReached = [&](const QString& phase) {
        if (phase == u"copying"_s)
            copyStartMs = clock.elapsed();
        else if (phase == u"catching_up"_s) {
            copyEndMs = clock.elapsed();
            writesAtCopyEnd = writes.load();
        }
    };
    hooks.caughtUp = [&](qint64 pending, qint64 applied) {
        if (appliedAtCopyEnd == 0)
            appliedAtCopyEnd = applied;
        lastPending = pending;
        lastApplied = applied;
        if (!cutoverAsked && clock.elapsed() - copyEndMs >= catchUpSeconds * 1000) {
            cutoverAsked = true;
            writesAtCutover = writes.load();
            appliedAtCutover = applied;
            if (auto asked = transfer::requestMove(target, u"cutover"_s); !asked)
                say(u"cannot ask for the cutover: "_s + asked.error().describe());
        }
    };
    auto outcome = transfer::runMove(request, *plan, quiet, hooks);
    stop.store(true);
    writer->wait();
    delete writer;
    if (!outcome)
        return die(outcome.error().describe());
    if (!writerError.isEmpty())
        say(u"writer stopped on: "_s + writerError);

    const double copySeconds = double(copyEndMs - copyStartMs) / 1000.0;
    const double catchUpWindow = double(clock.elapsed() - copyEndMs) / 1000.0;
    const qint64 copied = outcome->copy.rows;
    auto sourceNow = db::Connection::open(source);
    auto targetNow = db::Connection::open(target);
    if (!sourceNow || !targetNow)
        return die(u"cannot reconnect"_s);
    const bool equal = digests(**sourceNow, u"label"_s) == digests(**targetNow, u"title"_s);
    say(u"raw psql pipe:     %1 s, %2 rows/s"_s.arg(pipeSeconds, 0, 'f', 2)
            .arg(qint64(double(perTable * tableCount) / pipeSeconds)));
    say(u"move copy phase:   %1 s (snapshot to catch-up, jobs %2), %3 rows/s, %4 % of the pipe"_s
            .arg(copySeconds, 0, 'f', 2)
            .arg(jobs)
            .arg(qint64(double(copied) / std::max(copySeconds, 1e-3)))
            .arg(100.0 * pipeSeconds / std::max(copySeconds, 1e-3), 0, 'f', 1));
    say(u"workload:          %1 row writes during the move (%2 during the copy), %3 writes/s "
        u"while catching up"_s.arg(writes.load())
            .arg(writesAtCopyEnd)
            .arg(qint64(double(writesAtCutover - writesAtCopyEnd) /
                        std::max(double(catchUpSeconds), 1e-3))));
    say(u"catch-up:          %1 changes applied, %2 changes/s in the %3 s before the cutover "
        u"was asked; lag when asked: %4 %6 (last seen %5)"_s.arg(outcome->applied)
            .arg(qint64(double(appliedAtCutover - appliedAtCopyEnd) /
                        std::max(double(catchUpSeconds), 1e-3)))
            .arg(catchUpSeconds)
            .arg(lastPending)
            .arg(lastApplied)
            .arg(logical ? u"bytes of WAL"_s : u"change(s)"_s));
    say(u"cutover:           writes paused %1 ms (block, drain, sequences, verify, clean up); "
        u"whole catch-up and cutover %2 s"_s.arg(outcome->writePauseMs)
            .arg(catchUpWindow, 0, 'f', 1));
    say(u"result:            target %1 the source row for row (rows lost and duplicated: %2)"_s
            .arg(equal ? u"equals"_s : u"DIFFERS FROM"_s)
            .arg(equal ? u"0"_s : u"see the tables"_s));
    return equal ? 0 : 1;
}
