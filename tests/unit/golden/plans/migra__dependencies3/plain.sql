-- plain plan: 5 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;
BEGIN;
-- step 1: drop view public.switcharoo
--   lock ACCESS EXCLUSIVE on public.switcharoo; structural, prepare
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
DROP VIEW public.switcharoo;
-- step 2: drop view public.strange_view(what)
--   lock ACCESS EXCLUSIVE on public.strange_view(what); structural, prepare
DROP VIEW public."strange_view(what)";
-- step 3: add column public.t.b
--   lock ACCESS EXCLUSIVE on public.t; structural, structural
ALTER TABLE public.t ADD COLUMN b integer;
-- step 4: replace view public.strange_view(what)
--   lock ACCESS EXCLUSIVE on public.strange_view(what); structural, structural
CREATE VIEW public."strange_view(what)" AS
SELECT ((id)::integer * 2) AS a
   FROM public."strange_name(((yo?)))";
-- step 5: create materialized view public.switcharoo
--   no lock on existing tables; structural, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
CREATE MATERIALIZED VIEW public.switcharoo AS
SELECT 1 AS a
  WITH DATA;
COMMIT;
