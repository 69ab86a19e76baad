-- plain plan: 1 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;
BEGIN;
-- step 1: create index public.testindex3
--   lock SHARE on public.testtable; full_scan, blocks_writes; convergence, structural, not online
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
CREATE INDEX testindex3 ON public.testtable USING btree (field3);
COMMIT;
