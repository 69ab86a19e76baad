-- plain plan: 1 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;
BEGIN;
-- step 1: create index public.idx_users_email_status
--   lock SHARE on public.users; full_scan, blocks_writes; convergence, structural, not online
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
CREATE INDEX idx_users_email_status ON public.users USING btree (email, status DESC);
COMMIT;
