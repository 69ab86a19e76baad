-- online plan: 2 steps, 0 blocked, 1 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: drop constraint users_pkey on public.users
--   lock ACCESS EXCLUSIVE on public.users; convergence, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.users DROP CONSTRAINT users_pkey;

-- step 2: drop column public.users.id
--   lock ACCESS EXCLUSIVE on public.users; drops_data; structural, structural
--   destructive: loses column public.users.id (bigint) and its values
--   BLOCKED: destructive; plumb diff --allow-destructive writes it as a statement
--   ALTER TABLE public.users DROP COLUMN id;
