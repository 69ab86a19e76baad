-- Size and activity of the tables a change locks ($1 schemas, $2 names): estimated rows, bytes on
-- disk (indexes and TOAST included), and scans plus row changes since the statistics were
-- reset, with the seconds that span covers.
-- The statistics functions are called for these tables alone: pg_stat_user_tables groups every
-- table of the database before a join can pick a few (milliseconds on thousands of tables).
SELECT n.nspname, c.relname, greatest(c.reltuples, 0)::bigint,
       pg_catalog.pg_total_relation_size(c.oid),
       pg_catalog.pg_stat_get_numscans(c.oid) +
           coalesce((SELECT sum(pg_catalog.pg_stat_get_numscans(x.indexrelid))
                       FROM pg_catalog.pg_index x WHERE x.indrelid = c.oid), 0)::bigint +
           pg_catalog.pg_stat_get_tuples_inserted(c.oid) +
           pg_catalog.pg_stat_get_tuples_updated(c.oid) +
           pg_catalog.pg_stat_get_tuples_deleted(c.oid),
       extract(epoch FROM pg_catalog.now() - coalesce(
           (SELECT pg_catalog.pg_stat_get_db_stat_reset_time(d.oid) FROM pg_catalog.pg_database d
             WHERE d.datname = pg_catalog.current_database()),
           pg_catalog.pg_postmaster_start_time()))::float8
  FROM unnest($1::text[], $2::text[]) AS w(schema_name, table_name)
  JOIN pg_catalog.pg_namespace n ON n.nspname = w.schema_name
  JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = w.table_name
