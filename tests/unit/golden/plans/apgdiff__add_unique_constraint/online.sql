-- online plan: 4 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: build index concurrently inventoryitemsupplier_5a808b9c_key on public.inventoryitemsupplier
--   lock SHARE UPDATE EXCLUSIVE on public.inventoryitemsupplier; full_scan, invalid_index_on_failure, may_fail_on_existing_rows; convergence, create_indexes
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE UNIQUE INDEX CONCURRENTLY inventoryitemsupplier_5a808b9c_key ON public.inventoryitemsupplier USING btree (inventoryitemid, partneridentificationid);

-- step 2: build index concurrently inventoryitemsupplier_pkey on public.inventoryitemsupplier
--   lock SHARE UPDATE EXCLUSIVE on public.inventoryitemsupplier; full_scan, invalid_index_on_failure, may_fail_on_existing_rows; convergence, create_indexes
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE UNIQUE INDEX CONCURRENTLY inventoryitemsupplier_pkey ON public.inventoryitemsupplier USING btree (id);

-- step 3: add key constraint using index inventoryitemsupplier_5a808b9c_key on public.inventoryitemsupplier (after step 1)
--   lock ACCESS EXCLUSIVE on public.inventoryitemsupplier; convergence, add_constraints
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.inventoryitemsupplier ADD CONSTRAINT inventoryitemsupplier_5a808b9c_key UNIQUE USING INDEX inventoryitemsupplier_5a808b9c_key;

-- step 4: add key constraint using index inventoryitemsupplier_pkey on public.inventoryitemsupplier (after step 2)
--   lock ACCESS EXCLUSIVE on public.inventoryitemsupplier; convergence, add_constraints
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.inventoryitemsupplier ADD CONSTRAINT inventoryitemsupplier_pkey PRIMARY KEY USING INDEX inventoryitemsupplier_pkey;
