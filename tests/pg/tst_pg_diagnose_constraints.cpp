#include "tests/pg/diagnose_support.h"
#include "tests/support/test_database.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb::testing::diagnosis;
using plumb::testing::TestDatabase;

// Constraint and sequence checks.
class TestDiagnoseConstraints : public QObject {
    Q_OBJECT
private slots:
    void narrowerForeignKeyColumn()
    {
        TestDatabase database(u"diag_fktype"_s);
        auto c = database.connect();
        QVERIFY(run(*c, u"CREATE TABLE pb (id bigint PRIMARY KEY);"
                        u"CREATE TABLE cb (id bigint PRIMARY KEY, pb_id int REFERENCES pb);"_s));
        const CheckResult result = runCheck(*c, u"fk_type_mismatch"_s);
        QCOMPARE(result.findings.size(), size_t(1));
        const Finding& finding = result.findings.front();
        QCOMPARE(finding.severity, Severity::Warning);
        QCOMPARE(finding.table, u"cb"_s);
        QVERIFY(applyFix(*c, finding));
        QCOMPARE(runCheck(*c, u"fk_type_mismatch"_s).findings.size(), size_t(0));
    }

    void notValidConstraint()
    {
        TestDatabase database(u"diag_notvalid"_s);
        auto c = database.connect();
        QVERIFY(run(*c, u"CREATE TABLE t (id int PRIMARY KEY, a int);"
                        u"ALTER TABLE t ADD CONSTRAINT pos CHECK (a > 0) NOT VALID;"_s));
        const CheckResult result = runCheck(*c, u"not_valid_constraint"_s);
        const Finding* finding = findingOn(result, u"pos"_s);
        QVERIFY(finding);
        QCOMPARE(finding->fix.sql, u"ALTER TABLE public.t VALIDATE CONSTRAINT pos;"_s);
        QVERIFY(applyFix(*c, *finding));
        QCOMPARE(runCheck(*c, u"not_valid_constraint"_s).findings.size(), size_t(0));
    }

    void tableWithoutPrimaryKey()
    {
        TestDatabase database(u"diag_nopk"_s);
        auto c = database.connect();
        QVERIFY(run(*c, u"CREATE TABLE nopk (x int); CREATE TABLE pub (x int);"
                        u"CREATE PUBLICATION diag_pub FOR TABLE pub;"_s));
        const CheckResult result = runCheck(*c, u"table_without_pk"_s);
        const Finding* lint = findingOn(result, u"nopk"_s);
        const Finding* published = findingOn(result, u"pub"_s);
        QVERIFY(lint && published);
        QCOMPARE(lint->severity, Severity::Info);
        QCOMPARE(published->severity, Severity::Warning); // UPDATE and DELETE would fail
        QCOMPARE(result.status, CheckStatus::Warning);
        QVERIFY(applyFix(*c, *published));
        QVERIFY(!findingOn(runCheck(*c, u"table_without_pk"_s), u"pub"_s));
        QVERIFY(run(*c, u"UPDATE pub SET x = 1"_s));
    }

    void duplicateForeignKey()
    {
        TestDatabase database(u"diag_dupfk"_s);
        auto c = database.connect();
        QVERIFY(run(*c, u"CREATE TABLE p (id int PRIMARY KEY);"
                        u"CREATE TABLE k (p_id int CONSTRAINT k_a REFERENCES p "
                        u"CONSTRAINT k_b REFERENCES p);"_s));
        const CheckResult result = runCheck(*c, u"duplicate_fk"_s);
        QCOMPARE(result.findings.size(), size_t(1));
        QCOMPARE(result.findings.front().object, u"k_b"_s);
        QVERIFY(applyFix(*c, result.findings.front()));
        QCOMPARE(runCheck(*c, u"duplicate_fk"_s).findings.size(), size_t(0));
    }

    void integerPrimaryKeyIsContext()
    {
        TestDatabase database(u"diag_intpk"_s);
        auto c = database.connect();
        QVERIFY(run(*c, u"CREATE TABLE i (id int PRIMARY KEY); CREATE TABLE b (id bigint "
                        u"PRIMARY KEY);"_s));
        const CheckResult result = runCheck(*c, u"integer_primary_key"_s);
        QCOMPARE(result.findings.size(), size_t(1));
        QCOMPARE(result.findings.front().table, u"i"_s);
        QCOMPARE(result.status, CheckStatus::Ok); // informational
    }

