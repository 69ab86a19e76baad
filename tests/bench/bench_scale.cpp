// bench_scale: a huge schema end to end, next to pg_dump --schema-only in the same run.
//
//   bench_scale [--server URL] [--tables N] [--runs R] [--skip-musicbrainz]
//
// Loads ../shared/bench/gen_schema.py N (default 10,000 tables) into two databases of one server,
// plumb_scale_N_a and plumb_scale_N_b (equal: B is a template copy of A), and measures, each in a
// child process so its wall time and peak memory (wait4's ru_maxrss) are its own:
//
//   pg_dump --schema-only                 the yardstick
//   raw catalog queries                   every catalog query on one connection, results discarded
//   catalog::introspect in process        the read Plumbline does, without the CLI around it
//   plumb inspect URL                     the summary with the catalog fingerprint
//   plumb --format json inspect URL       the whole catalog as JSON (its size is printed too)
//   plumb diff --from A --to B            a no-op diff of two N-table databases, end to end
//   compare + plan in memory              diff::compare and plan::makePlan of two catalogs
//                                         already read, on the whole schema and on half of it
//                                         (the generated schemas' first half), to show growth
//
// and the same in-process read and pg_dump on ../shared/corpus/schemas/musicbrainz.sql. The
// targets of issue 21 are printed beside each figure. Everything is the median of R runs
// (default 3). The `plumb` binary is the one built next to this benchmark; the README's
// `packaging/toolbox/run plumb ...` adds the wrapper's own start-up (measure it with
// `time packaging/toolbox/run true`).
//
// --server URL reuses a long-lived server (a maintenance database such as postgres): the
// databases are created and loaded once and kept for the next run, which saves the minutes a
// 10,000-table load takes. Without it a private PostgreSQL is started and stopped.
#include "bench_scale_children.h"
#include "core/db/connection.h"
#include "core/db/local_cluster.h"
#include "core/db/quote.h"
#include "tests/support/test_paths.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

using namespace Qt::StringLiterals;
using namespace plumb;

