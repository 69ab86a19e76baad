-- plain plan: 3 steps, 0 blocked, 1 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;
BEGIN;
-- step 1: drop trigger trigger_name on public.table2
--   lock ACCESS EXCLUSIVE on public.table2; structural, prepare
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
DROP TRIGGER trigger_name ON public.table2;
-- step 2: drop column public.table2.t
--   lock ACCESS EXCLUSIVE on public.table2; drops_data; structural, structural
--   destructive: loses column public.table2.t (text) and its values
--   BLOCKED: destructive; plumb diff --allow-destructive writes it as a statement
--   ALTER TABLE public.table2 DROP COLUMN t;
-- step 3: create trigger trigger_name on public.table2
--   lock SHARE ROW EXCLUSIVE on public.table2; structural, structural
CREATE TRIGGER trigger_name AFTER INSERT ON public.table2 FOR EACH ROW EXECUTE FUNCTION public.trigger_func();
COMMIT;
