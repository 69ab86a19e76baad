#include "tests/pg/diagnose_support.h"
#include "tests/support/test_database.h"
#include "tests/support/verify.h"

#include <QTest>
#include <thread>

using namespace Qt::StringLiterals;
using namespace plumb::testing::diagnosis;
using plumb::testing::TestDatabase;

class TestDiagnoseIndexes : public QObject {
    Q_OBJECT
private slots:
    void invalidUniqueIndexIsFlaggedAndRebuilt()
    {
        TestDatabase database(u"diag_invalid"_s);
        auto c = database.connect();
        QVERIFY(run(*c, u"CREATE TABLE d (x int); INSERT INTO d VALUES (1), (1);"_s));
        QVERIFY(!c->exec(u"CREATE UNIQUE INDEX CONCURRENTLY d_x ON d (x)"_s));
        CheckResult result = runCheck(*c, u"invalid_index"_s);
        const Finding* finding = findingOn(result, u"d_x"_s);
        QVERIFY(finding);
        // The failed build stopped before the index was ready: it does not enforce uniqueness
        // yet, so it is a warning (a ready invalid unique index would be critical).
        QCOMPARE(finding->severity, Severity::Warning);
        QCOMPARE(result.status, CheckStatus::Warning);
        // Rebuilt in place, which keeps its name and its uniqueness.
        QCOMPARE(finding->fix.sql, u"REINDEX INDEX CONCURRENTLY public.d_x;"_s);
        // The fix says to remove the duplicate keys first.
        QVERIFY(finding->fix.note.contains(u"duplicate"_s));
        QVERIFY(run(*c, u"DELETE FROM d WHERE ctid <> (SELECT min(ctid) FROM d)"_s));
        QVERIFY(applyFix(*c, *finding));
        QCOMPARE(runCheck(*c, u"invalid_index"_s).findings.size(), size_t(0));
        auto unique = c->exec(u"SELECT indisunique AND indisvalid FROM pg_index WHERE "
                              u"indexrelid = 'd_x'::regclass"_s);
        QVERIFY(unique && unique->boolean(0, 0));
    }

    void indexBeingBuiltConcurrentlyIsNotInvalid()
    {
        TestDatabase database(u"diag_cic"_s);
        auto c = database.connect();
        auto writer = database.connect();
        auto builder = database.connect();
        QVERIFY(
            run(*c, u"CREATE TABLE b (x int); INSERT INTO b SELECT generate_series(1, 100);"_s));
        // An open writing transaction makes CREATE INDEX CONCURRENTLY wait after it has created
        // its (still invalid) index.
        QVERIFY(run(*writer, u"BEGIN; INSERT INTO b VALUES (0);"_s));
        std::thread build(
            [&] { (void)builder->exec(u"CREATE INDEX CONCURRENTLY b_x ON b (x)"_s); });
        PLUMB_TRY_VERIFY(
            c->exec(u"SELECT 1 FROM pg_stat_progress_create_index WHERE index_relid <> 0"_s)
                ->rowCount() == 1);
        auto invalid = c->exec(u"SELECT NOT indisvalid FROM pg_index WHERE "
                               u"indexrelid = 'b_x'::regclass"_s);
        QVERIFY(invalid && invalid->boolean(0, 0));
        const CheckResult during = runCheck(*c, u"invalid_index"_s);
        QVERIFY(run(*writer, u"COMMIT"_s));
        build.join();
        QCOMPARE(during.findings.size(), size_t(0));
        QCOMPARE(runCheck(*c, u"invalid_index"_s).findings.size(), size_t(0));
    }

    void partitionedIndexOnlyOnParent()
    {
        TestDatabase database(u"diag_part"_s);
        auto c = database.connect();
        QVERIFY(run(*c, u"CREATE TABLE p (id int, k int) PARTITION BY RANGE (id);"
                        u"CREATE TABLE p1 PARTITION OF p FOR VALUES FROM (0) TO (10);"
                        u"CREATE TABLE p2 PARTITION OF p FOR VALUES FROM (10) TO (20);"
                        u"CREATE INDEX p_k ON ONLY p (k);"_s));
        const CheckResult result = runCheck(*c, u"partitioned_index_incomplete"_s);
        const Finding* finding = findingOn(result, u"p_k"_s);
        QVERIFY(finding);
        QVERIFY(finding->detail.contains(u"p1"_s) && finding->detail.contains(u"p2"_s));
        QVERIFY(applyFix(*c, *finding));
        QCOMPARE(runCheck(*c, u"partitioned_index_incomplete"_s).findings.size(), size_t(0));
        auto valid =
            c->exec(u"SELECT indisvalid FROM pg_index WHERE indexrelid = 'p_k'::regclass"_s);
        QVERIFY(valid && valid->boolean(0, 0));
    }

