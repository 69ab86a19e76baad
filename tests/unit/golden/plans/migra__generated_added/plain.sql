-- plain plan: 1 steps, 0 blocked, 1 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;
BEGIN;
-- step 1: drop table public.t
--   lock ACCESS EXCLUSIVE on public.t; drops_data; structural, prepare
--   destructive: loses table public.t and all its rows
--   BLOCKED: destructive; plumb diff --allow-destructive writes it as a statement
--   DROP TABLE public.t;
COMMIT;
