// bench_fleet: a fleet of databases of one schema, planned once and applied in waves.
//
//   bench_fleet [--server URL] [--databases N] [--tables T] [--parallelism 1,4,16] [--tenants]
//
// Makes N databases (default 200) of gen_schema.py T (default 20 tables) on one server, one of
// them drifted (an extra index), and a desired schema that adds an index and a column. With
// --tenants the N targets are tenant schemas (tenant_000...) of one database instead, the fleet
// `fleet: {schemas: "tenant_*"}` declares: each read alone and compared as if it were the
// desired schema (tenant_schema.h). For each parallelism it recreates the targets from a
// template, then, in a child process (so its peak memory is its own), plans the fleet
// (fleet::planFleet: every target read, grouped by fingerprint, one plan per group) and applies
// it (fleet::applyFleet: canary, then waves, each target under its lock, verified afterwards).
// Prints the plan and apply times, the groups, the plans computed and the peak memory, with the
// machine's load average.
//
// Without --server a private PostgreSQL is started and stopped. The databases are dropped at
// the end.
#include "core/catalog/introspect.h"
#include "core/db/connection.h"
#include "core/db/local_cluster.h"
#include "core/db/quote.h"
#include "core/fleet/fleet_apply.h"
#include "core/sql/script.h"
#include "tests/support/test_paths.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <cstdio>
#include <sys/resource.h>

using namespace Qt::StringLiterals;
using namespace plumb;

