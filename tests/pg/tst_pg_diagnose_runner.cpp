#include "core/db/quote.h"
#include "core/diagnose/report_json.h"
#include "tests/pg/diagnose_support.h"
#include "tests/support/test_database.h"

#include <QJsonArray>
#include <QTest>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace plumb::testing::diagnosis;
using plumb::testing::TestDatabase;

namespace {

// Stands in for the projects module: it declares the tables it is given at fixed lines.
class FakeProject final : public OwnerResolver {
public:
    explicit FakeProject(QHash<QString, int> lines)
        : m_lines(std::move(lines))
    {}
    std::optional<Owner> resolve(const QString& schema, const QString& table) const override
    {
        const auto it = m_lines.constFind(schema + u'.' + table);
        if (it == m_lines.constEnd())
            return std::nullopt;
        Owner owner;
        owner.kind = OwnerKind::Project;
        owner.file = u"db/schema/10_tables.sql"_s;
        owner.line = *it;
        return owner;
    }

private:
    QHash<QString, int> m_lines;
};

plumb::Result<Report> diagnoseAll(plumb::db::Connection& connection, const Options& options = {},
                                  const OwnerResolver* resolver = nullptr)
{
    plumb::SilentProgress progress;
    return plumb::diagnose::diagnose(connection, progress, options, resolver);
}

} // namespace

// The runner: a healthy database, isolation of failing checks, owners, caveats, cancel.
class TestDiagnoseRunner : public QObject {
    Q_OBJECT
private slots:
    void healthyDatabaseHasNoFindings()
    {
        TestDatabase database(u"diag_healthy"_s);
        auto c = database.connect();
        QVERIFY(run(*c,
                    u"CREATE TABLE account (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY "
                    u"KEY, email text NOT NULL UNIQUE, created timestamptz NOT NULL DEFAULT "
                    u"now(), profile jsonb);"
                    u"CREATE TABLE invoice (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY "
                    u"KEY, account_id bigint NOT NULL REFERENCES account, total numeric);"
                    u"CREATE INDEX invoice_account ON invoice (account_id);"
                    u"INSERT INTO account (email) SELECT 'a' || g FROM generate_series(1, 50) g;"
                    u"INSERT INTO invoice (account_id, total) SELECT id, 1 FROM account;"
                    u"ANALYZE;"_s));
        auto report = diagnoseAll(*c);
        QVERIFY2(report, qPrintable(report ? QString() : report.error().describe()));
        QCOMPARE(report->checks.size(), size_t(checkNames().size()));
        QVERIFY(report->checks.size() >= 30);
        for (const CheckResult& check : report->checks) {
            if (check.name == u"unsafe_settings") {
                // The test cluster runs with fsync and full_page_writes off, for speed: those
                // are the only findings allowed here, and they must be reported.
                for (const Finding& finding : check.findings)
                    QVERIFY2(finding.object == u"fsync" || finding.object == u"full_page_writes",
                             qPrintable(finding.id));
                continue;
            }
            QVERIFY2(check.status == CheckStatus::Ok || check.status == CheckStatus::Skipped,
                     qPrintable(check.name + u": "_s + checkStatusName(check.status) + u' ' +
                                check.message));
            if (check.tier != Tier::Informational)
                for (const Finding& finding : check.findings)
                    QVERIFY2(finding.severity == Severity::Info, qPrintable(finding.id));
            if (check.tier == Tier::Warning)
                QVERIFY2(check.findings.empty(), qPrintable(check.name));
        }
    }

