-- online plan: 4 steps, 0 blocked, 2 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: drop column public.demo_gencol.the_column2
--   lock ACCESS EXCLUSIVE on public.demo_gencol; drops_data; structural, prepare
--   destructive: loses column public.demo_gencol.the_column2 (text) and its values: it is added again as a generated column, its values computed from its expression
--   BLOCKED: destructive; plumb diff --allow-destructive writes it as a statement
--   ALTER TABLE public.demo_gencol DROP COLUMN the_column2;

-- step 2: drop generation expression public.demo_gencol.the_column
--   lock ACCESS EXCLUSIVE on public.demo_gencol; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.demo_gencol ALTER COLUMN the_column DROP EXPRESSION;

-- step 3: add column and fill it public.demo_gencol.the_column2
--   lock ACCESS EXCLUSIVE on public.demo_gencol; rewrites_table, full_scan, blocks_writes, blocks_reads; structural, prepare, not online
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE public.demo_gencol ADD COLUMN the_column2 text GENERATED ALWAYS AS ('the original generated value'::text) STORED;

-- step 4: drop table public.t
--   lock ACCESS EXCLUSIVE on public.t; drops_data; structural, prepare
--   destructive: loses table public.t and all its rows
--   BLOCKED: destructive; plumb diff --allow-destructive writes it as a statement
--   DROP TABLE public.t;
