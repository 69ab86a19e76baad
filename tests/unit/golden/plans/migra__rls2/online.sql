-- online plan: 7 steps, 0 blocked, 1 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: create public.example_id_seq
--   no lock on existing tables; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE SEQUENCE public.example_id_seq AS integer START WITH 1 INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 CACHE 1 NO CYCLE;

-- step 2: create table public.example
--   no lock on existing tables; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE TABLE public.example (
    id integer DEFAULT nextval('public.example_id_seq'::regclass) NOT NULL,
    name text NOT NULL
);

-- step 3: create table public.example (after step 2)
--   no lock on existing tables; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE public.example ENABLE ROW LEVEL SECURITY;

-- step 4: add key constraint example_pkey on public.example
--   no lock on existing tables; convergence, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE ONLY public.example ADD CONSTRAINT example_pkey PRIMARY KEY (id);

-- step 5: create public.example_id_seq
--   no lock on existing tables; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER SEQUENCE public.example_id_seq OWNED BY public.example.id;

-- step 6: create policy example_all on public.example
--   no lock on existing tables; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE POLICY example_all ON public.example AS PERMISSIVE FOR ALL TO PUBLIC USING (true);

-- step 7: drop table public.t
--   lock ACCESS EXCLUSIVE on public.t; drops_data; structural, prepare
--   destructive: loses table public.t and all its rows
--   BLOCKED: destructive; plumb diff --allow-destructive writes it as a statement
--   DROP TABLE public.t;
