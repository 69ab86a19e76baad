-- online plan: 1 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: drop view public.any_other_view
--   lock ACCESS EXCLUSIVE on public.any_other_view; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
DROP VIEW public.any_other_view;
