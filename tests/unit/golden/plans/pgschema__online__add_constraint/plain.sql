-- plain plan: 2 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;
BEGIN;
-- step 1: add constraint check_amount_positive on public.orders
--   lock ACCESS EXCLUSIVE on public.orders; full_scan, blocks_writes, blocks_reads, may_fail_on_existing_rows; convergence, structural, not online
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
ALTER TABLE public.orders ADD CONSTRAINT check_amount_positive CHECK ((amount > (0)::numeric));
-- step 2: add constraint check_valid_status on public.orders
--   lock ACCESS EXCLUSIVE on public.orders; full_scan, blocks_writes, blocks_reads, may_fail_on_existing_rows; convergence, structural, not online
ALTER TABLE public.orders ADD CONSTRAINT check_valid_status CHECK (((status)::text = ANY ((ARRAY['pending'::character varying, 'shipped'::character varying, 'delivered'::character varying])::text[])));
COMMIT;
