// Round trip of the whole third-party corpus: every schema file and every a.sql/b.sql of the
// diff cases is loaded, introspected, written back as DDL, loaded into an empty database and
// introspected again; the two fingerprints must be equal.
//
// Report: catalog-round-trip.txt in this test's build folder (counts per source, every failure
// with its reason). Known failures, each with the reason it is not fixed, are listed in
// catalog_known_failures.txt next to this file; the test fails on any other failure.

#include "round_trip.h"
#include "tests/support/test_database.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
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

const QString corpusDir = QStringLiteral(PLUMB_SOURCE_DIR "/../shared/corpus");

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
    QFile file(QStringLiteral(PLUMB_SOURCE_DIR "/tests/conformance/catalog_known_failures.txt"));
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
        // PLUMB_CONFORMANCE_FILTER=text runs only the files whose id contains it (debugging).
        const QString filter = qEnvironmentVariable("PLUMB_CONFORMANCE_FILTER");
        QList<CorpusFile> files = corpusFiles();
        files.removeIf([&](const CorpusFile& f) { return !f.id.contains(filter); });
        QVERIFY(!files.isEmpty());

        // Unique inputs, each run once by one of the workers.
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

        QElapsedTimer timer;
        timer.start();
        QList<RoundTripOutcome> outcomes(files.size());
        std::atomic<int> next{0};
        const int workers = std::max(2, int(std::thread::hardware_concurrency()) + 1);
        std::vector<std::thread> threads;
        for (int w = 0; w < workers; ++w)
            threads.emplace_back([&, w] {
                testing::RoundTripper tripper(server, QString::number(::getpid()) + u'_' +
                                                          QString::number(w));
                for (int n = next++; n < unique.size(); n = next++) {
                    outcomes[unique[n]] = tripper.run(files[unique[n]]);
                    if (n % 100 == 99)
                        qInfo("%d of %d distinct files after %.0f s", n + 1, int(unique.size()),
                              double(timer.elapsed()) / 1000.0);
                }
            });
        for (std::thread& thread : threads)
            thread.join();
        for (int i = 0; i < files.size(); ++i)
            outcomes[i] = outcomes[representative[i]];

        // Counts per source and the report.
        struct Counts {
            int files = 0, empty = 0, unloadable = 0, pass = 0, fail = 0;
        };
        QMap<QString, Counts> counts;
        const QMap<QString, QString> known = knownFailures();
        QStringList unexpected;
        QStringList nowPassing;
        QString failures;
        QString unloadable;
        for (int i = 0; i < files.size(); ++i) {
            Counts& c = counts[files[i].source];
            ++c.files;
            const RoundTripOutcome& o = outcomes[i];
            switch (o.kind) {
            case RoundTripOutcome::Empty:
                ++c.empty;
                break;
            case RoundTripOutcome::Unloadable:
                ++c.unloadable;
                unloadable += u"  "_s + files[i].id + u": "_s + o.reason + u'\n';
                break;
            case RoundTripOutcome::Pass:
                ++c.pass;
                if (known.contains(files[i].id))
                    nowPassing.append(files[i].id);
                break;
            case RoundTripOutcome::Fail:
                ++c.fail;
                failures += u"  "_s + files[i].id + u": "_s + o.reason + u'\n';
                if (known.contains(files[i].id))
                    failures += u"    known: "_s + known.value(files[i].id) + u'\n';
                else
                    unexpected.append(files[i].id);
                break;
            }
        }
        QString summary = u"Catalog round trip over the corpus (%1 files, %2 distinct, %3 s)\n"_s
                              .arg(files.size())
                              .arg(unique.size())
                              .arg(timer.elapsed() / 1000.0, 0, 'f', 1);
        summary += u"%1 %2 %3 %4 %5 %6\n"_s.arg(u"source"_s, -12)
                       .arg(u"files"_s, 6)
                       .arg(u"empty"_s, 6)
                       .arg(u"unloadable"_s, 11)
                       .arg(u"pass"_s, 6)
                       .arg(u"fail"_s, 6);
        Counts total;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
            const Counts& c = it.value();
            summary += u"%1 %2 %3 %4 %5 %6\n"_s.arg(it.key(), -12)
                           .arg(c.files, 6)
                           .arg(c.empty, 6)
                           .arg(c.unloadable, 11)
                           .arg(c.pass, 6)
                           .arg(c.fail, 6);
            total.files += c.files;
            total.empty += c.empty;
            total.unloadable += c.unloadable;
            total.pass += c.pass;
            total.fail += c.fail;
        }
        summary += u"%1 %2 %3 %4 %5 %6\n"_s.arg(u"total"_s, -12)
                       .arg(total.files, 6)
                       .arg(total.empty, 6)
                       .arg(total.unloadable, 11)
                       .arg(total.pass, 6)
                       .arg(total.fail, 6);

        const QString reportPath = QStringLiteral(PLUMB_BINARY_DIR "/catalog-round-trip.txt");
        QFile report(reportPath);
        if (report.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
            report.write((summary + u"\nFailures:\n"_s + failures +
                          u"\nUnloadable on this server (not counted as failures):\n"_s +
                          unloadable)
                             .toUtf8());
        qInfo().noquote() << summary << "report:" << reportPath;
        if (!nowPassing.isEmpty())
            qInfo().noquote() << "listed as known failures but passing now (remove them):"
                              << nowPassing.join(u", "_s);
        QVERIFY2(total.pass > 0, "no corpus file round-tripped");
        QVERIFY2(unexpected.isEmpty(),
                 qPrintable(u"%1 round trips failed that are not known failures: %2 (see %3)"_s
                                .arg(unexpected.size())
                                .arg(unexpected.mid(0, 20).join(u", "_s), reportPath)));
    }
};

QTEST_GUILESS_MAIN(TestConformanceCatalog)
#include "tst_conformance_catalog.moc"
