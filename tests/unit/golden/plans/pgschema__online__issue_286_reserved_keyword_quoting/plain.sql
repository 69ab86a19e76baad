-- plain plan: 3 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;
BEGIN;
-- step 1: add column public.order.tenant_id
--   lock ACCESS EXCLUSIVE on public.order; structural, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
ALTER TABLE public."order" ADD COLUMN tenant_id uuid;
-- step 2: create index public.IDX_order_tenant_order_number
--   lock SHARE on public.order; full_scan, blocks_writes; convergence, structural, not online
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
CREATE INDEX "IDX_order_tenant_order_number" ON public."order" USING btree (tenant_id, order_number);
-- step 3: add foreign key FK_order_tenant on public.order
--   lock SHARE ROW EXCLUSIVE on public.order; full_scan, blocks_writes, may_fail_on_existing_rows; convergence, structural, not online
ALTER TABLE public."order" ADD CONSTRAINT "FK_order_tenant" FOREIGN KEY (tenant_id) REFERENCES public.tenant(id);
COMMIT;
