-- plain plan: 1 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;
BEGIN;
-- step 1: add constraint code_check on public.code
--   lock ACCESS EXCLUSIVE on public.code; full_scan, blocks_writes, blocks_reads, may_fail_on_existing_rows; convergence, structural, not online
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
ALTER TABLE public.code ADD CONSTRAINT code_check CHECK (((code > 0) AND (code < 255)));
COMMIT;