    void exactDuplicateIsFlaggedAndDropped()
    {
        TestDatabase database(u"diag_dup"_s);
        auto c = database.connect();
        QVERIFY(run(*c, u"CREATE TABLE t (a int, b int); CREATE INDEX a1 ON t (a);"
                        u"CREATE INDEX a2 ON t (a); CREATE UNIQUE INDEX b_unique ON t (b);"
                        u"CREATE INDEX b_plain ON t (b);"_s));
        const CheckResult result = runCheck(*c, u"duplicate_index"_s);
        QCOMPARE(result.findings.size(), size_t(2));
        const Finding* a2 = findingOn(result, u"a2"_s);
        const Finding* plain = findingOn(result, u"b_plain"_s); // the unique one is kept
        QVERIFY(a2 && plain);
        QVERIFY(a2->explanation.contains(u"a1"_s));
        QCOMPARE(result.status, CheckStatus::Warning);
        QVERIFY(applyFix(*c, *a2));
        QVERIFY(applyFix(*c, *plain));
        QCOMPARE(runCheck(*c, u"duplicate_index"_s).findings.size(), size_t(0));
    }

    void lookalikesAreNotDuplicates()
    {
        // Plain flags the opclass and collation pairs: per-column pg_get_indexdef drops them.
        TestDatabase database(u"diag_nodup"_s);
        auto c = database.connect();
        QVERIFY(run(*c, u"CREATE TABLE t (a int, b int, email text);"
                        u"CREATE INDEX e ON t (email); CREATE INDEX e_pattern ON t (email "
                        u"text_pattern_ops); CREATE INDEX e_c ON t (email COLLATE \"C\");"
                        u"CREATE INDEX e_hash ON t USING hash (email);"
                        u"CREATE INDEX ab ON t (a, b); CREATE INDEX ab_desc ON t (a, b DESC);"
                        u"CREATE INDEX a_partial ON t (a) WHERE a > 0;"_s));
        QCOMPARE(runCheck(*c, u"duplicate_index"_s).findings.size(), size_t(0));
        QCOMPARE(runCheck(*c, u"redundant_index"_s).findings.size(), size_t(0));
    }

    void prefixIndexIsRedundant()
    {
        TestDatabase database(u"diag_prefix"_s);
        auto c = database.connect();
        QVERIFY(run(*c,
                    u"CREATE TABLE t (a int, b int, c text); CREATE INDEX t_a ON t (a);"
                    u"CREATE INDEX t_ab ON t (a, b); CREATE INDEX t_c ON t (c text_pattern_ops);"
                    u"CREATE INDEX t_cb ON t (c, b);"_s));
        const CheckResult result = runCheck(*c, u"redundant_index"_s);
        QCOMPARE(result.findings.size(), size_t(1)); // t_c's opclass differs from t_cb's
        const Finding* finding = findingOn(result, u"t_a"_s);
        QVERIFY(finding);
        QVERIFY(finding->explanation.contains(u"t_ab"_s));
        QVERIFY(finding->fix.note.contains(u"CREATE INDEX CONCURRENTLY t_a"_s));
        QVERIFY(applyFix(*c, *finding));
        QCOMPARE(runCheck(*c, u"redundant_index"_s).findings.size(), size_t(0));
    }

