#include "core/sql/script.h"
#include "tests/support/cli_run.h"
#include "tests/support/test_database.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using plumb::testing::CliRun;
using plumb::testing::runPlumb;
using plumb::testing::TestDatabase;

namespace {

// Runs a script of several statements (TestDatabase::exec takes one).
void load(const TestDatabase& database, const QString& script)
{
    auto connection = database.connect();
    plumb::SilentProgress progress;
    auto loaded = plumb::sql::runScript(*connection, script, QStringLiteral("test.sql"), progress);
    if (!loaded)
        QFAIL(qPrintable(loaded.error().describe()));
}

const QString base = u"CREATE TABLE t (id integer PRIMARY KEY, a integer);"_s;
const QString wanted =
    u"CREATE TABLE t (id integer PRIMARY KEY, a integer NOT NULL, b text DEFAULT 'x');"
    u"CREATE INDEX t_a_idx ON t (a);"_s;

QString url(const TestDatabase& database)
{
    return database.info().toUri();
}

bool converged(const TestDatabase& from, const TestDatabase& to)
{
    return runPlumb({u"diff"_s, u"--from"_s, url(from), u"--to"_s, url(to), u"--exit-code"_s})
               .exitCode == 0;
}

} // namespace

// plumb diff: the script, the JSON plan, --exit-code and --apply.
class TestCliDiff : public QObject {
    Q_OBJECT

private slots:
    void onlineScriptUsesRecipes()
    {
        TestDatabase from(u"cli_from"_s), to(u"cli_to"_s);
        load(from, base);
        load(to, wanted);
        const CliRun run = runPlumb(
            {u"diff"_s, u"--from"_s, url(from), u"--to"_s, url(to), u"--format"_s, u"sql"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(u"CREATE INDEX CONCURRENTLY t_a_idx"_s), qPrintable(run.out));
        QVERIFY2(run.out.contains(u"ADD COLUMN b text DEFAULT 'x'::text"_s), qPrintable(run.out));
        QVERIFY2(run.out.contains(u"CHECK (a IS NOT NULL) NOT VALID"_s), qPrintable(run.out));
        QVERIFY2(run.out.contains(u"SHARE UPDATE EXCLUSIVE"_s), qPrintable(run.out));
    }

    void plainScriptIsOneTransaction()
    {
        TestDatabase from(u"cli_from"_s), to(u"cli_to"_s);
        load(from, base);
        load(to, wanted);
        const CliRun run = runPlumb(
            {u"diff"_s, u"--from"_s, url(from), u"--to"_s, url(to), u"--mode"_s, u"plain"_s});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(u"BEGIN;"_s) && run.out.contains(u"COMMIT;"_s),
                 qPrintable(run.out));
        QVERIFY2(run.out.contains(u"CREATE INDEX t_a_idx ON public.t"_s), qPrintable(run.out));
        QVERIFY(!run.out.contains(u"CONCURRENTLY"_s));
    }

    void jsonListsStepsWithCategoryLockAndHazards()
    {
        TestDatabase from(u"cli_from"_s), to(u"cli_to"_s);
        load(from, base);
        load(to, wanted);
        const CliRun run = runPlumb(
            {u"diff"_s, u"--from"_s, url(from), u"--to"_s, url(to), u"--format"_s, u"json"_s});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject payload = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QCOMPARE(payload.value(u"ok"_s).toBool(), true);
        QCOMPARE(payload.value(u"differs"_s).toBool(), true);
        const QJsonArray steps = payload.value(u"plan"_s).toObject().value(u"steps"_s).toArray();
        QVERIFY(!steps.isEmpty());
        bool sawIndex = false;
        for (const QJsonValue& value : steps) {
            const QJsonObject step = value.toObject();
            QVERIFY(step.contains(u"category"_s) && step.contains(u"pass"_s) &&
                    step.contains(u"lock"_s) && step.contains(u"hazards"_s));
            if (step.value(u"sql"_s).toString().startsWith(u"CREATE INDEX CONCURRENTLY"_s)) {
                sawIndex = true;
                QCOMPARE(step.value(u"category"_s).toString(), u"convergence"_s);
                QCOMPARE(step.value(u"transactional"_s).toBool(), false);
            }
        }
        QVERIFY(sawIndex);
        QVERIFY(!payload.value(u"changes"_s).toArray().isEmpty());
    }

    void exitCodeSaysWhetherTheyDiffer()
    {
        TestDatabase from(u"cli_from"_s), to(u"cli_to"_s);
        load(from, base);
        load(to, base);
        QCOMPARE(runPlumb({u"diff"_s, u"--from"_s, url(from), u"--to"_s, url(to), u"--exit-code"_s})
                     .exitCode,
                 0);
        load(to, u"CREATE INDEX t_a_idx ON t (a)"_s);
        QCOMPARE(runPlumb({u"diff"_s, u"--from"_s, url(from), u"--to"_s, url(to), u"--exit-code"_s})
                     .exitCode,
                 7);
    }