    void serialNearItsLimitWidensColumnAndSequence()
    {
        TestDatabase database(u"diag_serial"_s);
        auto c = database.connect();
        QVERIFY(run(*c, u"CREATE TABLE s (id serial PRIMARY KEY);"
                        u"CREATE TABLE s_child (s_id int REFERENCES s);"
                        u"ALTER SEQUENCE s_id_seq RESTART WITH 2000000000;"
                        u"SELECT nextval('s_id_seq');"_s));
        const CheckResult result = runCheck(*c, u"sequence_exhaustion"_s);
        const Finding* finding = findingOn(result, u"id"_s);
        QVERIFY(finding);
        QCOMPARE(finding->severity, Severity::Critical); // 93%
        QVERIFY(finding->fix.sql.contains(u"ALTER SEQUENCE public.s_id_seq AS bigint;"_s));
        QVERIFY(finding->fix.sql.contains(u"ALTER TABLE public.s_child ALTER COLUMN s_id TYPE "
                                          u"bigint;"_s));
        QVERIFY(applyFix(*c, *finding));
        QCOMPARE(runCheck(*c, u"sequence_exhaustion"_s).findings.size(), size_t(0));
        QVERIFY(run(*c, u"SELECT setval('s_id_seq', 2147483647); INSERT INTO s DEFAULT VALUES;"_s));
    }

    void widenedColumnWithIntegerSequenceIsStillFlagged()
    {
        // PgHero measures against the column type and reports 0% here.
        TestDatabase database(u"diag_seqnarrow"_s);
        auto c = database.connect();
        QVERIFY(run(*c, u"CREATE TABLE s (id serial PRIMARY KEY);"
                        u"ALTER TABLE s ALTER COLUMN id TYPE bigint;"
                        u"SELECT setval('s_id_seq', 2000000000);"_s));
        const CheckResult result = runCheck(*c, u"sequence_exhaustion"_s);
        const Finding* finding = findingOn(result, u"id"_s);
        QVERIFY(finding);
        QCOMPARE(finding->severity, Severity::Critical);
        QCOMPARE(finding->fix.sql, u"ALTER SEQUENCE public.s_id_seq AS bigint;"_s);
        QVERIFY(applyFix(*c, *finding));
        QCOMPARE(runCheck(*c, u"sequence_exhaustion"_s).findings.size(), size_t(0));
    }

    void bigintSequenceFeedingAnIntegerColumn()
    {
        // Plain measures against the sequence's max and reports 0% here.
        TestDatabase database(u"diag_seqwide"_s);
        auto c = database.connect();
        QVERIFY(run(*c, u"CREATE TABLE l (id int PRIMARY KEY);"
                        u"CREATE SEQUENCE l_seq AS bigint OWNED BY l.id;"
                        u"ALTER TABLE l ALTER COLUMN id SET DEFAULT nextval('l_seq');"
                        u"SELECT setval('l_seq', 1700000000);"_s));
        const CheckResult result = runCheck(*c, u"sequence_exhaustion"_s);
        const Finding* finding = findingOn(result, u"id"_s);
        QVERIFY(finding);
        QCOMPARE(finding->severity, Severity::Warning); // 79% of int
        QVERIFY(finding->detail.contains(u"of 2147483647"_s));
        QCOMPARE(finding->fix.sql, u"ALTER TABLE public.l ALTER COLUMN id TYPE bigint;"_s);
        QVERIFY(applyFix(*c, *finding));
        QCOMPARE(runCheck(*c, u"sequence_exhaustion"_s).findings.size(), size_t(0));
    }

    void smallintIdentity()
    {
        TestDatabase database(u"diag_ident"_s);
        auto c = database.connect();
        QVERIFY(run(*c, u"CREATE TABLE ident (id smallint GENERATED ALWAYS AS IDENTITY);"
                        u"SELECT setval(pg_get_serial_sequence('ident', 'id'), 32000);"_s));
        const CheckResult result = runCheck(*c, u"sequence_exhaustion"_s);
        const Finding* finding = findingOn(result, u"id"_s);
        QVERIFY(finding);
        QCOMPARE(finding->severity, Severity::Critical);
        QVERIFY(applyFix(*c, *finding));
        QCOMPARE(runCheck(*c, u"sequence_exhaustion"_s).findings.size(), size_t(0));
    }

    void unusedAndYoungSequencesAreQuiet()
    {
        TestDatabase database(u"diag_seqok"_s);
        auto c = database.connect();
        QVERIFY(run(*c, u"CREATE TABLE a (id serial PRIMARY KEY); CREATE TABLE b (id serial);"
                        u"INSERT INTO b DEFAULT VALUES;"_s));
        QCOMPARE(runCheck(*c, u"sequence_exhaustion"_s).findings.size(), size_t(0));
    }
};

QTEST_GUILESS_MAIN(TestDiagnoseConstraints)
#include "tst_pg_diagnose_constraints.moc"