    void foreignKeysWithoutIndexIncludingComposite()
    {
        TestDatabase database(u"diag_fk"_s);
        auto c = database.connect();
        QVERIFY(run(*c,
                    u"CREATE TABLE par (id int PRIMARY KEY);"
                    u"CREATE TABLE ch (id int PRIMARY KEY, par_id int REFERENCES par);"
                    u"CREATE TABLE par2 (a int, b int, PRIMARY KEY (a, b));"
                    u"CREATE TABLE ch2 (id int, a int, b int, FOREIGN KEY (a, b) "
                    u"REFERENCES par2);"
                    u"CREATE TABLE ok1 (id int, par_id int REFERENCES par); CREATE INDEX ON ok1 "
                    u"(par_id, id);"
                    u"CREATE TABLE ok2 (par_id int REFERENCES par); CREATE INDEX ON ok2 "
                    u"(par_id) WHERE par_id IS NOT NULL;"
                    u"CREATE TABLE ok3 (a int, b int, FOREIGN KEY (a, b) REFERENCES par2);"
                    u"CREATE INDEX ON ok3 (b, a);"
                    u"CREATE TABLE bad (par_id int REFERENCES par); CREATE INDEX ON bad "
                    u"(par_id) WHERE par_id > 0;"_s));
        const CheckResult result = runCheck(*c, u"missing_fk_index"_s);
        QStringList tables;
        for (const Finding& finding : result.findings)
            tables << finding.table;
        tables.sort();
        QCOMPARE(tables, (QStringList{u"bad"_s, u"ch"_s, u"ch2"_s}));
        for (const Finding& finding : result.findings)
            QVERIFY(applyFix(*c, finding));
        QCOMPARE(runCheck(*c, u"missing_fk_index"_s).findings.size(), size_t(0));
    }

    void unusedIndexIsHeldBackWhileStatsAreYoung()
    {
        TestDatabase database(u"diag_unused"_s);
        auto c = database.connect();
        QVERIFY(run(*c, u"CREATE TABLE u AS SELECT g AS id, md5(g::text) AS v "
                        u"FROM generate_series(1, 20000) g; CREATE INDEX u_v ON u (v);"
                        u"CREATE INDEX u_id ON u (id); ANALYZE u;"_s));
        Options options = matureStats();
        options.unusedIndexMinBytes = 0;
        // The default minimum age (7 days) holds a fresh database's findings back.
        Options young = options;
        young.minStatsAgeSeconds = 7 * 24 * 3600;
        const CheckResult held = runCheck(*c, u"unused_index"_s, young);
        const Finding* heldBack = findingOn(held, u"u_v"_s);
        QVERIFY(heldBack);
        QCOMPARE(heldBack->severity, Severity::Info);
        QCOMPARE(heldBack->heldBackFrom, std::optional(Severity::Warning));
        QVERIFY(heldBack->caveats.join(u' ').contains(u"held back"_s));
        QCOMPARE(held.status, CheckStatus::Ok);

        // Use u_id once: only u_v stays unused.
        QVERIFY(run(*c, u"SET enable_seqscan = off; SELECT count(*) FROM u WHERE id = 5;"
                        u"RESET enable_seqscan;"_s));
        flushStats(*c);
        const CheckResult result = runCheck(*c, u"unused_index"_s, options);
        QCOMPARE(result.status, CheckStatus::Warning);
        QVERIFY(!findingOn(result, u"u_id"_s));
        const Finding* finding = findingOn(result, u"u_v"_s);
        QVERIFY(finding);
        QCOMPARE(finding->severity, Severity::Warning);
        QVERIFY(applyFix(*c, *finding));
        QVERIFY(!findingOn(runCheck(*c, u"unused_index"_s, options), u"u_v"_s));
    }

    void nullHeavyIndexBecomesPartial()
    {
        TestDatabase database(u"diag_nulls"_s);
        auto c = database.connect();
        QVERIFY(run(*c, u"CREATE TABLE n (id int, c int); INSERT INTO n SELECT g, "
                        u"CASE WHEN g % 10 = 0 THEN g END FROM generate_series(1, 20000) g;"
                        u"CREATE INDEX n_c ON n (c); ANALYZE n;"_s));
        Options options;
        options.nullHeavyMinIndexBytes = 0;
        const CheckResult result = runCheck(*c, u"null_heavy_index"_s, options);
        const Finding* finding = findingOn(result, u"n_c"_s);
        QVERIFY(finding);
        QVERIFY(finding->detail.startsWith(u"90% NULL"_s));
        QVERIFY(applyFix(*c, *finding));
        QCOMPARE(runCheck(*c, u"null_heavy_index"_s, options).findings.size(), size_t(0));
        auto partial = c->exec(u"SELECT count(*) FROM pg_indexes WHERE indexname = 'n_c_not_null' "
                               u"AND indexdef LIKE '%WHERE (c IS NOT NULL)'"_s);
        QVERIFY(partial && partial->int64(0, 0) == 1);
    }
};

QTEST_GUILESS_MAIN(TestDiagnoseIndexes)
#include "tst_pg_diagnose_indexes.moc"
