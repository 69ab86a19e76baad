-- online plan: 2 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: add enum value public.e
--   no lock on existing tables; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TYPE public.e ADD VALUE 'd' AFTER 'c';

-- step 2: create table public.created_with_e
--   no lock on existing tables; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE TABLE public.created_with_e (
    id integer,
    category public.e
);
