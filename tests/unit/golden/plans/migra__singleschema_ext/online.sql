-- online plan: 9 steps, 0 blocked, 1 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: drop view goodschema.v
--   lock ACCESS EXCLUSIVE on goodschema.v; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
DROP VIEW goodschema.v;

-- step 2: create citext
--   no lock on existing tables; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public VERSION '1.6';

-- step 3: create citext (after step 2)
--   no lock on existing tables; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
COMMENT ON EXTENSION citext IS 'data type for case-insensitive character strings';

-- step 4: add enum value goodschema.sdfasdfasdf
--   no lock on existing tables; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TYPE goodschema.sdfasdfasdf ADD VALUE 'not delivered' AFTER 'delivered';

-- step 5: add column goodschema.t.name
--   lock ACCESS EXCLUSIVE on goodschema.t; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE goodschema.t ADD COLUMN name text;

-- step 6: replace view goodschema.v
--   lock ACCESS EXCLUSIVE on goodschema.v; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
CREATE VIEW goodschema.v AS
SELECT 2 AS "?column?";

-- step 7: drop table public.t
--   lock ACCESS EXCLUSIVE on public.t; drops_data; structural, prepare
--   destructive: loses table public.t and all its rows
--   BLOCKED: destructive; plumb diff --allow-destructive writes it as a statement
--   DROP TABLE public.t;

-- step 8: drop hstore
--   no lock on existing tables; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
DROP EXTENSION hstore;

-- step 9: drop index concurrently goodschema.t_id_idx
--   lock SHARE UPDATE EXCLUSIVE on goodschema.t; convergence, drop_indexes
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
DROP INDEX CONCURRENTLY IF EXISTS goodschema.t_id_idx;