namespace {

const QString sharedDir = plumb::testing::sourceDir() + u"/../shared"_s;

void say(const QString& line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

// The machine's load average (1, 5, 15 minutes): figures taken on a busy machine say so.
QString loadAverage()
{
    QFile file(u"/proc/loadavg"_s);
    if (!file.open(QIODevice::ReadOnly))
        return u"unknown"_s;
    return QString::fromLatin1(file.readAll()).section(u' ', 0, 2);
}

int die(const QString& line)
{
    std::fprintf(stderr, "bench_scale: %s\n", qPrintable(line));
    return 1;
}

double median(std::vector<double> values)
{
    std::ranges::sort(values);
    const std::size_t n = values.size();
    return n == 0 ? 0 : n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

struct ProcessRun {
    bool ok = false;
    double ms = 0;
    qint64 peakKb = 0;
};

// Runs a program with stdout to `output` (a file path, /dev/null by default) and stderr to this
// process's stderr; wall time and the child's own peak RSS, from wait4.
ProcessRun spawn(const QString& program, const QStringList& arguments,
                 const QString& output = u"/dev/null"_s)
{
    std::vector<QByteArray> storage{program.toLocal8Bit()};
    for (const QString& argument : arguments)
        storage.push_back(argument.toLocal8Bit());
    std::vector<char*> argv;
    for (QByteArray& bytes : storage)
        argv.push_back(bytes.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    const QByteArray outputPath = output.toLocal8Bit();
    posix_spawn_file_actions_addopen(&actions, 1, outputPath.constData(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    QElapsedTimer timer;
    timer.start();
    pid_t pid = 0;
    ProcessRun run;
    if (posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ) == 0) {
        int status = 0;
        rusage usage{};
        if (wait4(pid, &status, 0, &usage) == pid) {
            run.ms = double(timer.nsecsElapsed()) / 1e6;
            run.peakKb = usage.ru_maxrss;
            run.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
        }
    }
    posix_spawn_file_actions_destroy(&actions);
    return run;
}

struct Figure {
    double ms = 0;
    qint64 peakKb = 0;
};

// The median time and the largest peak of `runs` runs; nullopt when one failed.
std::optional<Figure> measure(const QString& program, const QStringList& arguments, int runs,
                              const QString& output = u"/dev/null"_s)
{
    std::vector<double> times;
    Figure figure;
    for (int i = 0; i < runs; ++i) {
        const ProcessRun run = spawn(program, arguments, output);
        if (!run.ok) {
            say(u"  failed: %1 %2"_s.arg(program, arguments.join(u' ')));
            return std::nullopt;
        }
        times.push_back(run.ms);
        figure.peakKb = std::max(figure.peakKb, run.peakKb);
    }
    figure.ms = median(std::move(times));
    return figure;
}

// One row of the result table: what, time, ratio to pg_dump, peak memory, the target.
void row(const QString& what, const std::optional<Figure>& figure, double dumpMs,
         const QString& target)
{
    if (!figure) {
        say(u"  %1 failed"_s.arg(what, -40));
        return;
    }
    say(u"  %1 %2 ms %3x %4 MB   %5"_s.arg(what, -40)
            .arg(figure->ms, 9, 'f', 0)
            .arg(figure->ms / std::max(1.0, dumpMs), 6, 'f', 2)
            .arg(figure->peakKb / 1024.0, 7, 'f', 0)
            .arg(target));
}

bool runQuietly(const QString& program, const QStringList& arguments, const QByteArray& input)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.setStandardOutputFile(QProcess::nullDevice());
    process.start(program, arguments);
    if (!input.isEmpty()) {
        process.write(input);
        process.closeWriteChannel();
    }
    process.waitForFinished(-1);
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

// Creates `database` with `sql` loaded through psql (autocommit: 10,000 tables do not fit in one
// transaction's lock table), settled (VACUUM ANALYZE, CHECKPOINT) so autovacuum does not take a
// core during the measurements. A database that carries `marker` as its comment is kept as it
// is: it was loaded by an earlier run.
bool ensureLoaded(db::Connection& admin, const db::ConnectionInfo& server, const QString& psql,
                  const QString& database, const QString& marker,
                  const std::function<QByteArray()>& sql)
{
    auto existing = admin.exec(
        u"SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = $1"_s,
        {database});
    if (existing && existing->rowCount() == 1 && existing->text(0, 0) == marker)
        return true;
    say(u"loading %1 (once; kept for the next run when --server is given)"_s.arg(database));
    (void)admin.exec(u"DROP DATABASE IF EXISTS "_s + db::quoteIdentifier(database) +
                     u" WITH (FORCE)"_s);
    if (!admin.exec(u"CREATE DATABASE "_s + db::quoteIdentifier(database) +
                    u" TEMPLATE template0"_s))
        return false;
    QByteArray clean;
    for (const QByteArray& line : sql().split('\n'))
        if (!line.trimmed().startsWith('\\'))
            clean += line + '\n';
    const QString url = server.with(u"dbname"_s, database).toUri();
    if (!runQuietly(psql, {u"-X"_s, u"-q"_s, u"-v"_s, u"ON_ERROR_STOP=1"_s, url}, clean) ||
        !runQuietly(
            psql, {u"-X"_s, u"-q"_s, u"-c"_s, u"VACUUM (ANALYZE)"_s, u"-c"_s, u"CHECKPOINT"_s, url},
            {}))
        return false;
    return bool(admin.exec(u"COMMENT ON DATABASE "_s + db::quoteIdentifier(database) + u" IS "_s +
                           db::quoteLiteral(marker)));
}

bool ensureCopy(db::Connection& admin, const QString& from, const QString& to,
                const QString& marker)
{
    auto existing = admin.exec(
        u"SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = $1"_s,
        {to});
    if (existing && existing->rowCount() == 1 && existing->text(0, 0) == marker)
        return true;
    (void)admin.exec(u"DROP DATABASE IF EXISTS "_s + db::quoteIdentifier(to) + u" WITH (FORCE)"_s);
    return admin.exec(u"CREATE DATABASE "_s + db::quoteIdentifier(to) + u" TEMPLATE "_s +
                      db::quoteIdentifier(from)) &&
           admin.exec(u"COMMENT ON DATABASE "_s + db::quoteIdentifier(to) + u" IS "_s +
                      db::quoteLiteral(marker));
}

// Runs a child mode of this benchmark and returns its one line of output (split on spaces).
QStringList childLine(const QStringList& arguments)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), arguments);
    if (!child.waitForFinished(-1) || child.exitCode() != 0)
        return {};
    return QString::fromUtf8(child.readAllStandardOutput()).trimmed().split(u' ');
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.value(1).startsWith(u"--child-"_s))
        return bench::runChild(args.mid(1));

    QString serverUrl;
    int tables = 10000;
    int runs = 3;
    bool musicbrainz = true;
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == u"--server" && i + 1 < args.size())
            serverUrl = args[++i];
        else if (args[i] == u"--tables" && i + 1 < args.size())
            tables = args[++i].toInt();
        else if (args[i] == u"--runs" && i + 1 < args.size())
            runs = std::max(1, args[++i].toInt());
        else if (args[i] == u"--skip-musicbrainz")
            musicbrainz = false;
        else
            return die(u"usage: bench_scale [--server URL] [--tables N] [--runs R] "
                       u"[--skip-musicbrainz]"_s);
    }

    SilentProgress quiet;
    std::optional<db::LocalCluster> cluster;
    db::ConnectionInfo server;
    QString binDir;
    if (serverUrl.isEmpty()) {
        auto started = db::LocalCluster::start({}, quiet);
        if (!started)
            return die(started.error().message);
        cluster.emplace(std::move(*started));
        server = cluster->connectionInfo();
        binDir = cluster->binDir();
    } else {
        auto parsed = db::ConnectionInfo::parse(serverUrl);
        if (!parsed)
            return die(parsed.error().message);
        server = *parsed;
    }
    auto admin = db::Connection::open(server);
    if (!admin)
        return die(admin.error().message);
    auto findTool = [&](const QString& name) {
        const QString beside = binDir + u'/' + name;
        return !binDir.isEmpty() && QFileInfo::exists(beside)
                   ? beside
                   : QStandardPaths::findExecutable(name);
    };
    const QString psql = findTool(u"psql"_s);
    const QString pgDump = findTool(u"pg_dump"_s);
    const QString plumbBinary = plumb::testing::cliPath();
    if (psql.isEmpty() || pgDump.isEmpty())
        return die(u"psql and pg_dump are needed (PostgreSQL's client programs)"_s);

    const QString a = u"plumb_scale_%1_a"_s.arg(tables);
    const QString b = u"plumb_scale_%1_b"_s.arg(tables);
    const QString marker = u"bench_scale: gen_schema.py %1"_s.arg(tables);
    const bool loaded =
        ensureLoaded(**admin, server, psql, a, marker,
                     [&] {
                         QProcess generator;
                         generator.start(u"python3"_s, {sharedDir + u"/bench/gen_schema.py"_s,
                                                        QString::number(tables)});
                         generator.waitForFinished(-1);
                         return generator.readAllStandardOutput();
                     }) &&
        ensureCopy(**admin, a, b, marker);
    if (!loaded)
        return die(u"the generated schema did not load (is python3 installed?)"_s);
    const QString urlA = server.with(u"dbname"_s, a).toUri();
    const QString urlB = server.with(u"dbname"_s, b).toUri();

    say(u"PostgreSQL %1; gen_schema.py %2; median of %3 run(s); peak = the process's max RSS; "
        u"load average %4"_s.arg((*admin)->serverVersion())
            .arg(tables)
            .arg(runs)
            .arg(loadAverage()));
    const QStringList counts = childLine({u"--child-counts"_s, urlA});
    say(u"  %1 tables, %2 indexes, %3 columns, %4 constraints"_s.arg(
        counts.value(0), counts.value(1), counts.value(2), counts.value(3)));
    say(u"  %1 %2 %3 %4   %5"_s.arg(u"path"_s, -40)
            .arg(u"time"_s, 12)
            .arg(u"ratio"_s, 7)
            .arg(u"peak"_s, 10)
            .arg(u"target"_s));

    const auto dump =
        measure(pgDump, {u"--schema-only"_s, u"-f"_s, u"/dev/null"_s, u"-d"_s, urlA}, runs);
    if (!dump)
        return die(u"pg_dump failed"_s);
    const double dumpMs = dump->ms;
    row(u"pg_dump --schema-only"_s, dump, dumpMs, u"the yardstick"_s);

    const QStringList raw = childLine({u"--child-raw"_s, urlA, QString::number(runs)});
    if (raw.size() >= 2)
        row(u"raw catalog queries, one connection"_s,
            Figure{raw[0].toDouble(), raw[1].toLongLong()}, dumpMs,
            u"the floor: the server's own time, summed"_s);
    const QStringList read = childLine({u"--child-introspect"_s, urlA, QString::number(runs)});
    if (read.size() >= 2)
        row(u"catalog::introspect in process"_s, Figure{read[0].toDouble(), read[1].toLongLong()},
            dumpMs, u""_s);
    row(u"plumb inspect URL (summary)"_s, measure(plumbBinary, {u"inspect"_s, urlA}, runs), dumpMs,
        u"<= 0.3x, <= 300 MB"_s);
    QTemporaryDir scratch;
    const QString jsonFile = scratch.filePath(u"catalog.json"_s);
    // Measured before the file's size is read (the order of a call's arguments is unspecified).
    const auto json =
        measure(plumbBinary, {u"--format"_s, u"json"_s, u"inspect"_s, urlA}, runs, jsonFile);
    row(u"plumb --format json inspect URL"_s, json, dumpMs,
        u"<= 0.5x, <= 400 MB (%1 MB of JSON)"_s.arg(QFileInfo(jsonFile).size() / 1e6, 0, 'f', 1));
    row(u"plumb diff --from A --to B (no change)"_s,
        measure(plumbBinary, {u"diff"_s, u"--from"_s, urlA, u"--to"_s, urlB}, runs), dumpMs,
        u"<= 2500 ms"_s);

    say(u"  in memory: diff::compare + plan::makePlan of two catalogs already read"_s);
    for (const QString& part : {u"half"_s, u"all"_s}) {
        const QStringList compared =
            childLine({u"--child-compare"_s, urlA, urlB, part, QString::number(runs)});
        if (compared.size() < 5) {
            say(u"  compare (%1) failed"_s.arg(part));
            continue;
        }
        say(u"  %1 tables: compare %2 ms, plan %3 ms; memory %4 MB for the two catalogs, "
            u"+%5 MB while comparing   (target: compare <= 1000 ms, memory linear)"_s
                .arg(compared[0], 6)
                .arg(compared[1].toDouble(), 0, 'f', 0)
                .arg(compared[2].toDouble(), 0, 'f', 0)
                .arg(compared[3].toDouble() / 1024.0, 0, 'f', 0)
                .arg(compared[4].toDouble() / 1024.0, 0, 'f', 0));
    }

    if (musicbrainz) {
        QFile file(sharedDir + u"/corpus/schemas/musicbrainz.sql"_s);
        const QString mbMarker = u"bench_scale: musicbrainz"_s;
        if (!file.open(QIODevice::ReadOnly) ||
            !ensureLoaded(**admin, server, psql, u"plumb_scale_musicbrainz"_s, mbMarker,
                          [&] { return file.readAll(); }))
            return die(u"musicbrainz.sql did not load"_s);
        const QString url = server.with(u"dbname"_s, u"plumb_scale_musicbrainz"_s).toUri();
        const int mbRuns = std::max(10, runs);
        const auto mbDump =
            measure(pgDump, {u"--schema-only"_s, u"-f"_s, u"/dev/null"_s, u"-d"_s, url}, mbRuns);
        say(u"musicbrainz, median of %1 runs"_s.arg(mbRuns));
        row(u"pg_dump --schema-only"_s, mbDump, mbDump ? mbDump->ms : 1, u"the yardstick"_s);
        const QStringList mbRaw = childLine({u"--child-raw"_s, url, QString::number(mbRuns)});
        if (mbRaw.size() >= 2 && mbDump)
            row(u"raw catalog queries, one connection"_s,
                Figure{mbRaw[0].toDouble(), mbRaw[1].toLongLong()}, mbDump->ms, u""_s);
        const QStringList mbRead =
            childLine({u"--child-introspect"_s, url, QString::number(mbRuns)});
        if (mbRead.size() >= 2 && mbDump)
            row(u"catalog::introspect in process"_s,
                Figure{mbRead[0].toDouble(), mbRead[1].toLongLong()}, mbDump->ms, u"<= 0.3x"_s);
        if (mbDump)
            row(u"plumb inspect URL (summary)"_s, measure(plumbBinary, {u"inspect"_s, url}, mbRuns),
                mbDump->ms, u""_s);
    }
    say(u"load average at the end: %1"_s.arg(loadAverage()));
    return 0;
}
