-- plain plan: 1 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;
BEGIN;
-- step 1: create index public.idx_unique_email_org
--   lock SHARE on public.user_profiles; full_scan, blocks_writes; convergence, structural, not online
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
CREATE UNIQUE INDEX idx_unique_email_org ON public.user_profiles USING btree (email, organization_id) WHERE (deleted_at IS NULL);
COMMIT;
