#include "catalog_test_helpers.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace plumb;
using namespace plumb::catalog;

// Tables, columns, sequences, indexes, constraints, partitions and views: each kind is read with
// its properties, and written back as DDL that rebuilds the same catalog.
class TestPgCatalogRelations : public QObject {
    Q_OBJECT
private slots:
    void columnsKeepEveryProperty()
    {
        auto trip = testing::roundTrip(
            u"CREATE TABLE t (\n"
            u"  id bigint GENERATED ALWAYS AS IDENTITY (START WITH 10 INCREMENT BY 5),\n"
            u"  code text COLLATE \"C\" NOT NULL DEFAULT 'x',\n"
            u"  price numeric(10,2) CHECK (price > 0),\n"
            u"  total numeric GENERATED ALWAYS AS (price * 2) STORED,\n"
            u"  body text,\n"
            u"  serial_col serial);\n"
            u"ALTER TABLE t ALTER COLUMN body SET STORAGE EXTERNAL;\n"
            u"ALTER TABLE t ALTER COLUMN body SET STATISTICS 500;\n"
            u"ALTER TABLE t ALTER COLUMN body SET COMPRESSION pglz;\n"
            u"COMMENT ON COLUMN t.code IS 'the code';"_s,
            u"columns"_s);
        const Table* t = trip.original.table({u"public"_s, u"t"_s});
        QVERIFY(t);
        QCOMPARE(t->columns.size(), 6);
        QCOMPARE(t->columns[0].identity, IdentityKind::Always);
        QCOMPARE(t->columns[1].collation, u"pg_catalog.\"C\""_s);
        QVERIFY(t->columns[1].notNull);
        QCOMPARE(t->columns[1].defaultExpr, u"'x'::text"_s);
        QCOMPARE(t->columns[1].comment, u"the code"_s);
        QCOMPARE(t->columns[2].type, u"numeric(10,2)"_s);
        QCOMPARE(t->columns[3].generated, GeneratedKind::Stored);
        QCOMPARE(t->columns[3].generatedExpr, u"(price * (2)::numeric)"_s);
        QCOMPARE(t->columns[4].storage, u"external"_s);
        QCOMPARE(t->columns[4].statisticsTarget, 500);
        QCOMPARE(t->columns[4].compression, u"pglz"_s);
        QCOMPARE(t->columns[5].defaultExpr, u"nextval('public.t_serial_col_seq'::regclass)"_s);

        const Sequence* identity = trip.original.sequence({u"public"_s, u"t_id_seq"_s});
        QVERIFY(identity);
        QVERIFY(identity->identity);
        QCOMPARE(identity->start, 10);
        QCOMPARE(identity->increment, 5);
        const Sequence* serial = trip.original.sequence({u"public"_s, u"t_serial_col_seq"_s});
        QVERIFY(serial);
        QVERIFY(!serial->identity);
        QCOMPARE(serial->dataType, u"integer"_s);
        QVERIFY(serial->ownedBy);
        QCOMPARE(serial->ownedBy->column, u"serial_col"_s);
        PLUMB_VERIFY_ROUND_TRIP(trip);
    }

    void sequencesKeepTheirTypeAndOptions()
    {
        auto trip = testing::roundTrip(
            u"CREATE SEQUENCE s AS smallint START 3 INCREMENT -1 MINVALUE -100 MAXVALUE 100 "
            u"CACHE 4 CYCLE;\n"
            u"CREATE UNLOGGED SEQUENCE u;\n"
            u"COMMENT ON SEQUENCE s IS 'down';"_s,
            u"sequences"_s);
        const Sequence* s = trip.original.sequence({u"public"_s, u"s"_s});
        QVERIFY(s);
        QCOMPARE(s->dataType, u"smallint"_s);
        QCOMPARE(s->start, 3);
        QCOMPARE(s->increment, -1);
        QCOMPARE(s->minValue, -100);
        QCOMPARE(s->maxValue, 100);
        QCOMPARE(s->cache, 4);
        QVERIFY(s->cycle);
        QCOMPARE(s->comment, u"down"_s);
        QVERIFY(trip.original.sequence({u"public"_s, u"u"_s})->unlogged);
        PLUMB_VERIFY_ROUND_TRIP(trip);
    }

