#include "conformance_runner.h"
#include "core/db/connection.h"
#include "shard.h"
#include "tests/support/test_database.h"
#include "tests/support/test_paths.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTest>
#include <atomic>
#include <thread>

using namespace Qt::StringLiterals;
using namespace plumb;
using namespace plumb::testing;

// The schema diff against the third-party corpus: every case whose a.sql and b.sql load is
// filled with rows, diffed a->b and b->a, in plain and online mode, applied, compared by
// fingerprint, and checked for rows that did not survive (data_survival.h).
// One CTest test runs one shard of the cases (PLUMB_CONFORMANCE_SHARD, see shard.h); it fails on
// any failed run not listed in diff_known_failures.txt, and leaves its results for
// tst_conformance_report, which writes conformance-diff-report.md with the rates per source.
// PLUMB_CONFORMANCE_FILTER=text keeps the cases whose "source/name" contains text;
// PLUMB_CONFORMANCE_JOBS sets the number of cases run at once inside the shard (default 1: CTest
// already runs a shard per core).
class TestConformanceDiff : public QObject {
    Q_OBJECT

private slots:
    void corpus();
};

namespace {

const char* const runNames[4] = {"a->b plain", "a->b online", "b->a plain", "b->a online"};

QMap<QString, QString> knownFailures()
{
    QMap<QString, QString> known; // "id\trun" -> reason
    QFile file(plumb::testing::sourceDir() + u"/tests/conformance/diff_known_failures.txt"_s);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return known;
    for (const QString& line : QString::fromUtf8(file.readAll()).split(u'\n')) {
        if (line.trimmed().isEmpty() || line.startsWith(u'#'))
            continue;
        const QString id = line.section(u'\t', 0, 0).trimmed();
        const QString run = line.section(u'\t', 1, 1).trimmed();
        const QString reason = line.section(u'\t', 2).trimmed();
        if (run == u"all")
            for (const char* name : runNames)
                known.insert(id + u'\t' + QLatin1StringView(name), reason);
        else
            known.insert(id + u'\t' + run, reason);
    }
    return known;
}

} // namespace

void TestConformanceDiff::corpus()
{
    const QString corpus = plumb::testing::sourceDir() + u"/../shared/corpus"_s;
    if (!QDir(corpus).exists())
        QSKIP("the shared corpus folder (../shared/corpus next to the repository) is absent");
    const Shard shard = shardFromEnvironment();
    QList<CorpusCase> cases;
    {
        const QList<CorpusCase> all =
            corpusCases(corpus, qEnvironmentVariable("PLUMB_CONFORMANCE_FILTER"));
        for (qsizetype k = 0; k < all.size(); ++k)
            if (shard.holds(k))
                cases.append(all[k]);
    }
    QVERIFY(!cases.isEmpty());
    const db::ConnectionInfo server = serverInfo();
    for (const QString& role : corpusRoles(cases, corpus))
        ensureRole(server, role);

    QElapsedTimer timer;
    timer.start();
    QList<CaseResult> results(cases.size());
    std::atomic<int> next{0};
    const int jobs = std::max(1, qEnvironmentVariableIntValue("PLUMB_CONFORMANCE_JOBS"));
    std::vector<std::thread> workers;
    for (int j = 0; j < jobs; ++j)
        workers.emplace_back([&, j] {
            CaseDatabases databases(server,
                                    u"%1_%2"_s.arg(QCoreApplication::applicationPid()).arg(j));
            for (int i = next++; i < cases.size(); i = next++)
                results[i] = runCase(databases, cases[i]);
        });
    for (std::thread& worker : workers)
        worker.join();
    const qint64 elapsed = timer.elapsed();

    const QMap<QString, QString> known = knownFailures();
    QStringList unexpected;
    QJsonArray entries;
    for (const CaseResult& r : results) {
        const QString id = r.corpusCase.source + u'/' + r.corpusCase.name;
        QJsonObject entry{{u"id"_s, id},
                          {u"source"_s, r.corpusCase.source},
                          {u"loadable"_s, r.loadable},
                          {u"ms"_s, r.elapsedMs},
                          {u"load_ms"_s, r.timings.loadMs},
                          {u"introspect_ms"_s, r.timings.introspectMs},
                          {u"diff_ms"_s, r.timings.diffMs},
                          {u"apply_ms"_s, r.timings.applyMs},
                          {u"shared_online_runs"_s, r.sharedOnlineRuns}};
        if (!r.unfillable.isEmpty())
            entry.insert(u"unfillable"_s, r.unfillable.simplified().left(400));
        if (!r.loadable) {
            entry.insert(u"load_error"_s, r.loadError.simplified());
        } else {
            QJsonArray runs;
            for (int k = 0; k < 4; ++k) {
                const QString key = id + u'\t' + QLatin1StringView(runNames[k]);
                QJsonObject run{{u"run"_s, QLatin1StringView(runNames[k])},
                                {u"pass"_s, r.runs[k].pass},
                                {u"reason"_s, r.runs[k].reason.simplified()},
                                {u"data"_s, dataName(r.runs[k].data)}};
                if (!r.runs[k].dataReason.isEmpty())
                    run.insert(u"data_reason"_s, r.runs[k].dataReason.simplified().left(400));
                if (!r.runs[k].declaredLosses.isEmpty())
                    run.insert(u"declared_losses"_s,
                               QJsonArray::fromStringList(r.runs[k].declaredLosses));
                if (!r.runs[k].pass && known.contains(key))
                    run.insert(u"known"_s, known.value(key));
                else if (!r.runs[k].pass)
                    unexpected.append(
                        u"%1 (%2): %3"_s.arg(id, QLatin1StringView(runNames[k]),
                                             r.runs[k].reason.simplified().left(400)));
                runs.append(run);
            }
            entry.insert(u"runs"_s, runs);
        }
        entries.append(entry);
    }
    QVERIFY(writeJson(shardResultsPath(u"diff"_s, shard),
                      QJsonDocument(QJsonObject{{u"shard"_s, shard.label()},
                                                {u"cases"_s, int(cases.size())},
                                                {u"jobs"_s, jobs},
                                                {u"elapsed_ms"_s, elapsed},
                                                {u"results"_s, entries}})));
    qInfo("schema diff conformance, shard %s: %d cases in %.1f s (%.0f ms each)",
          qPrintable(shard.label()), int(cases.size()), double(elapsed) / 1000.0,
          double(elapsed) * jobs / double(cases.size()));
    qInfo().noquote() << "Slowest catalog queries (verification introspections):"
                      << introspectionProfile();
    QVERIFY2(unexpected.isEmpty(),
             qPrintable(u"%1 runs failed that are not known failures (diff_known_failures.txt):"
                        u"\n  %2"_s.arg(unexpected.size())
                            .arg(unexpected.mid(0, 20).join(u"\n  "_s))));
}

QTEST_GUILESS_MAIN(TestConformanceDiff)
#include "tst_conformance_diff.moc"
