-- plain plan: 1 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;
BEGIN;
-- step 1: create table public.orders
--   no lock on existing tables; structural, structural
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
CREATE TABLE public.orders (
    id integer NOT NULL,
    order_date date NOT NULL,
    customer_id integer
) PARTITION BY RANGE (order_date);
COMMIT;