    void tableOptionsRowSecurityAndReplicaIdentity()
    {
        auto trip =
            testing::roundTrip(u"CREATE UNLOGGED TABLE t (id int PRIMARY KEY, v text) "
                               u"WITH (fillfactor = 70, toast.autovacuum_enabled = false);\n"
                               u"ALTER TABLE t ENABLE ROW LEVEL SECURITY;\n"
                               u"ALTER TABLE t FORCE ROW LEVEL SECURITY;\n"
                               u"CREATE UNIQUE INDEX t_v ON t (v);\n"
                               u"ALTER TABLE t ALTER COLUMN v SET NOT NULL;\n"
                               u"ALTER TABLE t REPLICA IDENTITY USING INDEX t_v;\n"
                               u"CREATE TABLE f (id int);\n"
                               u"ALTER TABLE f REPLICA IDENTITY FULL;\n"
                               u"COMMENT ON TABLE t IS 'it''s t';"_s,
                               u"tableoptions"_s);
        const Table* t = trip.original.table({u"public"_s, u"t"_s});
        QVERIFY(t);
        QVERIFY(t->unlogged);
        QCOMPARE(t->options, QStringList{u"fillfactor=70"_s});
        QCOMPARE(t->toastOptions, QStringList{u"autovacuum_enabled=false"_s});
        QVERIFY(t->rowSecurity);
        QVERIFY(t->forceRowSecurity);
        QCOMPARE(t->replicaIdentity, ReplicaIdentity::Index);
        QCOMPARE(t->replicaIdentityIndex, u"t_v"_s);
        QCOMPARE(t->comment, u"it's t"_s);
        QCOMPARE(trip.original.table({u"public"_s, u"f"_s})->replicaIdentity,
                 ReplicaIdentity::Full);
        PLUMB_VERIFY_ROUND_TRIP(trip);
    }

    void indexesKeepEveryProperty()
    {
        auto trip = testing::roundTrip(
            u"CREATE TABLE t (a int, b text, c int, d tsvector);\n"
            u"CREATE INDEX t_expr ON t (lower(b) text_pattern_ops DESC NULLS LAST, a) "
            u"INCLUDE (c) WITH (fillfactor = 90) WHERE a > 0;\n"
            u"CREATE UNIQUE INDEX t_nnd ON t (c) NULLS NOT DISTINCT;\n"
            u"CREATE INDEX t_coll ON t (b COLLATE \"C\");\n"
            u"CREATE INDEX t_gin ON t USING gin (d);\n"
            u"CREATE INDEX t_hash ON t USING hash (b);\n"
            u"CREATE INDEX t_brin ON t USING brin (a);\n"
            u"CLUSTER t USING t_coll;\n"
            u"COMMENT ON INDEX t_gin IS 'search';"_s,
            u"indexes"_s);
        auto find = [&](const QString& name) -> const Index* {
            for (const Index& i : trip.original.indexes)
                if (i.name.name == name)
                    return &i;
            return nullptr;
        };
        const Index* expr = find(u"t_expr"_s);
        QVERIFY(expr);
        QCOMPARE(expr->keys.size(), 2);
        QCOMPARE(expr->keys[0].expression, u"lower(b)"_s);
        QCOMPARE(expr->keys[0].opclass, u"pg_catalog.text_pattern_ops"_s);
        QVERIFY(expr->keys[0].descending);
        QVERIFY(!expr->keys[0].nullsFirst);
        QCOMPARE(expr->include, QStringList{u"c"_s});
        QCOMPARE(expr->predicate, u"(a > 0)"_s);
        QCOMPARE(expr->options, QStringList{u"fillfactor=90"_s});
        QVERIFY(find(u"t_nnd"_s)->nullsNotDistinct);
        QVERIFY(find(u"t_nnd"_s)->unique);
        QCOMPARE(find(u"t_coll"_s)->keys[0].collation, u"pg_catalog.\"C\""_s);
        QVERIFY(find(u"t_coll"_s)->clustered);
        QCOMPARE(find(u"t_gin"_s)->accessMethod, u"gin"_s);
        QCOMPARE(find(u"t_gin"_s)->comment, u"search"_s);
        QCOMPARE(find(u"t_brin"_s)->accessMethod, u"brin"_s);
        QCOMPARE(find(u"t_hash"_s)->accessMethod, u"hash"_s);
        PLUMB_VERIFY_ROUND_TRIP(trip);
    }

