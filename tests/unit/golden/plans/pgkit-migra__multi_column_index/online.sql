-- online plan: 3 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: build index concurrently public.ab_a_id_b_id
--   lock SHARE UPDATE EXCLUSIVE on public.ab; full_scan, invalid_index_on_failure, may_fail_on_existing_rows; convergence, create_indexes
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE UNIQUE INDEX CONCURRENTLY ab_a_id_b_id_plumb_new ON public.ab USING btree (a_id, b_id);

-- step 2: drop constraint ab_a_id_b_id on public.ab
--   lock ACCESS EXCLUSIVE on public.ab; convergence, drop_constraints
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.ab DROP CONSTRAINT ab_a_id_b_id;

-- step 3: rename index public.ab_a_id_b_id (after step 1)
--   lock SHARE UPDATE EXCLUSIVE on public.ab; convergence, drop_indexes
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER INDEX public.ab_a_id_b_id_plumb_new RENAME TO ab_a_id_b_id;
