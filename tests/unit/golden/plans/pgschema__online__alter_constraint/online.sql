-- online plan: 3 steps, 3 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: drop constraint check_amount_positive on public.orders
--   lock ACCESS EXCLUSIVE on public.orders; blocked, prepare
--   BLOCKED: The constraint's definition changed under the same name.
--     Give the new definition a new name in the target schema: the new constraint is then added NOT VALID and validated before the old one is dropped. Or check the existing rows against the new definition and run the steps with --run-blocked.
--   ALTER TABLE public.orders DROP CONSTRAINT check_amount_positive;

-- step 2: add constraint not valid check_amount_positive on public.orders
--   lock ACCESS EXCLUSIVE on public.orders; blocked, add_constraints
--   BLOCKED: The constraint's definition changed under the same name.
--     Give the new definition a new name in the target schema: the new constraint is then added NOT VALID and validated before the old one is dropped. Or check the existing rows against the new definition and run the steps with --run-blocked.
--   ALTER TABLE public.orders ADD CONSTRAINT check_amount_positive CHECK ((amount > (0)::numeric)) NOT VALID;

-- step 3: validate constraint check_amount_positive on public.orders (after step 2)
--   lock SHARE UPDATE EXCLUSIVE on public.orders; full_scan, may_fail_on_existing_rows; blocked, validate
--   BLOCKED: The constraint's definition changed under the same name.
--     Give the new definition a new name in the target schema: the new constraint is then added NOT VALID and validated before the old one is dropped. Or check the existing rows against the new definition and run the steps with --run-blocked.
--   ALTER TABLE public.orders VALIDATE CONSTRAINT check_amount_positive;
