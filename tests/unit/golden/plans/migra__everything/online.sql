-- online plan: 67 steps, 2 blocked, 5 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;

-- step 1: drop constraint products_zz_fkey on public.products
--   lock ACCESS EXCLUSIVE on public.products; convergence, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.products DROP CONSTRAINT products_zz_fkey;

-- step 2: drop constraint products_z_fkey on public.products
--   lock ACCESS EXCLUSIVE on public.products; convergence, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.products DROP CONSTRAINT products_z_fkey;

-- step 3: drop index public.products_x_idx
--   lock ACCESS EXCLUSIVE on public.products; convergence, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
DROP INDEX public.products_x_idx;

-- step 4: drop index public.products_price_idx
--   lock ACCESS EXCLUSIVE on public.products; convergence, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
DROP INDEX public.products_price_idx;

-- step 5: drop index public.orders_order_id_idx
--   lock ACCESS EXCLUSIVE on public.orders; convergence, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
DROP INDEX public.orders_order_id_idx;

-- step 6: drop constraint x on public.products
--   lock ACCESS EXCLUSIVE on public.products; blocked, prepare
--   BLOCKED: The constraint's definition changed under the same name.
--     Give the new definition a new name in the target schema: the new constraint is then added NOT VALID and validated before the old one is dropped. Or check the existing rows against the new definition and run the steps with --run-blocked.
--   ALTER TABLE public.products DROP CONSTRAINT x;

-- step 7: drop constraint products_x_key on public.products
--   lock ACCESS EXCLUSIVE on public.products; convergence, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.products DROP CONSTRAINT products_x_key;

-- step 8: drop constraint products_name_key on public.products
--   lock ACCESS EXCLUSIVE on public.products; convergence, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.products DROP CONSTRAINT products_name_key;

-- step 9: drop view public.vvv
--   lock ACCESS EXCLUSIVE on public.vvv; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
DROP VIEW public.vvv;

-- step 10: drop view public.matvvv
--   lock ACCESS EXCLUSIVE on public.matvvv; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
DROP MATERIALIZED VIEW public.matvvv;

-- step 11: drop default public.orders.order_id
--   lock ACCESS EXCLUSIVE on public.orders; convergence, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.orders ALTER COLUMN order_id DROP DEFAULT;

-- step 12: drop default public.products.x
--   lock ACCESS EXCLUSIVE on public.products; convergence, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.products ALTER COLUMN x DROP DEFAULT;

-- step 13: drop column public.products.oldcolumn
--   lock ACCESS EXCLUSIVE on public.products; drops_data; structural, prepare
--   destructive: loses column public.products.oldcolumn (text) and its values
--   BLOCKED: destructive; plumb diff --allow-destructive writes it as a statement
--   ALTER TABLE public.products DROP COLUMN oldcolumn;

-- step 14: drop column public.products.z
--   lock ACCESS EXCLUSIVE on public.products; drops_data; structural, prepare
--   destructive: loses column public.products.z (integer) and its values
--   BLOCKED: destructive; plumb diff --allow-destructive writes it as a statement
--   ALTER TABLE public.products DROP COLUMN z;

-- step 15: drop column public.products.zz
--   lock ACCESS EXCLUSIVE on public.products; drops_data; structural, prepare
--   destructive: loses column public.products.zz (integer) and its values
--   BLOCKED: destructive; plumb diff --allow-destructive writes it as a statement
--   ALTER TABLE public.products DROP COLUMN zz;

-- step 16: create evenbetterschema
--   no lock on existing tables; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE SCHEMA IF NOT EXISTS evenbetterschema;

-- step 17: create citext
--   no lock on existing tables; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public VERSION '1.6';

-- step 18: create citext (after step 17)
--   no lock on existing tables; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
COMMENT ON EXTENSION citext IS 'data type for case-insensitive character strings';

-- step 19: create hstore
--   no lock on existing tables; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE EXTENSION IF NOT EXISTS hstore WITH SCHEMA public VERSION '1.8';

