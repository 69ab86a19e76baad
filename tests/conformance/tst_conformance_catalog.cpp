// Round trip of the third-party corpus: every schema file and every a.sql/b.sql of the diff
// cases is loaded, introspected, written back as DDL, loaded into an empty database and
// introspected again; the two fingerprints must be equal.
//
// One CTest test runs one shard of the distinct inputs (PLUMB_CONFORMANCE_SHARD, see shard.h);
// it fails on any failure not listed, with its reason, in catalog_known_failures.txt next to this
// file, and leaves its outcomes for tst_conformance_report, which writes catalog-round-trip.txt.
// PLUMB_CONFORMANCE_FILTER=text runs only the files whose id contains it (debugging);
// PLUMB_CONFORMANCE_JOBS runs that many files at once inside the shard (default 1: CTest already
// runs a shard per core).

#include "round_trip.h"
#include "shard.h"
#include "tests/support/test_database.h"
#include "tests/support/test_paths.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QTest>
#include <atomic>
#include <mutex>
#include <thread>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace plumb;
using plumb::testing::CorpusFile;
using plumb::testing::RoundTripOutcome;

namespace {

const QString corpusDir = plumb::testing::sourceDir() + u"/../shared/corpus"_s;

QList<CorpusFile> corpusFiles()
{
    QList<CorpusFile> files;
    QDir schemas(corpusDir + u"/schemas"_s);
    for (const QString& name : schemas.entryList({u"*.sql"_s}, QDir::Files, QDir::Name))
        files.append({u"schemas"_s,
                      u"schemas/"_s + name,
                      schemas.filePath(name),
                      {},
                      name == u"postgrest_test_schema.sql"});
    for (const QString& source :
         {u"migra"_s, u"pgkit-migra"_s, u"pgschema"_s, u"sqldef"_s, u"apgdiff"_s}) {
        QDir dir(corpusDir + u'/' + source);
        for (const QString& caseName :
             dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
            const QString caseDir = dir.filePath(caseName);
            const QString setup =
                QFile::exists(caseDir + u"/setup.sql"_s) ? caseDir + u"/setup.sql"_s : QString();
            for (const QString& side : {u"a.sql"_s, u"b.sql"_s})
                if (QFile::exists(caseDir + u'/' + side))
                    files.append({source, source + u'/' + caseName + u'/' + side,
                                  caseDir + u'/' + side, setup, false});
        }
    }
    return files;
}

// Identical inputs (many cases share their a.sql with another case's b.sql) run once.
QByteArray contentKey(const CorpusFile& file)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString& path : {file.setupPath, file.path}) {
        QFile f(path);
        if (!path.isEmpty() && f.open(QIODevice::ReadOnly))
            hash.addData(f.readAll());
        hash.addData("\x1f");
    }
    hash.addData(file.dropPublicFirst ? "1" : "0");
    return hash.result();
}

QMap<QString, QString> knownFailures()
{
    QMap<QString, QString> known;
    QFile file(plumb::testing::sourceDir() + u"/tests/conformance/catalog_known_failures.txt"_s);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return known;
    for (const QString& line : QString::fromUtf8(file.readAll()).split(u'\n')) {
        if (line.trimmed().isEmpty() || line.startsWith(u'#'))
            continue;
        known.insert(line.section(u'\t', 0, 0).trimmed(), line.section(u'\t', 1).trimmed());
    }
    return known;
}

} // namespace

