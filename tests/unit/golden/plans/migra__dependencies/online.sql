-- online plan: 8 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: drop view public.ddd_unchanged
--   lock ACCESS EXCLUSIVE on public.ddd_unchanged; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
DROP VIEW public.ddd_unchanged;

-- step 2: drop view public.ddd_changed
--   lock ACCESS EXCLUSIVE on public.ddd_changed; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
DROP VIEW public.ddd_changed;

-- step 3: drop view public.ccc_view3
--   lock ACCESS EXCLUSIVE on public.ccc_view3; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
DROP VIEW public.ccc_view3;

-- step 4: drop view public.bbb_view2
--   lock ACCESS EXCLUSIVE on public.bbb_view2; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
DROP VIEW public.bbb_view2;

-- step 5: drop view public.aaa_view1
--   lock ACCESS EXCLUSIVE on public.aaa_view1; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
DROP VIEW public.aaa_view1;

-- step 6: replace view public.ddd_changed
--   lock ACCESS EXCLUSIVE on public.ddd_changed; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
CREATE VIEW public.ddd_changed AS
SELECT name,
    'x'::text AS x
   FROM public.basetable;

-- step 7: replace view public.ddd_unchanged
--   lock ACCESS EXCLUSIVE on public.ddd_unchanged; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
CREATE VIEW public.ddd_unchanged AS
SELECT name
   FROM public.ddd_changed;

-- step 8: drop public.depends_on_bbb_view2(text)
--   no lock on existing tables; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
DROP FUNCTION public.depends_on_bbb_view2(text);
