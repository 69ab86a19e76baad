-- Schema of database , written by Plumbline
SET check_function_bodies = false;
SET client_min_messages = warning;
SELECT pg_catalog.set_config('search_path', '', false);

CREATE SCHEMA IF NOT EXISTS app;

CREATE SCHEMA IF NOT EXISTS public;

COMMENT ON SCHEMA public IS 'standard public schema';

CREATE EXTENSION IF NOT EXISTS plpgsql WITH SCHEMA pg_catalog VERSION '1.0';

COMMENT ON EXTENSION plpgsql IS 'PL/pgSQL procedural language';

CREATE OR REPLACE FUNCTION app.differ(integer, integer)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$SELECT $1 <> $2$function$;

CREATE OR REPLACE FUNCTION app.negate(numeric)
 RETURNS numeric
 LANGUAGE sql
 IMMUTABLE
AS $function$SELECT -$1$function$;

CREATE OR REPLACE FUNCTION app.same(integer, integer)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$SELECT $1 = $2$function$;

CREATE OPERATOR app.!== (
    FUNCTION = app.differ,
    LEFTARG = integer,
    RIGHTARG = integer,
    COMMUTATOR = OPERATOR(app.!==),
    NEGATOR = OPERATOR(app.===),
    RESTRICT = neqsel,
    JOIN = neqjoinsel
);

CREATE OPERATOR app.=== (
    FUNCTION = app.same,
    LEFTARG = integer,
    RIGHTARG = integer,
    COMMUTATOR = OPERATOR(app.===),
    NEGATOR = OPERATOR(app.!==),
    RESTRICT = eqsel,
    JOIN = eqjoinsel,
    HASHES,
    MERGES
);

COMMENT ON OPERATOR app.=== (integer, integer) IS 'same value';

CREATE OPERATOR app.~- (
    FUNCTION = app.negate,
    RIGHTARG = numeric
);

CREATE TABLE app.t (
    a integer
);

CREATE VIEW app.v AS
SELECT a,
    (OPERATOR(app.~-) (a)::numeric) AS negated
   FROM app.t;

ALTER TABLE app.t ADD CONSTRAINT a_not_zero CHECK ((a OPERATOR(app.!==) 0));

