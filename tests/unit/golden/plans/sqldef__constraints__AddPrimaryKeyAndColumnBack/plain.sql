-- plain plan: 2 steps, 1 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;
BEGIN;
-- step 1: add column public.users.id
--   lock ACCESS EXCLUSIVE on public.users; blocked, structural
--   BLOCKED: A NOT NULL column without a default cannot be added to a table that may hold rows.
--     Add the column without NOT NULL (or with a DEFAULT), fill it, then declare NOT NULL: convergence adds it online.
--   ALTER TABLE public.users ADD COLUMN id bigint NOT NULL;
-- step 2: add key constraint users_pkey on public.users
--   lock ACCESS EXCLUSIVE on public.users; full_scan, blocks_writes, blocks_reads, may_fail_on_existing_rows; convergence, structural, not online
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
ALTER TABLE ONLY public.users ADD CONSTRAINT users_pkey PRIMARY KEY (id);
COMMIT;
