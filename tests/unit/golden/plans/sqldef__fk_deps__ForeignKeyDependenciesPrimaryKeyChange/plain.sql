-- plain plan: 6 steps, 4 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;
BEGIN;
-- step 1: drop constraint prices_item_fk on public.item_prices
--   lock ACCESS EXCLUSIVE on public.item_prices; blocked, prepare
--   BLOCKED: The constraint's definition changed under the same name.
--     Give the new definition a new name in the target schema: the new constraint is then added NOT VALID and validated before the old one is dropped. Or check the existing rows against the new definition and run the steps with --run-blocked.
--   ALTER TABLE public.item_prices DROP CONSTRAINT prices_item_fk;
-- step 2: drop constraint items_pkey on public.items
--   lock ACCESS EXCLUSIVE on public.items; blocked, prepare
--   BLOCKED: The constraint's definition changed under the same name.
--     Give the new definition a new name in the target schema: the new constraint is then added NOT VALID and validated before the old one is dropped. Or check the existing rows against the new definition and run the steps with --run-blocked.
--   ALTER TABLE public.items DROP CONSTRAINT items_pkey;
-- step 3: add column public.item_prices.supplier_id
--   lock ACCESS EXCLUSIVE on public.item_prices; structural, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
ALTER TABLE public.item_prices ADD COLUMN supplier_id integer;
-- step 4: set not null public.items.supplier_id
--   lock ACCESS EXCLUSIVE on public.items; full_scan, blocks_writes, blocks_reads, may_fail_on_existing_rows; convergence, structural, not online
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
ALTER TABLE public.items ALTER COLUMN supplier_id SET NOT NULL;
-- step 5: add key constraint items_pkey on public.items
--   lock ACCESS EXCLUSIVE on public.items; full_scan, blocks_writes, blocks_reads, may_fail_on_existing_rows; blocked, structural, not online
--   BLOCKED: The constraint's definition changed under the same name.
--     Give the new definition a new name in the target schema: the new constraint is then added NOT VALID and validated before the old one is dropped. Or check the existing rows against the new definition and run the steps with --run-blocked.
--   ALTER TABLE ONLY public.items ADD CONSTRAINT items_pkey PRIMARY KEY (supplier_id, item_id);
-- step 6: add foreign key prices_item_fk on public.item_prices
--   lock SHARE ROW EXCLUSIVE on public.item_prices; full_scan, blocks_writes, may_fail_on_existing_rows; blocked, structural, not online
--   BLOCKED: The constraint's definition changed under the same name.
--     Give the new definition a new name in the target schema: the new constraint is then added NOT VALID and validated before the old one is dropped. Or check the existing rows against the new definition and run the steps with --run-blocked.
--   ALTER TABLE public.item_prices ADD CONSTRAINT prices_item_fk FOREIGN KEY (supplier_id, item_id) REFERENCES public.items(supplier_id, item_id);
COMMIT;
