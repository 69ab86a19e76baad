-- plain plan: 8 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;
BEGIN;
-- step 1: create public.touch_updated_at()
--   no lock on existing tables; structural, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
CREATE OR REPLACE FUNCTION public.touch_updated_at()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$function$;
-- step 2: add column public.orders.note
--   lock ACCESS EXCLUSIVE on public.orders; structural, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
ALTER TABLE public.orders ADD COLUMN note text;
-- step 3: create view public.order_totals
--   no lock on existing tables; structural, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
CREATE VIEW public.order_totals AS
SELECT o.id AS order_id,
    o.customer_id,
    sum((i.quantity * i.unit_price_cents)) AS total_cents
   FROM (public.orders o
     JOIN public.order_items i ON ((i.order_id = o.id)))
  GROUP BY o.id, o.customer_id;
-- step 4: add constraint customers_email_check on public.customers
--   lock ACCESS EXCLUSIVE on public.customers; full_scan, blocks_writes, blocks_reads, may_fail_on_existing_rows; convergence, structural, not online
ALTER TABLE public.customers ADD CONSTRAINT customers_email_check CHECK ((POSITION(('@'::text) IN (email)) > 1));
-- step 5: add constraint products_price_check on public.products
--   lock ACCESS EXCLUSIVE on public.products; full_scan, blocks_writes, blocks_reads, may_fail_on_existing_rows; convergence, structural, not online
ALTER TABLE public.products ADD CONSTRAINT products_price_check CHECK ((price_cents >= 0));
-- step 6: create index public.orders_customer_id_idx
--   lock SHARE on public.orders; full_scan, blocks_writes; convergence, structural, not online
CREATE INDEX orders_customer_id_idx ON public.orders USING btree (customer_id);
-- step 7: create index public.products_active_name_idx
--   lock SHARE on public.products; full_scan, blocks_writes; convergence, structural, not online
CREATE INDEX products_active_name_idx ON public.products USING btree (lower(name)) WHERE (state = 'active'::public.product_state);
-- step 8: create trigger customers_touch_updated_at on public.customers
--   lock SHARE ROW EXCLUSIVE on public.customers; structural, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
CREATE TRIGGER customers_touch_updated_at BEFORE UPDATE ON public.customers FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();
COMMIT;