    void constraintsOfEveryKind()
    {
        auto trip = testing::roundTrip(
            u"CREATE EXTENSION btree_gist;\n"
            u"CREATE TABLE p (id int PRIMARY KEY, code text UNIQUE);\n"
            u"CREATE TABLE c (\n"
            u"  id int, pid int, code text, during tstzrange,\n"
            u"  CONSTRAINT c_pid FOREIGN KEY (pid) REFERENCES p ON DELETE CASCADE "
            u"ON UPDATE SET NULL DEFERRABLE INITIALLY DEFERRED,\n"
            u"  CONSTRAINT c_code FOREIGN KEY (code) REFERENCES p (code) MATCH FULL,\n"
            u"  CONSTRAINT c_no_overlap EXCLUDE USING gist (id WITH =, during WITH &&),\n"
            u"  CONSTRAINT c_positive CHECK (id > 0) NO INHERIT);\n"
            u"ALTER TABLE c ADD CONSTRAINT c_later CHECK (pid <> 0) NOT VALID;\n"
            u"COMMENT ON CONSTRAINT c_pid ON c IS 'parent';"_s,
            u"constraints"_s);
        QHash<QString, const Constraint*> byName;
        for (const Constraint& c : trip.original.constraints)
            byName.insert(c.name, &c);
        const Constraint* fk = byName.value(u"c_pid"_s);
        QVERIFY(fk);
        QCOMPARE(fk->kind, ConstraintKind::ForeignKey);
        QCOMPARE(fk->onDelete, u"CASCADE"_s);
        QCOMPARE(fk->onUpdate, u"SET NULL"_s);
        QVERIFY(fk->deferrable);
        QVERIFY(fk->initiallyDeferred);
        QCOMPARE(fk->referencedTable->name, u"p"_s);
        QCOMPARE(fk->referencedColumns, QStringList{u"id"_s});
        QCOMPARE(fk->comment, u"parent"_s);
        QCOMPARE(byName.value(u"c_code"_s)->matchType, u"FULL"_s);
        QCOMPARE(byName.value(u"c_no_overlap"_s)->kind, ConstraintKind::Exclusion);
        QVERIFY(byName.value(u"c_positive"_s)->noInherit);
        QVERIFY(!byName.value(u"c_later"_s)->validated);
        QCOMPARE(byName.value(u"p_pkey"_s)->kind, ConstraintKind::PrimaryKey);
        QCOMPARE(byName.value(u"p_code_key"_s)->kind, ConstraintKind::Unique);
        // The btree_gist objects belong to the extension, never to the user's lists.
        for (const Routine& r : trip.original.routines)
            QVERIFY2(!r.name.name.startsWith(u"gbt_"), qPrintable(r.signature()));
        PLUMB_VERIFY_ROUND_TRIP(trip);
    }

    void partitionsWithBoundsIndexesAndKeys()
    {
        auto trip = testing::roundTrip(
            u"CREATE TABLE m (id int, at date NOT NULL, v text, PRIMARY KEY (id, at)) "
            u"PARTITION BY RANGE (at);\n"
            u"CREATE TABLE m_2024 PARTITION OF m FOR VALUES FROM ('2024-01-01') TO "
            u"('2025-01-01') PARTITION BY LIST (id);\n"
            u"CREATE TABLE m_2024_a PARTITION OF m_2024 FOR VALUES IN (1);\n"
            u"CREATE TABLE m_default PARTITION OF m DEFAULT;\n"
            u"CREATE TABLE m_2025 (id int NOT NULL, at date NOT NULL, v text);\n"
            u"ALTER TABLE m ATTACH PARTITION m_2025 FOR VALUES FROM ('2025-01-01') TO "
            u"('2026-01-01');\n"
            u"CREATE INDEX m_v ON m (v);\n"
            u"CREATE TABLE h (id int) PARTITION BY HASH (id);\n"
            u"CREATE TABLE h0 PARTITION OF h FOR VALUES WITH (MODULUS 2, REMAINDER 0);\n"
            u"CREATE TABLE h1 PARTITION OF h FOR VALUES WITH (MODULUS 2, REMAINDER 1);"_s,
            u"partitions"_s);
        const Table* m = trip.original.table({u"public"_s, u"m"_s});
        QVERIFY(m);
        QCOMPARE(m->partitionKey, u"RANGE (at)"_s);
        const Table* m2024 = trip.original.table({u"public"_s, u"m_2024"_s});
        QCOMPARE(m2024->partitionOf->name, u"m"_s);
        QCOMPARE(m2024->partitionBound, u"FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')"_s);
        QCOMPARE(m2024->partitionKey, u"LIST (id)"_s);
        QCOMPARE(trip.original.table({u"public"_s, u"m_default"_s})->partitionBound, u"DEFAULT"_s);
        // Attaching a table makes its columns inherited, as if made with PARTITION OF.
        QVERIFY(!trip.original.table({u"public"_s, u"m_2025"_s})->columns[0].isLocal);
        QVERIFY(!m2024->columns[0].isLocal);
        int attached = 0;
        for (const Index& i : trip.original.indexes)
            if (i.parentIndex)
                ++attached;
        QVERIFY(attached >= 8);
        PLUMB_VERIFY_ROUND_TRIP(trip);
    }

