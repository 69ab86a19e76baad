-- online plan: 4 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: add constraint not valid email_plumb_not_null on public.users
--   lock ACCESS EXCLUSIVE on public.users; convergence, add_constraints
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.users ADD CONSTRAINT email_plumb_not_null CHECK (email IS NOT NULL) NOT VALID;

-- step 2: validate constraint email_plumb_not_null on public.users (after step 1)
--   lock SHARE UPDATE EXCLUSIVE on public.users; full_scan, may_fail_on_existing_rows; convergence, validate
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE public.users VALIDATE CONSTRAINT email_plumb_not_null;

-- step 3: set not null public.users.email (after step 2)
--   lock ACCESS EXCLUSIVE on public.users; convergence, validate
BEGIN;
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
ALTER TABLE public.users ALTER COLUMN email SET NOT NULL;

-- step 4: drop constraint email_plumb_not_null on public.users (after step 3)
--   lock ACCESS EXCLUSIVE on public.users; convergence, validate
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
ALTER TABLE public.users DROP CONSTRAINT email_plumb_not_null;
COMMIT;
