-- plain plan: 9 steps, 0 blocked, 3 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;
BEGIN;
-- step 1: drop default public.user_pending_permissions.status
--   lock ACCESS EXCLUSIVE on public.user_pending_permissions; convergence, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
ALTER TABLE public.user_pending_permissions ALTER COLUMN status DROP DEFAULT;
-- step 2: create public.action_type
--   no lock on existing tables; structural, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
CREATE TYPE public.action_type AS ENUM ('pending', 'approved', 'rejected');
-- step 3: change column type public.user_pending_permissions.id
--   lock ACCESS EXCLUSIVE on public.user_pending_permissions; rewrites_table, full_scan, blocks_writes, blocks_reads; structural, structural, not online
ALTER TABLE public.user_pending_permissions ALTER COLUMN id TYPE bigint USING id::bigint;
-- step 4: change column type public.user_pending_permissions.user_id
--   lock ACCESS EXCLUSIVE on public.user_pending_permissions; rewrites_table, full_scan, blocks_writes, blocks_reads; structural, structural, not online
ALTER TABLE public.user_pending_permissions ALTER COLUMN user_id TYPE bigint USING user_id::bigint;
-- step 5: change column type public.user_pending_permissions.object_ids_ints
--   lock ACCESS EXCLUSIVE on public.user_pending_permissions; rewrites_table, full_scan, blocks_writes, blocks_reads; structural, structural, not online
ALTER TABLE public.user_pending_permissions ALTER COLUMN object_ids_ints TYPE bigint[] USING object_ids_ints::bigint[];
-- step 6: change column type public.user_pending_permissions.action
--   lock ACCESS EXCLUSIVE on public.user_pending_permissions; rewrites_table, full_scan, blocks_writes, blocks_reads, drops_data; structural, structural, not online
--   destructive: loses public.user_pending_permissions.action from text to public.action_type: values that public.action_type does not accept fail
--   BLOCKED: destructive; plumb diff --allow-destructive writes it as a statement
--   ALTER TABLE public.user_pending_permissions ALTER COLUMN action TYPE public.action_type USING action::text::public.action_type;
-- step 7: change column type public.user_pending_permissions.status
--   lock ACCESS EXCLUSIVE on public.user_pending_permissions; rewrites_table, full_scan, blocks_writes, blocks_reads, drops_data; structural, structural, not online
--   destructive: loses public.user_pending_permissions.status from text to public.action_type: values that public.action_type does not accept fail
--   BLOCKED: destructive; plumb diff --allow-destructive writes it as a statement
--   ALTER TABLE public.user_pending_permissions ALTER COLUMN status TYPE public.action_type USING status::text::public.action_type;
-- step 8: set default public.user_pending_permissions.status
--   lock ACCESS EXCLUSIVE on public.user_pending_permissions; convergence, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
ALTER TABLE public.user_pending_permissions ALTER COLUMN status SET DEFAULT 'pending'::public.action_type;
-- step 9: change column type public.user_pending_permissions.tags
--   lock ACCESS EXCLUSIVE on public.user_pending_permissions; rewrites_table, full_scan, blocks_writes, blocks_reads, drops_data; structural, structural, not online
--   destructive: loses public.user_pending_permissions.tags from text[] to public.action_type[]: values that public.action_type[] does not accept fail
--   BLOCKED: destructive; plumb diff --allow-destructive writes it as a statement
--   ALTER TABLE public.user_pending_permissions ALTER COLUMN tags TYPE public.action_type[] USING tags::text::public.action_type[];
COMMIT;
