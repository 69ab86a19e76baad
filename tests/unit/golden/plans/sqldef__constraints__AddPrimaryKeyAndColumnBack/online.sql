-- online plan: 3 steps, 1 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: add column public.users.id
--   lock ACCESS EXCLUSIVE on public.users; blocked, structural
--   BLOCKED: A NOT NULL column without a default cannot be added to a table that may hold rows.
--     Add the column without NOT NULL (or with a DEFAULT), fill it, then declare NOT NULL: convergence adds it online.
--   ALTER TABLE public.users ADD COLUMN id bigint NOT NULL;

-- step 2: build index concurrently users_pkey on public.users
--   lock SHARE UPDATE EXCLUSIVE on public.users; full_scan, invalid_index_on_failure, may_fail_on_existing_rows; convergence, create_indexes
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE UNIQUE INDEX CONCURRENTLY users_pkey ON public.users USING btree (id);

-- step 3: add key constraint using index users_pkey on public.users (after step 2)
--   lock ACCESS EXCLUSIVE on public.users; convergence, add_constraints
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.users ADD CONSTRAINT users_pkey PRIMARY KEY USING INDEX users_pkey;
