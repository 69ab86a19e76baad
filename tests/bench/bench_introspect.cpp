// bench_introspect: how long catalog::introspect takes, next to pg_dump --schema-only.
//
//   bench_introspect [--sizes 1000,5000,10000] [--runs 10] [--connections 2]
//
// Starts a private PostgreSQL (LocalCluster), loads ../shared/corpus/schemas/musicbrainz.sql and
// reports the median of --runs introspections next to the median pg_dump --schema-only time on
// the same database; then loads schemas from ../shared/bench/gen_schema.py for each size and
// reports time, peak memory and time per table, so linear growth shows as a flat last column.
// Each measurement runs in a child process (`bench_introspect --measure URL RUNS`), so its peak
// memory (ru_maxrss) is its own. --connections sets IntrospectOptions::readerConnections (1 reads
// everything on one connection, 2 adds the snapshot-sharing helper).

#include "core/catalog/introspect.h"
#include "core/db/connection.h"
#include "core/db/local_cluster.h"
#include "core/db/quote.h"
#include "tests/support/test_paths.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTextStream>
#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

using namespace Qt::StringLiterals;
using namespace plumb;

namespace {

const QString sharedDir = plumb::testing::sourceDir() + u"/../shared"_s;

void say(const QString& line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n == 0 ? 0 : n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

// Reports how long each catalog query took (stderr), when PLUMB_BENCH_STEPS is set.
class StepTimer : public Progress {
public:
    void step(int, int, const QString& what) override
    {
        if (m_timer.isValid())
            std::fprintf(stderr, "  %-28s %7.1f ms\n", qPrintable(m_what),
                         double(m_timer.nsecsElapsed()) / 1e6);
        m_what = what;
        m_timer.start();
    }

private:
    QElapsedTimer m_timer;
    QString m_what;
};

// Keeps the introspection's own log line on how the queries were spread over the connections
// (scheduling decides it, so it is measured here and never asserted in a test).
class SpreadLog : public Progress {
public:
    void log(const QString& line) override
    {
        if (line.contains(u"answered"_s))
            last = line;
    }
    QString last;
};

// Child mode: introspect `runs` times, print "median_ms peak_rss_kb tables indexes".
int measure(const QString& url, int runs)
{
    auto info = db::ConnectionInfo::parse(url);
    if (!info)
        return 2;
    auto connection = db::Connection::open(*info);
    if (!connection) {
        say(connection.error().message);
        return 2;
    }
    StepTimer steps;
    SpreadLog silent;
    Progress& progress =
        qEnvironmentVariableIsSet("PLUMB_BENCH_STEPS") ? static_cast<Progress&>(steps) : silent;
    catalog::IntrospectOptions options;
    if (qEnvironmentVariableIsSet("PLUMB_BENCH_CONNECTIONS"))
        options.readerConnections = qEnvironmentVariableIntValue("PLUMB_BENCH_CONNECTIONS");
    std::vector<double> times;
    qsizetype tables = 0;
    qsizetype indexes = 0;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        auto catalog = catalog::introspect(**connection, options, progress);
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (!catalog) {
            say(catalog.error().message);
            return 2;
        }
        tables = catalog->tables.size();
        indexes = catalog->indexes.size();
    }
    if (!silent.last.isEmpty())
        std::fprintf(stderr, "  %s\n", qPrintable(silent.last));
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    say(u"%1 %2 %3 %4"_s.arg(median(times), 0, 'f', 1)
            .arg(usage.ru_maxrss)
            .arg(tables)
            .arg(indexes));
    return 0;
}

struct Measurement {
    double medianMs = 0;
    qint64 peakKb = 0;
    qint64 tables = 0;
    qint64 indexes = 0;
};

std::optional<Measurement> measureInChild(const QString& url, int runs)
{
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel); // PLUMB_BENCH_STEPS lines
    child.start(QCoreApplication::applicationFilePath(),
                {u"--measure"_s, url, QString::number(runs)});
    if (!child.waitForFinished(-1) || child.exitCode() != 0) {
        say(u"measurement failed: "_s + QString::fromUtf8(child.readAll()));
        return std::nullopt;
    }
    const QStringList parts =
        QString::fromUtf8(child.readAllStandardOutput()).trimmed().split(u' ');
    return Measurement{parts.value(0).toDouble(), parts.value(1).toLongLong(),
                       parts.value(2).toLongLong(), parts.value(3).toLongLong()};
}

