-- plain plan: 2 steps, 2 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;
BEGIN;
-- step 1: drop constraint employees_company_fkey on public.employees
--   lock ACCESS EXCLUSIVE on public.employees; blocked, prepare
--   BLOCKED: The constraint's definition changed under the same name.
--     Give the new definition a new name in the target schema: the new constraint is then added NOT VALID and validated before the old one is dropped. Or check the existing rows against the new definition and run the steps with --run-blocked.
--   ALTER TABLE public.employees DROP CONSTRAINT employees_company_fkey;
-- step 2: add foreign key employees_company_fkey on public.employees
--   lock SHARE ROW EXCLUSIVE on public.employees; full_scan, blocks_writes, may_fail_on_existing_rows; blocked, structural, not online
--   BLOCKED: The constraint's definition changed under the same name.
--     Give the new definition a new name in the target schema: the new constraint is then added NOT VALID and validated before the old one is dropped. Or check the existing rows against the new definition and run the steps with --run-blocked.
--   ALTER TABLE public.employees ADD CONSTRAINT employees_company_fkey FOREIGN KEY (tenant_id, company_id) REFERENCES public.companies(tenant_id, company_id) ON UPDATE CASCADE ON DELETE CASCADE DEFERRABLE;
COMMIT;