-- step 20: create hstore (after step 19)
--   no lock on existing tables; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
COMMENT ON EXTENSION hstore IS 'data type for storing sets of (key, value) pairs';

-- step 21: create public.bug_status
--   no lock on existing tables; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE TYPE public.bug_status AS ENUM ('new', 'open', 'closed');

-- step 22: add enum value public.shipping_status
--   no lock on existing tables; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TYPE public.shipping_status ADD VALUE 'delivered' AFTER 'shipped';

-- step 23: add enum value public.unused_enum
--   no lock on existing tables; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TYPE public.unused_enum ADD VALUE 'c' AFTER 'b';

-- step 24: create public.bug_id_seq
--   no lock on existing tables; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE SEQUENCE public.bug_id_seq AS integer START WITH 1 INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 CACHE 1 NO CYCLE;

-- step 25: create public.products_product_no_seq
--   no lock on existing tables; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE SEQUENCE public.products_product_no_seq AS integer START WITH 1 INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 CACHE 1 NO CYCLE;

-- step 26: alter public.changed(integer, text[])
--   no lock on existing tables; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE OR REPLACE FUNCTION public.changed(i integer, t text[])
 RETURNS TABLE(a text, c integer)
 LANGUAGE plpgsql
 STRICT SECURITY DEFINER
AS $function$
 declare
        BEGIN
                select 'no', 1;
        END;

$function$;

-- step 27: create public.newfunc(integer, text[])
--   no lock on existing tables; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE OR REPLACE FUNCTION public.newfunc(i integer, t text[])
 RETURNS TABLE(a text, c integer)
 LANGUAGE plpgsql
 STABLE STRICT
AS $function$
 declare
        BEGIN
                select 'no', 1;
        END;

$function$;

-- step 28: create table public.bug
--   no lock on existing tables; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE TABLE public.bug (
    id integer DEFAULT nextval('public.bug_id_seq'::regclass) NOT NULL,
    description text,
    status text
);

-- step 29: change logging public.change_to_logged
--   lock ACCESS EXCLUSIVE on public.change_to_logged; rewrites_table, full_scan, blocks_writes, blocks_reads; structural, prepare, not online
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE public.change_to_logged SET LOGGED;

-- step 30: change logging public.change_to_unlogged
--   lock ACCESS EXCLUSIVE on public.change_to_unlogged; rewrites_table, full_scan, blocks_writes, blocks_reads; structural, prepare, not online
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE public.change_to_unlogged SET UNLOGGED;

-- step 31: create table public.columnless_table2
--   no lock on existing tables; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE TABLE public.columnless_table2 (

);

-- step 32: create table public.order_items
--   no lock on existing tables; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE TABLE public.order_items (
    product_no integer NOT NULL,
    order_id integer NOT NULL,
    quantity integer
);

-- step 33: add column public.orders.h
--   lock ACCESS EXCLUSIVE on public.orders; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.orders ADD COLUMN h public.hstore;

-- step 34: add column public.orders.status2
--   lock ACCESS EXCLUSIVE on public.orders; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.orders ADD COLUMN status2__plumb_new text;

-- step 35: create public.orders.status2 (after step 34)
--   no lock on existing tables; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE FUNCTION public.plumb_backfill_orders_status2() RETURNS trigger LANGUAGE plpgsql AS $plumb$
BEGIN
    NEW.status2__plumb_new := NEW.status2::text::text;
    RETURN NEW;
END
$plumb$;

-- step 36: create trigger public.orders.status2 (after step 35)
--   lock SHARE ROW EXCLUSIVE on public.orders; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
CREATE TRIGGER plumb_backfill_status2 BEFORE INSERT OR UPDATE ON public.orders FOR EACH ROW EXECUTE FUNCTION public.plumb_backfill_orders_status2();

-- step 37: backfill in batches public.orders.status2 (after step 36)
--   lock ROW EXCLUSIVE on public.orders; writes_every_row; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
DO $plumb$
DECLARE
    pages bigint := pg_catalog.pg_relation_size('public.orders'::regclass) / pg_catalog.current_setting('block_size')::bigint;
    first bigint := 0;
    done bigint;
