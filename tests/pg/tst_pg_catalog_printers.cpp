// The catalog queries write the definitions of common indexes and keys themselves (the server's
// printers cost a 10,000-table read most of its time): what they write is, for every kind of
// index and constraint, exactly what pg_get_indexdef and pg_get_constraintdef print.
#include "core/catalog/introspect.h"
#include "core/sql/script.h"
#include "tests/support/test_database.h"
#include "tests/support/verify.h"

#include <QTest>
#include <algorithm>
#include <map>

using namespace Qt::StringLiterals;
using namespace plumb;
using namespace plumb::catalog;

namespace {

// Indexes and constraints of every shape the composed definitions must tell apart from the
// ones only the server can print.
const QString schemaSql = uR"(
CREATE SCHEMA "My Schema";
CREATE DOMAIN code AS text;
CREATE TABLE "My Schema"."Parent" ("Id" integer PRIMARY KEY, "select" text UNIQUE,
                                   pair_a int, pair_b int, UNIQUE (pair_a, pair_b));
CREATE TABLE items (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    parent_id integer REFERENCES "My Schema"."Parent" ON DELETE CASCADE ON UPDATE RESTRICT,
    other_parent integer REFERENCES "My Schema"."Parent" ("Id") MATCH FULL DEFERRABLE
        INITIALLY DEFERRED,
    a int, b int, "order" text, label varchar(40), note text COLLATE "C", tag code,
    doc jsonb, tags text[], span int4range, created timestamptz, amount numeric(12, 2),
    words tsvector,
    FOREIGN KEY (a, b) REFERENCES "My Schema"."Parent" (pair_a, pair_b) ON DELETE SET NULL,
    CONSTRAINT positive CHECK (amount > 0),
    CONSTRAINT label_unique UNIQUE (label) DEFERRABLE,
    CONSTRAINT no_overlap EXCLUDE USING gist (span WITH &&)
);
ALTER TABLE items ADD CONSTRAINT late_fk FOREIGN KEY (b) REFERENCES "My Schema"."Parent" NOT VALID;
ALTER TABLE items ADD CONSTRAINT unique_nulls UNIQUE NULLS NOT DISTINCT (a, b);
CREATE TABLE with_include (id int, extra text, CONSTRAINT with_include_pk PRIMARY KEY (id)
                           INCLUDE (extra));
CREATE TABLE self_ref (id int PRIMARY KEY, up int REFERENCES self_ref ON DELETE SET DEFAULT);
CREATE TABLE set_null_cols (id int, parent int, pair_a int, pair_b int,
    FOREIGN KEY (pair_a, pair_b) REFERENCES "My Schema"."Parent" (pair_a, pair_b)
        ON DELETE SET NULL (pair_b));
CREATE INDEX plain ON items (a);
CREATE INDEX two_columns ON items (a, b);
CREATE UNIQUE INDEX unique_two ON items (b, a);
CREATE INDEX keyword_column ON items ("order");
CREATE INDEX "Quoted Index" ON items (created);
CREATE INDEX partial ON items (a) WHERE b IS NOT NULL AND "order" <> 'x';
CREATE INDEX covering ON items (a) INCLUDE (b, "order");
CREATE INDEX covering_partial ON items (b) INCLUDE (a) WHERE a > 1;
CREATE INDEX by_label ON items (label);
CREATE INDEX by_label_hash ON items USING hash (label);
CREATE INDEX by_label_brin ON items USING brin (label);
CREATE INDEX by_note ON items (note);
CREATE INDEX by_note_collated ON items (note COLLATE "POSIX");
CREATE INDEX by_tag ON items (tag);
CREATE INDEX descending ON items (a DESC, b NULLS FIRST);
CREATE INDEX pattern ON items ("order" text_pattern_ops);
CREATE INDEX by_doc ON items USING gin (doc);
CREATE INDEX by_doc_path ON items USING gin (doc jsonb_path_ops);
CREATE INDEX by_tags ON items USING gin (tags);
CREATE INDEX by_span ON items USING gist (span);
CREATE INDEX by_amount_brin ON items USING brin (amount);
CREATE INDEX by_hash ON items USING hash (a);
CREATE INDEX expression ON items (lower("order"));
CREATE INDEX mixed ON items (a, lower("order"), b);
CREATE INDEX with_options ON items (b) WITH (fillfactor = 70);
CREATE UNIQUE INDEX nulls_not_distinct ON items (created) NULLS NOT DISTINCT;
CREATE INDEX by_words ON items USING gist (words);
CREATE INDEX by_words_siglen ON items USING gist (words tsvector_ops (siglen = 64));
CREATE INDEX expression_siglen ON items
    USING gist (to_tsvector('simple', "order") tsvector_ops (siglen = 64));
CREATE INDEX explicit_default ON items USING gist (span range_ops);
CREATE MATERIALIZED VIEW totals AS SELECT a, sum(amount) AS total FROM items GROUP BY a;
CREATE UNIQUE INDEX totals_a ON totals (a);
CREATE TABLE measurements (id int, at date NOT NULL, value int) PARTITION BY RANGE (at);
CREATE TABLE measurements_2024 PARTITION OF measurements
    FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE INDEX measurements_at ON measurements (at);
CREATE INDEX measurements_2024_value ON measurements_2024 (value);
ALTER TABLE measurements ADD PRIMARY KEY (id, at);
-- Columns named by number: gaps left by dropped columns, a schema a read leaves out, a sequence
-- owned by a view's column (not a table's).
CREATE TABLE gaps (gone int, id int, "Gone Too" text, code text, ref int);
ALTER TABLE gaps DROP COLUMN gone, DROP COLUMN "Gone Too";
ALTER TABLE gaps ADD PRIMARY KEY (code, id), ADD CHECK (ref > id);
ALTER TABLE "My Schema"."Parent" ADD UNIQUE ("Id", "select");
ALTER TABLE gaps ADD FOREIGN KEY (ref, code) REFERENCES "My Schema"."Parent" ("Id", "select");
CREATE SEQUENCE gaps_counter OWNED BY gaps.ref;
CREATE VIEW one AS SELECT 1 AS one;
CREATE SEQUENCE owned_by_view OWNED BY one.one;
)"_s;

