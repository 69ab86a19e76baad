#include "core/catalog/fingerprint.h"
#include "core/catalog/introspect.h"
#include "core/db/connection.h"
#include "core/diff/change_set.h"
#include "core/plan/executor.h"
#include "core/plan/plan.h"
#include "core/sql/script.h"
#include "tests/support/test_database.h"

#include <QTest>
#include <functional>

using namespace Qt::StringLiterals;
using namespace plumb;
using plumb::testing::TestDatabase;

namespace {

bool load(const TestDatabase& database, const QString& script)
{
    auto connection = database.connect();
    SilentProgress progress;
    auto loaded = sql::runScript(*connection, script, u"test.sql"_s, progress);
    if (!loaded)
        qWarning().noquote() << loaded.error().describe();
    return bool(loaded);
}

catalog::Catalog read(const TestDatabase& database)
{
    auto connection = database.connect();
    SilentProgress progress;
    auto catalog = catalog::introspect(*connection, {}, progress);
    if (!catalog)
        qFatal("introspect: %s", qPrintable(catalog.error().message));
    return *catalog;
}

QString value(const TestDatabase& database, const QString& query)
{
    auto connection = database.connect();
    auto result = connection->exec(query);
    return result && result->rowCount() > 0 ? result->text(0, 0) : u"<error>"_s;
}

QString describe(const plan::Plan& plan, const plan::ExecuteResult* result = nullptr)
{
    QString text;
    for (int i = 0; i < plan.steps.size(); ++i) {
        text += u"%1. [%2] %3"_s.arg(i + 1).arg(plan::stepKindName(plan.steps[i].kind),
                                                plan.steps[i].sql.simplified());
        if (result)
            text += u" => "_s + plan::outcomeName(result->steps[i].outcome) + u' ' +
                    result->steps[i].error;
        text += u'\n';
    }
    return text;
}

struct Outcome {
    plan::Plan plan;
    bool converged = false;
    QString report;
    QString checked; // what `check` returned on the changed database
};

// Plans `from` -> `to` in `mode` on fresh databases, runs every step (blocked and destructive
// ones too: the families are about plans that run) and compares the result with `to`. `check`
// reads the changed database afterwards.
Outcome roundTrip(const QString& fromSql, const QString& toSql, plan::Mode mode,
                  const std::function<QString(const TestDatabase&)>& check)
{
    TestDatabase from(u"family_from"_s), to(u"family_to"_s);
    Outcome outcome;
    if (!load(from, fromSql) || !load(to, toSql)) {
        outcome.report = u"the test's SQL does not load"_s;
        return outcome;
    }
    const catalog::Catalog a = read(from);
    const catalog::Catalog b = read(to);
    outcome.plan = plan::makePlan(a, b, diff::compare(a, b), mode);
    plan::ExecuteOptions options;
    options.runBlocked = true;
    options.allowDestructive = true;
    options.buildRetries = 0;
    auto connection = from.connect();
    SilentProgress progress;
    auto result = plan::execute(*connection, outcome.plan, options, progress);
    if (!result) {
        outcome.report = result.error().describe();
        return outcome;
    }
    const QString after = catalog::fingerprintText(read(from));
    const QString wanted = catalog::fingerprintText(b);
    outcome.converged = result->ok() && after == wanted;
    outcome.report = u"%1 plan:\n"_s.arg(plan::modeName(mode)) + describe(outcome.plan, &*result);
    if (after != wanted) {
        const QStringList x = after.split(u'\n'), y = wanted.split(u'\n');
        for (const QString& line : x)
            if (!y.contains(line))
                outcome.report += u"- "_s + line + u'\n';
        for (const QString& line : y)
            if (!x.contains(line))
                outcome.report += u"+ "_s + line + u'\n';
    }
    if (check)
        outcome.checked = check(from);
    return outcome;
}

bool hasStep(const plan::Plan& plan, plan::StepKind kind, const QString& containing = {})
{
    return std::ranges::any_of(plan.steps, [&](const plan::Step& step) {
        return step.kind == kind && step.sql.contains(containing);
    });
}

const QString partitioned = u"CREATE TABLE p (id int NOT NULL, k int) PARTITION BY RANGE (id);"
                            u"CREATE TABLE p1 PARTITION OF p FOR VALUES FROM (0) TO (100);"
                            u"CREATE TABLE p2 PARTITION OF p FOR VALUES FROM (100) TO (200);"
                            u"INSERT INTO p SELECT g, g % 7 FROM generate_series(0, 199) g;"_s;

} // namespace

