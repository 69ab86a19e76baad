-- plain plan: 7 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;
BEGIN;
-- step 1: create public.testtable2_id_seq
--   no lock on existing tables; structural, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
CREATE SEQUENCE public.testtable2_id_seq AS bigint START WITH 1 INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 CACHE 1 NO CYCLE;
-- step 2: create table public.testtable2
--   no lock on existing tables; structural, structural
CREATE TABLE public.testtable2 (
    id integer DEFAULT nextval('public.testtable2_id_seq'::regclass) NOT NULL,
    col1 boolean NOT NULL
);
-- step 3: create index public.testindex
--   lock SHARE on public.testtable; full_scan, blocks_writes; convergence, structural, not online
CREATE INDEX testindex ON public.testtable USING btree (field1);
-- step 4: create index public.testindex (after step 3)
--   lock SHARE on public.testtable; full_scan, blocks_writes; convergence, structural, not online
ALTER TABLE public.testtable CLUSTER ON testindex;
-- step 5: create index public.testtable2_col1
--   no lock on existing tables; convergence, structural
CREATE INDEX testtable2_col1 ON public.testtable2 USING btree (col1);
-- step 6: create index public.testtable2_col1 (after step 5)
--   no lock on existing tables; convergence, structural
ALTER TABLE public.testtable2 CLUSTER ON testtable2_col1;
-- step 7: create public.testtable2_id_seq
--   no lock on existing tables; structural, structural
ALTER SEQUENCE public.testtable2_id_seq OWNED BY public.testtable2.id;
COMMIT;