    void applyConverges()
    {
        TestDatabase from(u"cli_from"_s), to(u"cli_to"_s);
        load(from, base);
        load(to, wanted);
        const CliRun applied =
            runPlumb({u"diff"_s, u"--from"_s, url(from), u"--to"_s, url(to), u"--apply"_s});
        QVERIFY2(applied.exitCode == 0, qPrintable(applied.out + applied.err));
        const CliRun again =
            runPlumb({u"diff"_s, u"--from"_s, url(from), u"--to"_s, url(to), u"--exit-code"_s});
        QVERIFY2(again.exitCode == 0, qPrintable(again.out));
    }

    void sequenceBoundsMovePastTheCurrentValue()
    {
        // Raising MINVALUE over an ascending sequence's current value (lowering MAXVALUE under a
        // descending one's) fails in ALTER SEQUENCE alone; the plan moves the value forward
        // first, so nothing already handed out comes back.
        TestDatabase from(u"cli_seq_from"_s), to(u"cli_seq_to"_s);
        load(from, u"CREATE SEQUENCE up;\n"
                   u"CREATE SEQUENCE down INCREMENT BY -1 MINVALUE -1000 MAXVALUE -1 START -1;\n"
                   u"SELECT nextval('up'), nextval('down');\n"_s);
        load(to,
             u"CREATE SEQUENCE up MINVALUE 1000 START 1000;\n"
             u"CREATE SEQUENCE down INCREMENT BY -1 MINVALUE -1000 MAXVALUE -50 START -50;\n"_s);
        const CliRun applied =
            runPlumb({u"diff"_s, u"--from"_s, url(from), u"--to"_s, url(to), u"--apply"_s});
        QVERIFY2(applied.exitCode == 0, qPrintable(applied.out + applied.err));
        const CliRun again =
            runPlumb({u"diff"_s, u"--from"_s, url(from), u"--to"_s, url(to), u"--exit-code"_s});
        QVERIFY2(again.exitCode == 0, qPrintable(again.out));
        auto connection = from.connect();
        auto next = connection->exec(u"SELECT nextval('up'), nextval('down')"_s);
        QVERIFY(next);
        QCOMPARE(next->text(0, 0), u"1000"_s);
        QCOMPARE(next->text(0, 1), u"-50"_s);
    }

    void childMovesToAnotherParentKeepingItsRows()
    {
        // The old parent loses its column (and the serial it owns) or goes away entirely; the
        // child must leave it first (NO INHERIT), keep its own rows and join the new parent.
        const QString before = u"CREATE TABLE parent (id bigserial NOT NULL);\n"
                               u"CREATE TABLE child (note text) INHERITS (parent);\n"
                               u"INSERT INTO child (note) VALUES ('kept'), ('kept too');\n"_s;
        const QString after = u"CREATE TABLE parent (label text);\n"
                              u"CREATE TABLE parent2 (id bigserial NOT NULL);\n"
                              u"CREATE TABLE child (note text) INHERITS (parent2);\n"_s;
        for (const auto& [fromSql, toSql] : {std::pair(before, after), std::pair(after, before)}) {
            TestDatabase from(u"cli_inh_from"_s), to(u"cli_inh_to"_s);
            load(from, fromSql);
            load(to, toSql);
            (void)from.connect()->exec(
                u"INSERT INTO child (id, note) "
                u"SELECT 100, 'mine' WHERE NOT EXISTS (SELECT FROM child)"_s);
            const CliRun applied = runPlumb(
                {u"diff"_s, u"--from"_s, url(from), u"--to"_s, url(to), u"--apply"_s, u"--yes"_s});
            QVERIFY2(applied.exitCode == 0, qPrintable(applied.out + applied.err));
            QVERIFY2(!applied.out.contains(u"drop table public.child"_s), qPrintable(applied.out));
            const CliRun again =
                runPlumb({u"diff"_s, u"--from"_s, url(from), u"--to"_s, url(to), u"--exit-code"_s});
            QVERIFY2(again.exitCode == 0, qPrintable(again.out));
            auto rows = from.connect()->exec(u"SELECT count(*) FROM ONLY child"_s);
            QVERIFY(rows);
            QVERIFY(rows->text(0, 0).toInt() > 0);
        }
    }