// The plan-correctness families: partitioned tables, enum values added and used in one plan,
// type changes without an assignment cast, objects an earlier step drops or renames
// implicitly, the order of functions and the constraints that call them, and columns of
// inheritance children whose parents change. Each plan runs in
// both modes on databases with rows and must end equal to the target.
class TestPgPlanFamilies : public QObject {
    Q_OBJECT

    // Both modes converge (and `check` gives `expected` after each); returns the online plan.
    plan::Plan bothModes(const QString& from, const QString& to,
                         const std::function<QString(const TestDatabase&)>& check = {},
                         const QString& expected = {})
    {
        plan::Plan online;
        for (plan::Mode mode : {plan::Mode::Plain, plan::Mode::Online}) {
            const Outcome outcome = roundTrip(from, to, mode, check);
            if (!outcome.converged)
                qWarning().noquote() << outcome.report;
            if (!outcome.converged)
                m_failures.append(plan::modeName(mode) + u": does not converge"_s);
            else if (check && outcome.checked != expected)
                m_failures.append(plan::modeName(mode) + u": after the plan, "_s + outcome.checked +
                                  u" instead of "_s + expected);
            if (mode == plan::Mode::Online)
                online = outcome.plan;
        }
        return online;
    }

    QStringList m_failures;

private slots:
    void init() { m_failures.clear(); }

    void partitionedIndexAttachesTheIndexesPartitionsHave()
    {
        const QString from = partitioned + u"CREATE INDEX p1_k ON p1 (k);"
                                           u"CREATE INDEX p2_k ON p2 (k);"_s;
        const plan::Plan plan = bothModes(from, from + u"CREATE INDEX p_k ON p (k);"_s);
        QVERIFY2(m_failures.isEmpty(), qPrintable(m_failures.join(u"; "_s)));
        // Built on the parent only, then the partitions' indexes are attached: never built
        // twice, never dropped.
        QVERIFY2(hasStep(plan, plan::StepKind::CreateIndexOnOnly, u"ON ONLY public.p "_s),
                 qPrintable(describe(plan)));
        QVERIFY2(hasStep(plan, plan::StepKind::AttachIndex, u"public.p1_k"_s),
                 qPrintable(describe(plan)));
        QVERIFY2(!hasStep(plan, plan::StepKind::DropIndex) &&
                     !hasStep(plan, plan::StepKind::DropIndexConcurrently),
                 qPrintable(describe(plan)));
    }

    void partitionedIndexIsBuiltOnlinePartitionByPartition()
    {
        const plan::Plan plan =
            bothModes(partitioned, partitioned + u"CREATE INDEX p_k ON p (k);"_s);
        QVERIFY2(m_failures.isEmpty(), qPrintable(m_failures.join(u"; "_s)));
        // CONCURRENTLY cannot build on a partitioned table: each partition's index is built
        // concurrently and attached.
        QVERIFY2(hasStep(plan, plan::StepKind::CreateIndexConcurrently, u"ON public.p1 "_s),
                 qPrintable(describe(plan)));
        QVERIFY2(hasStep(plan, plan::StepKind::AttachIndex), qPrintable(describe(plan)));
    }

