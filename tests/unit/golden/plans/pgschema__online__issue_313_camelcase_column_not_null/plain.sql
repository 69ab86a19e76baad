-- plain plan: 1 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;
BEGIN;
-- step 1: set not null public.Planning.offersValidUntil
--   lock ACCESS EXCLUSIVE on public.Planning; full_scan, blocks_writes, blocks_reads, may_fail_on_existing_rows; convergence, structural, not online
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
ALTER TABLE public."Planning" ALTER COLUMN "offersValidUntil" SET NOT NULL;
COMMIT;
