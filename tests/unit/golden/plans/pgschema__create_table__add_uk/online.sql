-- online plan: 13 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: create public.orders_id_seq
--   no lock on existing tables; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE SEQUENCE public.orders_id_seq AS integer START WITH 1 INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 CACHE 1 NO CYCLE;

-- step 2: add column with default public.orders.id
--   lock ACCESS EXCLUSIVE on public.orders; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.orders ADD COLUMN id integer DEFAULT nextval('public.orders_id_seq'::regclass) NOT NULL;

-- step 3: add column and fill it public.products.id
--   lock ACCESS EXCLUSIVE on public.products; rewrites_table, full_scan, blocks_writes, blocks_reads; structural, structural, not online
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE public.products ADD COLUMN id integer GENERATED ALWAYS AS IDENTITY (SEQUENCE NAME public.products_id_seq START WITH 1 INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 CACHE 1 NO CYCLE) NOT NULL;

-- step 4: add column public.users.id
--   lock ACCESS EXCLUSIVE on public.users; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.users ADD COLUMN id integer;

-- step 5: create public.orders_id_seq
--   no lock on existing tables; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER SEQUENCE public.orders_id_seq OWNED BY public.orders.id;

-- step 6: build index concurrently orders_id_key on public.orders
--   lock SHARE UPDATE EXCLUSIVE on public.orders; full_scan, invalid_index_on_failure, may_fail_on_existing_rows; convergence, create_indexes
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE UNIQUE INDEX CONCURRENTLY orders_id_key ON public.orders USING btree (id);

-- step 7: build index concurrently products_id_key on public.products
--   lock SHARE UPDATE EXCLUSIVE on public.products; full_scan, invalid_index_on_failure, may_fail_on_existing_rows; convergence, create_indexes
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE UNIQUE INDEX CONCURRENTLY products_id_key ON public.products USING btree (id);

-- step 8: build index concurrently user_permissions_user_id_resource_id_permission_type_key on public.user_permissions
--   lock SHARE UPDATE EXCLUSIVE on public.user_permissions; full_scan, invalid_index_on_failure, may_fail_on_existing_rows; convergence, create_indexes
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE UNIQUE INDEX CONCURRENTLY user_permissions_user_id_resource_id_permission_type_key ON public.user_permissions USING btree (user_id, resource_id, permission_type);

-- step 9: build index concurrently users_id_key on public.users
--   lock SHARE UPDATE EXCLUSIVE on public.users; full_scan, invalid_index_on_failure, may_fail_on_existing_rows; convergence, create_indexes
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE UNIQUE INDEX CONCURRENTLY users_id_key ON public.users USING btree (id);

-- step 10: add key constraint using index orders_id_key on public.orders (after step 6)
--   lock ACCESS EXCLUSIVE on public.orders; convergence, add_constraints
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.orders ADD CONSTRAINT orders_id_key UNIQUE USING INDEX orders_id_key;

-- step 11: add key constraint using index products_id_key on public.products (after step 7)
--   lock ACCESS EXCLUSIVE on public.products; convergence, add_constraints
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.products ADD CONSTRAINT products_id_key UNIQUE USING INDEX products_id_key;

-- step 12: add key constraint using index user_permissions_user_id_resource_id_permission_type_key on public.user_permissions (after step 8)
--   lock ACCESS EXCLUSIVE on public.user_permissions; convergence, add_constraints
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.user_permissions ADD CONSTRAINT user_permissions_user_id_resource_id_permission_type_key UNIQUE USING INDEX user_permissions_user_id_resource_id_permission_type_key;

-- step 13: add key constraint using index users_id_key on public.users (after step 9)
--   lock ACCESS EXCLUSIVE on public.users; convergence, add_constraints
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.users ADD CONSTRAINT users_id_key UNIQUE USING INDEX users_id_key;