    void partitionedPrimaryKeyWithPartitionIndexes()
    {
        const QString from = partitioned + u"CREATE UNIQUE INDEX p1_id ON p1 (id);"
                                           u"CREATE UNIQUE INDEX p2_id ON p2 (id);"_s;
        bothModes(
            from, from + u"ALTER TABLE p ADD PRIMARY KEY (id);"_s,
            [](const TestDatabase& d) { return value(d, u"SELECT count(*) FROM p"_s); }, u"200"_s);
        QVERIFY2(m_failures.isEmpty(), qPrintable(m_failures.join(u"; "_s)));
    }

    void partitionsKeysBecomeTheParentsKey()
    {
        // Each partition has its own primary key; the parent gets one that adopts them.
        const QString from = partitioned + u"ALTER TABLE p1 ADD PRIMARY KEY (id);"
                                           u"ALTER TABLE p2 ADD PRIMARY KEY (id);"_s;
        bothModes(from, partitioned + u"ALTER TABLE p ADD PRIMARY KEY (id);"_s);
        QVERIFY2(m_failures.isEmpty(), qPrintable(m_failures.join(u"; "_s)));
    }

    void foreignKeyOnPartitionedTable()
    {
        const QString from = u"CREATE TABLE r (id int PRIMARY KEY);"
                             u"INSERT INTO r SELECT generate_series(0, 6);"_s +
                             partitioned;
        bothModes(from, from + u"ALTER TABLE p ADD CONSTRAINT p_k_fkey FOREIGN KEY (k) "
                               u"REFERENCES r (id);"
                               u"ALTER TABLE p ADD CONSTRAINT p_k_check CHECK (k >= 0);"_s);
        QVERIFY2(m_failures.isEmpty(), qPrintable(m_failures.join(u"; "_s)));
    }

    void partitionWithKeyOfItsOwn()
    {
        bothModes(partitioned,
                  partitioned + u"ALTER TABLE p1 ADD CONSTRAINT p1_k_id_key UNIQUE (k, id);"_s);
        QVERIFY2(m_failures.isEmpty(), qPrintable(m_failures.join(u"; "_s)));
    }

    void tableThatExistsIsAttachedAsPartition()
    {
        const QString from = partitioned + u"CREATE TABLE p3 (id int NOT NULL, k int);"
                                           u"INSERT INTO p3 SELECT g, 1 FROM "
                                           u"generate_series(200, 249) g;"_s;
        bothModes(
            from,
            partitioned + u"CREATE TABLE p3 (id int NOT NULL, k int);"
                          u"ALTER TABLE p ATTACH PARTITION p3 FOR VALUES FROM (200) TO (300);"_s,
            [](const TestDatabase& d) { return value(d, u"SELECT count(*) FROM p"_s); }, u"250"_s);
        QVERIFY2(m_failures.isEmpty(), qPrintable(m_failures.join(u"; "_s)));
    }

    void plainTableBecomesPartitioned_data()
    {
        QTest::addColumn<QString>("plain");
        QTest::addColumn<QString>("split");
        QTest::newRow("serial") << u"CREATE TABLE t (id serial, v text);"_s
                                << u"CREATE TABLE t (id serial, v text) PARTITION BY RANGE (id);"
                                   u"CREATE TABLE t_all PARTITION OF t FOR VALUES FROM "
                                   u"(MINVALUE) TO (MAXVALUE);"_s;
        QTest::newRow("identity")
            << u"CREATE TABLE t (id int GENERATED ALWAYS AS IDENTITY, v text);"_s
            << u"CREATE TABLE t (id int GENERATED ALWAYS AS IDENTITY, v text) PARTITION BY "
               u"RANGE (id);"
               u"CREATE TABLE t_all PARTITION OF t FOR VALUES FROM (MINVALUE) TO (MAXVALUE);"_s;
    }

