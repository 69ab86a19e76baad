-- online plan: 11 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: drop default public.testtable.field3
--   lock ACCESS EXCLUSIVE on public.testtable; convergence, structural
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.testtable ALTER COLUMN field3 DROP DEFAULT;

-- step 2: add column public.testtable.field1
--   lock ACCESS EXCLUSIVE on public.testtable; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.testtable ADD COLUMN field1__plumb_new integer;

-- step 3: create public.testtable.field1 (after step 2)
--   no lock on existing tables; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE FUNCTION public.plumb_backfill_testtable_field1() RETURNS trigger LANGUAGE plpgsql AS $plumb$
BEGIN
    NEW.field1__plumb_new := NEW.field1::integer;
    RETURN NEW;
END
$plumb$;

-- step 4: create trigger public.testtable.field1 (after step 3)
--   lock SHARE ROW EXCLUSIVE on public.testtable; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
CREATE TRIGGER plumb_backfill_field1 BEFORE INSERT OR UPDATE ON public.testtable FOR EACH ROW EXECUTE FUNCTION public.plumb_backfill_testtable_field1();

-- step 5: backfill in batches public.testtable.field1 (after step 4)
--   lock ROW EXCLUSIVE on public.testtable; writes_every_row; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
DO $plumb$
DECLARE
    pages bigint := pg_catalog.pg_relation_size('public.testtable'::regclass) / pg_catalog.current_setting('block_size')::bigint;
    first bigint := 0;
    done bigint;
BEGIN
    WHILE first <= pages LOOP
        UPDATE public.testtable SET field1__plumb_new = field1::integer
         WHERE ctid = ANY (ARRAY(SELECT ctid FROM public.testtable
           WHERE ctid >= pg_catalog.format('(%s,0)', first)::tid
             AND ctid < pg_catalog.format('(%s,0)', first + 20)::tid
             AND field1__plumb_new IS DISTINCT FROM field1::integer FOR UPDATE SKIP LOCKED));
        COMMIT;
        first := first + 20;
    END LOOP;
    LOOP
        UPDATE public.testtable SET field1__plumb_new = field1::integer
         WHERE ctid = ANY (ARRAY(SELECT ctid FROM public.testtable WHERE field1__plumb_new IS DISTINCT FROM field1::integer
           LIMIT 2000 FOR UPDATE SKIP LOCKED));
        GET DIAGNOSTICS done = ROW_COUNT;
        COMMIT;
        EXIT WHEN done = 0;
    END LOOP;
    UPDATE public.testtable SET field1__plumb_new = field1::integer WHERE field1__plumb_new IS DISTINCT FROM field1::integer;
END
$plumb$;

-- step 6: drop trigger public.testtable.field1 (after step 5)
--   lock ACCESS EXCLUSIVE on public.testtable; structural, structural
BEGIN;
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
DROP TRIGGER plumb_backfill_field1 ON public.testtable;

-- step 7: drop column public.testtable.field1 (after step 6)
--   lock ACCESS EXCLUSIVE on public.testtable; structural, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
ALTER TABLE public.testtable DROP COLUMN field1;

-- step 8: rename column public.testtable.field1 (after step 7)
--   lock ACCESS EXCLUSIVE on public.testtable; structural, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
ALTER TABLE public.testtable RENAME COLUMN field1__plumb_new TO field1;

-- step 9: drop public.testtable.field1 (after step 8)
--   no lock on existing tables; structural, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
DROP FUNCTION public.plumb_backfill_testtable_field1();
COMMIT;

-- step 10: change column type in place public.testtable.field3
--   lock ACCESS EXCLUSIVE on public.testtable; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.testtable ALTER COLUMN field3 TYPE character varying(150) USING field3::character varying(150);

-- step 11: set default public.testtable.field3
--   lock ACCESS EXCLUSIVE on public.testtable; convergence, structural
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.testtable ALTER COLUMN field3 SET DEFAULT 'none'::character varying;
