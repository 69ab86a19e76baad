-- Schema of database , written by Plumbline
SET check_function_bodies = false;
SET client_min_messages = warning;
SELECT pg_catalog.set_config('search_path', '', false);

CREATE SCHEMA IF NOT EXISTS app;

CREATE SCHEMA IF NOT EXISTS public;

COMMENT ON SCHEMA public IS 'standard public schema';

CREATE EXTENSION IF NOT EXISTS plpgsql WITH SCHEMA pg_catalog VERSION '1.0';

COMMENT ON EXTENSION plpgsql IS 'PL/pgSQL procedural language';

CREATE TYPE app.mood AS ENUM ('sad', 'happy');

CREATE TYPE app.pair AS (a integer, b text);

CREATE DOMAIN app.posint AS integer CONSTRAINT positive CHECK ((VALUE > 0));

CREATE OR REPLACE FUNCTION app.st(integer[], integer)
 RETURNS integer[]
 LANGUAGE sql
 IMMUTABLE
AS $function$SELECT $1 || $2$function$;

CREATE AGGREGATE app.collect(integer) (
    SFUNC = app.st,
    STYPE = integer[],
    INITCOND = '{}'
);

CREATE OR REPLACE FUNCTION app.touch()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$BEGIN RETURN NEW; END$function$;

CREATE TABLE app.t (
    id app.posint,
    m app.mood
);

CREATE MATERIALIZED VIEW app.mv AS
SELECT count(*) AS n
   FROM app.t
  WITH DATA;

CREATE VIEW app.v AS
SELECT id
   FROM app.t
  WHERE (m = 'happy'::app.mood);

CREATE OR REPLACE FUNCTION app.happy_count()
 RETURNS bigint
 LANGUAGE sql
 STABLE
BEGIN ATOMIC
 SELECT count(*) AS count
    FROM app.v;
END;

COMMENT ON FUNCTION app.happy_count() IS 'how many are happy';

CREATE TRIGGER t_touch BEFORE UPDATE ON app.t FOR EACH ROW EXECUTE FUNCTION app.touch();

ALTER TABLE app.t DISABLE TRIGGER t_touch;