BEGIN
    WHILE first <= pages LOOP
        UPDATE public.orders SET status2__plumb_new = status2::text::text
         WHERE ctid = ANY (ARRAY(SELECT ctid FROM public.orders
           WHERE ctid >= pg_catalog.format('(%s,0)', first)::tid
             AND ctid < pg_catalog.format('(%s,0)', first + 20)::tid
             AND status2__plumb_new IS DISTINCT FROM status2::text::text FOR UPDATE SKIP LOCKED));
        COMMIT;
        first := first + 20;
    END LOOP;
    LOOP
        UPDATE public.orders SET status2__plumb_new = status2::text::text
         WHERE ctid = ANY (ARRAY(SELECT ctid FROM public.orders WHERE status2__plumb_new IS DISTINCT FROM status2::text::text
           LIMIT 2000 FOR UPDATE SKIP LOCKED));
        GET DIAGNOSTICS done = ROW_COUNT;
        COMMIT;
        EXIT WHEN done = 0;
    END LOOP;
    UPDATE public.orders SET status2__plumb_new = status2::text::text WHERE status2__plumb_new IS DISTINCT FROM status2::text::text;
END
$plumb$;

-- step 38: drop trigger public.orders.status2 (after step 37)
--   lock ACCESS EXCLUSIVE on public.orders; structural, prepare
BEGIN;
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
DROP TRIGGER plumb_backfill_status2 ON public.orders;

-- step 39: drop column public.orders.status2 (after step 38)
--   lock ACCESS EXCLUSIVE on public.orders; structural, prepare
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
ALTER TABLE public.orders DROP COLUMN status2;

-- step 40: rename column public.orders.status2 (after step 39)
--   lock ACCESS EXCLUSIVE on public.orders; structural, prepare
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = '6000ms';
ALTER TABLE public.orders RENAME COLUMN status2__plumb_new TO status2;

-- step 41: drop public.orders.status2 (after step 40)
--   no lock on existing tables; structural, prepare
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
DROP FUNCTION public.plumb_backfill_orders_status2();
COMMIT;

-- step 42: add column public.products.newcolumn
--   lock ACCESS EXCLUSIVE on public.products; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.products ADD COLUMN newcolumn text;

-- step 43: add column public.products.newcolumn2
--   lock ACCESS EXCLUSIVE on public.products; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.products ADD COLUMN newcolumn2 interval;

-- step 44: set default public.products.product_no
--   lock ACCESS EXCLUSIVE on public.products; convergence, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.products ALTER COLUMN product_no SET DEFAULT nextval('public.products_product_no_seq'::regclass);

-- step 45: set not null public.products.product_no
--   lock ACCESS EXCLUSIVE on public.products; full_scan, blocks_writes, blocks_reads, may_fail_on_existing_rows; convergence, prepare, not online
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE public.products ALTER COLUMN product_no SET NOT NULL;

-- step 46: change column type in place public.products.name
--   lock ACCESS EXCLUSIVE on public.products; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.products ALTER COLUMN name TYPE text USING name::text;

-- step 47: set default public.products.price
--   lock ACCESS EXCLUSIVE on public.products; convergence, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.products ALTER COLUMN price SET DEFAULT 100;

-- step 48: set not null public.products.price
--   lock ACCESS EXCLUSIVE on public.products; full_scan, blocks_writes, blocks_reads, may_fail_on_existing_rows; convergence, prepare, not online
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE public.products ALTER COLUMN price SET NOT NULL;

-- step 49: create materialized view public.matvvv
--   no lock on existing tables; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE MATERIALIZED VIEW public.matvvv AS
SELECT 2 AS a
  WITH DATA;

-- step 50: replace view public.vvv
--   lock ACCESS EXCLUSIVE on public.vvv; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
CREATE VIEW public.vvv AS
SELECT 2 AS a;

-- step 51: add key constraint order_items_pkey on public.order_items
--   no lock on existing tables; convergence, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE ONLY public.order_items ADD CONSTRAINT order_items_pkey PRIMARY KEY (product_no, order_id);

