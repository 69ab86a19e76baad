-- online plan: 4 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: build index concurrently public.testindex
--   lock SHARE UPDATE EXCLUSIVE on public.testtable; full_scan, invalid_index_on_failure; convergence, rebuild
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE INDEX CONCURRENTLY testindex_plumb_new ON public.testtable USING btree (field3);

-- step 2: swap index names public.testindex (after step 1)
--   lock SHARE UPDATE EXCLUSIVE on public.testtable; convergence, rebuild
BEGIN;
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
ALTER INDEX public.testindex RENAME TO testindex_plumb_old;

-- step 3: swap index names public.testindex (after step 2)
--   lock SHARE UPDATE EXCLUSIVE on public.testtable; convergence, rebuild
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
ALTER INDEX public.testindex_plumb_new RENAME TO testindex;
COMMIT;

-- step 4: drop index concurrently public.testindex (after step 3)
--   lock SHARE UPDATE EXCLUSIVE on public.testtable; convergence, rebuild
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
DROP INDEX CONCURRENTLY IF EXISTS public.testindex_plumb_old;
