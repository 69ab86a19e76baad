// bench_diff URL
//
// Diff + plan of MusicBrainz against a mutated copy (../shared/bench/musicbrainz_mutation.sql:
// columns, indexes, defaults, checks, tables and views changed). Loads both sides into two
// fresh databases on the server at URL (a maintenance database such as postgres), introspects
// them once (not timed), then times compare() + makePlan() ten times and prints the median.
#include "core/catalog/introspect.h"
#include "core/db/connection.h"
#include "core/db/quote.h"
#include "core/diff/change_set.h"
#include "core/plan/plan.h"
#include "core/sql/script.h"
#include "tests/support/test_paths.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace plumb;

namespace {

int fail(const QString& message)
{
    std::fprintf(stderr, "bench_diff: %s\n", qPrintable(message));
    return 1;
}

QString readSql(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QString text = QString::fromUtf8(file.readAll());
    static const QRegularExpression meta(u"^\\\\[^\\n]*$"_s, QRegularExpression::MultilineOption);
    return text.replace(meta, QString());
}

Result<catalog::Catalog> loadAndRead(const db::ConnectionInfo& server, const QString& name,
                                     const QStringList& files)
{
    auto admin = db::Connection::open(server);
    if (!admin)
        return std::unexpected(admin.error());
    (void)(*admin)->exec(u"DROP DATABASE IF EXISTS "_s + db::quoteIdentifier(name) +
                         u" WITH (FORCE)"_s);
    if (auto created = (*admin)->exec(u"CREATE DATABASE "_s + db::quoteIdentifier(name) +
                                      u" TEMPLATE template0"_s);
        !created)
        return std::unexpected(created.error());
    auto connection = db::Connection::open(server.with(u"dbname"_s, name));
    if (!connection)
        return std::unexpected(connection.error());
    SilentProgress progress;
    for (const QString& file : files)
        if (Status loaded = sql::runScript(**connection, readSql(file), file, progress); !loaded)
            return std::unexpected(loaded.error());
    return catalog::introspect(**connection, {}, progress);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 2)
        return fail(u"usage: bench_diff URL (a maintenance database, e.g. postgres)"_s);
    auto server = db::ConnectionInfo::parse(args[1]);
    if (!server)
        return fail(server.error().message);
    const QString shared = plumb::testing::sourceDir() + u"/../shared"_s;
    const QString schema = shared + u"/corpus/schemas/musicbrainz.sql"_s;
    const QString mutation = shared + u"/bench/musicbrainz_mutation.sql"_s;
    if (!QFile::exists(schema) || !QFile::exists(mutation))
        return fail(u"the shared corpus and bench files are absent"_s);

    auto from = loadAndRead(*server, u"plumb_bench_mb_a"_s, {schema});
    if (!from)
        return fail(from.error().describe());
    auto to = loadAndRead(*server, u"plumb_bench_mb_b"_s, {schema, mutation});
    if (!to)
        return fail(to.error().describe());

    QList<double> times;
    qsizetype changes = 0;
    qsizetype steps = 0;
    for (int run = 0; run < 10; ++run) {
        QElapsedTimer timer;
        timer.start();
        const diff::ChangeSet set = diff::compare(*from, *to);
        const plan::Plan plan = plan::makePlan(*from, *to, set, plan::Mode::Online);
        times.append(timer.nsecsElapsed() / 1e6);
        changes = set.changes.size();
        steps = plan.steps.size();
    }
    std::sort(times.begin(), times.end());
    const double median = (times[4] + times[5]) / 2;
    std::printf("musicbrainz: %lld tables, %lld indexes; %lld changes, %lld plan steps\n",
                qint64(from->tables.size()), qint64(from->indexes.size()), qint64(changes),
                qint64(steps));
    std::printf("diff + plan, 10 runs: median %.1f ms (min %.1f, max %.1f)\n", median,
                times.front(), times.back());
    return 0;
}
