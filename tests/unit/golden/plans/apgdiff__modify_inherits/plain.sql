-- plain plan: 10 steps, 0 blocked, 1 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;
BEGIN;
-- step 1: drop default public.testtable.id
--   lock ACCESS EXCLUSIVE on public.testtable; convergence, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
ALTER TABLE public.testtable ALTER COLUMN id DROP DEFAULT;
-- step 2: create public.parenttable2_id_seq
--   no lock on existing tables; structural, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
CREATE SEQUENCE public.parenttable2_id_seq AS bigint START WITH 1 INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 CACHE 1 NO CYCLE;
-- step 3: add column public.parenttable.field3
--   lock ACCESS EXCLUSIVE on public.parenttable; structural, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
ALTER TABLE public.parenttable ADD COLUMN field3 information_schema.cardinal_number;
-- step 4: create table public.parenttable2
--   no lock on existing tables; structural, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
CREATE TABLE public.parenttable2 (
    id bigint DEFAULT nextval('public.parenttable2_id_seq'::regclass) NOT NULL
);
-- step 5: set default public.testtable.id
--   lock ACCESS EXCLUSIVE on public.testtable; convergence, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
ALTER TABLE public.testtable ALTER COLUMN id SET DEFAULT nextval('public.parenttable2_id_seq'::regclass);
-- step 6: create public.parenttable2_id_seq
--   no lock on existing tables; structural, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
ALTER SEQUENCE public.parenttable2_id_seq OWNED BY public.parenttable2.id;
-- step 7: change inheritance public.testtable
--   lock ACCESS EXCLUSIVE on public.testtable; structural, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
ALTER TABLE public.testtable INHERIT public.parenttable2;
-- step 8: change inheritance public.testtable
--   lock ACCESS EXCLUSIVE on public.testtable; structural, structural
ALTER TABLE public.testtable NO INHERIT public.parenttable;
-- step 9: drop column public.testtable.field3
--   lock ACCESS EXCLUSIVE on public.testtable; structural, structural
ALTER TABLE public.testtable DROP COLUMN field3;
-- step 10: drop column public.parenttable.id
--   lock ACCESS EXCLUSIVE on public.parenttable; drops_data; structural, structural
--   destructive: loses column public.parenttable.id (bigint) and its values
--   BLOCKED: destructive; plumb diff --allow-destructive writes it as a statement
--   ALTER TABLE public.parenttable DROP COLUMN id;
COMMIT;
