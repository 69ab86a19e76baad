-- plain plan: 2 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;
BEGIN;
-- step 1: drop index public.testindex
--   lock ACCESS EXCLUSIVE on public.testtable; convergence, prepare
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
DROP INDEX public.testindex;
-- step 2: create index public.testindex
--   lock SHARE on public.testtable; full_scan, blocks_writes; convergence, structural, not online
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
CREATE INDEX testindex ON public.testtable USING btree (field3);
COMMIT;
