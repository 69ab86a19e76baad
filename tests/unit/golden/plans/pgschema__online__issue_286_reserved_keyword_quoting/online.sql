-- online plan: 4 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: add column public.order.tenant_id
--   lock ACCESS EXCLUSIVE on public.order; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public."order" ADD COLUMN tenant_id uuid;

-- step 2: build index concurrently public.IDX_order_tenant_order_number
--   lock SHARE UPDATE EXCLUSIVE on public.order; full_scan, invalid_index_on_failure; convergence, create_indexes
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE INDEX CONCURRENTLY "IDX_order_tenant_order_number" ON public."order" USING btree (tenant_id, order_number);

-- step 3: add foreign key not valid FK_order_tenant on public.order
--   lock SHARE ROW EXCLUSIVE on public.order; convergence, add_constraints
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public."order" ADD CONSTRAINT "FK_order_tenant" FOREIGN KEY (tenant_id) REFERENCES public.tenant(id) NOT VALID;

-- step 4: validate foreign key FK_order_tenant on public.order (after step 3)
--   lock SHARE UPDATE EXCLUSIVE on public.order; full_scan, may_fail_on_existing_rows; convergence, validate
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE public."order" VALIDATE CONSTRAINT "FK_order_tenant";
