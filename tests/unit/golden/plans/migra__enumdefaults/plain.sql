-- plain plan: 2 steps, 0 blocked, 1 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;
-- step 1: add enum value public.order_status
--   no lock on existing tables; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TYPE public.order_status ADD VALUE 'rejected' AFTER 'complete';
BEGIN;
-- step 2: change column type public.orders.othercolumn
--   lock ACCESS EXCLUSIVE on public.orders; rewrites_table, full_scan, blocks_writes, blocks_reads, drops_data; structural, structural, not online
--   destructive: loses public.orders.othercolumn from other.otherenum1 to other.otherenum2: values that other.otherenum2 does not accept fail
--   BLOCKED: destructive; plumb diff --allow-destructive writes it as a statement
--   ALTER TABLE public.orders ALTER COLUMN othercolumn TYPE other.otherenum2 USING othercolumn::text::other.otherenum2;
COMMIT;
