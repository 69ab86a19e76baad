-- plain plan: 3 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;
BEGIN;
-- step 1: drop policy account_managers on public.accounts
--   lock ACCESS EXCLUSIVE on public.accounts; structural, prepare
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
DROP POLICY account_managers ON public.accounts;
-- step 2: change row security public.accounts2
--   lock ACCESS EXCLUSIVE on public.accounts2; structural, structural
ALTER TABLE public.accounts2 ENABLE ROW LEVEL SECURITY;
-- step 3: create policy account_managers on public.accounts
--   lock ACCESS EXCLUSIVE on public.accounts; structural, structural
CREATE POLICY account_managers ON public.accounts AS RESTRICTIVE FOR ALL TO schemainspect_test_role USING ((manager = CURRENT_USER));
COMMIT;
