// Hostile identifiers through every path that writes SQL from a catalog: quotes, backslashes,
// percent signs, newlines, unicode (combining marks, emoji, right-to-left), reserved words,
// names differing only in case, 63-byte names and truncated generated names. The schemas are in
// tests/hostile/CASE/{a,b}.sql; each must survive the catalog round trip (introspect, write DDL,
// load it, introspect again: same fingerprint) and the diff both ways in plain and online mode
// (plan, apply, compare), with the harness of the conformance suite.
#include "tests/conformance/conformance_runner.h"
#include "tests/conformance/round_trip.h"
#include "tests/support/test_database.h"

#include <QDir>
#include <QTest>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace plumb;
using namespace plumb::testing;

namespace {

const QString corpus = QStringLiteral(PLUMB_SOURCE_DIR "/tests/hostile");

QStringList caseNames()
{
    return QDir(corpus).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace

class TestPgHostileNames : public QObject {
    Q_OBJECT
private slots:
    void catalogRoundTrip_data()
    {
        QTest::addColumn<QString>("file");
        for (const QString& name : caseNames())
            for (const char* side : {"a.sql", "b.sql"})
                QTest::newRow(qPrintable(name + u'/' + QLatin1StringView(side)))
                    << name + u'/' + QLatin1StringView(side);
    }
    void catalogRoundTrip()
    {
        QFETCH(QString, file);
        RoundTripper tripper(serverInfo(), u"hostile_rt_%1"_s.arg(::getpid()));
        CorpusFile corpusFile;
        corpusFile.source = u"hostile"_s;
        corpusFile.id = u"hostile/"_s + file;
        corpusFile.path = corpus + u'/' + file;
        const RoundTripOutcome outcome = tripper.run(corpusFile);
        QVERIFY2(outcome.kind == RoundTripOutcome::Pass, qPrintable(outcome.reason));
    }

    void diffApplyCompare_data()
    {
        QTest::addColumn<QString>("name");
        for (const QString& name : caseNames())
            QTest::newRow(qPrintable(name)) << name;
    }
    void diffApplyCompare()
    {
        QFETCH(QString, name);
        CaseDatabases databases(serverInfo(), u"hostile_%1"_s.arg(::getpid()));
        const CaseResult result =
            runCase(databases, CorpusCase{u"hostile"_s, name, corpus + u'/' + name});
        QVERIFY2(result.loadable, qPrintable(result.loadError));
        const char* const runNames[4] = {"a->b plain", "a->b online", "b->a plain", "b->a online"};
        QStringList failures;
        for (int i = 0; i < 4; ++i)
            if (!result.runs[i].pass)
                failures << QLatin1StringView(runNames[i]) + u": "_s + result.runs[i].reason;
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestPgHostileNames)
#include "tst_pg_hostile_names.moc"