    void inheritanceKeepsLocalAndInheritedColumns()
    {
        auto trip = testing::roundTrip(
            u"CREATE TABLE base (id int NOT NULL, note text DEFAULT 'b', CHECK (id > 0));\n"
            u"CREATE TABLE extra (flag bool);\n"
            u"CREATE TABLE child (own int, note text) INHERITS (base, extra);\n"
            u"ALTER TABLE child ALTER COLUMN note SET DEFAULT 'c';"_s,
            u"inherit"_s);
        const Table* child = trip.original.table({u"public"_s, u"child"_s});
        QVERIFY(child);
        QCOMPARE(child->inherits.size(), 2);
        QCOMPARE(child->inherits[0].name, u"base"_s);
        QVERIFY(!child->column(u"id")->isLocal);
        QVERIFY(child->column(u"note")->isLocal);
        QCOMPARE(child->column(u"note")->defaultExpr, u"'c'::text"_s);
        PLUMB_VERIFY_ROUND_TRIP(trip);
    }

    void viewsAndMaterializedViews()
    {
        auto trip = testing::roundTrip(
            u"CREATE TABLE t (id int, v text);\n"
            u"CREATE VIEW v WITH (security_barrier) AS SELECT id FROM t WHERE id IN (1, 2) "
            u"WITH CASCADED CHECK OPTION;\n"
            u"CREATE VIEW vv AS SELECT count(*) AS n FROM v;\n"
            u"CREATE MATERIALIZED VIEW mv AS SELECT v, count(*) AS n FROM t GROUP BY v "
            u"WITH NO DATA;\n"
            u"CREATE UNIQUE INDEX mv_v ON mv (v);\n"
            u"COMMENT ON MATERIALIZED VIEW mv IS 'counts';\n"
            u"COMMENT ON COLUMN vv.n IS 'how many';"_s,
            u"views"_s);
        const View* v = trip.original.view({u"public"_s, u"v"_s});
        QVERIFY(v);
        QCOMPARE(v->checkOption, u"CASCADED"_s);
        QCOMPARE(v->options, QStringList{u"security_barrier=true"_s});
        QVERIFY(v->definition.contains(u"ANY (ARRAY[1, 2])"));
        const View* mv = trip.original.view({u"public"_s, u"mv"_s});
        QVERIFY(mv->materialized);
        QVERIFY(!mv->populated);
        QCOMPARE(mv->comment, u"counts"_s);
        QCOMPARE(trip.original.view({u"public"_s, u"vv"_s})->columns[0].comment, u"how many"_s);
        PLUMB_VERIFY_ROUND_TRIP(trip);
    }

    void schemaFilterReadsOnlyTheNamedSchemas()
    {
        testing::TestDatabase database(u"filter"_s);
        for (const QString& sql : {u"CREATE SCHEMA a"_s, u"CREATE SCHEMA b"_s,
                                   u"CREATE TABLE a.t (id int)"_s, u"CREATE TABLE b.t (id int)"_s})
            database.exec(sql);
        const Catalog all = testing::inspect(database);
        QVERIFY(all.table({u"a"_s, u"t"_s}) && all.table({u"b"_s, u"t"_s}));
        const Catalog onlyA = testing::inspect(database, {u"a"_s});
        QVERIFY(onlyA.table({u"a"_s, u"t"_s}));
        QVERIFY(!onlyA.table({u"b"_s, u"t"_s}));
        QCOMPARE(onlyA.schemas.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestPgCatalogRelations)
#include "tst_pg_catalog_relations.moc"
