-- online plan: 2 steps, 0 blocked, 2 destructive, for PostgreSQL server version 170012
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
--   ALTER TABLE ONLY public.timestamp_base DROP COLUMN e;
