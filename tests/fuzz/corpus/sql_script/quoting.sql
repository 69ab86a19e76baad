/* a block /* nested */ comment */
CREATE TABLE "we""ird" ("a b" int, E'x' text DEFAULT E'\'\\n', "select" text DEFAULT U&'\0041');
CREATE FUNCTION f() RETURNS text AS $body$ SELECT $x$;$x$ $body$ LANGUAGE sql;
CREATE FUNCTION g() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END;
CREATE VIEW v AS SELECT a FROM t WHERE a IN ('x', 'y') UNION SELECT 1;
CREATE TRIGGER tr BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION f();
CREATE UNIQUE INDEX ON t USING btree (lower(b)) WHERE a > 0;
SELECT * FROM t JOIN u ON t.a = u.b WHERE t.c = $1 AND d > 3;
CREATE MATERIALIZED VIEW mv AS SELECT 1;
CREATE SEQUENCE s; CREATE TYPE mood AS ENUM ('a'); CREATE DOMAIN d AS int CHECK (VALUE > 0);
-- trailing comment without newline
