-- online plan: 10 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: create public.touch_updated_at()
--   no lock on existing tables; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
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
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.orders ADD COLUMN note text;

-- step 3: create view public.order_totals
--   no lock on existing tables; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE VIEW public.order_totals AS
SELECT o.id AS order_id,
    o.customer_id,
    sum((i.quantity * i.unit_price_cents)) AS total_cents
   FROM (public.orders o
     JOIN public.order_items i ON ((i.order_id = o.id)))
  GROUP BY o.id, o.customer_id;

-- step 4: create trigger customers_touch_updated_at on public.customers
--   lock SHARE ROW EXCLUSIVE on public.customers; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
CREATE TRIGGER customers_touch_updated_at BEFORE UPDATE ON public.customers FOR EACH ROW EXECUTE FUNCTION public.touch_updated_at();

-- step 5: build index concurrently public.orders_customer_id_idx
--   lock SHARE UPDATE EXCLUSIVE on public.orders; full_scan, invalid_index_on_failure; convergence, create_indexes
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE INDEX CONCURRENTLY orders_customer_id_idx ON public.orders USING btree (customer_id);

-- step 6: build index concurrently public.products_active_name_idx
--   lock SHARE UPDATE EXCLUSIVE on public.products; full_scan, invalid_index_on_failure; convergence, create_indexes
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE INDEX CONCURRENTLY products_active_name_idx ON public.products USING btree (lower(name)) WHERE (state = 'active'::public.product_state);

-- step 7: add constraint not valid customers_email_check on public.customers
--   lock ACCESS EXCLUSIVE on public.customers; convergence, add_constraints
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.customers ADD CONSTRAINT customers_email_check CHECK ((POSITION(('@'::text) IN (email)) > 1)) NOT VALID;

-- step 8: add constraint not valid products_price_check on public.products
--   lock ACCESS EXCLUSIVE on public.products; convergence, add_constraints
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.products ADD CONSTRAINT products_price_check CHECK ((price_cents >= 0)) NOT VALID;

-- step 9: validate constraint customers_email_check on public.customers (after step 7)
--   lock SHARE UPDATE EXCLUSIVE on public.customers; full_scan, may_fail_on_existing_rows; convergence, validate
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE public.customers VALIDATE CONSTRAINT customers_email_check;

-- step 10: validate constraint products_price_check on public.products (after step 8)
--   lock SHARE UPDATE EXCLUSIVE on public.products; full_scan, may_fail_on_existing_rows; convergence, validate
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE public.products VALIDATE CONSTRAINT products_price_check;
