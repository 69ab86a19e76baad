-- online plan: 19 steps, 3 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: create public.orders_id_seq
--   no lock on existing tables; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE SEQUENCE public.orders_id_seq AS integer START WITH 1 INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 CACHE 1 NO CYCLE;

-- step 2: add column public.categories.code
--   lock ACCESS EXCLUSIVE on public.categories; blocked, structural
--   BLOCKED: A NOT NULL column without a default cannot be added to a table that may hold rows.
--     Add the column without NOT NULL (or with a DEFAULT), fill it, then declare NOT NULL: convergence adds it online.
--   ALTER TABLE public.categories ADD COLUMN code text NOT NULL;

-- step 3: add column with default public.orders.id
--   lock ACCESS EXCLUSIVE on public.orders; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.orders ADD COLUMN id integer DEFAULT nextval('public.orders_id_seq'::regclass) NOT NULL;

-- step 4: add column and fill it public.products.id
--   lock ACCESS EXCLUSIVE on public.products; rewrites_table, full_scan, blocks_writes, blocks_reads; structural, structural, not online
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
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

-- step 7: create public.orders_id_seq
--   no lock on existing tables; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER SEQUENCE public.orders_id_seq OWNED BY public.orders.id;

-- step 8: build index concurrently categories_pkey on public.categories
--   lock SHARE UPDATE EXCLUSIVE on public.categories; full_scan, invalid_index_on_failure, may_fail_on_existing_rows; convergence, create_indexes
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE UNIQUE INDEX CONCURRENTLY categories_pkey ON public.categories USING btree (code);

-- step 9: build index concurrently orders_pkey on public.orders
--   lock SHARE UPDATE EXCLUSIVE on public.orders; full_scan, invalid_index_on_failure, may_fail_on_existing_rows; convergence, create_indexes
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE UNIQUE INDEX CONCURRENTLY orders_pkey ON public.orders USING btree (id);

-- step 10: build index concurrently products_pkey on public.products
--   lock SHARE UPDATE EXCLUSIVE on public.products; full_scan, invalid_index_on_failure, may_fail_on_existing_rows; convergence, create_indexes
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE UNIQUE INDEX CONCURRENTLY products_pkey ON public.products USING btree (id);

-- step 11: build index concurrently sessions_pkey on public.sessions
--   lock SHARE UPDATE EXCLUSIVE on public.sessions; full_scan, invalid_index_on_failure, may_fail_on_existing_rows; convergence, create_indexes
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE UNIQUE INDEX CONCURRENTLY sessions_pkey ON public.sessions USING btree (id);

-- step 12: build index concurrently user_permissions_pkey on public.user_permissions
--   lock SHARE UPDATE EXCLUSIVE on public.user_permissions; full_scan, invalid_index_on_failure, may_fail_on_existing_rows; convergence, create_indexes
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE UNIQUE INDEX CONCURRENTLY user_permissions_pkey ON public.user_permissions USING btree (user_id, resource_id, permission_type);

-- step 13: build index concurrently users_pkey on public.users
--   lock SHARE UPDATE EXCLUSIVE on public.users; full_scan, invalid_index_on_failure, may_fail_on_existing_rows; convergence, create_indexes
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE UNIQUE INDEX CONCURRENTLY users_pkey ON public.users USING btree (id);

-- step 14: add key constraint using index categories_pkey on public.categories (after step 8)
--   lock ACCESS EXCLUSIVE on public.categories; convergence, add_constraints
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.categories ADD CONSTRAINT categories_pkey PRIMARY KEY USING INDEX categories_pkey;

-- step 15: add key constraint using index orders_pkey on public.orders (after step 9)
--   lock ACCESS EXCLUSIVE on public.orders; convergence, add_constraints
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.orders ADD CONSTRAINT orders_pkey PRIMARY KEY USING INDEX orders_pkey;

-- step 16: add key constraint using index products_pkey on public.products (after step 10)
--   lock ACCESS EXCLUSIVE on public.products; convergence, add_constraints
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.products ADD CONSTRAINT products_pkey PRIMARY KEY USING INDEX products_pkey;

-- step 17: add key constraint using index sessions_pkey on public.sessions (after step 11)
--   lock ACCESS EXCLUSIVE on public.sessions; convergence, add_constraints
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.sessions ADD CONSTRAINT sessions_pkey PRIMARY KEY USING INDEX sessions_pkey;

-- step 18: add key constraint using index user_permissions_pkey on public.user_permissions (after step 12)
--   lock ACCESS EXCLUSIVE on public.user_permissions; convergence, add_constraints
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.user_permissions ADD CONSTRAINT user_permissions_pkey PRIMARY KEY USING INDEX user_permissions_pkey;

-- step 19: add key constraint using index users_pkey on public.users (after step 13)
--   lock ACCESS EXCLUSIVE on public.users; convergence, add_constraints
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.users ADD CONSTRAINT users_pkey PRIMARY KEY USING INDEX users_pkey;
