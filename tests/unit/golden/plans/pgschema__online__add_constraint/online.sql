-- online plan: 4 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: add constraint not valid check_amount_positive on public.orders
--   lock ACCESS EXCLUSIVE on public.orders; convergence, add_constraints
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.orders ADD CONSTRAINT check_amount_positive CHECK ((amount > (0)::numeric)) NOT VALID;

-- step 2: add constraint not valid check_valid_status on public.orders
--   lock ACCESS EXCLUSIVE on public.orders; convergence, add_constraints
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.orders ADD CONSTRAINT check_valid_status CHECK (((status)::text = ANY ((ARRAY['pending'::character varying, 'shipped'::character varying, 'delivered'::character varying])::text[]))) NOT VALID;

-- step 3: validate constraint check_amount_positive on public.orders (after step 1)
--   lock SHARE UPDATE EXCLUSIVE on public.orders; full_scan, may_fail_on_existing_rows; convergence, validate
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE public.orders VALIDATE CONSTRAINT check_amount_positive;

-- step 4: validate constraint check_valid_status on public.orders (after step 2)
--   lock SHARE UPDATE EXCLUSIVE on public.orders; full_scan, may_fail_on_existing_rows; convergence, validate
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE public.orders VALIDATE CONSTRAINT check_valid_status;