// What the server says each key and owned sequence names, to compare with what the reader named
// by number.
std::map<std::pair<QualifiedName, QString>, QString> serverColumnNames(db::Connection& connection)
{
    auto rows = connection.exec(
        u"SELECT n.nspname, c.relname, con.conname, "
        u"(SELECT pg_catalog.string_agg(a.attname, ',' ORDER BY u.ord) "
        u"   FROM pg_catalog.unnest(con.conkey) WITH ORDINALITY u(attnum, ord) "
        u"   JOIN pg_catalog.pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = u.attnum) "
        u"|| '->' || coalesce((SELECT pg_catalog.string_agg(a.attname, ',' ORDER BY u.ord) "
        u"   FROM pg_catalog.unnest(con.confkey) WITH ORDINALITY u(attnum, ord) "
        u"   JOIN pg_catalog.pg_attribute a ON a.attrelid = con.confrelid "
        u"    AND a.attnum = u.attnum), '') "
        u"FROM pg_catalog.pg_constraint con JOIN pg_catalog.pg_class c ON c.oid = con.conrelid "
        u"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
        u"WHERE con.contype IN ('c', 'f', 'p', 'u', 'x') AND n.nspname <> 'pg_catalog' "
        u"UNION ALL "
        u"SELECT n.nspname, c.relname, '', a.attname FROM pg_catalog.pg_depend d "
        u"JOIN pg_catalog.pg_class c ON c.oid = d.objid "
        u"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
        u"JOIN pg_catalog.pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid "
        u"WHERE c.relkind = 'S' AND d.deptype IN ('a', 'i') AND d.refobjsubid > 0"_s);
    std::map<std::pair<QualifiedName, QString>, QString> names;
    if (!rows)
        return names;
    for (int r = 0; r < rows->rowCount(); ++r)
        names[{{rows->text(r, 0), rows->text(r, 1)}, rows->text(r, 2)}] = rows->text(r, 3);
    return names;
}

} // namespace

