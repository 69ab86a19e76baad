-- online plan: 1 steps, 0 blocked, 1 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: drop column public.users.email
--   lock ACCESS EXCLUSIVE on public.users; drops_data; structural, structural
--   destructive: loses column public.users.email (text) and its values
--   BLOCKED: destructive; plumb diff --allow-destructive writes it as a statement
--   ALTER TABLE public.users DROP COLUMN email;
