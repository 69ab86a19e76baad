-- plain plan: 13 steps, 3 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;
BEGIN;
-- step 1: create public.orders_id_seq
--   no lock on existing tables; structural, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
CREATE SEQUENCE public.orders_id_seq AS integer START WITH 1 INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 CACHE 1 NO CYCLE;
-- step 2: add column public.categories.code
--   lock ACCESS EXCLUSIVE on public.categories; blocked, structural
--   BLOCKED: A NOT NULL column without a default cannot be added to a table that may hold rows.
--     Add the column without NOT NULL (or with a DEFAULT), fill it, then declare NOT NULL: convergence adds it online.
--   ALTER TABLE public.categories ADD COLUMN code text NOT NULL;
-- step 3: add column with default public.orders.id
--   lock ACCESS EXCLUSIVE on public.orders; structural, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
ALTER TABLE public.orders ADD COLUMN id integer DEFAULT nextval('public.orders_id_seq'::regclass) NOT NULL;
-- step 4: add column and fill it public.products.id
--   lock ACCESS EXCLUSIVE on public.products; rewrites_table, full_scan, blocks_writes, blocks_reads; structural, structural, not online
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
ALTER TABLE public.products ADD COLUMN id integer GENERATED ALWAYS AS IDENTITY (SEQUENCE NAME public.products_id_seq START WITH 1 INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 CACHE 1 NO CYCLE) NOT NULL;
-- step 5: add column public.sessions.id
--   lock ACCESS EXCLUSIVE on public.sessions; blocked, structural
--   BLOCKED: A NOT NULL column without a default cannot be added to a table that may hold rows.
--     Add the column without NOT NULL (or with a DEFAULT), fill it, then declare NOT NULL: convergence adds it online.
--   ALTER TABLE public.sessions ADD COLUMN id uuid NOT NULL;
-- step 6: add column public.users.id
--   lock ACCESS EXCLUSIVE on public.users; blocked, structural
--   BLOCKED: A NOT NULL column without a default cannot be added to a table that may hold rows.
--     Add the column without NOT NULL (or with a DEFAULT), fill it, then declare NOT NULL: convergence adds it online.
--   ALTER TABLE public.users ADD COLUMN id integer NOT NULL;
-- step 7: add key constraint categories_pkey on public.categories
--   lock ACCESS EXCLUSIVE on public.categories; full_scan, blocks_writes, blocks_reads, may_fail_on_existing_rows; convergence, structural, not online
ALTER TABLE ONLY public.categories ADD CONSTRAINT categories_pkey PRIMARY KEY (code);
-- step 8: add key constraint orders_pkey on public.orders
--   lock ACCESS EXCLUSIVE on public.orders; full_scan, blocks_writes, blocks_reads, may_fail_on_existing_rows; convergence, structural, not online
ALTER TABLE ONLY public.orders ADD CONSTRAINT orders_pkey PRIMARY KEY (id);
-- step 9: add key constraint products_pkey on public.products
--   lock ACCESS EXCLUSIVE on public.products; full_scan, blocks_writes, blocks_reads, may_fail_on_existing_rows; convergence, structural, not online
ALTER TABLE ONLY public.products ADD CONSTRAINT products_pkey PRIMARY KEY (id);
-- step 10: add key constraint sessions_pkey on public.sessions
--   lock ACCESS EXCLUSIVE on public.sessions; full_scan, blocks_writes, blocks_reads, may_fail_on_existing_rows; convergence, structural, not online
ALTER TABLE ONLY public.sessions ADD CONSTRAINT sessions_pkey PRIMARY KEY (id);
-- step 11: add key constraint user_permissions_pkey on public.user_permissions
--   lock ACCESS EXCLUSIVE on public.user_permissions; full_scan, blocks_writes, blocks_reads, may_fail_on_existing_rows; convergence, structural, not online
ALTER TABLE ONLY public.user_permissions ADD CONSTRAINT user_permissions_pkey PRIMARY KEY (user_id, resource_id, permission_type);
-- step 12: add key constraint users_pkey on public.users
--   lock ACCESS EXCLUSIVE on public.users; full_scan, blocks_writes, blocks_reads, may_fail_on_existing_rows; convergence, structural, not online
ALTER TABLE ONLY public.users ADD CONSTRAINT users_pkey PRIMARY KEY (id);
-- step 13: create public.orders_id_seq
--   no lock on existing tables; structural, structural
ALTER SEQUENCE public.orders_id_seq OWNED BY public.orders.id;
COMMIT;
