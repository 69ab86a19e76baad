// Benchmark: `plumb copy` against a raw `psql -c "COPY t TO STDOUT" | psql -c "COPY t FROM STDIN"`
// pipe, on the same server and the same data.
//
//   bench_copy [ROWS] [ROUNDS] [JOBS...]     (defaults: 5000000 rows, 3 rounds, jobs 1 2)
//
// Starts a private PostgreSQL server, fills a source database with ROWS rows over three tables
// (people with e-mail, phone and name columns: half the rows; orders and events: a quarter each),
// and a target database with the same empty tables. Each round then copies everything with
//   - the raw pipe, one table after the other (what a DBA would script by hand);
//   - the plumb binary without masking (the personal columns let through with
//     --allow-unmasked), for each JOBS;
//   - the plumb binary with three masked columns (email, phone, name), for each JOBS;
// emptying the target before each run, and prints wall times (plumb's include planning:
// connecting, reading both catalogs, sampling for personal data) with rows/s and the ratio to
// the pipe, the medians, how busy the machine's cores were during each run (/proc/stat: what
// bounds the speed-up of more jobs), and plumb's peak resident memory. Targets: unmasked
// >= 90 % of the pipe, masked >= 60 %, peak RSS <= 512 MB, near-linear speed-up with jobs up to
// the cores. Built with the tests, never run by ctest.
//
// BENCH_COPY_WRAP="valgrind --tool=callgrind --callgrind-out-file=/tmp/copy.%p" runs each plumb
// under that command (a profiler: instruction counts repeat on a loaded machine, where wall
// times do not); its times then say nothing, the profiles do.

#include "core/db/connection.h"
#include "core/db/local_cluster.h"
#include "core/db/quote.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <algorithm>
#include <cstdio>
#include <map>

using namespace Qt::StringLiterals;
using namespace plumb;

namespace {

void say(const QString& text)
{
    std::fprintf(stdout, "%s\n", qPrintable(text));
    std::fflush(stdout);
}

int die(const QString& text)
{
    std::fprintf(stderr, "bench_copy: %s\n", qPrintable(text));
    return 1;
}

double median(QList<double> values)
{
    std::ranges::sort(values);
    return values.isEmpty() ? 0 : values[values.size() / 2];
}

const QStringList tables = {u"people"_s, u"orders"_s, u"events"_s};

const QStringList schema = {
    u"CREATE TABLE people (id bigint PRIMARY KEY, email text NOT NULL, phone text, full_name "
    u"text NOT NULL, city text, created_at timestamptz NOT NULL)"_s,
    u"CREATE TABLE orders (id bigint PRIMARY KEY, person_id bigint NOT NULL, amount "
    u"numeric(12,2) NOT NULL, status text NOT NULL, placed_at timestamptz NOT NULL)"_s,
    u"CREATE TABLE events (id bigint PRIMARY KEY, person_id bigint, kind text NOT NULL, "
    u"payload text, at timestamptz NOT NULL)"_s,
};

// The peak resident set of a running process, from /proc (VmHWM only ever grows).
qint64 peakRssKb(qint64 pid)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return 0;
}

// The machine's CPU time from /proc/stat: all of it, and the part not idle (jiffies).
struct CpuTimes {
    qint64 busy = 0;
    qint64 total = 0;
};