    void failingCheckReportsErrorAndOthersGoOn()
    {
        TestDatabase database(u"diag_isolate"_s);
        const QString role = u"plumb_diag_reader_"_s + QString::number(::getpid());
        {
            auto admin = database.connect();
            QVERIFY(run(*admin, u"CREATE ROLE "_s + role +
                                    u" LOGIN;"
                                    u"REVOKE SELECT ON pg_catalog.pg_stat_user_tables FROM PUBLIC;"
                                    u"CREATE TABLE t (id bigint PRIMARY KEY);"_s));
        }
        {
            auto reader = plumb::db::Connection::open(database.info().with(u"user"_s, role));
            QVERIFY2(reader, qPrintable(reader ? QString() : reader.error().message));
            Options options;
            options.onlyChecks = {u"invalid_index"_s, u"stats_freshness"_s, u"dead_tuples"_s,
                                  u"missing_fk_index"_s};
            auto report = diagnoseAll(**reader, options);
            QVERIFY2(report, qPrintable(report ? QString() : report.error().describe()));
            QCOMPARE(report->check(u"stats_freshness")->status, CheckStatus::Error);
            QVERIFY(report->check(u"stats_freshness")->message.contains(u"permission denied"_s));
            QVERIFY(report->check(u"stats_freshness")->message.contains(u"others still ran"_s));
            QCOMPARE(report->check(u"dead_tuples")->status, CheckStatus::Error);
            QCOMPARE(report->check(u"invalid_index")->status, CheckStatus::Ok);
            QCOMPARE(report->check(u"missing_fk_index")->status, CheckStatus::Ok);
            QVERIFY(!report->hasProblems()); // errors are not findings
        }
        auto admin = plumb::db::Connection::open(plumb::testing::serverInfo());
        QVERIFY(admin);
        QVERIFY((*admin)->exec(u"DROP ROLE "_s + role));
    }

    void checksRunReadOnlyWithTimeouts()
    {
        // pg_stat_statements records the utility statements the runner sends: one READ ONLY
        // transaction with its own timeouts per check (plus one for the facts and one for the
        // extension owners).
        TestDatabase database(u"diag_readonly"_s);
        auto c = database.connect();
        QVERIFY(run(*c, u"CREATE EXTENSION pg_stat_statements; CREATE TABLE t (x int);"
                        u"INSERT INTO t VALUES (1); SELECT pg_stat_statements_reset();"_s));
        auto report = diagnoseAll(*c);
        QVERIFY(report);
        const qint64 transactions = qint64(report->checks.size()) + 2;
        auto begins =
            c->exec(u"SELECT coalesce(sum(calls), 0)::bigint FROM pg_stat_statements WHERE dbid = "
                    u"(SELECT oid FROM pg_database WHERE datname = current_database()) AND "
                    u"query = 'BEGIN TRANSACTION READ ONLY'"_s);
        QVERIFY(begins);
        QCOMPARE(begins->int64(0, 0), transactions);
        auto timeouts = c->exec(
            u"SELECT coalesce(sum(calls), 0)::bigint FROM pg_stat_statements WHERE dbid = "
            u"(SELECT oid FROM pg_database WHERE datname = current_database()) AND "
            u"query LIKE 'SELECT set_config(%), set_config(%), pg_stat_clear_snapshot()'"_s);
        QVERIFY(timeouts);
        QCOMPARE(timeouts->int64(0, 0), transactions);
        // Nothing is left behind: same rows, no prepared statement, no transaction open.
        auto rows = c->exec(u"SELECT (SELECT count(*) FROM t), (SELECT count(*) FROM "
                            u"pg_prepared_statements), current_setting('transaction_read_only')"_s);
        QVERIFY(rows);
        QCOMPARE(rows->int64(0, 0), qint64(1));
        QCOMPARE(rows->int64(0, 1), qint64(0));
        QCOMPARE(rows->text(0, 2), u"off"_s);
        QVERIFY(run(*c, u"INSERT INTO t VALUES (2)"_s));
    }

