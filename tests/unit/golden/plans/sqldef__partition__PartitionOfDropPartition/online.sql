-- online plan: 1 steps, 0 blocked, 1 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: drop table public.logs_2024_02
--   lock ACCESS EXCLUSIVE on public.logs_2024_02; drops_data; structural, prepare
--   destructive: loses table public.logs_2024_02 and all its rows
--   BLOCKED: destructive; plumb diff --allow-destructive writes it as a statement
--   DROP TABLE public.logs_2024_02;
