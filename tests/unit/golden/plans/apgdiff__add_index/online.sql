-- online plan: 1 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: build index concurrently public.testindex3
--   lock SHARE UPDATE EXCLUSIVE on public.testtable; full_scan, invalid_index_on_failure; convergence, create_indexes
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE INDEX CONCURRENTLY testindex3 ON public.testtable USING btree (field3);
