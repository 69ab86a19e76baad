-- plain plan: 1 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;
BEGIN;
-- step 1: create index public.idx_active_orders_customer_date
--   lock SHARE on public.orders; full_scan, blocks_writes; convergence, structural, not online
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
CREATE INDEX idx_active_orders_customer_date ON public.orders USING btree (customer_id, order_date DESC, total_amount) WHERE ((status = ANY (ARRAY['pending'::public.order_status, 'processing'::public.order_status, 'confirmed'::public.order_status])) AND (is_active IS NOT NULL));
COMMIT;
