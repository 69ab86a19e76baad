-- plain plan: 2 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;
BEGIN;
-- step 1: set default public.people.created_at
--   lock ACCESS EXCLUSIVE on public.people; convergence, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
ALTER TABLE public.people ALTER COLUMN created_at SET DEFAULT now();
-- step 2: set not null public.people.created_at
--   lock ACCESS EXCLUSIVE on public.people; full_scan, blocks_writes, blocks_reads, may_fail_on_existing_rows; convergence, structural, not online
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
ALTER TABLE public.people ALTER COLUMN created_at SET NOT NULL;
COMMIT;
