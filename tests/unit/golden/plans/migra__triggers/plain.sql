-- plain plan: 4 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;
BEGIN;
-- step 1: drop trigger emp_stamp_drop on public.emp
--   lock ACCESS EXCLUSIVE on public.emp; structural, prepare
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
DROP TRIGGER emp_stamp_drop ON public.emp;
-- step 2: drop trigger emp_stamp on public.emp
--   lock ACCESS EXCLUSIVE on public.emp; structural, prepare
DROP TRIGGER emp_stamp ON public.emp;
-- step 3: create trigger emp_stamp on public.emp
--   lock SHARE ROW EXCLUSIVE on public.emp; structural, structural
CREATE TRIGGER emp_stamp BEFORE UPDATE ON public.emp FOR EACH ROW EXECUTE FUNCTION public.emp_stamp();
-- step 4: create trigger emp_stamp_create on public.emp
--   lock SHARE ROW EXCLUSIVE on public.emp; structural, structural
CREATE TRIGGER emp_stamp_create BEFORE INSERT OR UPDATE ON public.emp FOR EACH ROW EXECUTE FUNCTION public.emp_stamp();
COMMIT;