class TestPgCatalogPrinters : public QObject {
    Q_OBJECT

private slots:
    void composedDefinitionsAreWhatTheServerPrints()
    {
        testing::TestDatabase database(u"printers"_s);
        auto connection = database.connect();
        QVERIFY(connection);
        SilentProgress progress;
        PLUMB_VERIFY_OK(sql::runScript(*connection, schemaSql, u"printers.sql"_s, progress));
        auto catalog = introspect(*connection, {}, progress);
        PLUMB_VERIFY_OK(catalog);

        // The catalog reads with an empty search_path (every name qualified); so does this.
        PLUMB_VERIFY_OK(connection->exec(u"SET search_path = ''"_s));
        auto indexes =
            connection->exec(u"SELECT n.nspname, c.relname, pg_catalog.pg_get_indexdef(c.oid) FROM "
                             u"pg_catalog.pg_class c "
                             u"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                             u"WHERE c.relkind IN ('i', 'I') AND n.nspname NOT IN ('pg_catalog', "
                             u"'information_schema') AND n.nspname !~ '^pg_toast'"_s);
        PLUMB_VERIFY_OK(indexes);
        std::map<QualifiedName, QString> printedIndexes;
        for (int r = 0; r < indexes->rowCount(); ++r)
            printedIndexes[{indexes->text(r, 0), indexes->text(r, 1)}] = indexes->text(r, 2);
        QCOMPARE(qsizetype(printedIndexes.size()), catalog->indexes.size());
        for (const Index& index : catalog->indexes)
            QCOMPARE(index.definition, printedIndexes[index.name]);

        auto constraints = connection->exec(
            u"SELECT n.nspname, c.relname, con.conname, pg_catalog.pg_get_constraintdef(con.oid) "
            u"FROM pg_catalog.pg_constraint con JOIN pg_catalog.pg_class c ON c.oid = con.conrelid "
            u"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
            u"WHERE con.contype IN ('c', 'f', 'p', 'u', 'x') "
            u"AND n.nspname NOT IN ('pg_catalog', 'information_schema')"_s);
        PLUMB_VERIFY_OK(constraints);
        std::map<std::pair<QualifiedName, QString>, QString> printedConstraints;
        for (int r = 0; r < constraints->rowCount(); ++r)
            printedConstraints[{{constraints->text(r, 0), constraints->text(r, 1)},
                                constraints->text(r, 2)}] = constraints->text(r, 3);
        QCOMPARE(qsizetype(printedConstraints.size()), catalog->constraints.size());
        for (const Constraint& constraint : catalog->constraints)
            QCOMPARE(constraint.definition,
                     (printedConstraints[{constraint.table, constraint.name}]));

        // The key columns the reader named by number are the server's. A read of one schema
        // names a foreign key's columns in another, and still writes its definition right.
        const auto names = serverColumnNames(*connection);
        const auto expectNamed = [&](const Catalog& read) {
            for (const Constraint& c : read.constraints)
                QCOMPARE(c.columns.join(u',') + u"->"_s + c.referencedColumns.join(u','),
                         (names.at({c.table, c.name})));
            for (const Sequence& s : read.sequences)
                if (s.ownedBy)
                    QCOMPARE(s.ownedBy->column, (names.at({s.name, QString()})));
        };
        expectNamed(*catalog);
        QVERIFY(std::ranges::any_of(catalog->sequences, [](const Sequence& s) {
            return s.ownedBy && s.ownedBy->table.name == u"one";
        }));
        PLUMB_VERIFY_OK(connection->exec(u"RESET search_path"_s));
        auto publicOnly = introspect(*connection, {.schemas = {u"public"_s}}, progress);
        PLUMB_VERIFY_OK(publicOnly);
        QVERIFY(std::ranges::any_of(publicOnly->constraints, [](const Constraint& c) {
            return c.referencedTable && c.referencedTable->schema == u"My Schema";
        }));
        expectNamed(*publicOnly);
        for (const Constraint& constraint : publicOnly->constraints)
            QCOMPARE(constraint.definition,
                     (printedConstraints[{constraint.table, constraint.name}]));
    }
};

QTEST_GUILESS_MAIN(TestPgCatalogPrinters)
#include "tst_pg_catalog_printers.moc"
