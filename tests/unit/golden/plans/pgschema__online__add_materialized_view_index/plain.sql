-- plain plan: 1 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;
BEGIN;
-- step 1: create index public.idx_user_summary_created_at
--   lock SHARE on public.user_summary; full_scan, blocks_writes; convergence, structural, not online
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
CREATE INDEX idx_user_summary_created_at ON public.user_summary USING btree (created_at);
COMMIT;
