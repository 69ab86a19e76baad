-- online plan: 3 steps, 3 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: drop constraint field4check on public.testtable
--   lock ACCESS EXCLUSIVE on public.testtable; blocked, prepare
--   BLOCKED: The constraint's definition changed under the same name.
--     Give the new definition a new name in the target schema: the new constraint is then added NOT VALID and validated before the old one is dropped. Or check the existing rows against the new definition and run the steps with --run-blocked.
--   ALTER TABLE public.testtable DROP CONSTRAINT field4check;

-- step 2: add constraint not valid field4check on public.testtable
--   lock ACCESS EXCLUSIVE on public.testtable; blocked, add_constraints
--   BLOCKED: The constraint's definition changed under the same name.
--     Give the new definition a new name in the target schema: the new constraint is then added NOT VALID and validated before the old one is dropped. Or check the existing rows against the new definition and run the steps with --run-blocked.
--   ALTER TABLE public.testtable ADD CONSTRAINT field4check CHECK ((field4 > (0.0)::double precision)) NOT VALID;

-- step 3: validate constraint field4check on public.testtable (after step 2)
--   lock SHARE UPDATE EXCLUSIVE on public.testtable; full_scan, may_fail_on_existing_rows; blocked, validate
--   BLOCKED: The constraint's definition changed under the same name.
--     Give the new definition a new name in the target schema: the new constraint is then added NOT VALID and validated before the old one is dropped. Or check the existing rows against the new definition and run the steps with --run-blocked.
--   ALTER TABLE public.testtable VALIDATE CONSTRAINT field4check;
