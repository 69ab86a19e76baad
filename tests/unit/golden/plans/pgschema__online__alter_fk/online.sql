-- online plan: 3 steps, 3 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: drop constraint employees_company_fkey on public.employees
--   lock ACCESS EXCLUSIVE on public.employees; blocked, prepare
--   BLOCKED: The constraint's definition changed under the same name.
--     Give the new definition a new name in the target schema: the new constraint is then added NOT VALID and validated before the old one is dropped. Or check the existing rows against the new definition and run the steps with --run-blocked.
--   ALTER TABLE public.employees DROP CONSTRAINT employees_company_fkey;

-- step 2: add foreign key not valid employees_company_fkey on public.employees
--   lock SHARE ROW EXCLUSIVE on public.employees; blocked, add_constraints
--   BLOCKED: The constraint's definition changed under the same name.
--     Give the new definition a new name in the target schema: the new constraint is then added NOT VALID and validated before the old one is dropped. Or check the existing rows against the new definition and run the steps with --run-blocked.
--   ALTER TABLE public.employees ADD CONSTRAINT employees_company_fkey FOREIGN KEY (tenant_id, company_id) REFERENCES public.companies(tenant_id, company_id) ON UPDATE CASCADE ON DELETE CASCADE DEFERRABLE NOT VALID;

-- step 3: validate foreign key employees_company_fkey on public.employees (after step 2)
--   lock SHARE UPDATE EXCLUSIVE on public.employees; full_scan, may_fail_on_existing_rows; blocked, validate
--   BLOCKED: The constraint's definition changed under the same name.
--     Give the new definition a new name in the target schema: the new constraint is then added NOT VALID and validated before the old one is dropped. Or check the existing rows against the new definition and run the steps with --run-blocked.
--   ALTER TABLE public.employees VALIDATE CONSTRAINT employees_company_fkey;
