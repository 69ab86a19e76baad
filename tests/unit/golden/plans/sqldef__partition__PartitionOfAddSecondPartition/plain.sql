-- plain plan: 1 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;
BEGIN;
-- step 1: create partition public.logs_2024_02
--   no lock on existing tables; structural, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
CREATE TABLE public.logs_2024_02 PARTITION OF public.logs FOR VALUES FROM ('2024-02-01 00:00:00') TO ('2024-03-01 00:00:00');
COMMIT;
