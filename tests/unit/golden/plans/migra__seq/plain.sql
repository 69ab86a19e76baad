-- plain plan: 5 steps, 0 blocked, 1 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;
BEGIN;
-- step 1: alter sequence public.test_id_seq
--   lock SHARE ROW EXCLUSIVE on public.test_id_seq; structural, prepare
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
ALTER SEQUENCE public.test_id_seq OWNED BY NONE;
-- step 2: alter sequence public.test2_id_seq
--   lock SHARE ROW EXCLUSIVE on public.test2_id_seq; structural, prepare
ALTER SEQUENCE public.test2_id_seq AS integer MAXVALUE 2147483647;
-- step 3: alter sequence public.test_id_seq
--   lock SHARE ROW EXCLUSIVE on public.test_id_seq; structural, prepare
ALTER SEQUENCE public.test_id_seq AS bigint MAXVALUE 9223372036854775807;
-- step 4: alter sequence public.test2_id_seq
--   lock SHARE ROW EXCLUSIVE on public.test2_id_seq; structural, prepare
ALTER SEQUENCE public.test2_id_seq OWNED BY public.test2.id;
-- step 5: drop table public.unwanted
--   lock ACCESS EXCLUSIVE on public.unwanted; drops_data; structural, prepare
--   destructive: loses table public.unwanted and all its rows
--   BLOCKED: destructive; plumb diff --allow-destructive writes it as a statement
--   DROP TABLE public.unwanted;
COMMIT;
