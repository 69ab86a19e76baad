-- plain plan: 13 steps, 0 blocked, 1 destructive, for PostgreSQL server version 170012
SET check_function_bodies = false;
BEGIN;
-- step 1: create public.entity_bindings_id_seq
--   no lock on existing tables; structural, prepare
SET LOCAL lock_timeout = '3000ms';
SET LOCAL statement_timeout = 0;
CREATE SEQUENCE public.entity_bindings_id_seq AS bigint START WITH 1 INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 CACHE 1 NO CYCLE;
-- step 2: create table public.entity_bindings
--   no lock on existing tables; structural, prepare
CREATE TABLE public.entity_bindings (
    id bigint DEFAULT nextval('public.entity_bindings_id_seq'::regclass) NOT NULL,
    entity_type text NOT NULL,
    entity_id bigint NOT NULL
);
-- step 3: create table public.entity_bindings_a
--   no lock on existing tables; structural, prepare
CREATE TABLE public.entity_bindings_a (

) INHERITS (public.entity_bindings);
-- step 4: create table public.entity_bindings_b
--   no lock on existing tables; structural, prepare
CREATE TABLE public.entity_bindings_b (

) INHERITS (public.entity_bindings);
-- step 5: create table public.entity_bindings_c
--   no lock on existing tables; structural, prepare
CREATE TABLE public.entity_bindings_c (

) INHERITS (public.entity_bindings);
-- step 6: add key constraint entity_bindings_a_entity_id_entity_type_key on public.entity_bindings_a
--   no lock on existing tables; convergence, prepare
ALTER TABLE ONLY public.entity_bindings_a ADD CONSTRAINT entity_bindings_a_entity_id_entity_type_key UNIQUE (entity_id, entity_type);
-- step 7: add constraint entity_type must be A on public.entity_bindings_a
--   no lock on existing tables; convergence, prepare
ALTER TABLE public.entity_bindings_a ADD CONSTRAINT "entity_type must be A" CHECK ((entity_type = 'A'::text));
-- step 8: add key constraint entity_bindings_b_entity_id_entity_type_key on public.entity_bindings_b
--   no lock on existing tables; convergence, prepare
ALTER TABLE ONLY public.entity_bindings_b ADD CONSTRAINT entity_bindings_b_entity_id_entity_type_key UNIQUE (entity_id, entity_type);
-- step 9: add constraint entity_type must be B on public.entity_bindings_b
--   no lock on existing tables; convergence, prepare
ALTER TABLE public.entity_bindings_b ADD CONSTRAINT "entity_type must be B" CHECK ((entity_type = 'B'::text));
-- step 10: add key constraint entity_bindings_c_entity_id_entity_type_key on public.entity_bindings_c
--   no lock on existing tables; convergence, prepare
ALTER TABLE ONLY public.entity_bindings_c ADD CONSTRAINT entity_bindings_c_entity_id_entity_type_key UNIQUE (entity_id, entity_type);
-- step 11: add constraint entity_type must be C on public.entity_bindings_c
--   no lock on existing tables; convergence, prepare
ALTER TABLE public.entity_bindings_c ADD CONSTRAINT "entity_type must be C" CHECK ((entity_type = 'C'::text));
-- step 12: create public.entity_bindings_id_seq
--   no lock on existing tables; structural, prepare
ALTER SEQUENCE public.entity_bindings_id_seq OWNED BY public.entity_bindings.id;
-- step 13: drop table public.t
--   lock ACCESS EXCLUSIVE on public.t; drops_data; structural, prepare
--   destructive: loses table public.t and all its rows
--   BLOCKED: destructive; plumb diff --allow-destructive writes it as a statement
--   DROP TABLE public.t;
COMMIT;
