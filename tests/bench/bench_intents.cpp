// bench_intents: how well and how fast the intent registry finds colliding schema changes.
//
//   bench_intents [--url URL] [--corpus] [--scale] [--intents 10000] [--checks 1000]
//
// Without --url it starts a private PostgreSQL (LocalCluster). With neither --corpus nor --scale
// it runs both.
//
// --corpus scores tests/data/intents/pairs.sql (labelled pairs of changes against base.sql)
//   twice: through Plumbline's registry (register one change, check the other, as two agents
//   meet in the registry) and with Confiture's conflict rules, re-implemented here from
//   fraiseql/confiture integrations/pggit/coordination/detector.py (its five regular
//   expressions, tables_affected derived from CREATE/ALTER/DROP TABLE as its register does, the
//   change split on ';' as its CLI does). Prints recall and precision of each, and every pair
//   Plumbline gets wrong.
// --scale registers --intents intents (default 10,000) from agents changing a synthetic schema
//   of 2,000 tables, then checks --checks more changes against them all, and prints the time per
//   register and per check (median, 95th percentile, worst) while 90-100 % of them are active.

#include "core/coordinate/registry.h"
#include "core/db/connection.h"
#include "core/db/local_cluster.h"
#include "core/db/quote.h"
#include "core/sql/script.h"
#include "tests/support/intent_corpus.h"
#include "tests/support/test_paths.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace plumb;
using namespace plumb::coordinate;

