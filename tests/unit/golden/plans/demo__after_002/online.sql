-- online plan: 6 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: build index concurrently public.orders_customer_id_idx
--   lock SHARE UPDATE EXCLUSIVE on public.orders; full_scan, invalid_index_on_failure; convergence, create_indexes
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE INDEX CONCURRENTLY orders_customer_id_idx ON public.orders USING btree (customer_id);

-- step 2: build index concurrently public.products_active_name_idx
--   lock SHARE UPDATE EXCLUSIVE on public.products; full_scan, invalid_index_on_failure; convergence, create_indexes
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE INDEX CONCURRENTLY products_active_name_idx ON public.products USING btree (lower(name)) WHERE (state = 'active'::public.product_state);

-- step 3: add constraint not valid customers_email_check on public.customers
--   lock ACCESS EXCLUSIVE on public.customers; convergence, add_constraints
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.customers ADD CONSTRAINT customers_email_check CHECK ((POSITION(('@'::text) IN (email)) > 1)) NOT VALID;

-- step 4: add constraint not valid products_price_check on public.products
--   lock ACCESS EXCLUSIVE on public.products; convergence, add_constraints
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.products ADD CONSTRAINT products_price_check CHECK ((price_cents >= 0)) NOT VALID;

-- step 5: validate constraint customers_email_check on public.customers (after step 3)
--   lock SHARE UPDATE EXCLUSIVE on public.customers; full_scan, may_fail_on_existing_rows; convergence, validate
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE public.customers VALIDATE CONSTRAINT customers_email_check;

-- step 6: validate constraint products_price_check on public.products (after step 4)
--   lock SHARE UPDATE EXCLUSIVE on public.products; full_scan, may_fail_on_existing_rows; convergence, validate
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE public.products VALIDATE CONSTRAINT products_price_check;
