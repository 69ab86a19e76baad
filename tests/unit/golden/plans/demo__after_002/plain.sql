-- plain plan: 4 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;
BEGIN;
-- step 1: add constraint customers_email_check on public.customers
--   lock ACCESS EXCLUSIVE on public.customers; full_scan, blocks_writes, blocks_reads, may_fail_on_existing_rows; convergence, structural, not online
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
ALTER TABLE public.customers ADD CONSTRAINT customers_email_check CHECK ((POSITION(('@'::text) IN (email)) > 1));
-- step 2: add constraint products_price_check on public.products
--   lock ACCESS EXCLUSIVE on public.products; full_scan, blocks_writes, blocks_reads, may_fail_on_existing_rows; convergence, structural, not online
ALTER TABLE public.products ADD CONSTRAINT products_price_check CHECK ((price_cents >= 0));
-- step 3: create index public.orders_customer_id_idx
--   lock SHARE on public.orders; full_scan, blocks_writes; convergence, structural, not online
CREATE INDEX orders_customer_id_idx ON public.orders USING btree (customer_id);
-- step 4: create index public.products_active_name_idx
--   lock SHARE on public.products; full_scan, blocks_writes; convergence, structural, not online
CREATE INDEX products_active_name_idx ON public.products USING btree (lower(name)) WHERE (state = 'active'::public.product_state);
COMMIT;
