#include "bench_scale_children.h"

#include "core/catalog/introspect.h"
#include "core/db/connection.h"
#include "core/diff/change_set.h"
#include "core/plan/plan.h"

#include <QElapsedTimer>
#include <QFile>
#include <algorithm>
#include <cstdio>
#include <malloc.h>
#include <map>
#include <sys/resource.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace plumb::bench {

namespace {

double median(std::vector<double> values)
{
    std::ranges::sort(values);
    const std::size_t n = values.size();
    return n == 0 ? 0 : n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

qint64 peakKb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

// A line of /proc/self/status ("VmRSS", "VmHWM") in kB.
qint64 statusKb(const QByteArray& field)
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith(QByteArray(field + ':')))
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toLongLong();
    return 0;
}

// Lets VmHWM start again from the current RSS (Linux: "5" into clear_refs).
void resetPeak()
{
    QFile clear(u"/proc/self/clear_refs"_s);
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
}

std::unique_ptr<db::Connection> connect(const QString& url)
{
    auto info = db::ConnectionInfo::parse(url);
    if (!info) {
        std::fprintf(stderr, "%s\n", qPrintable(info.error().message));
        return nullptr;
    }
    auto connection = db::Connection::open(*info);
    if (!connection) {
        std::fprintf(stderr, "%s\n", qPrintable(connection.error().message));
        return nullptr;
    }
    return std::move(*connection);
}

int counts(const QString& url)
{
    auto connection = connect(url);
    if (!connection)
        return 2;
    SilentProgress progress;
    auto catalog = catalog::introspect(*connection, {}, progress);
    if (!catalog)
        return 2;
    qsizetype columns = 0;
    for (const catalog::Table& table : catalog->tables)
        columns += table.columns.size();
    std::printf("%lld %lld %lld %lld\n", qint64(catalog->tables.size()),
                qint64(catalog->indexes.size()), qint64(columns),
                qint64(catalog->constraints.size()));
    return 0;
}

// CPU time (user + system) a process has used so far, from /proc/PID/stat, in ms: the server's
// own cost of a query, which a busy machine does not inflate the way it does wall time.
double cpuMs(int pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = stat.readAll();
    // Fields after the command name (in parentheses, which may hold spaces): utime is the 14th
    // field of the line, stime the 15th.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    const double ticks = fields.value(11).toDouble() + fields.value(12).toDouble();
    return ticks * 1000.0 / double(sysconf(_SC_CLK_TCK));
}

int raw(const QString& url, int runs)
{
    auto connection = connect(url);
    if (!connection)
        return 2;
    const QStringList names = catalog::catalogQueryNames();
    QStringList queries;
    for (const QString& name : names) {
        auto sql = catalog::catalogQuery(name, connection->serverVersionNumber());
        if (!sql)
            return 2;
        queries.append(*sql);
    }
    std::map<QString, std::vector<double>> perQuery;
    std::map<QString, std::vector<double>> perQueryCpu;
    std::vector<double> totals;
    std::vector<double> cpuTotals;
    const int backend = connection->backendPid();
    for (int run = 0; run < runs; ++run) {
        auto transaction =
            db::Transaction::begin(*connection, u"ISOLATION LEVEL REPEATABLE READ, READ ONLY"_s);
        if (!transaction || !connection->exec(u"SELECT "_s + catalog::catalogReadSettings()))
            return 2;
        double total = 0;
        double cpuTotal = 0;
        for (qsizetype i = 0; i < queries.size(); ++i) {
            const double cpuBefore = cpuMs(backend);
            QElapsedTimer timer;
            timer.start();
            auto rows = connection->exec(queries[i], {db::Param::textArray({})});
            const double ms = double(timer.nsecsElapsed()) / 1e6;
            const double cpu = cpuMs(backend) - cpuBefore;
            perQueryCpu[names[i]].push_back(cpu);
            cpuTotal += cpu;
            if (!rows) {
                std::fprintf(stderr, "%s: %s\n", qPrintable(names[i]),
                             qPrintable(rows.error().message));
                return 2;
            }
            perQuery[names[i]].push_back(ms);
            total += ms;
        }
        totals.push_back(total);
        cpuTotals.push_back(cpuTotal);
    }
    if (qEnvironmentVariableIsSet("PLUMB_BENCH_STEPS"))
        for (const QString& name : names)
            std::fprintf(stderr, "  %-28s %8.1f ms, server CPU %6.0f ms\n", qPrintable(name),
                         median(perQuery[name]), median(perQueryCpu[name]));
    std::printf("%.1f %lld %.0f\n", median(totals), peakKb(), median(cpuTotals));
    return 0;
}

int introspect(const QString& url, int runs)
{
    auto connection = connect(url);
    if (!connection)
        return 2;
    SilentProgress progress;
    std::vector<double> times;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        auto catalog = catalog::introspect(*connection, {}, progress);
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (!catalog) {
            std::fprintf(stderr, "%s\n", qPrintable(catalog.error().message));
            return 2;
        }
    }
    std::printf("%.1f %lld\n", median(times), peakKb());
    return 0;
}

int compare(const QString& urlA, const QString& urlB, bool half, int runs)
{
    auto a = connect(urlA);
    auto b = connect(urlB);
    if (!a || !b)
        return 2;
    catalog::IntrospectOptions options;
    if (half) {
        auto schemas = a->exec(u"SELECT nspname FROM pg_namespace WHERE nspname !~ '^pg_' "
                               u"AND nspname <> 'information_schema' ORDER BY nspname"_s);
        if (!schemas)
            return 2;
        for (int r = 0; r < schemas->rowCount() / 2; ++r)
            options.schemas.append(schemas->text(r, 0));
    }
    SilentProgress progress;
    malloc_trim(0);
    const qint64 before = statusKb("VmRSS");
    auto from = catalog::introspect(*a, options, progress);
    auto to = catalog::introspect(*b, options, progress);
    if (!from || !to)
        return 2;
    malloc_trim(0);
    const qint64 catalogs = statusKb("VmRSS") - before;
    resetPeak();
    const qint64 baseline = statusKb("VmRSS");
    std::vector<double> compareTimes;
    std::vector<double> planTimes;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        const diff::ChangeSet changes = diff::compare(*from, *to);
        compareTimes.push_back(double(timer.nsecsElapsed()) / 1e6);
        timer.start();
        const plan::Plan plan = plan::makePlan(*from, *to, changes, plan::Mode::Online);
        planTimes.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (!changes.changes.isEmpty())
            std::fprintf(stderr, "the two databases differ: %lld changes\n",
                         qint64(changes.changes.size()));
    }
    std::printf("%lld %.1f %.1f %lld %lld\n", qint64(from->tables.size()), median(compareTimes),
                median(planTimes), catalogs, statusKb("VmHWM") - baseline);
    return 0;
}

} // namespace

int runChild(const QStringList& arguments)
{
    const QString mode = arguments.value(0);
    if (mode == u"--child-counts")
        return counts(arguments.value(1));
    if (mode == u"--child-raw")
        return raw(arguments.value(1), std::max(1, arguments.value(2).toInt()));
    if (mode == u"--child-introspect")
        return introspect(arguments.value(1), std::max(1, arguments.value(2).toInt()));
    if (mode == u"--child-compare")
        return compare(arguments.value(1), arguments.value(2), arguments.value(3) == u"half",
                       std::max(1, arguments.value(4).toInt()));
    std::fprintf(stderr, "bench_scale: unknown child mode %s\n", qPrintable(mode));
    return 2;
}

} // namespace plumb::bench
