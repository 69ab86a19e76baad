-- online plan: 5 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: set default public.people.created_at
--   lock ACCESS EXCLUSIVE on public.people; convergence, structural
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.people ALTER COLUMN created_at SET DEFAULT now();

-- step 2: add constraint not valid created_at_plumb_not_null on public.people
--   lock ACCESS EXCLUSIVE on public.people; convergence, add_constraints
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.people ADD CONSTRAINT created_at_plumb_not_null CHECK (created_at IS NOT NULL) NOT VALID;

-- step 3: validate constraint created_at_plumb_not_null on public.people (after step 2)
--   lock SHARE UPDATE EXCLUSIVE on public.people; full_scan, may_fail_on_existing_rows; convergence, validate
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE public.people VALIDATE CONSTRAINT created_at_plumb_not_null;

-- step 4: set not null public.people.created_at (after step 3)
--   lock ACCESS EXCLUSIVE on public.people; convergence, validate
BEGIN;
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
ALTER TABLE public.people ALTER COLUMN created_at SET NOT NULL;

-- step 5: drop constraint created_at_plumb_not_null on public.people (after step 4)
--   lock ACCESS EXCLUSIVE on public.people; convergence, validate
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
ALTER TABLE public.people DROP CONSTRAINT created_at_plumb_not_null;
COMMIT;