    // No ALTER changes a table's partitioning: the table is set aside, made again, and its rows
    // copied back, in both directions; the sequence or identity goes on where it was.
    void plainTableBecomesPartitioned()
    {
        QFETCH(QString, plain);
        QFETCH(QString, split);
        const QString rows = u"INSERT INTO t (v) SELECT 'v' || g FROM generate_series(1, 50) g;"_s;
        const auto survived = [](const TestDatabase& d) {
            return value(d, u"WITH added AS (INSERT INTO t (v) VALUES ('next') RETURNING id) "
                            u"SELECT (SELECT count(*) || '/' || sum(id) FROM t) || '/' || "
                            u"(SELECT id FROM added)"_s);
        };
        const plan::Plan online = bothModes(plain + rows, split, survived, u"50/1275/51"_s);
        bothModes(split + rows, plain, survived, u"50/1275/51"_s);
        QVERIFY2(m_failures.isEmpty(), qPrintable(m_failures.join(u"; "_s)));
        // Nothing in the plan destroys data; the copy says it blocks the table.
        QVERIFY(std::ranges::none_of(online.steps,
                                     [](const plan::Step& s) { return s.destructive(); }));
        QVERIFY(hasStep(online, plan::StepKind::SetAsideTable));
        const auto copy =
            std::ranges::find(online.steps, plan::StepKind::CopyRows, &plan::Step::kind);
        QVERIFY(copy != online.steps.end());
        QVERIFY(copy->hazards.contains(plan::Hazard::BlocksWrites));
    }

