-- online plan: 4 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: add constraint not valid offersValidUntil_plumb_not_null on public.Planning
--   lock ACCESS EXCLUSIVE on public.Planning; convergence, add_constraints
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public."Planning" ADD CONSTRAINT "offersValidUntil_plumb_not_null" CHECK ("offersValidUntil" IS NOT NULL) NOT VALID;

-- step 2: validate constraint offersValidUntil_plumb_not_null on public.Planning (after step 1)
--   lock SHARE UPDATE EXCLUSIVE on public.Planning; full_scan, may_fail_on_existing_rows; convergence, validate
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE public."Planning" VALIDATE CONSTRAINT "offersValidUntil_plumb_not_null";

-- step 3: set not null public.Planning.offersValidUntil (after step 2)
--   lock ACCESS EXCLUSIVE on public.Planning; convergence, validate
BEGIN;
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
ALTER TABLE public."Planning" ALTER COLUMN "offersValidUntil" SET NOT NULL;

-- step 4: drop constraint offersValidUntil_plumb_not_null on public.Planning (after step 3)
--   lock ACCESS EXCLUSIVE on public.Planning; convergence, validate
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
ALTER TABLE public."Planning" DROP CONSTRAINT "offersValidUntil_plumb_not_null";
COMMIT;
