-- online plan: 2 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: add constraint not valid code_check on public.code
--   lock ACCESS EXCLUSIVE on public.code; convergence, add_constraints
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.code ADD CONSTRAINT code_check CHECK (((code > 0) AND (code < 255))) NOT VALID;

-- step 2: validate constraint code_check on public.code (after step 1)
--   lock SHARE UPDATE EXCLUSIVE on public.code; full_scan, may_fail_on_existing_rows; convergence, validate
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE public.code VALIDATE CONSTRAINT code_check;
