-- plain plan: 17 steps, 2 blocked, 1 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;
BEGIN;
-- step 1: drop constraint t2_bb_fkey on public.t2
--   lock ACCESS EXCLUSIVE on public.t2; blocked, prepare
--   BLOCKED: The constraint's definition changed under the same name.
--     Give the new definition a new name in the target schema: the new constraint is then added NOT VALID and validated before the old one is dropped. Or check the existing rows against the new definition and run the steps with --run-blocked.
--   ALTER TABLE public.t2 DROP CONSTRAINT t2_bb_fkey;
-- step 2: drop index public.t1_a_idx
--   lock ACCESS EXCLUSIVE on public.t1; convergence, prepare
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
DROP INDEX public.t1_a_idx;
-- step 3: drop constraint x on public.t2
--   lock ACCESS EXCLUSIVE on public.t2; convergence, prepare
ALTER TABLE public.t2 DROP CONSTRAINT x;
-- step 4: drop constraint t2_pkey on public.t2
--   lock ACCESS EXCLUSIVE on public.t2; convergence, prepare
ALTER TABLE public.t2 DROP CONSTRAINT t2_pkey;
-- step 5: drop constraint circles_dropexclude_c_excl on public.circles_dropexclude
--   lock ACCESS EXCLUSIVE on public.circles_dropexclude; convergence, prepare
ALTER TABLE public.circles_dropexclude DROP CONSTRAINT circles_dropexclude_c_excl;
-- step 6: drop column public.t2.price
--   lock ACCESS EXCLUSIVE on public.t2; drops_data; structural, structural
--   destructive: loses column public.t2.price (numeric) and its values
--   BLOCKED: destructive; plumb diff --allow-destructive writes it as a statement
--   ALTER TABLE public.t2 DROP COLUMN price;
-- step 7: set not null public.c.cc
--   lock ACCESS EXCLUSIVE on public.c; full_scan, blocks_writes, blocks_reads, may_fail_on_existing_rows; convergence, structural, not online
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
ALTER TABLE public.c ALTER COLUMN cc SET NOT NULL;
-- step 8: create table public.circles
--   no lock on existing tables; structural, structural
CREATE TABLE public.circles (
    c circle
);
-- step 9: add column public.t1.price
--   lock ACCESS EXCLUSIVE on public.t1; structural, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
ALTER TABLE public.t1 ADD COLUMN price numeric;
-- step 10: set not null public.t1.a
--   lock ACCESS EXCLUSIVE on public.t1; full_scan, blocks_writes, blocks_reads, may_fail_on_existing_rows; convergence, structural, not online
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
ALTER TABLE public.t1 ALTER COLUMN a SET NOT NULL;
-- step 11: drop not null public.t2.a
--   lock ACCESS EXCLUSIVE on public.t2; convergence, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
ALTER TABLE public.t2 ALTER COLUMN a DROP NOT NULL;
-- step 12: add key constraint c_pkey on public.c
--   lock ACCESS EXCLUSIVE on public.c; full_scan, blocks_writes, blocks_reads, may_fail_on_existing_rows; convergence, structural, not online
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
ALTER TABLE ONLY public.c ADD CONSTRAINT c_pkey PRIMARY KEY (cc) DEFERRABLE INITIALLY DEFERRED;
-- step 13: add key constraint circles_c_excl on public.circles
--   no lock on existing tables; convergence, structural
ALTER TABLE ONLY public.circles ADD CONSTRAINT circles_c_excl EXCLUDE USING gist (c WITH &&);
-- step 14: add key constraint t1_pkey on public.t1
--   lock ACCESS EXCLUSIVE on public.t1; full_scan, blocks_writes, blocks_reads, may_fail_on_existing_rows; convergence, structural, not online
ALTER TABLE ONLY public.t1 ADD CONSTRAINT t1_pkey PRIMARY KEY (a);
-- step 15: add constraint x on public.t1
--   lock ACCESS EXCLUSIVE on public.t1; full_scan, blocks_writes, blocks_reads, may_fail_on_existing_rows; convergence, structural, not online
ALTER TABLE public.t1 ADD CONSTRAINT x CHECK ((price > (0)::numeric));
-- step 16: create index public.t2_a_idx
--   lock SHARE on public.t2; full_scan, blocks_writes; convergence, structural, not online
CREATE UNIQUE INDEX t2_a_idx ON public.t2 USING btree (a);
-- step 17: add foreign key t2_bb_fkey on public.t2
--   lock SHARE ROW EXCLUSIVE on public.t2; full_scan, blocks_writes, may_fail_on_existing_rows; blocked, structural, not online
--   BLOCKED: The constraint's definition changed under the same name.
--     Give the new definition a new name in the target schema: the new constraint is then added NOT VALID and validated before the old one is dropped. Or check the existing rows against the new definition and run the steps with --run-blocked.
--   ALTER TABLE public.t2 ADD CONSTRAINT t2_bb_fkey FOREIGN KEY (bb) REFERENCES public.b(bb) DEFERRABLE INITIALLY DEFERRED;
COMMIT;
