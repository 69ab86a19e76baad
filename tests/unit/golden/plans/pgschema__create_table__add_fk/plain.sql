-- plain plan: 10 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;
BEGIN;
-- step 1: add foreign key books_author_id_fkey on public.books
--   lock SHARE ROW EXCLUSIVE on public.books; full_scan, blocks_writes, may_fail_on_existing_rows; convergence, structural, not online
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
ALTER TABLE public.books ADD CONSTRAINT books_author_id_fkey FOREIGN KEY (author_id) REFERENCES public.authors(id) ON DELETE CASCADE;
-- step 2: add foreign key employees_department_id_fkey on public.employees
--   lock SHARE ROW EXCLUSIVE on public.employees; full_scan, blocks_writes, may_fail_on_existing_rows; convergence, structural, not online
ALTER TABLE public.employees ADD CONSTRAINT employees_department_id_fkey FOREIGN KEY (department_id) REFERENCES public.departments(id);
-- step 3: add foreign key nodes_parent_id_fkey on public.nodes
--   lock SHARE ROW EXCLUSIVE on public.nodes; full_scan, blocks_writes, may_fail_on_existing_rows; convergence, structural, not online
ALTER TABLE public.nodes ADD CONSTRAINT nodes_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public.nodes(id);
-- step 4: add foreign key orders_customer_id_fkey on public.orders
--   lock SHARE ROW EXCLUSIVE on public.orders; full_scan, blocks_writes, may_fail_on_existing_rows; convergence, structural, not online
ALTER TABLE public.orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.customers(id);
-- step 5: add foreign key orders_manager_id_fkey on public.orders
--   lock SHARE ROW EXCLUSIVE on public.orders; full_scan, blocks_writes, may_fail_on_existing_rows; convergence, structural, not online
ALTER TABLE public.orders ADD CONSTRAINT orders_manager_id_fkey FOREIGN KEY (manager_id) REFERENCES public.managers(id) ON DELETE SET NULL;
-- step 6: add foreign key orders_product_id_fkey on public.orders
--   lock SHARE ROW EXCLUSIVE on public.orders; full_scan, blocks_writes, may_fail_on_existing_rows; convergence, structural, not online
ALTER TABLE public.orders ADD CONSTRAINT orders_product_id_fkey FOREIGN KEY (product_id) REFERENCES public.products(id) ON DELETE CASCADE;
-- step 7: add foreign key products_category_code_fkey on public.products
--   lock SHARE ROW EXCLUSIVE on public.products; full_scan, blocks_writes, may_fail_on_existing_rows; convergence, structural, not online
ALTER TABLE public.products ADD CONSTRAINT products_category_code_fkey FOREIGN KEY (category_code) REFERENCES public.categories(code) ON UPDATE CASCADE;
-- step 8: add foreign key projects_tenant_id_org_id_fkey on public.projects
--   lock SHARE ROW EXCLUSIVE on public.projects; full_scan, blocks_writes, may_fail_on_existing_rows; convergence, structural, not online
ALTER TABLE public.projects ADD CONSTRAINT projects_tenant_id_org_id_fkey FOREIGN KEY (tenant_id, org_id) REFERENCES public.organizations(tenant_id, org_id);
-- step 9: add foreign key teams_manager_id_fkey on public.teams
--   lock SHARE ROW EXCLUSIVE on public.teams; full_scan, blocks_writes, may_fail_on_existing_rows; convergence, structural, not online
ALTER TABLE public.teams ADD CONSTRAINT teams_manager_id_fkey FOREIGN KEY (manager_id) REFERENCES public.managers(id) ON DELETE SET NULL;
-- step 10: add foreign key user_profiles_user_id_fkey on public.user_profiles
--   lock SHARE ROW EXCLUSIVE on public.user_profiles; full_scan, blocks_writes, may_fail_on_existing_rows; convergence, structural, not online
ALTER TABLE public.user_profiles ADD CONSTRAINT user_profiles_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) DEFERRABLE INITIALLY DEFERRED;
COMMIT;
