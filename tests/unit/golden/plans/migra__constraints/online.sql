-- online plan: 24 steps, 2 blocked, 1 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: drop constraint t2_bb_fkey on public.t2
--   lock ACCESS EXCLUSIVE on public.t2; blocked, prepare
--   BLOCKED: The constraint's definition changed under the same name.
--     Give the new definition a new name in the target schema: the new constraint is then added NOT VALID and validated before the old one is dropped. Or check the existing rows against the new definition and run the steps with --run-blocked.
--   ALTER TABLE public.t2 DROP CONSTRAINT t2_bb_fkey;

-- step 2: drop constraint x on public.t2
--   lock ACCESS EXCLUSIVE on public.t2; convergence, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.t2 DROP CONSTRAINT x;

-- step 3: drop constraint t2_pkey on public.t2
--   lock ACCESS EXCLUSIVE on public.t2; convergence, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.t2 DROP CONSTRAINT t2_pkey;

-- step 4: drop column public.t2.price
--   lock ACCESS EXCLUSIVE on public.t2; drops_data; structural, structural
--   destructive: loses column public.t2.price (numeric) and its values
--   BLOCKED: destructive; plumb diff --allow-destructive writes it as a statement
--   ALTER TABLE public.t2 DROP COLUMN price;

-- step 5: create table public.circles
--   no lock on existing tables; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE TABLE public.circles (
    c circle
);

-- step 6: add column public.t1.price
--   lock ACCESS EXCLUSIVE on public.t1; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.t1 ADD COLUMN price numeric;

-- step 7: add key constraint circles_c_excl on public.circles
--   no lock on existing tables; convergence, structural
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE ONLY public.circles ADD CONSTRAINT circles_c_excl EXCLUDE USING gist (c WITH &&);

-- step 8: create index public.t2_a_idx
--   lock SHARE on public.t2; full_scan, blocks_writes; convergence, structural, not online
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE UNIQUE INDEX t2_a_idx ON public.t2 USING btree (a);

-- step 9: add foreign key t2_bb_fkey on public.t2
--   lock SHARE ROW EXCLUSIVE on public.t2; full_scan, blocks_writes, may_fail_on_existing_rows; blocked, structural, not online
--   BLOCKED: The constraint's definition changed under the same name.
--     Give the new definition a new name in the target schema: the new constraint is then added NOT VALID and validated before the old one is dropped. Or check the existing rows against the new definition and run the steps with --run-blocked.
--   ALTER TABLE public.t2 ADD CONSTRAINT t2_bb_fkey FOREIGN KEY (bb) REFERENCES public.b(bb) DEFERRABLE INITIALLY DEFERRED;

-- step 10: build index concurrently c_pkey on public.c
--   lock SHARE UPDATE EXCLUSIVE on public.c; full_scan, invalid_index_on_failure, may_fail_on_existing_rows; convergence, create_indexes
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE UNIQUE INDEX CONCURRENTLY c_pkey ON public.c USING btree (cc);

-- step 11: add constraint not valid cc_plumb_not_null on public.c
--   lock ACCESS EXCLUSIVE on public.c; convergence, add_constraints
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.c ADD CONSTRAINT cc_plumb_not_null CHECK (cc IS NOT NULL) NOT VALID;

-- step 12: add constraint not valid a_plumb_not_null on public.t1
--   lock ACCESS EXCLUSIVE on public.t1; convergence, add_constraints
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.t1 ADD CONSTRAINT a_plumb_not_null CHECK (a IS NOT NULL) NOT VALID;

-- step 13: add constraint not valid x on public.t1
--   lock ACCESS EXCLUSIVE on public.t1; convergence, add_constraints
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.t1 ADD CONSTRAINT x CHECK ((price > (0)::numeric)) NOT VALID;

-- step 14: validate constraint cc_plumb_not_null on public.c (after step 11)
--   lock SHARE UPDATE EXCLUSIVE on public.c; full_scan, may_fail_on_existing_rows; convergence, validate
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE public.c VALIDATE CONSTRAINT cc_plumb_not_null;

-- step 15: set not null public.c.cc (after step 14)
--   lock ACCESS EXCLUSIVE on public.c; convergence, validate
BEGIN;
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
ALTER TABLE public.c ALTER COLUMN cc SET NOT NULL;

-- step 16: drop constraint cc_plumb_not_null on public.c (after step 15)
--   lock ACCESS EXCLUSIVE on public.c; convergence, validate
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
ALTER TABLE public.c DROP CONSTRAINT cc_plumb_not_null;
COMMIT;

-- step 17: validate constraint a_plumb_not_null on public.t1 (after step 12)
--   lock SHARE UPDATE EXCLUSIVE on public.t1; full_scan, may_fail_on_existing_rows; convergence, validate
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE public.t1 VALIDATE CONSTRAINT a_plumb_not_null;

-- step 18: set not null public.t1.a (after step 17)
--   lock ACCESS EXCLUSIVE on public.t1; convergence, validate
BEGIN;
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
ALTER TABLE public.t1 ALTER COLUMN a SET NOT NULL;

-- step 19: drop constraint a_plumb_not_null on public.t1 (after step 18)
--   lock ACCESS EXCLUSIVE on public.t1; convergence, validate
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
ALTER TABLE public.t1 DROP CONSTRAINT a_plumb_not_null;
COMMIT;

-- step 20: add key constraint using index c_pkey on public.c (after step 10, 15)
--   lock ACCESS EXCLUSIVE on public.c; convergence, validate
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.c ADD CONSTRAINT c_pkey PRIMARY KEY USING INDEX c_pkey DEFERRABLE INITIALLY DEFERRED;

-- step 21: add key constraint using index t1_pkey on public.t1 (after step 18)
--   lock ACCESS EXCLUSIVE on public.t1; convergence, validate
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.t1 ADD CONSTRAINT t1_pkey PRIMARY KEY USING INDEX t1_a_idx;

-- step 22: validate constraint x on public.t1 (after step 13)
--   lock SHARE UPDATE EXCLUSIVE on public.t1; full_scan, may_fail_on_existing_rows; convergence, validate
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE public.t1 VALIDATE CONSTRAINT x;

-- step 23: drop constraint circles_dropexclude_c_excl on public.circles_dropexclude
--   lock ACCESS EXCLUSIVE on public.circles_dropexclude; convergence, drop_constraints
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.circles_dropexclude DROP CONSTRAINT circles_dropexclude_c_excl;

-- step 24: drop not null public.t2.a
--   lock ACCESS EXCLUSIVE on public.t2; convergence, drop_constraints
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.t2 ALTER COLUMN a DROP NOT NULL;
