// Benchmark: `plumb build` (core::project::applySchema) against `psql -f` on the same file.
//
//   bench_build [TABLES] [ROUNDS]     (defaults: 2000 tables, 5 rounds)
//
// Generates a synthetic schema with ../shared/bench/gen_schema.py, starts a private PostgreSQL
// server, and for each round builds the schema into fresh databases with psql -f, psql -1 -f
// (one transaction) and applySchema. Prints each timing and the median ratio. The target of
// the build feature is applySchema <= 1.1x psql -f. Built with the tests, never run by ctest.

#include "core/db/connection.h"
#include "core/db/local_cluster.h"
#include "core/db/quote.h"
#include "core/project/build.h"
#include "core/project/schema_sources.h"
#include "core/sql/classify.h"
#include "tests/support/test_paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>

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
    std::fprintf(stderr, "bench_build: %s\n", qPrintable(text));
    return 1;
}

double median(QList<double> values)
{
    std::ranges::sort(values);
    return values[values.size() / 2];
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int tables = args.size() > 1 ? args[1].toInt() : 2000;
    const int rounds = args.size() > 2 ? args[2].toInt() : 5;

    const QString generator = plumb::testing::sourceDir() + u"/../shared/bench/gen_schema.py"_s;
    if (!QFile::exists(generator))
        return die(u"the schema generator "_s + generator + u" is missing"_s);
    QTemporaryDir project;
    QDir(project.path()).mkpath(u"db/schema"_s);
    const QString schemaFile = project.filePath(u"db/schema/schema.sql"_s);
    QProcess generate;
    generate.setStandardOutputFile(schemaFile);
    generate.start(u"python3"_s, {generator, QString::number(tables)});
    if (!generate.waitForFinished(120000) || generate.exitCode() != 0)
        return die(u"gen_schema.py failed"_s);

    SilentProgress progress;
    auto cluster = db::LocalCluster::start({}, progress);
    if (!cluster)
        return die(cluster.error().describe());
    const QString psql = cluster->binDir() + u"/psql"_s;
    auto admin = db::Connection::open(cluster->connectionInfo());
    if (!admin)
        return die(admin.error().describe());
    auto opened = project::Project::open(project.path());
    if (!opened)
        return die(opened.error().describe());

    int counter = 0;
    auto freshDatabase = [&]() -> db::ConnectionInfo {
        const QString name = u"bench_"_s + QString::number(++counter);
        (void)(*admin)->exec(u"CREATE DATABASE "_s + db::quoteIdentifier(name) +
                             u" TEMPLATE template0"_s);
        return cluster->connectionInfo().with(u"dbname"_s, name);
    };
    auto timePsql = [&](bool single) -> double {
        const db::ConnectionInfo target = freshDatabase();
        QStringList psqlArgs{u"-X"_s, u"-q"_s, u"-v"_s, u"ON_ERROR_STOP=1"_s};
        if (single)
            psqlArgs << u"-1"_s;
        psqlArgs << u"-f"_s << schemaFile << u"-d"_s << target.toUri();
        QElapsedTimer timer;
        timer.start();
        QProcess process;
        process.start(psql, psqlArgs);
        process.waitForFinished(600000);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        if (process.exitCode() != 0)
            say(u"psql failed: "_s + QString::fromUtf8(process.readAllStandardError()));
        return ms;
    };
    auto timePlumb = [&]() -> double {
        const db::ConnectionInfo target = freshDatabase();
        QElapsedTimer timer;
        timer.start();
        // Everything plumb build does: read and hash the files, parse, connect, apply.
        auto sources = project::collectSchemaSources(*opened, nullptr);
        auto connection = db::Connection::open(target);
        if (!sources || !connection)
            return -1;
        auto built = project::applySchema(**connection, *sources, progress);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        if (!built)
            say(u"plumb build failed: "_s + built.error().describe());
        return ms;
    };

    {
        // The client-side share: read, hash, split and classify, no server.
        QElapsedTimer timer;
        timer.start();
        auto sources = project::collectSchemaSources(*opened, nullptr);
        auto located = sources ? project::locateStatements(*sources)
                               : Result<QList<project::LocatedStatement>>();
        const double splitMs = double(timer.nsecsElapsed()) / 1e6;
        int nonTransactional = 0;
        if (located)
            for (const auto& statement : *located)
                if (auto kind = sql::classifyStatement(statement.text);
                    kind && kind->rule != sql::TransactionRule::Transactional)
                    ++nonTransactional;
        const double classifiedMs = double(timer.nsecsElapsed()) / 1e6;
        // The refusal of COPY ... PROGRAM, untrusted languages, lo_import...: one more parse.
        if (located)
            (void)project::requireNoServerAccess(*located);
        say(u"client side: read+hash+split %1 ms, + classify %2 ms, + server-access check %3 ms "
            u"(%4 statements)"_s.arg(splitMs, 0, 'f', 1)
                .arg(classifiedMs, 0, 'f', 1)
                .arg(double(timer.nsecsElapsed()) / 1e6, 0, 'f', 1)
                .arg(located ? located->size() : 0));
    }
    say(u"schema: %1 tables, %2 bytes; %3 rounds"_s.arg(tables)
            .arg(QFileInfo(schemaFile).size())
            .arg(rounds));
    (void)timePsql(false); // warm the server's caches once
    QList<double> psqlTimes, psqlSingleTimes, plumbTimes;
    for (int round = 0; round < rounds; ++round) {
        psqlTimes.append(timePsql(false));
        psqlSingleTimes.append(timePsql(true));
        plumbTimes.append(timePlumb());
        say(u"round %1: psql -f %2 ms, psql -1 -f %3 ms, plumb build %4 ms"_s.arg(round + 1)
                .arg(psqlTimes.last(), 0, 'f', 1)
                .arg(psqlSingleTimes.last(), 0, 'f', 1)
                .arg(plumbTimes.last(), 0, 'f', 1));
    }
    const double psqlMedian = median(psqlTimes), plumbMedian = median(plumbTimes);
    say(u"median: psql -f %1 ms, psql -1 -f %2 ms, plumb build %3 ms; plumb/psql-f = %4x"_s
            .arg(psqlMedian, 0, 'f', 1)
            .arg(median(psqlSingleTimes), 0, 'f', 1)
            .arg(plumbMedian, 0, 'f', 1)
            .arg(plumbMedian / psqlMedian, 0, 'f', 3));
    // On a shared machine the fastest round is the one least disturbed by other work.
    const double psqlBest = std::ranges::min(psqlTimes), plumbBest = std::ranges::min(plumbTimes);
    say(u"best:   psql -f %1 ms, psql -1 -f %2 ms, plumb build %3 ms; plumb/psql-f = %4x"_s
            .arg(psqlBest, 0, 'f', 1)
            .arg(std::ranges::min(psqlSingleTimes), 0, 'f', 1)
            .arg(plumbBest, 0, 'f', 1)
            .arg(plumbBest / psqlBest, 0, 'f', 3));
    return 0;
}
