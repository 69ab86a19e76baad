-- online plan: 3 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: drop view public.expensive_products
--   lock ACCESS EXCLUSIVE on public.expensive_products; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
DROP VIEW public.expensive_products;

-- step 2: add column public.products.category
--   lock ACCESS EXCLUSIVE on public.products; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.products ADD COLUMN category text;

-- step 3: replace view public.expensive_products
--   lock ACCESS EXCLUSIVE on public.expensive_products; structural, structural
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
CREATE VIEW public.expensive_products AS
SELECT id,
    name,
    price,
    category
   FROM public.products
  WHERE (price > (100)::numeric);