CpuTimes cpuTimes()
{
    QFile stat(u"/proc/stat"_s);
    if (!stat.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> fields = stat.readLine().simplified().split(' ');
    CpuTimes times;
    for (qsizetype i = 1; i < fields.size(); ++i)
        times.total += fields[i].toLongLong();
    const qint64 idle = fields.value(4).toLongLong() + fields.value(5).toLongLong(); // + iowait
    times.busy = times.total - idle;
    return times;
}

// How busy all cores were between two readings, 0..1: one job that keeps them all busy leaves
// nothing for a second one to gain, whatever the code.
double busyShare(const CpuTimes& before, const CpuTimes& after)
{
    const qint64 total = after.total - before.total;
    return total > 0 ? double(after.busy - before.busy) / double(total) : 0;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qint64 rows = args.size() > 1 ? args[1].toLongLong() : 5000000;
    const int rounds = args.size() > 2 ? args[2].toInt() : 3;
    QList<int> jobCounts;
    for (int i = 3; i < args.size(); ++i)
        jobCounts.append(args[i].toInt());
    if (jobCounts.isEmpty())
        jobCounts = {1, 2};
    const QString plumb = QCoreApplication::applicationDirPath() + u"/../../app/cli/plumb"_s;
    if (!QFile::exists(plumb))
        return die(u"the plumb binary is not at "_s + plumb);

    SilentProgress progress;
    // Enough shared buffers that both databases' pages stay in memory, checkpoints spread out.
    db::LocalCluster::Options options;
    options.settings = {u"shared_buffers = 512MB"_s, u"max_wal_size = 4GB"_s,
                        u"checkpoint_timeout = 30min"_s};
    auto cluster = db::LocalCluster::start(options, progress);
    if (!cluster)
        return die(cluster.error().describe());
    const QString psql = cluster->binDir() + u"/psql"_s;
    auto admin = db::Connection::open(cluster->connectionInfo());
    if (!admin)
        return die(admin.error().describe());
    for (const QString& name : {u"bench_source"_s, u"bench_target"_s})
        if (auto created = (*admin)->exec(u"CREATE DATABASE "_s + name); !created)
            return die(created.error().describe());
    const db::ConnectionInfo source =
        cluster->connectionInfo().with(u"dbname"_s, u"bench_source"_s);
    const db::ConnectionInfo target =
        cluster->connectionInfo().with(u"dbname"_s, u"bench_target"_s);
    auto src = db::Connection::open(source);
    auto dst = db::Connection::open(target);
    if (!src || !dst)
        return die(u"cannot connect to the bench databases"_s);
    for (const QString& statement : schema) {
        if (auto done = (*src)->exec(statement); !done)
            return die(done.error().describe());
        if (auto done = (*dst)->exec(statement); !done)
            return die(done.error().describe());
    }

    QElapsedTimer filling;
    filling.start();
    const qint64 people = rows / 2, orders = rows / 4, events = rows - people - orders;
    const QStringList fill = {
        u"INSERT INTO people SELECT g, 'person' || g || '@mail' || (g % 97) || '.example.org', "
        u"'+33 6 ' || lpad((g % 100000000)::text, 8, '0'), (ARRAY['Alice','Bruno','Chloe',"
        u"'Dmitri','Emma','Farid'])[1 + g % 6] || ' ' || (ARRAY['Martin','Bernard','Dubois',"
        u"'Thomas','Robert'])[1 + g % 5] || g, (ARRAY['Paris','Lyon','Lille'])[1 + g % 3], "
        u"timestamptz '2020-01-01' + g * interval '1 minute' FROM generate_series(1, %1) g"_s.arg(
            people),
        u"INSERT INTO orders SELECT g, 1 + g % %2, (g % 10000) / 100.0, (ARRAY['new','paid',"
        u"'shipped'])[1 + g % 3], timestamptz '2021-01-01' + g * interval '1 second' FROM "
        u"generate_series(1, %1) g"_s.arg(orders)
            .arg(std::max<qint64>(1, people)),
        u"INSERT INTO events SELECT g, 1 + g % %2, (ARRAY['view','click','buy'])[1 + g % 3], "
        u"'{\"page\": ' || (g % 500) || '}', timestamptz '2022-01-01' + g * interval '1 second' "
        u"FROM generate_series(1, %1) g"_s.arg(events)
            .arg(std::max<qint64>(1, people)),
        u"VACUUM (ANALYZE, FREEZE)"_s,
    };
    for (const QString& statement : fill)
        if (auto done = (*src)->exec(statement); !done)
            return die(done.error().describe());
    auto size = (*src)->exec(u"SELECT pg_size_pretty(pg_database_size(current_database()))"_s);
    say(u"source: %1 rows (people %2, orders %3, events %4), %5, filled in %6 s; cores: %7"_s
            .arg(rows)
            .arg(people)
            .arg(orders)
            .arg(events)
            .arg(size ? size->text(0, 0) : u"?"_s)
            .arg(double(filling.elapsed()) / 1000.0, 0, 'f', 1)
            .arg(QThread::idealThreadCount()));

    QTemporaryDir dir;
    const QString rules = dir.filePath(u"rules.yaml"_s);
    {
        QFile file(rules);
        if (!file.open(QIODevice::WriteOnly))
            return die(u"cannot write the rules file"_s);
        file.write("tables:\n  people:\n    email: email\n    phone: phone\n    full_name: name\n");
    }
    auto settle = [&] {
        (void)(*dst)->exec(u"TRUNCATE people, orders, events"_s);
        (void)(*admin)->exec(u"CHECKPOINT"_s);
    };
    auto timePipe = [&]() -> double {
        settle();
        QElapsedTimer timer;
        timer.start();
        for (const QString& table : tables) {
            QProcess out, in;
            out.setStandardOutputProcess(&in);
            out.start(psql, {u"-X"_s, u"-q"_s, u"-d"_s, source.toUri(), u"-c"_s,
                             u"COPY "_s + table + u" TO STDOUT"_s});
            in.start(psql, {u"-X"_s, u"-q"_s, u"-v"_s, u"ON_ERROR_STOP=1"_s, u"-d"_s,
                            target.toUri(), u"-c"_s, u"COPY "_s + table + u" FROM STDIN"_s});
            out.waitForFinished(-1);
            in.waitForFinished(-1);
            if (in.exitCode() != 0 || out.exitCode() != 0)
                say(u"psql pipe failed: "_s +
                    QString::fromUtf8(in.readAllStandardError() + out.readAllStandardError()));
        }
        return double(timer.nsecsElapsed()) / 1e9;
    };
    qint64 peakKb = 0;
    std::map<std::pair<bool, int>, QList<double>> engineTimes; // of which streaming, per run
    std::map<std::pair<bool, int>, QList<double>> busyShares;  // how busy the cores were
    const QStringList wrapper =
        qEnvironmentVariable("BENCH_COPY_WRAP").split(u' ', Qt::SkipEmptyParts);
    auto timePlumb = [&](bool masked, int jobs) -> double {
        settle();
        QStringList arguments = {u"copy"_s,      u"--from"_s, source.toUri(),        u"--to"_s,
                                 target.toUri(), u"--jobs"_s, QString::number(jobs), u"--format"_s,
                                 u"json"_s};
        if (masked)
            arguments << u"--rules"_s << rules;
        else
            arguments << u"--allow-unmasked"_s << u"people.email,people.phone,people.full_name"_s;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"PLUMB_MASKING_KEY"_s, u"the benchmark's masking key"_s);
        QProcess process;
        process.setProcessEnvironment(environment);
        QString program = plumb;
        if (!wrapper.isEmpty()) {
            arguments.prepend(plumb);
            arguments = wrapper.mid(1) + arguments;
            program = wrapper.first();
        }
        QElapsedTimer timer;
        timer.start();
        const CpuTimes cpuBefore = cpuTimes();
        process.start(program, arguments);
        process.waitForStarted();
        const qint64 pid = process.processId();
        while (!process.waitForFinished(50))
            peakKb = std::max(peakKb, peakRssKb(pid));
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        busyShares[{masked, jobs}].append(busyShare(cpuBefore, cpuTimes()));
        const QJsonObject result =
            QJsonDocument::fromJson(process.readAllStandardOutput()).object();
        if (process.exitCode() != 0 || result.value(u"total_rows"_s).toInteger() != rows)
            say(u"plumb copy failed: "_s + QString::fromUtf8(process.readAllStandardError()));
        // The rest of the wall time is planning: connecting, reading catalogs, sampling.
        engineTimes[{masked, jobs}].append(double(result.value(u"elapsed_ms"_s).toInteger()) /
                                           1000.0);
        return seconds;
    };

    auto rate = [rows](double seconds) { return qint64(double(rows) / std::max(seconds, 1e-9)); };
    (void)timePipe(); // warm the caches once
    QList<double> pipeTimes;
    std::map<std::pair<bool, int>, QList<double>> plumbTimes;
    for (int round = 0; round < rounds; ++round) {
        const double pipe = timePipe();
        pipeTimes.append(pipe);
        QString line = u"round %1: pipe %2 s"_s.arg(round + 1).arg(pipe, 0, 'f', 2);
        for (bool masked : {false, true})
            for (int jobs : jobCounts) {
                const double seconds = timePlumb(masked, jobs);
                plumbTimes[{masked, jobs}].append(seconds);
                line += u", %1 jobs %2: %3 s"_s.arg(masked ? u"masked"_s : u"plain"_s)
                            .arg(jobs)
                            .arg(seconds, 0, 'f', 2);
            }
        say(line);
    }
    const double pipe = median(pipeTimes);
    say(u"median of %1 rounds, %2 rows:"_s.arg(rounds).arg(rows));
    say(u"  raw psql pipe            %1 s  %2 rows/s"_s.arg(pipe, 6, 'f', 2).arg(rate(pipe)));
    for (const auto& [key, times] : plumbTimes) {
        const double seconds = median(times);
        say(u"  plumb copy %1 --jobs %2  %3 s  %4 rows/s  %5 % of the pipe (streaming %6 s; "
            u"cores %7 % busy)"_s.arg(key.first ? u"3 masked"_s : u"unmasked"_s)
                .arg(key.second)
                .arg(seconds, 6, 'f', 2)
                .arg(rate(seconds))
                .arg(100.0 * pipe / seconds, 0, 'f', 1)
                .arg(median(engineTimes[key]), 0, 'f', 2)
                .arg(100.0 * median(busyShares[key]), 0, 'f', 0));
    }
    say(u"  plumb peak resident memory: %1 MB"_s.arg(double(peakKb) / 1024.0, 0, 'f', 1));
    return 0;
}
