-- online plan: 10 steps, 0 blocked, 1 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: detach partition public.measurement_y2006m03
--   lock ACCESS EXCLUSIVE on public.measurement_y2006m03; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.measurement DETACH PARTITION public.measurement_y2006m03;

-- step 2: drop table public.reg2partitioned
--   no lock on existing tables; drops_data; structural, prepare
--   destructive: loses table public.reg2partitioned is made again empty: its rows are lost
--   BLOCKED: destructive; plumb diff --allow-destructive writes it as a statement
--   DROP TABLE public.reg2partitioned;

-- step 3: set aside public.partitioned2reg
--   lock ACCESS EXCLUSIVE on public.partitioned2reg; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.partitioned2reg RENAME TO plumb_old_d614c5e61e99;

-- step 4: add column public.measurement.extra
--   lock ACCESS EXCLUSIVE on public.measurement; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.measurement ADD COLUMN extra text;

-- step 5: create partition public.measurement_y2005m02
--   no lock on existing tables; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE TABLE public.measurement_y2005m02 PARTITION OF public.measurement FOR VALUES FROM ('2005-02-01') TO ('2005-03-01');

-- step 6: create table public.partitioned2reg
--   no lock on existing tables; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE TABLE public.partitioned2reg (
    city_id integer NOT NULL,
    logdate date NOT NULL,
    peaktemp integer,
    unitsales integer
);

-- step 7: copy the rows back into public.partitioned2reg
--   lock ROW EXCLUSIVE on public.partitioned2reg; rewrites_table, full_scan, blocks_writes, blocks_reads; structural, structural, not online
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
INSERT INTO public.partitioned2reg (city_id, logdate, peaktemp, unitsales) SELECT city_id, logdate, peaktemp, unitsales FROM public.plumb_old_d614c5e61e99;

-- step 8: drop the set-aside copy of public.partitioned2reg (after step 7)
--   lock ACCESS EXCLUSIVE on public.partitioned2reg; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
DROP TABLE public.plumb_old_d614c5e61e99;

-- step 9: create table public.reg2partitioned
--   no lock on existing tables; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE TABLE public.reg2partitioned (
    city_id integer NOT NULL,
    logdate date NOT NULL,
    peaktemp integer,
    unitsales integer
) PARTITION BY RANGE (logdate);

-- step 10: drop index concurrently public.measurement_y2006m02_logdate_idx
--   lock SHARE UPDATE EXCLUSIVE on public.measurement_y2006m02; convergence, drop_indexes
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
DROP INDEX CONCURRENTLY IF EXISTS public.measurement_y2006m02_logdate_idx;
