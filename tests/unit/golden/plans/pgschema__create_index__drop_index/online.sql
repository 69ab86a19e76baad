-- online plan: 2 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: drop index public.idx_product_summary_price
--   lock ACCESS EXCLUSIVE on public.product_summary; convergence, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
DROP INDEX public.idx_product_summary_price;

-- step 2: drop index concurrently public.idx_products_category_price
--   lock SHARE UPDATE EXCLUSIVE on public.products; convergence, drop_indexes
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
DROP INDEX CONCURRENTLY IF EXISTS public.idx_products_category_price;
