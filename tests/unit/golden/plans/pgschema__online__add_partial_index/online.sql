-- online plan: 1 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: build index concurrently public.idx_active_orders_customer_date
--   lock SHARE UPDATE EXCLUSIVE on public.orders; full_scan, invalid_index_on_failure; convergence, create_indexes
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE INDEX CONCURRENTLY idx_active_orders_customer_date ON public.orders USING btree (customer_id, order_date DESC, total_amount) WHERE ((status = ANY (ARRAY['pending'::public.order_status, 'processing'::public.order_status, 'confirmed'::public.order_status])) AND (is_active IS NOT NULL));
