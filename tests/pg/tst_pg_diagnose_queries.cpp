#include "tests/pg/diagnose_support.h"
#include "tests/support/test_database.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb::testing::diagnosis;
using plumb::testing::TestDatabase;

namespace {

// A 20k-row table read only by sequential scans on v, recorded by pg_stat_statements.
bool seqScannedTable(plumb::db::Connection& c)
{
    if (!run(c, u"CREATE TABLE u AS SELECT g AS id, md5(g::text) AS v "
                u"FROM generate_series(1, 20000) g; ANALYZE u;"_s))
        return false;
    for (int i = 0; i < 12; ++i)
        if (!c.exec(u"SELECT * FROM u WHERE v = $1"_s, {QString::number(i)}))
            return false;
    flushStats(c);
    return true;
}

Options candidateOptions()
{
    Options options = matureStats();
    options.missingIndexMinTableBytes = 0;
    return options;
}

} // namespace

// pg_stat_statements and hypopg: availability, slow queries, tested index suggestions.
class TestDiagnoseQueries : public QObject {
    Q_OBJECT
private slots:
    void statStatementsAbsentThenUsable()
    {
        TestDatabase database(u"diag_pgss"_s);
        auto c = database.connect();
        const CheckResult absent = runCheck(*c, u"pg_stat_statements"_s);
        QCOMPARE(absent.findings.size(), size_t(1));
        QVERIFY(absent.findings.front().explanation.contains(u"not installed"_s));
        QCOMPARE(runCheck(*c, u"slow_queries"_s).status, CheckStatus::Skipped);
        QVERIFY(applyFix(*c, absent.findings.front()));
        QCOMPARE(runCheck(*c, u"pg_stat_statements"_s).findings.size(), size_t(0));
    }

    void hypopgAvailableThenUsable()
    {
        TestDatabase database(u"diag_hypopg"_s);
        auto c = database.connect();
        const CheckResult available = runCheck(*c, u"hypopg"_s);
        QCOMPARE(available.findings.size(), size_t(1));
        QVERIFY(applyFix(*c, available.findings.front()));
        QCOMPARE(runCheck(*c, u"hypopg"_s).findings.size(), size_t(0));
    }

    void slowQueries()
    {
        TestDatabase database(u"diag_slow"_s);
        auto c = database.connect();
        QVERIFY(run(*c, u"CREATE EXTENSION pg_stat_statements"_s));
        for (int i = 0; i < 5; ++i)
            QVERIFY(c->exec(u"SELECT pg_sleep(0.03)"_s));
        Options options;
        options.slowQueryMinCalls = 5;
        const CheckResult result = runCheck(*c, u"slow_queries"_s, options);
        QCOMPARE(result.status, CheckStatus::Ok);
        bool found = false;
        for (const Finding& finding : result.findings)
            found = found || finding.detail.contains(u"pg_sleep"_s);
        QVERIFY(found);
    }

    void missingIndexTestedWithHypopg()
    {
        TestDatabase database(u"diag_missing"_s);
        auto c = database.connect();
        QVERIFY(run(*c, u"CREATE EXTENSION pg_stat_statements; CREATE EXTENSION hypopg;"_s));
        QVERIFY(seqScannedTable(*c));
        const CheckResult result = runCheck(*c, u"missing_index_candidate"_s, candidateOptions());
        const Finding* finding = findingOn(result, u"u"_s);
        QVERIFY(finding);
        QCOMPARE(finding->severity, Severity::Warning);
        QVERIFY2(finding->explanation.contains(u"tested with hypopg"_s),
                 qPrintable(finding->explanation));
        QCOMPARE(finding->fix.sql, u"CREATE INDEX CONCURRENTLY ON public.u (v);"_s);
        // The hypothetical index is gone again: the check leaves nothing behind.
        auto left = c->exec(u"SELECT count(*) FROM hypopg_list_indexes"_s);
        QVERIFY(left && left->int64(0, 0) == 0);

        // Held back as context while the statistics are young.
        Options young = candidateOptions();
        young.minStatsAgeSeconds = 7 * 24 * 3600;
        const CheckResult youngResult = runCheck(*c, u"missing_index_candidate"_s, young);
        const Finding* held = findingOn(youngResult, u"u"_s); // points into youngResult
        QVERIFY(held && held->severity == Severity::Info && held->heldBackFrom);

        QVERIFY(applyFix(*c, *finding));
        const CheckResult after = runCheck(*c, u"missing_index_candidate"_s, candidateOptions());
        QCOMPARE(after.status, CheckStatus::Ok);
        const Finding* context = findingOn(after, u"u"_s);
        // The old sequential scans still count, but no index helps the queries any more.
        QVERIFY(!context || context->severity == Severity::Info);
    }

    // diagnose reads pg_stat_statements; it never prepares, explains or runs a recorded text.
    // The recorded query calls an IMMUTABLE function, which the planner folds (runs) as soon
    // as anything plans the text; the function takes a session advisory lock, which outlives
    // the check's rolled-back transaction. After the check, this session holds no such lock.
    void recordedQueriesAreNeverPlanned()
    {
        TestDatabase database(u"diag_noplan"_s);
        auto c = database.connect();
        QVERIFY(run(*c, u"CREATE EXTENSION pg_stat_statements; CREATE EXTENSION hypopg;"_s));
        QVERIFY(run(*c, u"CREATE FUNCTION planned_marker() RETURNS text IMMUTABLE "
                        u"LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_advisory_lock(424242); "
                        u"RETURN 'm'; END $$"_s));
        QVERIFY(seqScannedTable(*c));
        for (int i = 0; i < 3; ++i)
            QVERIFY(c->exec(u"SELECT * FROM u WHERE v = planned_marker()"_s));
        QVERIFY(c->exec(u"SELECT pg_advisory_unlock_all()"_s));
        flushStats(*c);
        auto recorded = c->exec(u"SELECT count(*) FROM pg_stat_statements "
                                u"WHERE query LIKE '%planned_marker()%'"_s);
        QVERIFY(recorded && recorded->int64(0, 0) > 0);

        const CheckResult result = runCheck(*c, u"missing_index_candidate"_s, candidateOptions());
        const Finding* finding = findingOn(result, u"u"_s);
        QVERIFY(finding);
        QVERIFY2(finding->explanation.contains(u"tested with hypopg"_s),
                 qPrintable(finding->explanation));
        auto locks = c->exec(u"SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                             u"AND objid = 424242 AND pid = pg_backend_pid()"_s);
        QVERIFY(locks);
        QCOMPARE(locks->int64(0, 0), qint64(0));
    }

    void missingIndexHeuristicWithoutHypopg()
    {
        TestDatabase database(u"diag_heuristic"_s);
        auto c = database.connect();
        QVERIFY(seqScannedTable(*c));
        const CheckResult result = runCheck(*c, u"missing_index_candidate"_s, candidateOptions());
        QVERIFY(result.message.contains(u"heuristic only"_s));
        const Finding* finding = findingOn(result, u"u"_s);
        QVERIFY(finding);
        QCOMPARE(finding->severity, Severity::Warning);
        QVERIFY(finding->fix.sql.isEmpty());
        QVERIFY(finding->fix.note.contains(u"EXPLAIN"_s));
    }
};

QTEST_GUILESS_MAIN(TestDiagnoseQueries)
#include "tst_pg_diagnose_queries.moc"
