-- plain plan: 3 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;
BEGIN;
-- step 1: add column public.t.c
--   lock ACCESS EXCLUSIVE on public.t; structural, prepare
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
ALTER TABLE public.t ADD COLUMN c text COLLATE public."numeric";
-- step 2: change column type in place public.t.b
--   lock ACCESS EXCLUSIVE on public.t; structural, prepare
ALTER TABLE public.t ALTER COLUMN b TYPE text COLLATE public."numeric" USING b::text;
-- step 3: drop public.posix
--   no lock on existing tables; structural, prepare
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
DROP COLLATION public.posix;
COMMIT;
