-- online plan: 1 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: drop index concurrently public.testindex3
--   lock SHARE UPDATE EXCLUSIVE on public.testtable; convergence, drop_indexes
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
DROP INDEX CONCURRENTLY IF EXISTS public.testindex3;
