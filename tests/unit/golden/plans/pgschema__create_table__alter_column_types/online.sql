-- online plan: 38 steps, 0 blocked, 3 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: drop default public.user_pending_permissions.status
--   lock ACCESS EXCLUSIVE on public.user_pending_permissions; convergence, structural
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.user_pending_permissions ALTER COLUMN status DROP DEFAULT;

-- step 2: create public.action_type
--   no lock on existing tables; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE TYPE public.action_type AS ENUM ('pending', 'approved', 'rejected');

-- step 3: add column public.user_pending_permissions.id
--   lock ACCESS EXCLUSIVE on public.user_pending_permissions; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.user_pending_permissions ADD COLUMN id__plumb_new bigint;

-- step 4: create public.user_pending_permissions.id (after step 3)
--   no lock on existing tables; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE FUNCTION public.plumb_backfill_user_pending_permissions_id() RETURNS trigger LANGUAGE plpgsql AS $plumb$
BEGIN
    NEW.id__plumb_new := NEW.id::bigint;
    RETURN NEW;
END
$plumb$;

-- step 5: create trigger public.user_pending_permissions.id (after step 4)
--   lock SHARE ROW EXCLUSIVE on public.user_pending_permissions; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
CREATE TRIGGER plumb_backfill_id BEFORE INSERT OR UPDATE ON public.user_pending_permissions FOR EACH ROW EXECUTE FUNCTION public.plumb_backfill_user_pending_permissions_id();

-- step 6: backfill in batches public.user_pending_permissions.id (after step 5)
--   lock ROW EXCLUSIVE on public.user_pending_permissions; writes_every_row; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
DO $plumb$
DECLARE
    pages bigint := pg_catalog.pg_relation_size('public.user_pending_permissions'::regclass) / pg_catalog.current_setting('block_size')::bigint;
    first bigint := 0;
    done bigint;
BEGIN
    WHILE first <= pages LOOP
        UPDATE public.user_pending_permissions SET id__plumb_new = id::bigint
         WHERE ctid = ANY (ARRAY(SELECT ctid FROM public.user_pending_permissions
           WHERE ctid >= pg_catalog.format('(%s,0)', first)::tid
             AND ctid < pg_catalog.format('(%s,0)', first + 20)::tid
             AND id__plumb_new IS DISTINCT FROM id::bigint FOR UPDATE SKIP LOCKED));
        COMMIT;
        first := first + 20;
    END LOOP;
    LOOP
        UPDATE public.user_pending_permissions SET id__plumb_new = id::bigint
         WHERE ctid = ANY (ARRAY(SELECT ctid FROM public.user_pending_permissions WHERE id__plumb_new IS DISTINCT FROM id::bigint
           LIMIT 2000 FOR UPDATE SKIP LOCKED));
        GET DIAGNOSTICS done = ROW_COUNT;
        COMMIT;
        EXIT WHEN done = 0;
    END LOOP;
    UPDATE public.user_pending_permissions SET id__plumb_new = id::bigint WHERE id__plumb_new IS DISTINCT FROM id::bigint;
END
$plumb$;

-- step 7: add constraint not valid public.user_pending_permissions.id (after step 6)
--   lock ACCESS EXCLUSIVE on public.user_pending_permissions; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.user_pending_permissions ADD CONSTRAINT id__plumb_new_not_null CHECK (id__plumb_new IS NOT NULL) NOT VALID;

-- step 8: validate constraint public.user_pending_permissions.id (after step 7)
--   lock SHARE UPDATE EXCLUSIVE on public.user_pending_permissions; full_scan, may_fail_on_existing_rows; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE public.user_pending_permissions VALIDATE CONSTRAINT id__plumb_new_not_null;

-- step 9: drop trigger public.user_pending_permissions.id (after step 6, 8)
--   lock ACCESS EXCLUSIVE on public.user_pending_permissions; structural, structural
BEGIN;
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
DROP TRIGGER plumb_backfill_id ON public.user_pending_permissions;