namespace {

void say(const QString& line)
{
    std::fputs(qPrintable(line + u'\n'), stdout);
    std::fflush(stdout);
}

// ----- Confiture's rules (detector.py), faithfully, for comparison -----

struct ConfitureIntent {
    QStringList changes;
    QSet<QString> tables;
};

const QRegularExpression::PatternOptions caseless =
    QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption;
const QRegularExpression
    tablePattern(u"(?:CREATE|ALTER|DROP)\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(\\w+)"_s, caseless);
const QRegularExpression
    columnPattern(u"ALTER\\s+TABLE\\s+(\\w+)\\s+(?:ADD|DROP)\\s+COLUMN\\s+(\\w+)"_s, caseless);
const QRegularExpression
    constraintPattern(u"(?:ADD|DROP)\\s+(?:PRIMARY\\s+KEY|FOREIGN\\s+KEY|UNIQUE|CHECK|DEFAULT)"_s,
                      caseless);
const QRegularExpression
    functionPattern(u"(?:CREATE|ALTER|DROP)\\s+FUNCTION\\s+(?:IF\\s+EXISTS\\s+)?(\\w+)"_s,
                    caseless);
const QRegularExpression
    indexPattern(u"(?:CREATE|DROP)\\s+(?:UNIQUE\\s+)?INDEX\\s+(?:IF\\s+EXISTS\\s+)?(\\w+)"_s,
                 caseless);

QSet<QString> matches(const QRegularExpression& pattern, const QStringList& changes,
                      bool twoGroups = false)
{
    QSet<QString> found;
    for (const QString& change : changes) {
        auto it = pattern.globalMatch(change);
        while (it.hasNext()) {
            const auto match = it.next();
            found.insert(twoGroups ? match.captured(1) + u'.' + match.captured(2)
                                   : match.captured(1));
        }
    }
    return found;
}

ConfitureIntent confitureIntent(const QString& ddl)
{
    ConfitureIntent intent;
    // The CLI: "Split by semicolon".
    for (const QString& part : ddl.split(u';'))
        if (!part.trimmed().isEmpty())
            intent.changes.append(part.trimmed());
    // register(): tables_affected omitted, so extracted from the changes.
    intent.tables = matches(tablePattern, intent.changes);
    return intent;
}

bool confitureConflict(const ConfitureIntent& a, const ConfitureIntent& b)
{
    const bool tables = a.tables.intersects(b.tables);
    if (tables)
        return true;
    if (matches(columnPattern, a.changes, true).intersects(matches(columnPattern, b.changes, true)))
        return true;
    if (matches(functionPattern, a.changes).intersects(matches(functionPattern, b.changes)))
        return true;
    if (matches(indexPattern, a.changes).intersects(matches(indexPattern, b.changes)))
        return true;
    return false; // the constraint rule needs overlapping tables, checked above
}

// ----- corpus -----

int runCorpus(db::Connection& server, const QString& sourceDir)
{
    const QString folder = sourceDir + u"/tests/data/intents"_s;
    QFile base(folder + u"/base.sql"_s);
    if (!base.open(QIODevice::ReadOnly)) {
        say(u"cannot read "_s + base.fileName());
        return 2;
    }
    auto pairs = testing::loadIntentCorpus(folder + u"/pairs.sql"_s);
    if (!pairs) {
        say(pairs.error().describe());
        return 2;
    }
    SilentProgress progress;
    (void)server.exec(u"DROP DATABASE IF EXISTS bench_intent_corpus WITH (FORCE)"_s);
    if (auto made = server.exec(u"CREATE DATABASE bench_intent_corpus"_s); !made) {
        say(made.error().describe());
        return 2;
    }
    const db::ConnectionInfo info = server.info().with(u"dbname"_s, u"bench_intent_corpus"_s);
    auto connection = db::Connection::open(info);
    if (!connection) {
        say(connection.error().describe());
        return 2;
    }
    if (auto loaded = sql::runScript(**connection, QString::fromUtf8(base.readAll()), u"base.sql"_s,
                                     progress);
        !loaded) {
        say(loaded.error().describe());
        return 2;
    }
    QElapsedTimer timer;
    timer.start();
    auto score = testing::scoreIntentCorpus(**connection, *pairs, progress);
    if (!score) {
        say(score.error().describe());
        return 2;
    }
    const qint64 elapsed = timer.elapsed();

    testing::CorpusScore confiture;
    for (const testing::CorpusPair& pair : std::as_const(*pairs)) {
        testing::PairOutcome outcome;
        outcome.pair = pair;
        outcome.predicted = confitureConflict(confitureIntent(pair.a), confitureIntent(pair.b));
        confiture.add(outcome);
    }
    QMap<QString, int> labels;
    for (const testing::CorpusPair& pair : std::as_const(*pairs))
        ++labels[pair.expect];
    QStringList counts;
    for (auto it = labels.begin(); it != labels.end(); ++it)
        counts.append(u"%1 %2"_s.arg(it.value()).arg(it.key()));
    say(u"Corpus: %1 pairs (%2)"_s.arg(pairs->size()).arg(counts.join(u", "_s)));
    say(u"%1 %2 %3 %4 %5 %6 %7"_s.arg(u"rules"_s, -26)
            .arg(u"recall"_s, 8)
            .arg(u"precision"_s, 10)
            .arg(u"TP"_s, 5)
            .arg(u"FP"_s, 5)
            .arg(u"FN"_s, 5)
            .arg(u"TN"_s, 5));
    auto row = [](const QString& name, const testing::CorpusScore& s) {
        say(u"%1 %2 %3 %4 %5 %6 %7"_s.arg(name, -26)
                .arg(u"%1 %"_s.arg(s.recall() * 100, 0, 'f', 1), 8)
                .arg(u"%1 %"_s.arg(s.precision() * 100, 0, 'f', 1), 10)
                .arg(s.truePositive, 5)
                .arg(s.falsePositive, 5)
                .arg(s.falseNegative, 5)
                .arg(s.trueNegative, 5));
    };
    row(u"Plumbline (registry)"_s, *score);
    row(u"Confiture regex rules"_s, confiture);
    say(u"Plumbline named the labelled kind for %1 of its %2 true positives; %3 ms for the "
        u"corpus (%4 ms a pair)."_s.arg(score->kindRight)
            .arg(score->truePositive)
            .arg(elapsed)
            .arg(double(elapsed) / pairs->size(), 0, 'f', 1));
    const QStringList misses = score->misses();
    if (!misses.isEmpty())
        say(u"Plumbline's wrong answers:"_s);
    for (const QString& miss : misses)
        say(u"  "_s + miss.left(220));
    connection->reset();
    (void)server.exec(u"DROP DATABASE IF EXISTS bench_intent_corpus WITH (FORCE)"_s);
    return 0;
}

// ----- scale -----

constexpr int tableCount = 2000;

QString syntheticSchema()
{
    QString sql = u"CREATE SCHEMA IF NOT EXISTS shop;\n"_s;
    for (int t = 0; t < tableCount; ++t) {
        sql += u"CREATE TABLE shop.t%1 (id bigint PRIMARY KEY, a integer, b text, c numeric, "
               u"d timestamptz, e boolean, f text, g bigint);\n"_s.arg(t);
        if (t % 10 == 0)
            sql += u"CREATE VIEW shop.v%1 AS SELECT id, a, b FROM shop.t%1;\n"_s.arg(t);
    }
    return sql;
}

// A change an agent might plan on table `t`: the everyday kinds, in realistic proportions.
QString randomChange(QRandomGenerator& random, int serial)
{
    const int t = int(random.bounded(tableCount));
    static const QStringList columns{u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s, u"f"_s, u"g"_s};
    const QString column = columns[int(random.bounded(columns.size()))];
    switch (random.bounded(8)) {
    case 0:
    case 1:
        return u"ALTER TABLE shop.t%1 ADD COLUMN x%2 text"_s.arg(t).arg(serial);
    case 2:
        return u"CREATE INDEX CONCURRENTLY t%1_%2_idx%3 ON shop.t%1 (%2)"_s.arg(t).arg(column).arg(
            serial);
    case 3:
        return u"ALTER TABLE shop.t%1 ALTER COLUMN %2 SET NOT NULL"_s.arg(t).arg(column);
    case 4:
        return u"CREATE VIEW shop.w%2 AS SELECT id, %3 FROM shop.t%1 WHERE %3 IS NOT NULL"_s.arg(t)
            .arg(serial)
            .arg(column);
    case 5:
        return u"ALTER TABLE shop.t%1 ALTER COLUMN %2 TYPE text"_s.arg(t).arg(column);
    case 6:
        return u"UPDATE shop.t%1 SET %2 = NULL WHERE id < 100"_s.arg(t).arg(column);
    default:
        return u"ALTER TABLE shop.t%1 DROP COLUMN %2"_s.arg(t).arg(column);
    }
}

struct Timings {
    QList<double> ms;
    QString summary() const
    {
        QList<double> sorted = ms;
        std::ranges::sort(sorted);
        if (sorted.isEmpty())
            return u"-"_s;
        auto at = [&](double q) { return sorted[qsizetype(q * double(sorted.size() - 1))]; };
        return u"median %1 ms, p95 %2 ms, worst %3 ms (%4 runs)"_s.arg(at(0.5), 0, 'f', 2)
            .arg(at(0.95), 0, 'f', 2)
            .arg(sorted.last(), 0, 'f', 2)
            .arg(sorted.size());
    }
};

int runScale(db::Connection& server, int intents, int checks)
{
    (void)server.exec(u"DROP DATABASE IF EXISTS bench_intent_scale WITH (FORCE)"_s);
    if (auto made = server.exec(u"CREATE DATABASE bench_intent_scale"_s); !made) {
        say(made.error().describe());
        return 2;
    }
    const db::ConnectionInfo info = server.info().with(u"dbname"_s, u"bench_intent_scale"_s);
    auto connection = db::Connection::open(info);
    if (!connection) {
        say(connection.error().describe());
        return 2;
    }
    SilentProgress progress;
    if (auto loaded = sql::runScript(**connection, syntheticSchema(), u"synthetic.sql"_s, progress);
        !loaded) {
        say(loaded.error().describe());
        return 2;
    }
    (void)(*connection)->exec(u"VACUUM ANALYZE"_s);
    auto registry = Registry::open(**connection, true);
    if (!registry) {
        say(registry.error().describe());
        return 2;
    }
    QRandomGenerator random(20240611);
    Timings late, all;
    int conflicted = 0;
    QElapsedTimer total;
    total.start();
    for (int i = 0; i < intents; ++i) {
        IntentRequest request;
        request.agentId = u"agent-%1"_s.arg(random.bounded(50));
        request.featureName = u"change %1"_s.arg(i);
        request.ddl = randomChange(random, i);
        request.leaseSeconds = 7 * 86400;
        QElapsedTimer timer;
        timer.start();
        auto registered = registry->registerIntent(request, progress);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        if (!registered) {
            say(u"register %1 failed: %2"_s.arg(i).arg(registered.error().describe()));
            return 2;
        }
        conflicted += registered->conflicts.isEmpty() ? 0 : 1;
        all.ms.append(ms);
        if (i >= intents - intents / 10)
            late.ms.append(ms);
        if ((i + 1) % 1000 == 0)
            std::fprintf(stderr, "  %d intents registered (%.0f s)\n", i + 1,
                         double(total.elapsed()) / 1000.0);
    }
    Timings checking;
    for (int i = 0; i < checks; ++i) {
        IntentRequest request;
        request.agentId = u"checker"_s;
        request.featureName = u"probe %1"_s.arg(i);
        request.ddl = randomChange(random, intents + i);
        QElapsedTimer timer;
        timer.start();
        auto report = registry->check(request, progress);
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        if (!report) {
            say(u"check %1 failed: %2"_s.arg(i).arg(report.error().describe()));
            return 2;
        }
        checking.ms.append(ms);
    }
    auto active = registry->list({std::nullopt, {}, true});
    say(u"Scale: %1 intents on %2 tables, %3 of them registered with conflicts; %4 active at "
        u"the end."_s.arg(intents)
            .arg(tableCount)
            .arg(conflicted)
            .arg(active ? active->size() : -1));
    say(u"  register (all):                 "_s + all.summary());
    say(u"  register (last 10 %, >= %1 active): "_s.arg(intents - intents / 10) + late.summary());
    say(u"  check (%1 active):           "_s.arg(intents) + checking.summary());
    connection->reset();
    (void)server.exec(u"DROP DATABASE IF EXISTS bench_intent_scale WITH (FORCE)"_s);
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto value = [&](const QString& name, const QString& fallback) {
        const qsizetype at = args.indexOf(name);
        return at >= 0 && at + 1 < args.size() ? args[at + 1] : fallback;
    };
    bool corpus = args.contains(u"--corpus"_s);
    bool scale = args.contains(u"--scale"_s);
    if (!corpus && !scale)
        corpus = scale = true;

    std::optional<db::LocalCluster> cluster;
    db::ConnectionInfo info;
    if (args.contains(u"--url"_s)) {
        auto parsed = db::ConnectionInfo::parse(value(u"--url"_s, {}));
        if (!parsed) {
            say(parsed.error().describe());
            return 2;
        }
        info = *parsed;
    } else {
        SilentProgress progress;
        auto started = db::LocalCluster::start({}, progress);
        if (!started) {
            say(started.error().describe());
            return 2;
        }
        cluster.emplace(std::move(*started));
        info = cluster->connectionInfo();
    }
    auto server = db::Connection::open(info);
    if (!server) {
        say(server.error().describe());
        return 2;
    }
    say(u"PostgreSQL "_s + (*server)->serverVersion());
    int code = 0;
    if (corpus)
        code = std::max(code, runCorpus(**server, plumb::testing::sourceDir()));
    if (scale)
        code = std::max(code, runScale(**server, value(u"--intents"_s, u"10000"_s).toInt(),
                                       value(u"--checks"_s, u"1000"_s).toInt()));
    return code;
}