namespace {

const QString sharedDir = plumb::testing::sourceDir() + u"/../shared"_s;
const QString prefix = u"plumb_fleet_bench"_s;

void say(const QString& line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

int die(const QString& line)
{
    std::fprintf(stderr, "bench_fleet: %s\n", qPrintable(line));
    return 1;
}

QString loadAverage()
{
    QFile file(u"/proc/loadavg"_s);
    return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll()).section(u' ', 0, 2)
                                          : u"unknown"_s;
}

QString targetName(int i)
{
    return prefix + u"_%1"_s.arg(i, 3, 10, QChar(u'0'));
}

QString tenantName(int i)
{
    return u"tenant_%1"_s.arg(i, 3, 10, QChar(u'0'));
}

const QString tenantsDatabase = prefix + u"_tenants"_s;

// The child: plan and apply, one line "planMs applyMs groups plans done failed peakKb".
int runChild(const QStringList& args)
{
    // The server's URL comes through the environment: it may hold a password, never on argv.
    auto server = db::ConnectionInfo::parse(qEnvironmentVariable("PLUMB_FLEET_BENCH_SERVER"));
    if (!server)
        return die(server.error().message);
    const int count = args.value(1).toInt();
    const int parallelism = args.value(2).toInt();
    const bool tenants = args.value(3) == u"tenants"_s;
    SilentProgress progress;
    auto reference = db::Connection::open(server->with(u"dbname"_s, prefix + u"_desired"_s));
    if (!reference)
        return die(reference.error().message);
    auto desired = catalog::introspect(**reference, {}, progress);
    if (!desired)
        return die(desired.error().message);
    reference->reset();
    QList<fleet::FleetTarget> targets;
    for (int i = 0; i < count; ++i)
        targets.append(
            tenants
                ? fleet::FleetTarget{tenantName(i), server->with(u"dbname"_s, tenantsDatabase),
                                     tenantName(i)}
                : fleet::FleetTarget{targetName(i), server->with(u"dbname"_s, targetName(i)), {}});

    QElapsedTimer timer;
    timer.start();
    auto plan = fleet::planFleet(targets, *desired, {parallelism}, progress);
    if (!plan)
        return die(plan.error().message);
    const double planMs = double(timer.nsecsElapsed()) / 1e6;
    fleet::ApplyOptions options;
    options.environment.name = u"bench"_s;
    options.confirmation = u"bench"_s; // a fleet of scratch databases made above
    options.waves = {parallelism, 0, true};
    timer.restart();
    const auto applied = fleet::applyFleet(
        *plan, *desired, options, [](const fleet::RolloutStatus&) {}, progress);
    if (!applied)
        return die(applied.error().message);
    const fleet::RolloutStatus& status = *applied;
    const double applyMs = double(timer.nsecsElapsed()) / 1e6;
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("%.0f %.0f %d %d %d %d %ld\n", planMs, applyMs, int(plan->groups.size()),
                plan->plansComputed, status.count(fleet::TargetState::Done),
                status.count(fleet::TargetState::Failed), usage.ru_maxrss);
    for (const fleet::TargetStatus& target : status.targets)
        if (target.state == fleet::TargetState::Failed)
            std::fprintf(stderr, "%s: %s\n", qPrintable(target.label), qPrintable(target.error));
    return 0;
}

bool exec(db::Connection& admin, const QString& sql)
{
    auto result = admin.exec(sql);
    if (!result)
        std::fprintf(stderr, "bench_fleet: %s\n", qPrintable(result.error().message));
    return bool(result);
}

bool dropAll(db::Connection& admin, int count)
{
    for (int i = 0; i < count; ++i)
        if (!exec(admin, u"DROP DATABASE IF EXISTS "_s + db::quoteIdentifier(targetName(i)) +
                             u" WITH (FORCE)"_s))
            return false;
    return true;
}

QString generatedSchema(int tables)
{
    QProcess generator;
    generator.start(u"python3"_s, {sharedDir + u"/bench/gen_schema.py"_s, QString::number(tables)});
    generator.waitForFinished(-1);
    return QString::fromUtf8(generator.readAllStandardOutput());
}

bool dropDatabase(db::Connection& admin, const QString& name)
{
    return exec(admin,
                u"DROP DATABASE IF EXISTS "_s + db::quoteIdentifier(name) + u" WITH (FORCE)"_s);
}

bool copyDatabase(db::Connection& admin, const QString& name, const QString& templateName)
{
    return exec(admin, u"CREATE DATABASE "_s + db::quoteIdentifier(name) + u" TEMPLATE "_s +
                           db::quoteIdentifier(templateName));
}

// The template at gen_schema.py `tables` and the desired database (the template plus an index
// and a column), made once per benchmark run.
bool makeTemplates(db::Connection& admin, const db::ConnectionInfo& server, int tables)
{
    const QString templateName = prefix + u"_template"_s;
    const QString desiredName = prefix + u"_desired"_s;
    SilentProgress quiet;
    if (!dropDatabase(admin, desiredName) || !dropDatabase(admin, templateName) ||
        !exec(admin, u"CREATE DATABASE "_s + db::quoteIdentifier(templateName)))
        return false;
    {
        auto connection = db::Connection::open(server.with(u"dbname"_s, templateName));
        if (!connection ||
            !sql::runScript(**connection, generatedSchema(tables), u"gen_schema.sql"_s, quiet))
            return false;
    }
    if (!copyDatabase(admin, desiredName, templateName))
        return false;
    auto desired = db::Connection::open(server.with(u"dbname"_s, desiredName));
    return desired && exec(**desired, u"CREATE INDEX fleet_t0_c1 ON s0.t0 (c1)"_s) &&
           exec(**desired, u"ALTER TABLE s0.t0 ADD COLUMN fleet_note text"_s);
}

// `count` copies of the template, one of them (the 8th) drifted.
bool makeDatabaseFleet(db::Connection& admin, const db::ConnectionInfo& server, int count)
{
    if (!dropAll(admin, count))
        return false;
    for (int i = 0; i < count; ++i)
        if (!copyDatabase(admin, targetName(i), prefix + u"_template"_s))
            return false;
    auto drifted =
        db::Connection::open(server.with(u"dbname"_s, targetName(std::min(7, count - 1))));
    return drifted && exec(**drifted, u"CREATE INDEX drift ON s0.t1 (c2)"_s);
}

// One database of `count` tenant schemas, each gen_schema.py `tables` (which puts up to 499
// tables in schema s0) moved to tenant_NNN; the 8th drifted. Loaded once into a template
// database and copied for each run, as the database fleet is.
bool makeTenantFleet(db::Connection& admin, const db::ConnectionInfo& server, int count, int tables,
                     bool load)
{
    const QString templateName = tenantsDatabase + u"_template"_s;
    if (load) {
        if (tables >= 500)
            return false;
        SilentProgress quiet;
        if (!dropDatabase(admin, templateName) ||
            !exec(admin, u"CREATE DATABASE "_s + db::quoteIdentifier(templateName)))
            return false;
        auto connection = db::Connection::open(server.with(u"dbname"_s, templateName));
        if (!connection)
            return false;
        static const QRegularExpression schemaName(u"\\bs0\\b"_s);
        const QString schema = generatedSchema(tables);
        for (int i = 0; i < count; ++i) {
            QString tenant = schema;
            tenant.replace(schemaName, tenantName(i));
            if (!sql::runScript(**connection, tenant, u"gen_schema.sql"_s, quiet))
                return false;
        }
        if (!exec(**connection,
                  u"CREATE INDEX drift ON %1.t1 (c2)"_s.arg(tenantName(std::min(7, count - 1)))))
            return false;
    }
    return dropDatabase(admin, tenantsDatabase) &&
           copyDatabase(admin, tenantsDatabase, templateName);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.value(1) == u"--child")
        return runChild(args.mid(1));

