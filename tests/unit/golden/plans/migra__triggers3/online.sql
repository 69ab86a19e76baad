-- online plan: 4 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: drop view public.view_on_table
--   lock ACCESS EXCLUSIVE on public.view_on_table; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
DROP VIEW public.view_on_table;

-- step 2: add column public.my_table.some_date
--   lock ACCESS EXCLUSIVE on public.my_table; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.my_table ADD COLUMN some_date timestamp without time zone;

-- step 3: replace view public.view_on_table
--   lock ACCESS EXCLUSIVE on public.view_on_table; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
CREATE VIEW public.view_on_table AS
SELECT some_text,
    some_date,
    some_count
   FROM public.my_table;

-- step 4: create trigger trigger_on_view on public.view_on_table
--   lock SHARE ROW EXCLUSIVE on public.view_on_table; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
CREATE TRIGGER trigger_on_view INSTEAD OF INSERT ON public.view_on_table FOR EACH ROW EXECUTE FUNCTION public.my_function();
