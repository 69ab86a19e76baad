-- plain plan: 2 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;
BEGIN;
-- step 1: add key constraint inventoryitemsupplier_5a808b9c_key on public.inventoryitemsupplier
--   lock ACCESS EXCLUSIVE on public.inventoryitemsupplier; full_scan, blocks_writes, blocks_reads, may_fail_on_existing_rows; convergence, structural, not online
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
ALTER TABLE ONLY public.inventoryitemsupplier ADD CONSTRAINT inventoryitemsupplier_5a808b9c_key UNIQUE (inventoryitemid, partneridentificationid);
-- step 2: add key constraint inventoryitemsupplier_pkey on public.inventoryitemsupplier
--   lock ACCESS EXCLUSIVE on public.inventoryitemsupplier; full_scan, blocks_writes, blocks_reads, may_fail_on_existing_rows; convergence, structural, not online
ALTER TABLE ONLY public.inventoryitemsupplier ADD CONSTRAINT inventoryitemsupplier_pkey PRIMARY KEY (id);
COMMIT;
