-- online plan: 6 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: build index concurrently z_companies_company_id_name_key on public.z_companies
--   lock SHARE UPDATE EXCLUSIVE on public.z_companies; full_scan, invalid_index_on_failure, may_fail_on_existing_rows; convergence, create_indexes
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE UNIQUE INDEX CONCURRENTLY z_companies_company_id_name_key ON public.z_companies USING btree (company_id, company_name);

-- step 2: add key constraint using index z_companies_company_id_name_key on public.z_companies (after step 1)
--   lock ACCESS EXCLUSIVE on public.z_companies; convergence, add_constraints
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.z_companies ADD CONSTRAINT z_companies_company_id_name_key UNIQUE USING INDEX z_companies_company_id_name_key;

-- step 3: add foreign key not valid a_employees_company_fkey on public.a_employees
--   lock SHARE ROW EXCLUSIVE on public.a_employees; convergence, add_constraints
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.a_employees ADD CONSTRAINT a_employees_company_fkey FOREIGN KEY (tenant_id, company_id) REFERENCES public.z_companies(tenant_id, company_id) ON UPDATE CASCADE ON DELETE RESTRICT DEFERRABLE NOT VALID;

-- step 4: add foreign key not valid a_employees_company_name_fkey on public.a_employees
--   lock SHARE ROW EXCLUSIVE on public.a_employees; convergence, add_constraints
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.a_employees ADD CONSTRAINT a_employees_company_name_fkey FOREIGN KEY (company_id, company_name) REFERENCES public.z_companies(company_id, company_name) ON UPDATE CASCADE ON DELETE RESTRICT DEFERRABLE NOT VALID;

-- step 5: validate foreign key a_employees_company_fkey on public.a_employees (after step 3)
--   lock SHARE UPDATE EXCLUSIVE on public.a_employees; full_scan, may_fail_on_existing_rows; convergence, validate
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE public.a_employees VALIDATE CONSTRAINT a_employees_company_fkey;

-- step 6: validate foreign key a_employees_company_name_fkey on public.a_employees (after step 4)
--   lock SHARE UPDATE EXCLUSIVE on public.a_employees; full_scan, may_fail_on_existing_rows; convergence, validate
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE public.a_employees VALIDATE CONSTRAINT a_employees_company_name_fkey;
