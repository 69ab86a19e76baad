#include "conformance_runner.h"
#include "core/db/connection.h"
#include "core/db/quote.h"
#include "tests/support/test_database.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>
#include <atomic>
#include <map>
#include <thread>

using namespace Qt::StringLiterals;
using namespace plumb;
using namespace plumb::testing;

// The schema diff against the third-party corpus: every case whose a.sql and b.sql load is
// diffed a->b and b->a, in plain and online mode, applied, and compared by fingerprint.
// PLUMB_CONFORMANCE_FILTER=text keeps the cases whose "source/name" contains text;
// PLUMB_CONFORMANCE_JOBS sets the number of cases run at once (default 2).
class TestConformanceDiff : public QObject {
    Q_OBJECT

private slots:
    void corpus();
};

namespace {

const char* const runNames[4] = {"a->b plain", "a->b online", "b->a plain", "b->a online"};

struct Tally {
    int loadable = 0;
    int cases = 0;
    int pass[4] = {0, 0, 0, 0};
};

} // namespace

void TestConformanceDiff::corpus()
{
    const QString corpus = QStringLiteral(PLUMB_SOURCE_DIR "/../shared/corpus");
    if (!QDir(corpus).exists())
        QSKIP("the shared corpus folder (../shared/corpus next to the repository) is absent");
    const QList<CorpusCase> cases =
        corpusCases(corpus, qEnvironmentVariable("PLUMB_CONFORMANCE_FILTER"));
    QVERIFY(!cases.isEmpty());
    const db::ConnectionInfo server = serverInfo();
    {
        auto admin = db::Connection::open(server);
        QVERIFY2(admin, "cannot reach the test server");
        for (const QString& role : corpusRoles(cases, corpus))
            (void)(*admin)->exec(u"CREATE ROLE "_s + db::quoteIdentifier(role));
    }

    QElapsedTimer timer;
    timer.start();
    QList<CaseResult> results(cases.size());
    std::atomic<int> next{0};
    const int jobs = qMax(1, qEnvironmentVariableIntValue("PLUMB_CONFORMANCE_JOBS") > 0
                                 ? qEnvironmentVariableIntValue("PLUMB_CONFORMANCE_JOBS")
                                 : 2);
    std::vector<std::thread> workers;
    for (int j = 0; j < jobs; ++j)
        workers.emplace_back([&] {
            for (int i = next++; i < cases.size(); i = next++)
                results[i] = runCase(server, cases[i], i);
        });
    for (std::thread& worker : workers)
        worker.join();
    const qint64 elapsed = timer.elapsed();

    std::map<QString, Tally> tallies;
    Tally total;
    QString failures;
    QString unloadable;
    Timings timings;
    int shared = 0;
    for (const CaseResult& r : results) {
        shared += r.sharedOnlineRuns;
        timings.loadMs += r.timings.loadMs;
        timings.introspectMs += r.timings.introspectMs;
        timings.diffMs += r.timings.diffMs;
        timings.applyMs += r.timings.applyMs;
        Tally& t = tallies[r.corpusCase.source];
        ++t.cases;
        ++total.cases;
        const QString id = r.corpusCase.source + u'/' + r.corpusCase.name;
        if (!r.loadable) {
            unloadable += u"- "_s + id + u": "_s + r.loadError.simplified() + u'\n';
            continue;
        }
        ++t.loadable;
        ++total.loadable;
        for (int k = 0; k < 4; ++k) {
            if (r.runs[k].pass) {
                ++t.pass[k];
                ++total.pass[k];
            } else {
                failures += u"- "_s + id + u" ("_s + QLatin1StringView(runNames[k]) + u"): "_s +
                            r.runs[k].reason.simplified() + u'\n';
            }
        }
    }

    auto percent = [](int pass, int of) {
        return of == 0 ? u"-"_s : QString::number(100.0 * pass / of, 'f', 1) + u'%';
    };
    QString table = u"| source | cases | loadable | a->b plain | a->b online | b->a plain | "
                    u"b->a online |\n|---|---|---|---|---|---|---|\n"_s;
    auto row = [&](const QString& name, const Tally& t) {
        table += u"| %1 | %2 | %3 |"_s.arg(name).arg(t.cases).arg(t.loadable);
        for (int k = 0; k < 4; ++k)
            table += u" %1/%2 (%3) |"_s.arg(t.pass[k])
                         .arg(t.loadable)
                         .arg(percent(t.pass[k], t.loadable));
        table += u'\n';
    };
    for (const auto& [source, tally] : tallies)
        row(source, tally);
    row(u"**all**"_s, total);
    const QString summary =
        u"Schema diff conformance: %1 cases, %2 s with %3 jobs\n\n"_s.arg(total.cases)
            .arg(elapsed / 1000.0, 0, 'f', 1)
            .arg(jobs) +
        table +
        u"\nTime summed over cases: load %1 s, introspect %2 s, diff+plan "
        u"%3 s, apply %4 s\n"_s.arg(timings.loadMs / 1000.0, 0, 'f', 1)
            .arg(timings.introspectMs / 1000.0, 0, 'f', 1)
            .arg(timings.diffMs / 1000.0, 0, 'f', 1)
            .arg(timings.applyMs / 1000.0, 0, 'f', 1);
    QFile report(QDir::current().filePath(u"conformance-diff-report.md"_s));
    if (report.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        report.write((u"# "_s + summary + u"\n## Failures\n\n"_s + failures +
                      u"\n## Not loadable (excluded)\n\n"_s + unloadable)
                         .toUtf8());
    qInfo().noquote() << summary;
    qInfo().noquote() << "Slowest catalog queries (verification introspections):"
                      << introspectionProfile();
    qInfo().noquote() << "Report:" << report.fileName();

    // At least 95% of the loadable cases pass in each direction and mode.
    for (int k = 0; k < 4; ++k)
        QVERIFY2(total.pass[k] * 100 >= total.loadable * 95,
                 qPrintable(u"%1: %2 of %3 loadable cases pass; see %4"_s
                                .arg(QLatin1StringView(runNames[k]))
                                .arg(total.pass[k])
                                .arg(total.loadable)
                                .arg(report.fileName())));
}

QTEST_GUILESS_MAIN(TestConformanceDiff)
#include "tst_conformance_diff.moc"
