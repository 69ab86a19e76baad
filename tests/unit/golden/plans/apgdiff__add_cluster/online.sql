-- online plan: 7 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: create public.testtable2_id_seq
--   no lock on existing tables; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE SEQUENCE public.testtable2_id_seq AS bigint START WITH 1 INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 CACHE 1 NO CYCLE;

-- step 2: create table public.testtable2
--   no lock on existing tables; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE TABLE public.testtable2 (
    id integer DEFAULT nextval('public.testtable2_id_seq'::regclass) NOT NULL,
    col1 boolean NOT NULL
);

-- step 3: create index public.testtable2_col1
--   no lock on existing tables; convergence, structural
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE INDEX testtable2_col1 ON public.testtable2 USING btree (col1);

-- step 4: create index public.testtable2_col1 (after step 3)
--   no lock on existing tables; convergence, structural
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE public.testtable2 CLUSTER ON testtable2_col1;

-- step 5: create public.testtable2_id_seq
--   no lock on existing tables; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER SEQUENCE public.testtable2_id_seq OWNED BY public.testtable2.id;

-- step 6: build index concurrently public.testindex
--   lock SHARE UPDATE EXCLUSIVE on public.testtable; full_scan, invalid_index_on_failure; convergence, create_indexes
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE INDEX CONCURRENTLY testindex ON public.testtable USING btree (field1);

-- step 7: set cluster index public.testindex (after step 6)
--   lock SHARE UPDATE EXCLUSIVE on public.testtable; convergence, create_indexes
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE public.testtable CLUSTER ON testindex;
