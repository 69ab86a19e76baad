-- online plan: 6 steps, 0 blocked, 1 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: create table public.t
--   no lock on existing tables; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE TABLE public.t (
    id integer NOT NULL,
    a text,
    b integer
);

-- step 2: add key constraint t_pkey on public.t
--   no lock on existing tables; convergence, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE ONLY public.t ADD CONSTRAINT t_pkey PRIMARY KEY (id);

-- step 3: create view public.v
--   no lock on existing tables; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE VIEW public.v AS
SELECT id,
    a,
    max(b) AS max
   FROM public.t
  GROUP BY id;

-- step 4: create materialized view public.mv
--   no lock on existing tables; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE MATERIALIZED VIEW public.mv AS
SELECT id
   FROM public.v
  WITH DATA;

-- step 5: create index public.mv_id_idx
--   lock SHARE on public.mv; full_scan, blocks_writes; convergence, prepare, not online
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE UNIQUE INDEX mv_id_idx ON public.mv USING btree (id);

-- step 6: drop table public.t2
--   lock ACCESS EXCLUSIVE on public.t2; drops_data; structural, prepare
--   destructive: loses table public.t2 and all its rows
--   BLOCKED: destructive; plumb diff --allow-destructive writes it as a statement
--   DROP TABLE public.t2;