-- step 10: drop column public.user_pending_permissions.id (after step 9)
--   lock ACCESS EXCLUSIVE on public.user_pending_permissions; structural, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
ALTER TABLE public.user_pending_permissions DROP COLUMN id;

-- step 11: rename column public.user_pending_permissions.id (after step 10)
--   lock ACCESS EXCLUSIVE on public.user_pending_permissions; structural, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
ALTER TABLE public.user_pending_permissions RENAME COLUMN id__plumb_new TO id;

-- step 12: set not null public.user_pending_permissions.id (after step 11)
--   lock ACCESS EXCLUSIVE on public.user_pending_permissions; structural, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
ALTER TABLE public.user_pending_permissions ALTER COLUMN id SET NOT NULL;

-- step 13: drop constraint public.user_pending_permissions.id (after step 12)
--   lock ACCESS EXCLUSIVE on public.user_pending_permissions; structural, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
ALTER TABLE public.user_pending_permissions DROP CONSTRAINT id__plumb_new_not_null;

-- step 14: drop public.user_pending_permissions.id (after step 13)
--   no lock on existing tables; structural, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
DROP FUNCTION public.plumb_backfill_user_pending_permissions_id();
COMMIT;

-- step 15: add column public.user_pending_permissions.user_id
--   lock ACCESS EXCLUSIVE on public.user_pending_permissions; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.user_pending_permissions ADD COLUMN user_id__plumb_new bigint;

-- step 16: create public.user_pending_permissions.user_id (after step 15)
--   no lock on existing tables; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE FUNCTION public.plumb_backfill_user_pending_permissions_user_id() RETURNS trigger LANGUAGE plpgsql AS $plumb$
BEGIN
    NEW.user_id__plumb_new := NEW.user_id::bigint;
    RETURN NEW;
END
$plumb$;

-- step 17: create trigger public.user_pending_permissions.user_id (after step 16)
--   lock SHARE ROW EXCLUSIVE on public.user_pending_permissions; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
CREATE TRIGGER plumb_backfill_user_id BEFORE INSERT OR UPDATE ON public.user_pending_permissions FOR EACH ROW EXECUTE FUNCTION public.plumb_backfill_user_pending_permissions_user_id();

-- step 18: backfill in batches public.user_pending_permissions.user_id (after step 17)
--   lock ROW EXCLUSIVE on public.user_pending_permissions; writes_every_row; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
DO $plumb$
DECLARE
    pages bigint := pg_catalog.pg_relation_size('public.user_pending_permissions'::regclass) / pg_catalog.current_setting('block_size')::bigint;
    first bigint := 0;
    done bigint;
BEGIN
    WHILE first <= pages LOOP
        UPDATE public.user_pending_permissions SET user_id__plumb_new = user_id::bigint
         WHERE ctid = ANY (ARRAY(SELECT ctid FROM public.user_pending_permissions
           WHERE ctid >= pg_catalog.format('(%s,0)', first)::tid
             AND ctid < pg_catalog.format('(%s,0)', first + 20)::tid
             AND user_id__plumb_new IS DISTINCT FROM user_id::bigint FOR UPDATE SKIP LOCKED));
        COMMIT;
        first := first + 20;
    END LOOP;
    LOOP
        UPDATE public.user_pending_permissions SET user_id__plumb_new = user_id::bigint
         WHERE ctid = ANY (ARRAY(SELECT ctid FROM public.user_pending_permissions WHERE user_id__plumb_new IS DISTINCT FROM user_id::bigint
           LIMIT 2000 FOR UPDATE SKIP LOCKED));
        GET DIAGNOSTICS done = ROW_COUNT;
        COMMIT;
        EXIT WHEN done = 0;
    END LOOP;
    UPDATE public.user_pending_permissions SET user_id__plumb_new = user_id::bigint WHERE user_id__plumb_new IS DISTINCT FROM user_id::bigint;
END
$plumb$;

