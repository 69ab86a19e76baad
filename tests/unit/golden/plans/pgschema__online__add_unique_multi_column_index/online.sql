-- online plan: 1 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: build index concurrently public.idx_unique_email_org
--   lock SHARE UPDATE EXCLUSIVE on public.user_profiles; full_scan, invalid_index_on_failure, may_fail_on_existing_rows; convergence, create_indexes
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE UNIQUE INDEX CONCURRENTLY idx_unique_email_org ON public.user_profiles USING btree (email, organization_id) WHERE (deleted_at IS NULL);
