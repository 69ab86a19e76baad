-- online plan: 3 steps, 0 blocked, 2 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: drop column public.a.a2
--   lock ACCESS EXCLUSIVE on public.a; drops_data; structural, structural
--   destructive: loses column public.a.a2 (integer) and its values
--   BLOCKED: destructive; plumb diff --allow-destructive writes it as a statement
--   ALTER TABLE public.a DROP COLUMN a2;

-- step 2: drop column public.timestamp_base.e
--   lock ACCESS EXCLUSIVE on public.timestamp_base; drops_data; structural, structural
--   destructive: loses column public.timestamp_base.e (integer) and its values
--   BLOCKED: destructive; plumb diff --allow-destructive writes it as a statement
--   ALTER TABLE public.timestamp_base DROP COLUMN e;

-- step 3: add column public.a.e
--   lock ACCESS EXCLUSIVE on public.a; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.a ADD COLUMN e integer;
