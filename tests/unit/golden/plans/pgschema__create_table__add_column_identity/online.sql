-- online plan: 1 steps, 0 blocked, 0 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: add column and fill it public.products.id
--   lock ACCESS EXCLUSIVE on public.products; rewrites_table, full_scan, blocks_writes, blocks_reads; structural, structural, not online
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE public.products ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY (SEQUENCE NAME public.products_id_seq START WITH 1 INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 CACHE 1 NO CYCLE) NOT NULL;
