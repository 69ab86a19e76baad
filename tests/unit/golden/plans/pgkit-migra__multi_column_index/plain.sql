-- plain plan: 2 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;
BEGIN;
-- step 1: drop constraint ab_a_id_b_id on public.ab
--   lock ACCESS EXCLUSIVE on public.ab; convergence, prepare
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
ALTER TABLE public.ab DROP CONSTRAINT ab_a_id_b_id;
-- step 2: create index public.ab_a_id_b_id
--   lock SHARE on public.ab; full_scan, blocks_writes; convergence, structural, not online
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
CREATE UNIQUE INDEX ab_a_id_b_id ON public.ab USING btree (a_id, b_id);
COMMIT;
