#include "plan_families_support.h"

using namespace Qt::StringLiterals;
using namespace plumb;
using namespace plumb::testing::plan_families;
using plumb::testing::TestDatabase;

// The plan-correctness families of tables whose shape changes: a plain table made partitioned
// (and back), and more shapes (partitions sub-partitioned, bounds widened, identity and serial
// columns). Each plan runs in both modes on databases with rows and must end equal to the
// target. The rest of the families are in tst_pg_plan_families.
class TestPgPlanShapes : public PlanFamilyTest {
    Q_OBJECT

private slots:
    void init() { m_failures.clear(); }

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
};

QTEST_GUILESS_MAIN(TestPgPlanShapes)
#include "tst_pg_plan_shapes.moc"