bool run(const QString& program, const QStringList& arguments, QByteArray input = {})
{
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(program, arguments);
    if (!input.isEmpty()) {
        process.write(input);
        process.closeWriteChannel();
    }
    process.waitForFinished(-1);
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

// Loads SQL with psql (one process, autocommit: a 10,000-table schema does not fit in one
// transaction's lock table). psql meta-commands in the corpus file are dropped first.
bool load(const db::LocalCluster& cluster, const QString& database, const QByteArray& sql)
{
    QByteArray clean;
    for (const QByteArray& line : sql.split('\n'))
        if (!line.trimmed().startsWith('\\'))
            clean += line + '\n';
    const QString url = cluster.connectionInfo().with(u"dbname"_s, database).toUri();
    if (!run(cluster.binDir() + u"/psql"_s,
             {u"-X"_s, u"-q"_s, u"-v"_s, u"ON_ERROR_STOP=1"_s, u"-o"_s, u"/dev/null"_s, url},
             clean))
        return false;
    // Settle the fresh database before timing anything: otherwise autovacuum analyzes the
    // hundreds of new tables during the measurements and takes a core from both introspection
    // and pg_dump (a 2-core machine showed medians 20-50 % apart from run to run).
    return run(cluster.binDir() + u"/psql"_s,
               {u"-X"_s, u"-q"_s, u"-c"_s, u"VACUUM (ANALYZE)"_s, u"-c"_s, u"CHECKPOINT"_s, url});
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments();
    if (args.value(1) == u"--measure")
        return measure(args.value(2), args.value(3).toInt());
    QList<int> sizes{1000, 5000, 10000};
    int runs = 10;
    for (int i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == u"--sizes") {
            sizes.clear();
            for (const QString& size : args[i + 1].split(u','))
                sizes.append(size.toInt());
        } else if (args[i] == u"--runs") {
            runs = args[i + 1].toInt();
        } else if (args[i] == u"--connections") {
            qputenv("PLUMB_BENCH_CONNECTIONS", args[i + 1].toUtf8()); // read by the children
        }
    }

    SilentProgress progress;
    auto cluster = db::LocalCluster::start({}, progress);
    if (!cluster) {
        say(cluster.error().message);
        return 1;
    }
    auto admin = db::Connection::open(cluster->connectionInfo());
    if (!admin) {
        say(admin.error().message);
        return 1;
    }
    say(u"PostgreSQL %1, private cluster; reader connections: %2"_s.arg(
        (*admin)->serverVersion(),
        qEnvironmentVariable("PLUMB_BENCH_CONNECTIONS", u"2 (default)"_s)));

    // musicbrainz next to pg_dump.
    QFile musicbrainz(sharedDir + u"/corpus/schemas/musicbrainz.sql"_s);
    if (musicbrainz.open(QIODevice::ReadOnly)) {
        (void)(*admin)->exec(u"CREATE DATABASE musicbrainz TEMPLATE template0"_s);
        if (!load(*cluster, u"musicbrainz"_s, musicbrainz.readAll())) {
            say(u"musicbrainz.sql did not load"_s);
            return 1;
        }
        const QString url = cluster->connectionInfo().with(u"dbname"_s, u"musicbrainz"_s).toUri();
        auto introspection = measureInChild(url, runs);
        std::vector<double> dumps;
        for (int i = 0; i < std::max(3, runs / 2); ++i) {
            QElapsedTimer timer;
            timer.start();
            run(cluster->binDir() + u"/pg_dump"_s,
                {u"--schema-only"_s, u"-f"_s, u"/dev/null"_s, u"-d"_s, url});
            dumps.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
        if (introspection) {
            const double dump = median(dumps);
            say(u"musicbrainz: %1 tables, %2 indexes; introspect median %3 ms over %4 runs "
                u"(target <= 150 ms), peak %5 MB; pg_dump --schema-only median %6 ms over %7 "
                u"runs; ratio %8x"_s.arg(introspection->tables)
                    .arg(introspection->indexes)
                    .arg(introspection->medianMs, 0, 'f', 1)
                    .arg(runs)
                    .arg(introspection->peakKb / 1024.0, 0, 'f', 1)
                    .arg(dump, 0, 'f', 1)
                    .arg(dumps.size())
                    .arg(dump / std::max(0.001, introspection->medianMs), 0, 'f', 1));
        }
    } else {
        say(u"musicbrainz.sql not found next to the repository: skipped"_s);
    }

    // Generated schemas: linear growth shows as a flat ms-per-1000-tables column.
    say(u"generated schemas (gen_schema.py): tables, indexes, median ms, peak MB, "
        u"ms per 1000 tables"_s);
    for (int size : sizes) {
        QProcess generator;
        generator.start(u"python3"_s,
                        {sharedDir + u"/bench/gen_schema.py"_s, QString::number(size)});
        generator.waitForFinished(-1);
        const QByteArray sql = generator.readAllStandardOutput();
        if (sql.isEmpty()) {
            say(u"gen_schema.py produced nothing (is python3 installed?)"_s);
            return 1;
        }
        const QString database = u"generated_%1"_s.arg(size);
        (void)(*admin)->exec(u"CREATE DATABASE "_s + db::quoteIdentifier(database) +
                             u" TEMPLATE template0"_s);
        if (!load(*cluster, database, sql)) {
            say(u"generated schema of %1 tables did not load"_s.arg(size));
            return 1;
        }
        const QString url = cluster->connectionInfo().with(u"dbname"_s, database).toUri();
        auto m = measureInChild(url, std::max(1, runs / 2));
        if (!m)
            return 1;
        say(u"  %1 %2 %3 %4 %5"_s.arg(m->tables, 6)
                .arg(m->indexes, 7)
                .arg(m->medianMs, 9, 'f', 1)
                .arg(m->peakKb / 1024.0, 7, 'f', 1)
                .arg(m->medianMs * 1000.0 / double(std::max<qint64>(1, m->tables)), 8, 'f', 1));
        (void)(*admin)->exec(u"DROP DATABASE "_s + db::quoteIdentifier(database));
    }
    return 0;
}
