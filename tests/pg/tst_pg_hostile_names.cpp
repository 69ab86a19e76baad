// Hostile identifiers through every path that writes SQL from a catalog: quotes, backslashes,
// percent signs, newlines, unicode (combining marks, emoji, right-to-left), reserved words,
// names differing only in case, 63-byte names and truncated generated names. The schemas are in
// tests/hostile/CASE/{a,b}.sql; each must survive the catalog round trip (introspect, write DDL,
// load it, introspect again: same fingerprint) and the diff both ways in plain and online mode
// (plan, apply, compare), with the harness of the conformance suite. Diagnose's fixes on such
// names must run as the report gives them.
#include "diagnose_support.h"
#include "tests/conformance/conformance_runner.h"
#include "tests/conformance/round_trip.h"
#include "tests/support/test_database.h"
#include "tests/support/test_paths.h"

#include <QDir>
#include <QTest>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace plumb;
using namespace plumb::testing;

namespace {

const QString corpus = plumb::testing::sourceDir() + u"/tests/hostile"_s;

QStringList caseNames()
{
    return QDir(corpus).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

// A finding of each check below, on names with quotes, backslashes, %, a newline and unicode.
const QString hostileDiagnoseSchema = uR"sql(
CREATE SCHEMA "we""ird\schema";
CREATE TABLE "we""ird\schema"."Par""ent %s" ("i""d" int PRIMARY KEY, "v\al" int);
CREATE TABLE "we""ird\schema"."chi
ld" ("i""d" int PRIMARY KEY, "pa""rent" int);
ALTER TABLE "we""ird\schema"."chi
ld" ADD CONSTRAINT "fk ""x"" %d" FOREIGN KEY ("pa""rent")
    REFERENCES "we""ird\schema"."Par""ent %s" ("i""d") NOT VALID;
CREATE INDEX "dup ""1""" ON "we""ird\schema"."Par""ent %s" ("v\al");
CREATE INDEX "dup ""2""" ON "we""ird\schema"."Par""ent %s" ("v\al");
CREATE TABLE "we""ird\schema"."Ünï ""ç"" 🐘" ("i""d" smallserial PRIMARY KEY);
SELECT setval('"we""ird\schema"."Ünï ""ç"" 🐘_i""d_seq"', 32000);
)sql"_s;

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

    void diagnoseFixesRunOnHostileNames_data()
    {
        QTest::addColumn<QString>("check");
        for (const char* check :
             {"not_valid_constraint", "missing_fk_index", "duplicate_index", "sequence_exhaustion"})
            QTest::newRow(check) << QString::fromLatin1(check);
    }
    void diagnoseFixesRunOnHostileNames()
    {
        QFETCH(QString, check);
        using namespace plumb::testing::diagnosis;
        TestDatabase database(u"hostile_diag"_s);
        auto c = database.connect();
        QVERIFY(run(*c, hostileDiagnoseSchema));
        const CheckResult before = runCheck(*c, check, matureStats());
        QVERIFY2(!before.findings.empty(), qPrintable(check));
        for (const Finding& finding : before.findings)
            QVERIFY2(applyFix(*c, finding), qPrintable(finding.fix.sql));
        const CheckResult after = runCheck(*c, check, matureStats());
        QVERIFY2(after.findings.empty(),
                 after.findings.empty() ? "" : qPrintable(after.findings.front().fix.sql));
    }
};

QTEST_GUILESS_MAIN(TestPgHostileNames)
#include "tst_pg_hostile_names.moc"
