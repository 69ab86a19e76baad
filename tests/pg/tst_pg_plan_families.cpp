#include "plan_families_support.h"

using namespace Qt::StringLiterals;
using namespace plumb;
using namespace plumb::testing::plan_families;
using plumb::testing::TestDatabase;

// The plan-correctness families: partitioned tables, enum values added and used in one plan,
// type changes without an assignment cast, objects an earlier step drops or renames
// implicitly, the order of functions and the constraints that call them, and columns of
// inheritance children whose parents change. Each plan runs in
// both modes on databases with rows and must end equal to the target. Tables whose shape changes
// (plain made partitioned, sub-partitioned...) are in tst_pg_plan_shapes.
class TestPgPlanFamilies : public PlanFamilyTest {
    Q_OBJECT

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
