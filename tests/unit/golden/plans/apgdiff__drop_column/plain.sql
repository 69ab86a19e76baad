-- plain plan: 1 steps, 0 blocked, 1 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;
BEGIN;
-- step 1: drop column public.testtable.field5
--   lock ACCESS EXCLUSIVE on public.testtable; drops_data; structural, structural
--   destructive: loses column public.testtable.field5 (boolean) and its values
--   BLOCKED: destructive; plumb diff --allow-destructive writes it as a statement
--   ALTER TABLE public.testtable DROP COLUMN field5;
COMMIT;
