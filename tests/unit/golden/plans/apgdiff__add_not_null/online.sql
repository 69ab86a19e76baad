-- online plan: 4 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: add constraint not valid field3_plumb_not_null on public.testtable
--   lock ACCESS EXCLUSIVE on public.testtable; convergence, add_constraints
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.testtable ADD CONSTRAINT field3_plumb_not_null CHECK (field3 IS NOT NULL) NOT VALID;

-- step 2: validate constraint field3_plumb_not_null on public.testtable (after step 1)
--   lock SHARE UPDATE EXCLUSIVE on public.testtable; full_scan, may_fail_on_existing_rows; convergence, validate
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE public.testtable VALIDATE CONSTRAINT field3_plumb_not_null;

-- step 3: set not null public.testtable.field3 (after step 2)
--   lock ACCESS EXCLUSIVE on public.testtable; convergence, validate
BEGIN;
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
ALTER TABLE public.testtable ALTER COLUMN field3 SET NOT NULL;

-- step 4: drop constraint field3_plumb_not_null on public.testtable (after step 3)
--   lock ACCESS EXCLUSIVE on public.testtable; convergence, validate
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
ALTER TABLE public.testtable DROP CONSTRAINT field3_plumb_not_null;
COMMIT;