    void lockedTableTimesOutOnlyTheCheckThatWaits()
    {
        // missing_index_candidate sizes every table; a table under ACCESS EXCLUSIVE makes it
        // wait. Its own lock_timeout (or statement_timeout) ends the wait as an error and the
        // next check runs.
        TestDatabase database(u"diag_timeout"_s);
        auto c = database.connect();
        auto locker = database.connect();
        QVERIFY(run(*c, u"CREATE TABLE busy (id bigint PRIMARY KEY);"_s));
        QVERIFY(run(*locker, u"BEGIN; LOCK TABLE busy IN ACCESS EXCLUSIVE MODE;"_s));
        Options options;
        options.onlyChecks = {u"missing_index_candidate"_s, u"invalid_index"_s};
        options.lockTimeoutMs = 200;
        options.missingIndexMinSeqScans = 0; // else the scan-count filter spares the size call
        auto locked = diagnoseAll(*c, options);
        QVERIFY(locked);
        QCOMPARE(locked->check(u"missing_index_candidate")->status, CheckStatus::Error);
        QVERIFY2(locked->check(u"missing_index_candidate")->message.contains(u"55P03"_s),
                 qPrintable(locked->check(u"missing_index_candidate")->message));
        QCOMPARE(locked->check(u"invalid_index")->status, CheckStatus::Ok);

        options.lockTimeoutMs = 60000;
        options.statementTimeoutMs = 300;
        auto slow = diagnoseAll(*c, options);
        QVERIFY(slow);
        QVERIFY2(slow->check(u"missing_index_candidate")->message.contains(u"statement_timeout"_s),
                 qPrintable(slow->check(u"missing_index_candidate")->message));
        QCOMPARE(slow->check(u"invalid_index")->status, CheckStatus::Ok);
        QVERIFY(run(*locker, u"ROLLBACK"_s));
    }

    void ownersFromResolverExtensionAndUnmanaged()
    {
        TestDatabase database(u"diag_owner"_s);
        auto c = database.connect();
        QVERIFY(run(*c, u"CREATE EXTENSION hypopg;"
                        u"CREATE TABLE mine (id int PRIMARY KEY, a int);"
                        u"CREATE TABLE stray (id int PRIMARY KEY, a int);"
                        u"CREATE TABLE ext_t (id int PRIMARY KEY, a int);"
                        u"ALTER EXTENSION hypopg ADD TABLE ext_t;"
                        u"ALTER TABLE mine ADD CONSTRAINT mine_a CHECK (a > 0) NOT VALID;"
                        u"ALTER TABLE stray ADD CONSTRAINT stray_a CHECK (a > 0) NOT VALID;"
                        u"ALTER TABLE ext_t ADD CONSTRAINT ext_a CHECK (a > 0) NOT VALID;"_s));
        const FakeProject project({{u"public.mine"_s, 12}});
        const CheckResult result = runCheck(*c, u"not_valid_constraint"_s, {}, &project);
        const Finding* mine = findingOn(result, u"mine_a"_s);
        const Finding* stray = findingOn(result, u"stray_a"_s);
        const Finding* extension = findingOn(result, u"ext_a"_s);
        QVERIFY(mine && stray && extension);
        QCOMPARE(mine->owner.kind, OwnerKind::Project);
        QCOMPARE(mine->owner.file, u"db/schema/10_tables.sql"_s);
        QCOMPARE(mine->owner.line, 12);
        QCOMPARE(stray->owner.kind, OwnerKind::Unmanaged);
        QVERIFY(stray->owner.note.contains(u"not declared"_s));
        QCOMPARE(extension->owner.kind, OwnerKind::Extension);
        QCOMPARE(extension->owner.extension, u"hypopg"_s);

        const CheckResult plain = runCheck(*c, u"not_valid_constraint"_s);
        QCOMPARE(findingOn(plain, u"mine_a"_s)->owner.kind, OwnerKind::Unmanaged);
        QVERIFY(findingOn(plain, u"mine_a"_s)->owner.note.contains(u"no project mapping"_s));

        // A schema edit is located at the declaring file and line.
        QVERIFY(run(*c, u"CREATE TABLE kid (mine_id int REFERENCES mine)"_s));
        const FakeProject kidProject({{u"public.kid"_s, 40}});
        const CheckResult fk = runCheck(*c, u"missing_fk_index"_s, {}, &kidProject);
        QCOMPARE(fk.findings.size(), size_t(1));
        QVERIFY(fk.findings.front().fix.schemaEdit.startsWith(u"db/schema/10_tables.sql:40: "_s));

        // Extension-owned findings do not colour the status.
        QVERIFY(run(*c, u"ALTER TABLE mine VALIDATE CONSTRAINT mine_a;"
                        u"ALTER TABLE stray VALIDATE CONSTRAINT stray_a;"_s));
        const CheckResult onlyExtension = runCheck(*c, u"not_valid_constraint"_s);
        QCOMPARE(onlyExtension.findings.size(), size_t(1));
        QCOMPARE(onlyExtension.status, CheckStatus::Ok);
        QVERIFY(run(*c, u"ALTER EXTENSION hypopg DROP TABLE ext_t"_s));
    }

