-- plain plan: 3 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;
BEGIN;
-- step 1: add key constraint z_companies_company_id_name_key on public.z_companies
--   lock ACCESS EXCLUSIVE on public.z_companies; full_scan, blocks_writes, blocks_reads, may_fail_on_existing_rows; convergence, structural, not online
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
ALTER TABLE ONLY public.z_companies ADD CONSTRAINT z_companies_company_id_name_key UNIQUE (company_id, company_name);
-- step 2: add foreign key a_employees_company_fkey on public.a_employees
--   lock SHARE ROW EXCLUSIVE on public.a_employees; full_scan, blocks_writes, may_fail_on_existing_rows; convergence, structural, not online
ALTER TABLE public.a_employees ADD CONSTRAINT a_employees_company_fkey FOREIGN KEY (tenant_id, company_id) REFERENCES public.z_companies(tenant_id, company_id) ON UPDATE CASCADE ON DELETE RESTRICT DEFERRABLE;
-- step 3: add foreign key a_employees_company_name_fkey on public.a_employees
--   lock SHARE ROW EXCLUSIVE on public.a_employees; full_scan, blocks_writes, may_fail_on_existing_rows; convergence, structural, not online
ALTER TABLE public.a_employees ADD CONSTRAINT a_employees_company_name_fkey FOREIGN KEY (company_id, company_name) REFERENCES public.z_companies(company_id, company_name) ON UPDATE CASCADE ON DELETE RESTRICT DEFERRABLE;
COMMIT;