-- step 19: add constraint not valid public.user_pending_permissions.user_id (after step 18)
--   lock ACCESS EXCLUSIVE on public.user_pending_permissions; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.user_pending_permissions ADD CONSTRAINT user_id__plumb_new_not_null CHECK (user_id__plumb_new IS NOT NULL) NOT VALID;

-- step 20: validate constraint public.user_pending_permissions.user_id (after step 19)
--   lock SHARE UPDATE EXCLUSIVE on public.user_pending_permissions; full_scan, may_fail_on_existing_rows; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE public.user_pending_permissions VALIDATE CONSTRAINT user_id__plumb_new_not_null;

-- step 21: drop trigger public.user_pending_permissions.user_id (after step 18, 20)
--   lock ACCESS EXCLUSIVE on public.user_pending_permissions; structural, structural
BEGIN;
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
DROP TRIGGER plumb_backfill_user_id ON public.user_pending_permissions;

-- step 22: drop column public.user_pending_permissions.user_id (after step 21)
--   lock ACCESS EXCLUSIVE on public.user_pending_permissions; structural, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
ALTER TABLE public.user_pending_permissions DROP COLUMN user_id;

-- step 23: rename column public.user_pending_permissions.user_id (after step 22)
--   lock ACCESS EXCLUSIVE on public.user_pending_permissions; structural, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
ALTER TABLE public.user_pending_permissions RENAME COLUMN user_id__plumb_new TO user_id;

-- step 24: set not null public.user_pending_permissions.user_id (after step 23)
--   lock ACCESS EXCLUSIVE on public.user_pending_permissions; structural, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
ALTER TABLE public.user_pending_permissions ALTER COLUMN user_id SET NOT NULL;

-- step 25: drop constraint public.user_pending_permissions.user_id (after step 24)
--   lock ACCESS EXCLUSIVE on public.user_pending_permissions; structural, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
ALTER TABLE public.user_pending_permissions DROP CONSTRAINT user_id__plumb_new_not_null;

-- step 26: drop public.user_pending_permissions.user_id (after step 25)
--   no lock on existing tables; structural, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
DROP FUNCTION public.plumb_backfill_user_pending_permissions_user_id();
COMMIT;

-- step 27: add column public.user_pending_permissions.object_ids_ints
--   lock ACCESS EXCLUSIVE on public.user_pending_permissions; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.user_pending_permissions ADD COLUMN object_ids_ints__plumb_new bigint[];

-- step 28: create public.user_pending_permissions.object_ids_ints (after step 27)
--   no lock on existing tables; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE FUNCTION public.plumb_backfill_user_pending_permissions_object_ids_ints() RETURNS trigger LANGUAGE plpgsql AS $plumb$
BEGIN
    NEW.object_ids_ints__plumb_new := NEW.object_ids_ints::bigint[];
    RETURN NEW;
END
$plumb$;

-- step 29: create trigger public.user_pending_permissions.object_ids_ints (after step 28)
--   lock SHARE ROW EXCLUSIVE on public.user_pending_permissions; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
CREATE TRIGGER plumb_backfill_object_ids_ints BEFORE INSERT OR UPDATE ON public.user_pending_permissions FOR EACH ROW EXECUTE FUNCTION public.plumb_backfill_user_pending_permissions_object_ids_ints();

-- step 30: backfill in batches public.user_pending_permissions.object_ids_ints (after step 29)
--   lock ROW EXCLUSIVE on public.user_pending_permissions; writes_every_row; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
DO $plumb$
DECLARE
    pages bigint := pg_catalog.pg_relation_size('public.user_pending_permissions'::regclass) / pg_catalog.current_setting('block_size')::bigint;
    first bigint := 0;
    done bigint;