-- step 52: add key constraint products_pkey on public.products
--   lock ACCESS EXCLUSIVE on public.products; full_scan, blocks_writes, blocks_reads, may_fail_on_existing_rows; convergence, prepare, not online
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE ONLY public.products ADD CONSTRAINT products_pkey PRIMARY KEY (product_no);

-- step 53: add constraint x on public.products
--   lock ACCESS EXCLUSIVE on public.products; full_scan, blocks_writes, blocks_reads, may_fail_on_existing_rows; blocked, prepare, not online
--   BLOCKED: The constraint's definition changed under the same name.
--     Give the new definition a new name in the target schema: the new constraint is then added NOT VALID and validated before the old one is dropped. Or check the existing rows against the new definition and run the steps with --run-blocked.
--   ALTER TABLE public.products ADD CONSTRAINT x CHECK ((price > (10)::numeric));

-- step 54: add constraint y on public.products
--   lock ACCESS EXCLUSIVE on public.products; full_scan, blocks_writes, blocks_reads, may_fail_on_existing_rows; convergence, prepare, not online
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE public.products ADD CONSTRAINT y CHECK ((price > (0)::numeric));

-- step 55: create index public.products_name_idx
--   lock SHARE on public.products; full_scan, blocks_writes; convergence, prepare, not online
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
CREATE INDEX products_name_idx ON public.products USING btree (name);

-- step 56: add foreign key order_items_order_id_fkey on public.order_items
--   no lock on existing tables; convergence, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE public.order_items ADD CONSTRAINT order_items_order_id_fkey FOREIGN KEY (order_id) REFERENCES public.orders(order_id) ON DELETE CASCADE;

-- step 57: add foreign key order_items_product_no_fkey on public.order_items
--   no lock on existing tables; convergence, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER TABLE public.order_items ADD CONSTRAINT order_items_product_no_fkey FOREIGN KEY (product_no) REFERENCES public.products(product_no) ON DELETE RESTRICT;

-- step 58: create public.bug_id_seq
--   no lock on existing tables; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER SEQUENCE public.bug_id_seq OWNED BY public.bug.id;

-- step 59: create public.products_product_no_seq
--   no lock on existing tables; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
ALTER SEQUENCE public.products_product_no_seq OWNED BY public.products.product_no;

-- step 60: drop table public.columnless_table
--   lock ACCESS EXCLUSIVE on public.columnless_table; drops_data; structural, prepare
--   destructive: loses table public.columnless_table and all its rows
--   BLOCKED: destructive; plumb diff --allow-destructive writes it as a statement
--   DROP TABLE public.columnless_table;

-- step 61: drop table public.aunwanted
--   lock ACCESS EXCLUSIVE on public.aunwanted; drops_data; structural, prepare
--   destructive: loses table public.aunwanted and all its rows
--   BLOCKED: destructive; plumb diff --allow-destructive writes it as a statement
--   DROP TABLE public.aunwanted;

-- step 62: drop public.orders_order_id_seq
--   no lock on existing tables; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
DROP SEQUENCE public.orders_order_id_seq;

-- step 63: drop public.unwanted_enum
--   no lock on existing tables; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
DROP TYPE public.unwanted_enum;

-- step 64: drop pg_trgm
--   no lock on existing tables; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
DROP EXTENSION pg_trgm;

-- step 65: drop badschema
--   no lock on existing tables; structural, prepare
SET lock_timeout = '3000ms';
SET statement_timeout = 0;
DROP SCHEMA badschema;

-- step 66: drop not null public.products.name
--   lock ACCESS EXCLUSIVE on public.products; convergence, drop_constraints
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.products ALTER COLUMN name DROP NOT NULL;

-- step 67: drop not null public.products.x
--   lock ACCESS EXCLUSIVE on public.products; convergence, drop_constraints
SET lock_timeout = '3000ms';
SET statement_timeout = '6000ms';
ALTER TABLE public.products ALTER COLUMN x DROP NOT NULL;