    QString serverUrl;
    int count = 200;
    int tables = 20;
    QList<int> parallelisms{1, 4, 16};
    bool tenants = false;
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == u"--server" && i + 1 < args.size()) {
            serverUrl = args[++i];
        } else if (args[i] == u"--databases" && i + 1 < args.size()) {
            count = std::max(1, args[++i].toInt());
        } else if (args[i] == u"--tables" && i + 1 < args.size()) {
            tables = std::max(2, args[++i].toInt());
        } else if (args[i] == u"--parallelism" && i + 1 < args.size()) {
            parallelisms.clear();
            for (const QString& value : args[++i].split(u','))
                parallelisms.append(std::max(1, value.toInt()));
        } else if (args[i] == u"--tenants"_s) {
            tenants = true;
        } else {
            return die(u"usage: bench_fleet [--server URL] [--databases N] [--tables T] "
                       u"[--parallelism 1,4,16] [--tenants]"_s);
        }
    }

    SilentProgress quiet;
    std::optional<db::LocalCluster> cluster;
    db::ConnectionInfo server;
    if (serverUrl.isEmpty()) {
        auto started = db::LocalCluster::start({}, quiet);
        if (!started)
            return die(started.error().message);
        cluster.emplace(std::move(*started));
        server = cluster->connectionInfo();
    } else {
        auto parsed = db::ConnectionInfo::parse(serverUrl);
        if (!parsed)
            return die(parsed.error().message);
        server = *parsed;
    }
    auto admin = db::Connection::open(server);
    if (!admin)
        return die(admin.error().message);

    if (tenants && tables >= 500)
        return die(
            u"--tenants takes fewer than 500 tables a tenant (gen_schema.py's one schema)"_s);
    say(u"PostgreSQL %1; %2 %3 of gen_schema.py %4, one drifted; load average %5"_s
            .arg((*admin)->serverVersion())
            .arg(count)
            .arg(tenants ? u"tenant schemas in one database"_s : u"databases"_s)
            .arg(tables)
            .arg(loadAverage()));
    say(u"  %1 %2 %3 %4 %5 %6 %7"_s.arg(u"parallelism"_s, 11)
            .arg(u"plan"_s, 10)
            .arg(u"apply"_s, 10)
            .arg(u"groups"_s, 7)
            .arg(u"plans"_s, 6)
            .arg(u"done/failed"_s, 12)
            .arg(u"peak"_s, 8));
    if (!makeTemplates(**admin, server, tables))
        return die(u"making the template and desired databases failed"_s);
    bool loaded = false;
    for (int parallelism : parallelisms) {
        const bool made = tenants ? makeTenantFleet(**admin, server, count, tables, !loaded)
                                  : makeDatabaseFleet(**admin, server, count);
        if (!made)
            return die(u"making the fleet failed"_s);
        loaded = true;
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"PLUMB_FLEET_BENCH_SERVER"_s, server.toUri());
        child.setProcessEnvironment(environment);
        child.start(QCoreApplication::applicationFilePath(),
                    {u"--child"_s, QString::number(count), QString::number(parallelism),
                     tenants ? u"tenants"_s : u"databases"_s});
        if (!child.waitForFinished(-1) || child.exitCode() != 0)
            return die(u"the run at parallelism %1 failed"_s.arg(parallelism));
        const QStringList f =
            QString::fromUtf8(child.readAllStandardOutput()).trimmed().split(u' ');
        say(u"  %1 %2 %3 %4 %5 %6 %7"_s.arg(parallelism, 11)
                .arg(f.value(0) + u" ms"_s, 10)
                .arg(f.value(1) + u" ms"_s, 10)
                .arg(f.value(2), 7)
                .arg(f.value(3), 6)
                .arg(f.value(4) + u'/' + f.value(5), 12)
                .arg(QString::number(f.value(6).toLongLong() / 1024) + u" MB"_s, 8));
    }
    say(u"load average at the end: %1"_s.arg(loadAverage()));
    if (!tenants)
        dropAll(**admin, count);
    for (const QString& name : QStringList{prefix + u"_desired"_s, prefix + u"_template"_s,
                                           tenantsDatabase, tenantsDatabase + u"_template"_s})
        dropDatabase(**admin, name);
    return 0;
}
