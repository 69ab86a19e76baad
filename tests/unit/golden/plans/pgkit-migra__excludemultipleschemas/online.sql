-- online plan: 5 steps, 0 blocked, 2 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: create table schema2.z
--   no lock on existing tables; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE TABLE schema2.z (
    id uuid,
    value text
);

-- step 2: drop table excludedschema2.t
--   lock ACCESS EXCLUSIVE on excludedschema2.t; drops_data; structural, prepare
--   destructive: loses table excludedschema2.t and all its rows
--   BLOCKED: destructive; plumb diff --allow-destructive writes it as a statement
--   DROP TABLE excludedschema2.t;

-- step 3: drop table excludedschema1.t
--   lock ACCESS EXCLUSIVE on excludedschema1.t; drops_data; structural, prepare
--   destructive: loses table excludedschema1.t and all its rows
--   BLOCKED: destructive; plumb diff --allow-destructive writes it as a statement
--   DROP TABLE excludedschema1.t;

-- step 4: drop excludedschema2
--   no lock on existing tables; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
DROP SCHEMA excludedschema2;

-- step 5: drop excludedschema1
--   no lock on existing tables; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
DROP SCHEMA excludedschema1;
