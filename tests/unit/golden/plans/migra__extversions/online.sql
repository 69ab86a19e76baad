-- online plan: 4 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: create citext
--   no lock on existing tables; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public VERSION '1.5';

-- step 2: create citext (after step 1)
--   no lock on existing tables; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
COMMENT ON EXTENSION citext IS 'data type for case-insensitive character strings';

-- step 3: alter pg_trgm
--   no lock on existing tables; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER EXTENSION pg_trgm UPDATE TO '1.4';

-- step 4: drop hstore
--   no lock on existing tables; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
DROP EXTENSION hstore;