class TestConformanceCatalog : public QObject {
    Q_OBJECT
private slots:
    void roundTripsTheCorpus()
    {
        if (!QDir(corpusDir).exists())
            QSKIP("the corpus folder ../shared/corpus next to the repository is absent");
        const db::ConnectionInfo server = testing::serverInfo();
        const testing::Shard shard = testing::shardFromEnvironment();
        const QString filter = qEnvironmentVariable("PLUMB_CONFORMANCE_FILTER");
        QList<CorpusFile> files = corpusFiles();
        files.removeIf([&](const CorpusFile& f) { return !f.id.contains(filter); });
        QVERIFY(!files.isEmpty());

        // Distinct inputs in corpus order; this shard runs its part of them, and answers for
        // every file with the same content.
        QList<int> unique;
        QHash<QByteArray, int> firstOf;
        QList<int> representative(files.size());
        for (int i = 0; i < files.size(); ++i) {
            const QByteArray key = contentKey(files[i]);
            auto it = firstOf.constFind(key);
            if (it == firstOf.constEnd()) {
                firstOf.insert(key, i);
                unique.append(i);
                representative[i] = i;
            } else {
                representative[i] = *it;
            }
        }
        QList<int> mine;
        for (int n = 0; n < unique.size(); ++n)
            if (shard.holds(n))
                mine.append(unique[n]);

        QElapsedTimer timer;
        timer.start();
        QHash<int, RoundTripOutcome> outcomes;
        QHash<int, qint64> costMs;
        std::mutex resultsMutex;
        std::atomic<int> next{0};
        const int workers = std::max(1, qEnvironmentVariableIntValue("PLUMB_CONFORMANCE_JOBS"));
        std::vector<std::thread> threads;
        for (int w = 0; w < workers; ++w)
            threads.emplace_back([&, w] {
                testing::RoundTripper tripper(server, u"%1_%2"_s.arg(::getpid()).arg(w));
                for (int n = next++; n < mine.size(); n = next++) {
                    QElapsedTimer one;
                    one.start();
                    RoundTripOutcome outcome = tripper.run(files[mine[n]]);
                    std::lock_guard lock(resultsMutex);
                    outcomes.insert(mine[n], std::move(outcome));
                    costMs.insert(mine[n], one.elapsed());
                }
            });
        for (std::thread& thread : threads)
            thread.join();

        const QMap<QString, QString> known = knownFailures();
        QStringList unexpected;
        QStringList nowPassing;
        QJsonArray results;
        for (int i = 0; i < files.size(); ++i) {
            auto found = outcomes.constFind(representative[i]);
            if (found == outcomes.constEnd())
                continue; // another shard's input
            const RoundTripOutcome& o = *found;
            static const char* const kinds[] = {"empty", "unloadable", "pass", "fail"};
            QJsonObject entry{{u"id"_s, files[i].id},
                              {u"source"_s, files[i].source},
                              {u"outcome"_s, QLatin1StringView(kinds[o.kind])},
                              {u"reason"_s, o.reason}};
            if (representative[i] == i)
                entry.insert(u"ms"_s, costMs.value(i));
            if (o.kind == RoundTripOutcome::Fail && known.contains(files[i].id))
                entry.insert(u"known"_s, known.value(files[i].id));
            results.append(entry);
            if (o.kind == RoundTripOutcome::Pass && known.contains(files[i].id))
                nowPassing.append(files[i].id);
            if (o.kind == RoundTripOutcome::Fail && !known.contains(files[i].id))
                unexpected.append(files[i].id + u": "_s + o.reason);
        }
        const QString path = testing::shardResultsPath(u"catalog"_s, shard);
        QVERIFY(
            testing::writeJson(path, QJsonDocument(QJsonObject{{u"shard"_s, shard.label()},
                                                               {u"inputs"_s, int(mine.size())},
                                                               {u"workers"_s, workers},
                                                               {u"elapsed_ms"_s, timer.elapsed()},
                                                               {u"results"_s, results}})));
        qInfo("catalog round trip, shard %s: %d distinct inputs in %.1f s (%.0f ms each)",
              qPrintable(shard.label()), int(mine.size()), double(timer.elapsed()) / 1000.0,
              mine.isEmpty() ? 0.0 : double(timer.elapsed()) * workers / double(mine.size()));
        if (!nowPassing.isEmpty())
            qInfo().noquote() << "listed as known failures but passing now (remove them):"
                              << nowPassing.join(u", "_s);
        QVERIFY2(unexpected.isEmpty(),
                 qPrintable(u"%1 round trips failed that are not known failures:\n  %2"_s
                                .arg(unexpected.size())
                                .arg(unexpected.mid(0, 20).join(u"\n  "_s))));
    }
};

QTEST_GUILESS_MAIN(TestConformanceCatalog)
#include "tst_conformance_catalog.moc"
