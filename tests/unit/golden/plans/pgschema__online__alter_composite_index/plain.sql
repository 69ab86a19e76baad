-- plain plan: 4 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;
BEGIN;
-- step 1: drop index public.idx_users_status
--   lock ACCESS EXCLUSIVE on public.users; convergence, prepare
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
DROP INDEX public.idx_users_status;
-- step 2: drop index public.idx_users_email
--   lock ACCESS EXCLUSIVE on public.users; convergence, prepare
DROP INDEX public.idx_users_email;
-- step 3: create index public.idx_users_email
--   lock SHARE on public.users; full_scan, blocks_writes; convergence, structural, not online
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
CREATE INDEX idx_users_email ON public.users USING btree (email, status);
-- step 4: create index public.idx_users_status
--   lock SHARE on public.users; full_scan, blocks_writes; convergence, structural, not online
CREATE INDEX idx_users_status ON public.users USING btree (status, department);
COMMIT;
