-- plain plan: 2 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;
BEGIN;
-- step 1: drop index public.idx_user_summary_email
--   lock ACCESS EXCLUSIVE on public.user_summary; convergence, prepare
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
DROP INDEX public.idx_user_summary_email;
-- step 2: create index public.idx_user_summary_email
--   lock SHARE on public.user_summary; full_scan, blocks_writes; convergence, structural, not online
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
CREATE INDEX idx_user_summary_email ON public.user_summary USING btree (email, status);
COMMIT;
