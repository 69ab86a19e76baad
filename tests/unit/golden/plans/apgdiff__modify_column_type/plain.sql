-- plain plan: 4 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;
BEGIN;
-- step 1: drop default public.testtable.field3
--   lock ACCESS EXCLUSIVE on public.testtable; convergence, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
ALTER TABLE public.testtable ALTER COLUMN field3 DROP DEFAULT;
-- step 2: change column type public.testtable.field1
--   lock ACCESS EXCLUSIVE on public.testtable; rewrites_table, full_scan, blocks_writes, blocks_reads; structural, structural, not online
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
ALTER TABLE public.testtable ALTER COLUMN field1 TYPE integer USING field1::integer;
-- step 3: change column type in place public.testtable.field3
--   lock ACCESS EXCLUSIVE on public.testtable; structural, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
ALTER TABLE public.testtable ALTER COLUMN field3 TYPE character varying(150) USING field3::character varying(150);
-- step 4: set default public.testtable.field3
--   lock ACCESS EXCLUSIVE on public.testtable; convergence, structural
ALTER TABLE public.testtable ALTER COLUMN field3 SET DEFAULT 'none'::character varying;
COMMIT;
