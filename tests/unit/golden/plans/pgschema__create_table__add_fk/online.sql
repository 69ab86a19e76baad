-- online plan: 20 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: add foreign key not valid books_author_id_fkey on public.books
--   lock SHARE ROW EXCLUSIVE on public.books; convergence, add_constraints
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.books ADD CONSTRAINT books_author_id_fkey FOREIGN KEY (author_id) REFERENCES public.authors(id) ON DELETE CASCADE NOT VALID;

-- step 2: add foreign key not valid employees_department_id_fkey on public.employees
--   lock SHARE ROW EXCLUSIVE on public.employees; convergence, add_constraints
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.employees ADD CONSTRAINT employees_department_id_fkey FOREIGN KEY (department_id) REFERENCES public.departments(id) NOT VALID;

-- step 3: add foreign key not valid nodes_parent_id_fkey on public.nodes
--   lock SHARE ROW EXCLUSIVE on public.nodes; convergence, add_constraints
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.nodes ADD CONSTRAINT nodes_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public.nodes(id) NOT VALID;

-- step 4: add foreign key not valid orders_customer_id_fkey on public.orders
--   lock SHARE ROW EXCLUSIVE on public.orders; convergence, add_constraints
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.customers(id) NOT VALID;

-- step 5: add foreign key not valid orders_manager_id_fkey on public.orders
--   lock SHARE ROW EXCLUSIVE on public.orders; convergence, add_constraints
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.orders ADD CONSTRAINT orders_manager_id_fkey FOREIGN KEY (manager_id) REFERENCES public.managers(id) ON DELETE SET NULL NOT VALID;

-- step 6: add foreign key not valid orders_product_id_fkey on public.orders
--   lock SHARE ROW EXCLUSIVE on public.orders; convergence, add_constraints
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.orders ADD CONSTRAINT orders_product_id_fkey FOREIGN KEY (product_id) REFERENCES public.products(id) ON DELETE CASCADE NOT VALID;

-- step 7: add foreign key not valid products_category_code_fkey on public.products
--   lock SHARE ROW EXCLUSIVE on public.products; convergence, add_constraints
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.products ADD CONSTRAINT products_category_code_fkey FOREIGN KEY (category_code) REFERENCES public.categories(code) ON UPDATE CASCADE NOT VALID;

-- step 8: add foreign key not valid projects_tenant_id_org_id_fkey on public.projects
--   lock SHARE ROW EXCLUSIVE on public.projects; convergence, add_constraints
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.projects ADD CONSTRAINT projects_tenant_id_org_id_fkey FOREIGN KEY (tenant_id, org_id) REFERENCES public.organizations(tenant_id, org_id) NOT VALID;

-- step 9: add foreign key not valid teams_manager_id_fkey on public.teams
--   lock SHARE ROW EXCLUSIVE on public.teams; convergence, add_constraints
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.teams ADD CONSTRAINT teams_manager_id_fkey FOREIGN KEY (manager_id) REFERENCES public.managers(id) ON DELETE SET NULL NOT VALID;

-- step 10: add foreign key not valid user_profiles_user_id_fkey on public.user_profiles
--   lock SHARE ROW EXCLUSIVE on public.user_profiles; convergence, add_constraints
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.user_profiles ADD CONSTRAINT user_profiles_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id) DEFERRABLE INITIALLY DEFERRED NOT VALID;

-- step 11: validate foreign key books_author_id_fkey on public.books (after step 1)
--   lock SHARE UPDATE EXCLUSIVE on public.books; full_scan, may_fail_on_existing_rows; convergence, validate
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE public.books VALIDATE CONSTRAINT books_author_id_fkey;

-- step 12: validate foreign key employees_department_id_fkey on public.employees (after step 2)
--   lock SHARE UPDATE EXCLUSIVE on public.employees; full_scan, may_fail_on_existing_rows; convergence, validate
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE public.employees VALIDATE CONSTRAINT employees_department_id_fkey;

-- step 13: validate foreign key nodes_parent_id_fkey on public.nodes (after step 3)
--   lock SHARE UPDATE EXCLUSIVE on public.nodes; full_scan, may_fail_on_existing_rows; convergence, validate
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE public.nodes VALIDATE CONSTRAINT nodes_parent_id_fkey;

-- step 14: validate foreign key orders_customer_id_fkey on public.orders (after step 4)
--   lock SHARE UPDATE EXCLUSIVE on public.orders; full_scan, may_fail_on_existing_rows; convergence, validate
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE public.orders VALIDATE CONSTRAINT orders_customer_id_fkey;

-- step 15: validate foreign key orders_manager_id_fkey on public.orders (after step 5)
--   lock SHARE UPDATE EXCLUSIVE on public.orders; full_scan, may_fail_on_existing_rows; convergence, validate
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE public.orders VALIDATE CONSTRAINT orders_manager_id_fkey;

-- step 16: validate foreign key orders_product_id_fkey on public.orders (after step 6)
--   lock SHARE UPDATE EXCLUSIVE on public.orders; full_scan, may_fail_on_existing_rows; convergence, validate
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE public.orders VALIDATE CONSTRAINT orders_product_id_fkey;

-- step 17: validate foreign key products_category_code_fkey on public.products (after step 7)
--   lock SHARE UPDATE EXCLUSIVE on public.products; full_scan, may_fail_on_existing_rows; convergence, validate
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE public.products VALIDATE CONSTRAINT products_category_code_fkey;

-- step 18: validate foreign key projects_tenant_id_org_id_fkey on public.projects (after step 8)
--   lock SHARE UPDATE EXCLUSIVE on public.projects; full_scan, may_fail_on_existing_rows; convergence, validate
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE public.projects VALIDATE CONSTRAINT projects_tenant_id_org_id_fkey;

-- step 19: validate foreign key teams_manager_id_fkey on public.teams (after step 9)
--   lock SHARE UPDATE EXCLUSIVE on public.teams; full_scan, may_fail_on_existing_rows; convergence, validate
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE public.teams VALIDATE CONSTRAINT teams_manager_id_fkey;

-- step 20: validate foreign key user_profiles_user_id_fkey on public.user_profiles (after step 10)
--   lock SHARE UPDATE EXCLUSIVE on public.user_profiles; full_scan, may_fail_on_existing_rows; convergence, validate
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE public.user_profiles VALIDATE CONSTRAINT user_profiles_user_id_fkey;
