-- online plan: 8 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: build index concurrently public.idx_users_email
--   lock SHARE UPDATE EXCLUSIVE on public.users; full_scan, invalid_index_on_failure; convergence, rebuild
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE INDEX CONCURRENTLY idx_users_email_plumb_new ON public.users USING btree (email, status);

-- step 2: swap index names public.idx_users_email (after step 1)
--   lock SHARE UPDATE EXCLUSIVE on public.users; convergence, rebuild
BEGIN;
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
ALTER INDEX public.idx_users_email RENAME TO idx_users_email_plumb_old;

-- step 3: swap index names public.idx_users_email (after step 2)
--   lock SHARE UPDATE EXCLUSIVE on public.users; convergence, rebuild
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
ALTER INDEX public.idx_users_email_plumb_new RENAME TO idx_users_email;
COMMIT;

-- step 4: drop index concurrently public.idx_users_email (after step 3)
--   lock SHARE UPDATE EXCLUSIVE on public.users; convergence, rebuild
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
DROP INDEX CONCURRENTLY IF EXISTS public.idx_users_email_plumb_old;

-- step 5: build index concurrently public.idx_users_status
--   lock SHARE UPDATE EXCLUSIVE on public.users; full_scan, invalid_index_on_failure; convergence, rebuild
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE INDEX CONCURRENTLY idx_users_status_plumb_new ON public.users USING btree (status, department);

-- step 6: swap index names public.idx_users_status (after step 5)
--   lock SHARE UPDATE EXCLUSIVE on public.users; convergence, rebuild
BEGIN;
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
ALTER INDEX public.idx_users_status RENAME TO idx_users_status_plumb_old;

-- step 7: swap index names public.idx_users_status (after step 6)
--   lock SHARE UPDATE EXCLUSIVE on public.users; convergence, rebuild
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
ALTER INDEX public.idx_users_status_plumb_new RENAME TO idx_users_status;
COMMIT;

-- step 8: drop index concurrently public.idx_users_status (after step 7)
--   lock SHARE UPDATE EXCLUSIVE on public.users; convergence, rebuild
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
DROP INDEX CONCURRENTLY IF EXISTS public.idx_users_status_plumb_old;
