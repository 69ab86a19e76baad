-- plain plan: 3 steps, 0 blocked, 1 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;
BEGIN;
-- step 1: create table schema2.z
--   no lock on existing tables; structural, prepare
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
CREATE TABLE schema2.z (
    id uuid,
    value text
);
-- step 2: drop table excludedschema.t
--   lock ACCESS EXCLUSIVE on excludedschema.t; drops_data; structural, prepare
--   destructive: loses table excludedschema.t and all its rows
--   BLOCKED: destructive; plumb diff --allow-destructive writes it as a statement
--   DROP TABLE excludedschema.t;
-- step 3: drop excludedschema
--   no lock on existing tables; structural, prepare
DROP SCHEMA excludedschema;
COMMIT;
