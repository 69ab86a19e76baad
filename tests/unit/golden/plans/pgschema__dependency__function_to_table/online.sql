-- online plan: 5 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: create public.users_id_seq
--   no lock on existing tables; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE SEQUENCE public.users_id_seq AS integer START WITH 1 INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 CACHE 1 NO CYCLE;

-- step 2: create public.get_default_status()
--   no lock on existing tables; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE OR REPLACE FUNCTION public.get_default_status()
 RETURNS text
 LANGUAGE plpgsql
AS $function$
BEGIN
    RETURN 'active';
END;
$function$;

-- step 3: create table public.users
--   no lock on existing tables; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE TABLE public.users (
    id integer DEFAULT nextval('public.users_id_seq'::regclass) NOT NULL,
    name text NOT NULL,
    status text DEFAULT public.get_default_status()
);

-- step 4: add key constraint users_pkey on public.users
--   no lock on existing tables; convergence, structural
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE ONLY public.users ADD CONSTRAINT users_pkey PRIMARY KEY (id);

-- step 5: create public.users_id_seq
--   no lock on existing tables; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER SEQUENCE public.users_id_seq OWNED BY public.users.id;