    // Shapes of the families above that converge both ways, rows and all.
    void moreShapesConverge_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        // What must read the same after the plan, each way (the rows of `from` when it has any).
        QTest::addColumn<QString>("rows");
        QTest::addColumn<QString>("expected");
        QTest::newRow("fk into table made partitioned")
            << u"CREATE TABLE t (id int PRIMARY KEY, v text); CREATE TABLE r (tid int REFERENCES "
               u"t);"
               u"INSERT INTO t VALUES (1, 'a'); INSERT INTO r VALUES (1);"_s
            << u"CREATE TABLE t (id int PRIMARY KEY, v text) PARTITION BY RANGE (id);"
               u"CREATE TABLE t_all PARTITION OF t FOR VALUES FROM (MINVALUE) TO (MAXVALUE);"
               u"CREATE TABLE r (tid int REFERENCES t);"_s
            << u"SELECT count(*) FROM r JOIN t ON t.id = r.tid"_s << u"1"_s;
        QTest::newRow("view on table made partitioned")
            << u"CREATE TABLE t (id int, v text); CREATE VIEW w AS SELECT id FROM t;"
               u"INSERT INTO t VALUES (1, 'a');"_s
            << u"CREATE TABLE t (id int, v text) PARTITION BY LIST (id);"
               u"CREATE TABLE t1 PARTITION OF t FOR VALUES IN (1);"
               u"CREATE VIEW w AS SELECT id FROM t;"_s
            << QString() << QString();
        QTest::newRow("partition becomes sub-partitioned")
            << partitioned
            << u"CREATE TABLE p (id int NOT NULL, k int) PARTITION BY RANGE (id);"
               u"CREATE TABLE p1 PARTITION OF p FOR VALUES FROM (0) TO (100);"
               u"CREATE TABLE p2 PARTITION OF p FOR VALUES FROM (100) TO (200) PARTITION BY "
               u"LIST (k);"
               u"CREATE TABLE p2_all PARTITION OF p2 DEFAULT;"_s
            << u"SELECT count(*) FROM p WHERE id >= 100"_s << u"100"_s;
        QTest::newRow("partition bound widened")
            << partitioned
            << u"CREATE TABLE p (id int NOT NULL, k int) PARTITION BY RANGE (id);"
               u"CREATE TABLE p1 PARTITION OF p FOR VALUES FROM (0) TO (100);"
               u"CREATE TABLE p2 PARTITION OF p FOR VALUES FROM (100) TO (300);"_s
            << QString() << QString();
        QTest::newRow("unique index on sub-partitioned table")
            << u"CREATE TABLE p (id int NOT NULL, k int NOT NULL) PARTITION BY RANGE (id);"
               u"CREATE TABLE p1 PARTITION OF p FOR VALUES FROM (0) TO (100) PARTITION BY "
               u"LIST (k);"
               u"CREATE TABLE p1a PARTITION OF p1 FOR VALUES IN (1);"
               u"CREATE UNIQUE INDEX p1a_id_k ON p1a (id, k);"_s
            << u"CREATE TABLE p (id int NOT NULL, k int NOT NULL, PRIMARY KEY (id, k)) PARTITION "
               u"BY RANGE (id);"
               u"CREATE TABLE p1 PARTITION OF p FOR VALUES FROM (0) TO (100) PARTITION BY "
               u"LIST (k);"
               u"CREATE TABLE p1a PARTITION OF p1 FOR VALUES IN (1);"_s
            << QString() << QString();
        QTest::newRow("identity column made plain and back")
            << u"CREATE TABLE t (id int GENERATED BY DEFAULT AS IDENTITY, v text);"
               u"INSERT INTO t (v) VALUES ('a');"_s
            << u"CREATE TABLE t (id int, v text);"_s << u"SELECT string_agg(id || v, ',') FROM t"_s
            << u"1a"_s;
        QTest::newRow("serial column becomes identity")
            << u"CREATE TABLE t (id serial, v text); INSERT INTO t (v) VALUES ('a');"_s
            << u"CREATE TABLE t (id int GENERATED BY DEFAULT AS IDENTITY, v text);"_s
            << u"SELECT string_agg(id || v, ',') FROM t"_s << u"1a"_s;
        QTest::newRow("check calls a function whose body changes")
            << u"CREATE FUNCTION ok(x int) RETURNS bool LANGUAGE sql IMMUTABLE AS 'SELECT x > 0';"
               u"CREATE TABLE t (x int CHECK (ok(x)));"_s
            << u"CREATE FUNCTION ok(x int, y int DEFAULT 0) RETURNS bool LANGUAGE sql IMMUTABLE "
               u"AS 'SELECT x > y';"
               u"CREATE TABLE t (x int CHECK (ok(x)));"_s
            << QString() << QString();
    }

    void moreShapesConverge()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, rows);
        QFETCH(QString, expected);
        const auto check = [&](const TestDatabase& d) {
            return rows.isEmpty() ? QString() : value(d, rows);
        };
        bothModes(from, to, check, expected);
        bothModes(to, from);
        QVERIFY2(m_failures.isEmpty(), qPrintable(m_failures.join(u"; "_s)));
    }

    void enumValueUsedInANewListPartition()
    {
        // The new label commits before the partition that names it is made. (Back, the label
        // goes, which rebuilds the type: a partition key column cannot change its type, so
        // that direction is not one the plan can run.)
        bothModes(
            u"CREATE TYPE c AS ENUM ('a', 'b'); CREATE TABLE t (c c) PARTITION BY LIST (c);"
            u"CREATE TABLE ta PARTITION OF t FOR VALUES IN ('a');"
            u"INSERT INTO t VALUES ('a');"_s,
            u"CREATE TYPE c AS ENUM ('a', 'z', 'b');"
            u"CREATE TABLE t (c c) PARTITION BY LIST (c);"
            u"CREATE TABLE ta PARTITION OF t FOR VALUES IN ('a');"
            u"CREATE TABLE tz PARTITION OF t FOR VALUES IN ('z');"_s,
            [](const TestDatabase& d) { return value(d, u"SELECT count(*) FROM ta"_s); }, u"1"_s);
        QVERIFY2(m_failures.isEmpty(), qPrintable(m_failures.join(u"; "_s)));
    }

    void enumValueAddedAndUsedInOnePlan()
    {
        const QString from = u"CREATE TYPE mood AS ENUM ('ok', 'bad');"
                             u"CREATE TABLE t (id int, m mood DEFAULT 'ok');"
                             u"INSERT INTO t VALUES (1, 'ok'), (2, 'bad');"_s;
        const QString to = u"CREATE TYPE mood AS ENUM ('great', 'ok', 'fine', 'bad');"
                           u"CREATE TABLE t (id int, m mood DEFAULT 'great', "
                           u"n mood DEFAULT 'fine' CHECK (n <> 'bad'));"
                           u"CREATE VIEW happy AS SELECT id FROM t WHERE m = 'great';"_s;
        bothModes(
            from, to,
            [](const TestDatabase& d) {
                return value(d, u"SELECT string_agg(n::text, ',' ORDER BY id) FROM t"_s);
            },
            u"fine,fine"_s);
        QVERIFY2(m_failures.isEmpty(), qPrintable(m_failures.join(u"; "_s)));
    }

    void enumLabelsAheadOfEveryOldLabel()
    {
        bothModes(u"CREATE TYPE e AS ENUM ('b', 'c');"_s,
                  u"CREATE TYPE e AS ENUM ('x', 'y', 'b', 'z', 'c', 'w');"_s);
        QVERIFY2(m_failures.isEmpty(), qPrintable(m_failures.join(u"; "_s)));
    }

    void typeChangeWithoutAssignmentCast()
    {
        const QString from = u"CREATE TABLE t (id int, at bigint, on_ timestamptz);"
                             u"INSERT INTO t VALUES (1, 86400, '1970-01-03 00:00:00+00');"_s;
        const QString to = u"CREATE TABLE t (id int, at timestamptz, on_ bigint);"_s;
        const plan::Plan plan = bothModes(
            from, to,
            [](const TestDatabase& d) {
                return value(d, u"SELECT at = '1970-01-02 00:00:00+00' AND on_ = 172800 "
                                u"FROM t"_s);
            },
            u"t"_s);
        QVERIFY2(m_failures.isEmpty(), qPrintable(m_failures.join(u"; "_s)));
        // Nothing the server can cast: the plan guesses (epoch seconds) but waits for a person.
        QVERIFY2(plan.blockedCount() == 2, qPrintable(describe(plan)));
    }

    void nameFreedByADrop()
    {
        bothModes(u"CREATE TABLE a (id int CONSTRAINT shared PRIMARY KEY);"
                  u"CREATE TABLE foo (x int);"_s,
                  u"CREATE TABLE b (id int); CREATE INDEX shared ON b (id);"
                  u"CREATE VIEW foo AS SELECT 1 AS x;"_s);
        QVERIFY2(m_failures.isEmpty(), qPrintable(m_failures.join(u"; "_s)));
    }

    void indexesAndChecksDroppedWithTheirColumn()
    {
        bothModes(u"CREATE TABLE t (a int, b int CHECK (b > 0));"
                  u"CREATE INDEX t_b ON t (b); CREATE INDEX t_ab ON t (a, b);"
                  u"CREATE INDEX t_a_part ON t (a) WHERE b IS NOT NULL;"
                  u"INSERT INTO t VALUES (1, 1);"_s,
                  u"CREATE TABLE t (a int);"_s);
        QVERIFY2(m_failures.isEmpty(), qPrintable(m_failures.join(u"; "_s)));
    }

    void functionsAndTheChecksThatCallThem()
    {
        const QString table = u"CREATE TABLE t (x int);"
                              u"INSERT INTO t VALUES (1);"_s;
        bothModes(u"CREATE FUNCTION positive(v int) RETURNS boolean LANGUAGE sql IMMUTABLE "
                  u"AS 'SELECT v > 0';"_s +
                      table + u"ALTER TABLE t ADD CONSTRAINT t_x CHECK (positive(x));"_s,
                  u"CREATE FUNCTION positive(v bigint) RETURNS boolean LANGUAGE sql IMMUTABLE "
                  u"AS 'SELECT v > 0';"_s +
                      table + u"ALTER TABLE t ADD CONSTRAINT t_x CHECK (positive(x));"_s);
        bothModes(table, u"CREATE FUNCTION small(v int) RETURNS boolean LANGUAGE sql IMMUTABLE "
                         u"AS 'SELECT v < 10';"_s +
                             table + u"ALTER TABLE t ADD CONSTRAINT t_x CHECK (small(x));"_s);
        QVERIFY2(m_failures.isEmpty(), qPrintable(m_failures.join(u"; "_s)));
    }

    // Inheritance: a column the parent drops stays the child's own where the child keeps it.
    void parentDropsAColumnItsChildKeeps()
    {
        const QString from = u"CREATE TABLE base (at timestamp DEFAULT now(), e int);"
                             u"CREATE TABLE a (a1 int, a2 int) INHERITS (base);"
                             u"CREATE TABLE c (c1 int) INHERITS (base);"
                             u"INSERT INTO a (e, a1) VALUES (1, 10), (2, 20);"
                             u"INSERT INTO c (e, c1) VALUES (3, 30);"_s;
        // a keeps e as its own column, c loses it with the parent.
        const QString to = u"CREATE TABLE base (at timestamp DEFAULT now());"
                           u"CREATE TABLE a (a1 int, e int) INHERITS (base);"
                           u"CREATE TABLE c (c1 int) INHERITS (base);"_s;
        const plan::Plan plan = bothModes(
            from, to,
            [](const TestDatabase& d) {
                return value(d, u"SELECT string_agg(e::text, ',' ORDER BY a1) FROM a"_s);
            },
            u"1,2"_s);
        QVERIFY2(m_failures.isEmpty(), qPrintable(m_failures.join(u"; "_s)));
        // Dropped from the parent only, never dropped and added again on the child.
        QVERIFY2(hasStep(plan, plan::StepKind::DropColumn, u"ONLY public.base "_s),
                 qPrintable(describe(plan)));
        QVERIFY2(hasStep(plan, plan::StepKind::DropColumn, u"public.c DROP COLUMN e"_s),
                 qPrintable(describe(plan)));
        QVERIFY2(!hasStep(plan, plan::StepKind::AddColumn), qPrintable(describe(plan)));
        // What is lost is said: the parent's column and c's, each a destructive step.
        QCOMPARE(plan.destructiveCount(), 3); // a.a2, base.e, c.e
    }

    void childLeavesAParentThatDropsTheColumn()
    {
        const QString from = u"CREATE TABLE base (id int, e int);"
                             u"CREATE TABLE a () INHERITS (base);"
                             u"INSERT INTO a VALUES (1, 5);"_s;
        const plan::Plan plan = bothModes(
            from, u"CREATE TABLE base (id int); CREATE TABLE a (id int, e int);"_s,
            [](const TestDatabase& d) { return value(d, u"SELECT e FROM a"_s); }, u"5"_s);
        QVERIFY2(m_failures.isEmpty(), qPrintable(m_failures.join(u"; "_s)));
        QVERIFY2(!hasStep(plan, plan::StepKind::AddColumn), qPrintable(describe(plan)));
    }

    void childHandsItsInheritedColumnOverToANewParent()
    {
        // The child leaves the parent that supplies id for one that supplies it too. Leaving
        // first would make id the child's own column (attislocal) for good; joining first keeps
        // it inherited only, with its values. The old parent drops id and adds a column of its
        // own meanwhile, which must not stay on the child.
        const QString from = u"CREATE TABLE old_parent (id bigint NOT NULL, gone int);"
                             u"CREATE TABLE child (body text) INHERITS (old_parent);"
                             u"INSERT INTO child VALUES (7, 1, 'x');"_s;
        const QString to = u"CREATE TABLE old_parent (added int);"
                           u"CREATE TABLE new_parent (id bigint NOT NULL);"
                           u"CREATE TABLE child (body text) INHERITS (new_parent);"_s;
        const plan::Plan plan = bothModes(
            from, to, [](const TestDatabase& d) { return value(d, u"SELECT id FROM child"_s); },
            u"7"_s);
        QVERIFY2(m_failures.isEmpty(), qPrintable(m_failures.join(u"; "_s)));
        QVERIFY2(hasStep(plan, plan::StepKind::DropColumn, u"public.child DROP COLUMN added"_s),
                 qPrintable(describe(plan)));
        QVERIFY2(!hasStep(plan, plan::StepKind::AddColumn, u"public.child"_s),
                 qPrintable(describe(plan)));
        // And back: the child returns to the old parent, which supplies id again.
        bothModes(
            to + u"INSERT INTO child VALUES (8, 'y');"_s,
            u"CREATE TABLE old_parent (id bigint NOT NULL);"
            u"CREATE TABLE child (body text) INHERITS (old_parent);"_s,
            [](const TestDatabase& d) { return value(d, u"SELECT id FROM child"_s); }, u"8"_s);
        QVERIFY2(m_failures.isEmpty(), qPrintable(m_failures.join(u"; "_s)));
    }

    void partitionedTableDropsAColumn()
    {
        // The partitions that stay lose the column with the parent; one that is detached keeps
        // it as its own, with its values.
        const QString from =
            u"CREATE TABLE p (id int NOT NULL, k int, extra text) PARTITION BY "
            u"RANGE (id);"
            u"CREATE TABLE p1 PARTITION OF p FOR VALUES FROM (0) TO (100);"
            u"CREATE TABLE p2 PARTITION OF p FOR VALUES FROM (100) TO (200);"
            u"INSERT INTO p SELECT g, g % 7, 'x' FROM generate_series(0, 199) g;"_s;
        const QString to = u"CREATE TABLE p (id int NOT NULL, k int) PARTITION BY RANGE (id);"
                           u"CREATE TABLE p1 PARTITION OF p FOR VALUES FROM (0) TO (100);"
                           u"CREATE TABLE p2 (id int NOT NULL, k int, extra text);"_s;
        bothModes(
            from, to,
            [](const TestDatabase& d) {
                return value(d, u"SELECT (SELECT count(*) FROM p1) || ' ' || "
                                u"(SELECT count(*) FROM p2 WHERE extra = 'x')"_s);
            },
            u"100 100"_s);
        QVERIFY2(m_failures.isEmpty(), qPrintable(m_failures.join(u"; "_s)));
    }

    void columnThatCanOnlyBeMadeAgainSaysWhatItLoses()
    {
        // A child's own column becomes inherited from its parent: no ALTER makes a column
        // inherited only, so it is made again through the parent, empty, and the plan says so.
        const plan::Plan plan =
            bothModes(u"CREATE TABLE base (id int); CREATE TABLE a (e int) INHERITS (base);"
                      u"INSERT INTO a VALUES (1, 5);"_s,
                      u"CREATE TABLE base (id int, e int); CREATE TABLE a () INHERITS (base);"_s);
        QVERIFY2(m_failures.isEmpty(), qPrintable(m_failures.join(u"; "_s)));
        QCOMPARE(plan.destructiveCount(), 1);
        const auto drop = std::ranges::find_if(plan.steps, &plan::Step::destructive);
        QVERIFY2(drop->losses.contains(u"added again empty through its parent"_s),
                 qPrintable(drop->losses));
    }

    void plainColumnBecomingGeneratedIsDestructive()
    {
        const plan::Plan plan = bothModes(
            u"CREATE TABLE t (a int, b int); INSERT INTO t VALUES (1, 7);"_s,
            u"CREATE TABLE t (a int, b int GENERATED ALWAYS AS (a * 2) STORED);"_s,
            [](const TestDatabase& d) { return value(d, u"SELECT b FROM t"_s); }, u"2"_s);
        QVERIFY2(m_failures.isEmpty(), qPrintable(m_failures.join(u"; "_s)));
        QCOMPARE(plan.destructiveCount(), 1);
        const auto drop = std::ranges::find_if(plan.steps, &plan::Step::destructive);
        QVERIFY2(drop->losses.contains(u"generated column"_s), qPrintable(drop->losses));
    }
};

QTEST_GUILESS_MAIN(TestPgPlanFamilies)
#include "tst_pg_plan_families.moc"
