-- Schema of database , written by Plumbline
SET check_function_bodies = false;
SET client_min_messages = warning;
SELECT pg_catalog.set_config('search_path', '', false);

CREATE SCHEMA IF NOT EXISTS public;

COMMENT ON SCHEMA public IS 'standard public schema';

CREATE EXTENSION IF NOT EXISTS plpgsql WITH SCHEMA pg_catalog VERSION '1.0';

COMMENT ON EXTENSION plpgsql IS 'PL/pgSQL procedural language';

CREATE TABLE public.base (
    id integer NOT NULL
);

CREATE TABLE public.child (
    extra text
) INHERITS (public.base);

CREATE TABLE public.measurement (
    city integer NOT NULL,
    at date NOT NULL,
    reading integer
) PARTITION BY RANGE (at);

CREATE TABLE public.measurement_2024 PARTITION OF public.measurement FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

CREATE TABLE public.measurement_old PARTITION OF public.measurement DEFAULT;

ALTER TABLE public.base ADD CONSTRAINT base_id_check CHECK ((id > 0));

ALTER TABLE ONLY public.measurement ADD CONSTRAINT measurement_pkey PRIMARY KEY (city, at);

ALTER TABLE ONLY public.measurement_2024 ADD CONSTRAINT measurement_2024_pkey PRIMARY KEY (city, at);

ALTER TABLE ONLY public.measurement_old ADD CONSTRAINT measurement_old_pkey PRIMARY KEY (city, at);

CREATE INDEX measurement_2024_reading_idx ON public.measurement_2024 USING btree (reading);

CREATE INDEX measurement_old_reading_idx ON public.measurement_old USING btree (reading);

CREATE INDEX measurement_reading ON ONLY public.measurement USING btree (reading);

ALTER INDEX public.measurement_pkey ATTACH PARTITION public.measurement_2024_pkey;

ALTER INDEX public.measurement_reading ATTACH PARTITION public.measurement_2024_reading_idx;

ALTER INDEX public.measurement_pkey ATTACH PARTITION public.measurement_old_pkey;

ALTER INDEX public.measurement_reading ATTACH PARTITION public.measurement_old_reading_idx;

