-- online plan: 1 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: create table public.logs
--   no lock on existing tables; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE TABLE public.logs (
    id bigint NOT NULL,
    created_at timestamp without time zone NOT NULL
) PARTITION BY RANGE (created_at);
