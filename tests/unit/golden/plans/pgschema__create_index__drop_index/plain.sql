-- plain plan: 2 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;
BEGIN;
-- step 1: drop index public.idx_products_category_price
--   lock ACCESS EXCLUSIVE on public.products; convergence, prepare
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
DROP INDEX public.idx_products_category_price;
-- step 2: drop index public.idx_product_summary_price
--   lock ACCESS EXCLUSIVE on public.product_summary; convergence, prepare
DROP INDEX public.idx_product_summary_price;
COMMIT;
