-- plain plan: 9 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;
BEGIN;
-- step 1: create public.orders_id_seq
--   no lock on existing tables; structural, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
CREATE SEQUENCE public.orders_id_seq AS integer START WITH 1 INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 CACHE 1 NO CYCLE;
-- step 2: add column with default public.orders.id
--   lock ACCESS EXCLUSIVE on public.orders; structural, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
ALTER TABLE public.orders ADD COLUMN id integer DEFAULT nextval('public.orders_id_seq'::regclass) NOT NULL;
-- step 3: add column and fill it public.products.id
--   lock ACCESS EXCLUSIVE on public.products; rewrites_table, full_scan, blocks_writes, blocks_reads; structural, structural, not online
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
ALTER TABLE public.products ADD COLUMN id integer GENERATED ALWAYS AS IDENTITY (SEQUENCE NAME public.products_id_seq START WITH 1 INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 CACHE 1 NO CYCLE) NOT NULL;
-- step 4: add column public.users.id
--   lock ACCESS EXCLUSIVE on public.users; structural, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
ALTER TABLE public.users ADD COLUMN id integer;
-- step 5: add key constraint orders_id_key on public.orders
--   lock ACCESS EXCLUSIVE on public.orders; full_scan, blocks_writes, blocks_reads, may_fail_on_existing_rows; convergence, structural, not online
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
ALTER TABLE ONLY public.orders ADD CONSTRAINT orders_id_key UNIQUE (id);
-- step 6: add key constraint products_id_key on public.products
--   lock ACCESS EXCLUSIVE on public.products; full_scan, blocks_writes, blocks_reads, may_fail_on_existing_rows; convergence, structural, not online
ALTER TABLE ONLY public.products ADD CONSTRAINT products_id_key UNIQUE (id);
-- step 7: add key constraint user_permissions_user_id_resource_id_permission_type_key on public.user_permissions
--   lock ACCESS EXCLUSIVE on public.user_permissions; full_scan, blocks_writes, blocks_reads, may_fail_on_existing_rows; convergence, structural, not online
ALTER TABLE ONLY public.user_permissions ADD CONSTRAINT user_permissions_user_id_resource_id_permission_type_key UNIQUE (user_id, resource_id, permission_type);
-- step 8: add key constraint users_id_key on public.users
--   lock ACCESS EXCLUSIVE on public.users; full_scan, blocks_writes, blocks_reads, may_fail_on_existing_rows; convergence, structural, not online
ALTER TABLE ONLY public.users ADD CONSTRAINT users_id_key UNIQUE (id);
-- step 9: create public.orders_id_seq
--   no lock on existing tables; structural, structural
ALTER SEQUENCE public.orders_id_seq OWNED BY public.orders.id;
COMMIT;
