-- plain plan: 5 steps, 0 blocked, 1 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;
BEGIN;
-- step 1: drop view x.q
--   lock ACCESS EXCLUSIVE on x.q; structural, prepare
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
DROP VIEW x.q;
-- step 2: drop table x.data
--   lock ACCESS EXCLUSIVE on x.data; drops_data; structural, prepare
--   destructive: loses table x.data and all its rows
--   BLOCKED: destructive; plumb diff --allow-destructive writes it as a statement
--   DROP TABLE x.data;
-- step 3: create table x.t_data
--   no lock on existing tables; structural, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
CREATE TABLE x.t_data (
    id uuid,
    name text
);
-- step 4: create view x.data
--   no lock on existing tables; structural, structural
CREATE VIEW x.data AS
SELECT id,
    name
   FROM x.t_data;
-- step 5: replace view x.q
--   lock ACCESS EXCLUSIVE on x.q; structural, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
CREATE VIEW x.q AS
SELECT id,
    name
   FROM x.data;
COMMIT;