BEGIN
    WHILE first <= pages LOOP
        UPDATE public.user_pending_permissions SET object_ids_ints__plumb_new = object_ids_ints::bigint[]
         WHERE ctid = ANY (ARRAY(SELECT ctid FROM public.user_pending_permissions
           WHERE ctid >= pg_catalog.format('(%s,0)', first)::tid
             AND ctid < pg_catalog.format('(%s,0)', first + 20)::tid
             AND object_ids_ints__plumb_new IS DISTINCT FROM object_ids_ints::bigint[] FOR UPDATE SKIP LOCKED));
        COMMIT;
        first := first + 20;
    END LOOP;
    LOOP
        UPDATE public.user_pending_permissions SET object_ids_ints__plumb_new = object_ids_ints::bigint[]
         WHERE ctid = ANY (ARRAY(SELECT ctid FROM public.user_pending_permissions WHERE object_ids_ints__plumb_new IS DISTINCT FROM object_ids_ints::bigint[]
           LIMIT 2000 FOR UPDATE SKIP LOCKED));
        GET DIAGNOSTICS done = ROW_COUNT;
        COMMIT;
        EXIT WHEN done = 0;
    END LOOP;
    UPDATE public.user_pending_permissions SET object_ids_ints__plumb_new = object_ids_ints::bigint[] WHERE object_ids_ints__plumb_new IS DISTINCT FROM object_ids_ints::bigint[];
END
$plumb$;

-- step 31: drop trigger public.user_pending_permissions.object_ids_ints (after step 30)
--   lock ACCESS EXCLUSIVE on public.user_pending_permissions; structural, structural
BEGIN;
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
DROP TRIGGER plumb_backfill_object_ids_ints ON public.user_pending_permissions;

-- step 32: drop column public.user_pending_permissions.object_ids_ints (after step 31)
--   lock ACCESS EXCLUSIVE on public.user_pending_permissions; structural, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
ALTER TABLE public.user_pending_permissions DROP COLUMN object_ids_ints;

-- step 33: rename column public.user_pending_permissions.object_ids_ints (after step 32)
--   lock ACCESS EXCLUSIVE on public.user_pending_permissions; structural, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
ALTER TABLE public.user_pending_permissions RENAME COLUMN object_ids_ints__plumb_new TO object_ids_ints;

-- step 34: drop public.user_pending_permissions.object_ids_ints (after step 33)
--   no lock on existing tables; structural, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
DROP FUNCTION public.plumb_backfill_user_pending_permissions_object_ids_ints();
COMMIT;

-- step 35: change column type public.user_pending_permissions.action
--   lock ACCESS EXCLUSIVE on public.user_pending_permissions; rewrites_table, full_scan, blocks_writes, blocks_reads, drops_data; structural, structural, not online
--   destructive: loses public.user_pending_permissions.action from text to public.action_type: values that public.action_type does not accept fail
--   BLOCKED: destructive; plumb diff --allow-destructive writes it as a statement
--   ALTER TABLE public.user_pending_permissions ALTER COLUMN action TYPE public.action_type USING action::text::public.action_type;

-- step 36: change column type public.user_pending_permissions.status
--   lock ACCESS EXCLUSIVE on public.user_pending_permissions; rewrites_table, full_scan, blocks_writes, blocks_reads, drops_data; structural, structural, not online
--   destructive: loses public.user_pending_permissions.status from text to public.action_type: values that public.action_type does not accept fail
--   BLOCKED: destructive; plumb diff --allow-destructive writes it as a statement
--   ALTER TABLE public.user_pending_permissions ALTER COLUMN status TYPE public.action_type USING status::text::public.action_type;

-- step 37: set default public.user_pending_permissions.status
--   lock ACCESS EXCLUSIVE on public.user_pending_permissions; convergence, structural
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.user_pending_permissions ALTER COLUMN status SET DEFAULT 'pending'::public.action_type;

-- step 38: change column type public.user_pending_permissions.tags
--   lock ACCESS EXCLUSIVE on public.user_pending_permissions; rewrites_table, full_scan, blocks_writes, blocks_reads, drops_data; structural, structural, not online
--   destructive: loses public.user_pending_permissions.tags from text[] to public.action_type[]: values that public.action_type[] does not accept fail
--   BLOCKED: destructive; plumb diff --allow-destructive writes it as a statement
--   ALTER TABLE public.user_pending_permissions ALTER COLUMN tags TYPE public.action_type[] USING tags::text::public.action_type[];
