-- online plan: 1 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: drop not null public.employees.name
--   lock ACCESS EXCLUSIVE on public.employees; convergence, drop_constraints
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.employees ALTER COLUMN name DROP NOT NULL;
