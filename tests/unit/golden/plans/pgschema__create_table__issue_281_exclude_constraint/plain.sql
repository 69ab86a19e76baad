-- plain plan: 1 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;
BEGIN;
-- step 1: add key constraint excl_no_overlap on public.test_table
--   lock ACCESS EXCLUSIVE on public.test_table; full_scan, blocks_writes, blocks_reads, may_fail_on_existing_rows; convergence, structural, not online
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
ALTER TABLE ONLY public.test_table ADD CONSTRAINT excl_no_overlap EXCLUDE USING gist (range_col WITH &&);
COMMIT;
