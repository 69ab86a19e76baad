#include "tests/pg/diagnose_support.h"
#include "tests/support/test_database.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb::testing::diagnosis;
using plumb::testing::TestDatabase;

// Schema lints and settings checks.
class TestDiagnoseSchema : public QObject {
    Q_OBJECT
private slots:
    void securityDefinerWithoutSearchPath()
    {
        TestDatabase database(u"diag_secdef"_s);
        auto c = database.connect();
        QVERIFY(run(*c, u"CREATE FUNCTION f(a int) RETURNS int LANGUAGE sql SECURITY DEFINER "
                        u"AS 'SELECT a';"
                        u"CREATE FUNCTION g() RETURNS int LANGUAGE sql SECURITY DEFINER "
                        u"SET search_path = pg_catalog AS 'SELECT 1';"_s));
        const CheckResult result = runCheck(*c, u"security_definer_search_path"_s);
        QCOMPARE(result.findings.size(), size_t(1));
        QCOMPARE(result.findings.front().object, u"public.f(a integer)"_s);
        QVERIFY(applyFix(*c, result.findings.front()));
        QCOMPARE(runCheck(*c, u"security_definer_search_path"_s).findings.size(), size_t(0));
    }

    void disabledTrigger()
    {
        TestDatabase database(u"diag_trigger"_s);
        auto c = database.connect();
        QVERIFY(run(*c, u"CREATE TABLE t (x int);"
                        u"CREATE FUNCTION keep() RETURNS trigger LANGUAGE plpgsql AS "
                        u"$$BEGIN RETURN NEW; END$$;"
                        u"CREATE TRIGGER t_keep BEFORE INSERT ON t FOR EACH ROW EXECUTE "
                        u"FUNCTION keep();"
                        u"ALTER TABLE t DISABLE TRIGGER t_keep;"_s));
        const CheckResult result = runCheck(*c, u"disabled_trigger"_s);
        const Finding* finding = findingOn(result, u"t_keep"_s);
        QVERIFY(finding);
        QVERIFY(applyFix(*c, *finding));
        QCOMPARE(runCheck(*c, u"disabled_trigger"_s).findings.size(), size_t(0));
    }

    void columnTypeLints()
    {
        TestDatabase database(u"diag_types"_s);
        auto c = database.connect();
        QVERIFY(run(*c, u"CREATE TABLE t (id bigint PRIMARY KEY, doc json, at timestamp, "
                        u"code char(3), ok_doc jsonb, ok_at timestamptz, ok_code text);"_s));
        for (const auto& [check, column] : {std::pair{u"json_column"_s, u"doc"_s},
                                            std::pair{u"timestamp_without_time_zone"_s, u"at"_s},
                                            std::pair{u"char_column"_s, u"code"_s}}) {
            const CheckResult result = runCheck(*c, check);
            QCOMPARE(result.tier, Tier::Informational);
            QCOMPARE(result.status, CheckStatus::Ok);
            QCOMPARE(result.findings.size(), size_t(1));
            QCOMPARE(result.findings.front().object, column);
            QVERIFY(applyFix(*c, result.findings.front()));
            QCOMPARE(runCheck(*c, check).findings.size(), size_t(0));
        }
    }

    void unloggedTableAndLongNames()
    {
        TestDatabase database(u"diag_unlogged"_s);
        auto c = database.connect();
        const QString longName = QString(63, u'n');
        QVERIFY(run(*c, u"CREATE UNLOGGED TABLE scratch (x int); CREATE TABLE "_s + longName +
                            u"_truncated (x int);"_s));
        const CheckResult unlogged = runCheck(*c, u"unlogged_table"_s);
        QVERIFY(findingOn(unlogged, u"scratch"_s));
        QVERIFY(applyFix(*c, *findingOn(unlogged, u"scratch"_s)));
        QCOMPARE(runCheck(*c, u"unlogged_table"_s).findings.size(), size_t(0));
        const CheckResult names = runCheck(*c, u"identifier_length"_s);
        QVERIFY(findingOn(names, longName));
    }

    void publicSchemaCreate()
    {
        TestDatabase database(u"diag_public"_s);
        auto c = database.connect();
        QCOMPARE(runCheck(*c, u"public_schema_create"_s).findings.size(), size_t(0));
        QVERIFY(run(*c, u"GRANT CREATE ON SCHEMA public TO PUBLIC"_s));
        const CheckResult result = runCheck(*c, u"public_schema_create"_s);
        QCOMPARE(result.findings.size(), size_t(1));
        QVERIFY(applyFix(*c, result.findings.front()));
        QCOMPARE(runCheck(*c, u"public_schema_create"_s).findings.size(), size_t(0));
    }

    void unsafeSettingFromTheDatabase()
    {
        TestDatabase database(u"diag_settings"_s);
        {
            auto c = database.connect();
            QVERIFY(!findingOn(runCheck(*c, u"unsafe_settings"_s), u"track_counts"_s));
            QVERIFY(run(*c, u"ALTER DATABASE "_s + database.name() + u" SET track_counts = off"_s));
        }
        auto c = database.connect(); // the setting applies to new sessions
        const CheckResult result = runCheck(*c, u"unsafe_settings"_s);
        const Finding* finding = findingOn(result, u"track_counts"_s);
        QVERIFY(finding);
        QCOMPARE(finding->severity, Severity::Critical);
        QCOMPARE(finding->fix.sql,
                 u"ALTER DATABASE "_s + database.name() + u" RESET track_counts;"_s);
        QVERIFY(applyFix(*c, *finding));
        auto fresh = database.connect();
        QVERIFY(!findingOn(runCheck(*fresh, u"unsafe_settings"_s), u"track_counts"_s));
    }

    void defaultSettingsAreContext()
    {
        TestDatabase database(u"diag_defaults"_s);
        auto c = database.connect();
        const CheckResult result = runCheck(*c, u"default_settings"_s);
        const Finding* finding = findingOn(result, u"random_page_cost"_s);
        QVERIFY(finding);
        QCOMPARE(result.status, CheckStatus::Ok);
        QVERIFY(applyFix(*c, *finding));
        auto fresh = database.connect();
        QVERIFY(!findingOn(runCheck(*fresh, u"default_settings"_s), u"random_page_cost"_s));
    }
};

QTEST_GUILESS_MAIN(TestDiagnoseSchema)
#include "tst_pg_diagnose_schema.moc"
