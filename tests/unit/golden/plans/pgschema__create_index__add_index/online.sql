-- online plan: 6 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: create table public.users
--   no lock on existing tables; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE TABLE public.users (
    id integer NOT NULL,
    email character varying(255) NOT NULL,
    name character varying(100)
);

-- step 2: add key constraint users_pkey on public.users
--   no lock on existing tables; convergence, structural
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE ONLY public.users ADD CONSTRAINT users_pkey PRIMARY KEY (id);

-- step 3: create index public.idx_users_email
--   no lock on existing tables; convergence, structural
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE INDEX idx_users_email ON public.users USING btree (email varchar_pattern_ops);

-- step 4: create index public.idx_users_id
--   no lock on existing tables; convergence, structural
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE INDEX idx_users_id ON public.users USING btree (id);

-- step 5: create index public.idx_users_name
--   no lock on existing tables; convergence, structural
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE INDEX idx_users_name ON public.users USING btree (name);

-- step 6: create index public.public.idx_users
--   no lock on existing tables; convergence, structural
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE INDEX "public.idx_users" ON public.users USING btree (email, name);