    void constraintIndexBecomesAPlainIndexOnline()
    {
        // A UNIQUE constraint replaced by a unique index of the same name: online, the index is
        // built beside the constraint's under a passing name and renamed after the drop.
        TestDatabase from(u"cli_uq_from"_s), to(u"cli_uq_to"_s);
        load(from, u"CREATE TABLE ab (a int, b int, CONSTRAINT ab_a_b UNIQUE (a, b));\n"_s);
        load(to, u"CREATE TABLE ab (a int, b int);\nCREATE UNIQUE INDEX ab_a_b ON ab (a, b);\n"_s);
        const CliRun script = runPlumb({u"diff"_s, u"--from"_s, url(from), u"--to"_s, url(to)});
        QVERIFY2(script.out.contains(u"CREATE UNIQUE INDEX CONCURRENTLY ab_a_b_plumb_new"_s),
                 qPrintable(script.out));
        const CliRun applied =
            runPlumb({u"diff"_s, u"--from"_s, url(from), u"--to"_s, url(to), u"--apply"_s});
        QVERIFY2(applied.exitCode == 0, qPrintable(applied.out + applied.err));
        const CliRun again =
            runPlumb({u"diff"_s, u"--from"_s, url(from), u"--to"_s, url(to), u"--exit-code"_s});
        QVERIFY2(again.exitCode == 0, qPrintable(again.out));
    }

    void serialAddedToATableOfAnotherOwner()
    {
        // The plan's new sequence must end up with the table's owner before OWNED BY.
        const QString role = u"plumb_owner_%1"_s.arg(QCoreApplication::applicationPid());
        {
            TestDatabase from(u"cli_own_from"_s), to(u"cli_own_to"_s);
            from.exec(u"CREATE ROLE %1"_s.arg(role));
            const QString owned = u"ALTER TABLE t OWNER TO %1;\n"_s.arg(role);
            load(from, u"CREATE TABLE t (note text);\n"_s + owned);
            load(to, u"CREATE TABLE t (note text, id bigserial NOT NULL);\n"_s + owned);
            const CliRun applied =
                runPlumb({u"diff"_s, u"--from"_s, url(from), u"--to"_s, url(to), u"--apply"_s});
            QVERIFY2(applied.exitCode == 0, qPrintable(applied.out + applied.err));
            const CliRun again =
                runPlumb({u"diff"_s, u"--from"_s, url(from), u"--to"_s, url(to), u"--exit-code"_s});
            QVERIFY2(again.exitCode == 0, qPrintable(again.out));
        }
        TestDatabase cleanup(u"cli_own_cleanup"_s);
        cleanup.exec(u"DROP ROLE %1"_s.arg(role));
    }

    // A destructive plan is refused as a whole (exit 8, nothing runs) and its script comments
    // the destructive step out, until --allow-destructive (or the old --yes) is given.
    void applyRefusesToDropDataWithoutAllowDestructive()
    {
        TestDatabase from(u"cli_from"_s), to(u"cli_to"_s);
        load(from, base + u"CREATE TABLE gone (id integer); INSERT INTO gone VALUES (1);"_s);
        load(to, base + u"CREATE INDEX t_kept_idx ON t (id);"_s);
        const CliRun script = runPlumb({u"diff"_s, u"--from"_s, url(from), u"--to"_s, url(to)});
        QCOMPARE(script.exitCode, 0);
        QVERIFY2(script.out.contains(u"-- step"_s) &&
                     script.out.contains(u"--   DROP TABLE public.gone;"_s) &&
                     !script.out.contains(u"\nDROP TABLE"_s),
                 qPrintable(script.out));
        const CliRun refused =
            runPlumb({u"diff"_s, u"--from"_s, url(from), u"--to"_s, url(to), u"--apply"_s});
        QCOMPARE(refused.exitCode, 8);
        QVERIFY2(refused.err.contains(u"--allow-destructive"_s) &&
                     refused.err.contains(u"public.gone"_s),
                 qPrintable(refused.err));
        QVERIFY(!converged(from, to));
        const CliRun allowed = runPlumb(
            {u"diff"_s, u"--from"_s, url(from), u"--to"_s, url(to), u"--allow-destructive"_s});
        QVERIFY2(allowed.out.contains(u"\nDROP TABLE public.gone;"_s), qPrintable(allowed.out));
        const CliRun applied = runPlumb(
            {u"diff"_s, u"--from"_s, url(from), u"--to"_s, url(to), u"--apply"_s, u"--yes"_s});
        QCOMPARE(applied.exitCode, 0);
        QVERIFY(converged(from, to));
    }

    void outputFileAndBadMode()
    {
        TestDatabase from(u"cli_from"_s), to(u"cli_to"_s);
        load(from, base);
        load(to, wanted);
        QTemporaryDir dir;
        const QString file = dir.filePath(u"plan.sql"_s);
        QCOMPARE(
            runPlumb({u"diff"_s, u"--from"_s, url(from), u"--to"_s, url(to), u"--output"_s, file})
                .exitCode,
            0);
        QFile written(file);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QVERIFY(written.readAll().contains("CONCURRENTLY"));
        QCOMPARE(runPlumb({u"diff"_s, u"--from"_s, url(from), u"--to"_s, url(to), u"--mode"_s,
                           u"fast"_s})
                     .exitCode,
                 5);
    }
};

QTEST_GUILESS_MAIN(TestCliDiff)
#include "tst_cli_diff.moc"
