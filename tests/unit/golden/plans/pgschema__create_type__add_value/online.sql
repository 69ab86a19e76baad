-- online plan: 1 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: create public.status
--   no lock on existing tables; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE TYPE public.status AS ENUM ('active', 'inactive', 'pending');
