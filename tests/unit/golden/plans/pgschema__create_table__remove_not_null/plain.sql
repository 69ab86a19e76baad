-- plain plan: 1 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;
BEGIN;
-- step 1: drop not null public.employees.name
--   lock ACCESS EXCLUSIVE on public.employees; convergence, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
ALTER TABLE public.employees ALTER COLUMN name DROP NOT NULL;
COMMIT;