    void crossCheckCaveats()
    {
        TestDatabase database(u"diag_caveat"_s);
        auto c = database.connect();
        QVERIFY(run(*c, u"CREATE TABLE f (x int, y int) WITH (autovacuum_enabled = off);"
                        u"INSERT INTO f SELECT g, g FROM generate_series(1, 5000) g;"
                        u"CREATE INDEX f_y ON f (y);"_s));
        flushStats(*c);
        Options options = matureStats();
        options.unusedIndexMinBytes = 0;
        options.onlyChecks = {u"stats_freshness"_s, u"unused_index"_s};
        auto report = diagnoseAll(*c, options);
        QVERIFY(report);
        const Finding* unused = findingOn(*report->check(u"unused_index"), u"f_y"_s);
        QVERIFY(unused);
        QVERIFY(unused->caveats.join(u' ').contains(u"stats_freshness"_s));
    }

    void unknownCheckAndCancel()
    {
        TestDatabase database(u"diag_usage"_s);
        auto c = database.connect();
        Options options;
        options.onlyChecks = {u"no_such_check"_s};
        auto unknown = diagnoseAll(*c, options);
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().code, plumb::ErrorCode::Config);
        QVERIFY(unknown.error().message.contains(u"invalid_index"_s)); // lists the known ones

        plumb::SilentProgress canceled;
        canceled.cancel();
        auto report = plumb::diagnose::diagnose(*c, canceled);
        QVERIFY(!report);
        QCOMPARE(report.error().code, plumb::ErrorCode::Canceled);
    }

    void jsonCarriesEveryFinding()
    {
        TestDatabase database(u"diag_json"_s);
        auto c = database.connect();
        QVERIFY(run(*c, u"CREATE TABLE t (x int); ALTER TABLE t ADD CONSTRAINT p CHECK (x > 0) "
                        u"NOT VALID;"_s));
        Options options;
        options.onlyChecks = {u"not_valid_constraint"_s};
        auto report = diagnoseAll(*c, options);
        QVERIFY(report);
        const QJsonObject json = toJson(*report);
        QCOMPARE(json.value(u"has_problems"_s).toBool(), true);
        const QJsonObject finding = json.value(u"checks"_s)
                                        .toArray()
                                        .at(0)
                                        .toObject()
                                        .value(u"findings"_s)
                                        .toArray()
                                        .at(0)
                                        .toObject();
        QCOMPARE(finding.value(u"id"_s).toString(), u"not_valid_constraint:public.t.p"_s);
        QCOMPARE(finding.value(u"fix"_s).toObject().value(u"sql"_s).toString(),
                 u"ALTER TABLE public.t VALIDATE CONSTRAINT p;"_s);
        QCOMPARE(finding.value(u"owner"_s).toObject().value(u"kind"_s).toString(), u"unmanaged"_s);
    }
};

QTEST_GUILESS_MAIN(TestDiagnoseRunner)
#include "tst_pg_diagnose_runner.moc"
