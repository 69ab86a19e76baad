-- plain plan: 2 steps, 2 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;
BEGIN;
-- step 1: drop constraint field4check on public.testtable
--   lock ACCESS EXCLUSIVE on public.testtable; blocked, prepare
--   BLOCKED: The constraint's definition changed under the same name.
--     Give the new definition a new name in the target schema: the new constraint is then added NOT VALID and validated before the old one is dropped. Or check the existing rows against the new definition and run the steps with --run-blocked.
--   ALTER TABLE public.testtable DROP CONSTRAINT field4check;
-- step 2: add constraint field4check on public.testtable
--   lock ACCESS EXCLUSIVE on public.testtable; full_scan, blocks_writes, blocks_reads, may_fail_on_existing_rows; blocked, structural, not online
--   BLOCKED: The constraint's definition changed under the same name.
--     Give the new definition a new name in the target schema: the new constraint is then added NOT VALID and validated before the old one is dropped. Or check the existing rows against the new definition and run the steps with --run-blocked.
--   ALTER TABLE public.testtable ADD CONSTRAINT field4check CHECK ((field4 > (0.0)::double precision));
COMMIT;
