-- Size and activity of the tables a change locks ($1 schemas, $2 names): estimated rows, bytes on
-- disk (indexes and TOAST included), and scans plus row changes since the statistics were
-- reset, with the seconds that span covers.
SELECT n.nspname, c.relname, greatest(c.reltuples, 0)::bigint,
       pg_catalog.pg_total_relation_size(c.oid),
       coalesce(s.seq_scan, 0) + coalesce(s.idx_scan, 0) + coalesce(s.n_tup_ins, 0) +
           coalesce(s.n_tup_upd, 0) + coalesce(s.n_tup_del, 0),
       extract(epoch FROM pg_catalog.now() - coalesce(
           (SELECT d.stats_reset FROM pg_catalog.pg_stat_database d
             WHERE d.datname = pg_catalog.current_database()),
           pg_catalog.pg_postmaster_start_time()))::float8
  FROM unnest($1::text[], $2::text[]) AS w(schema_name, table_name)
  JOIN pg_catalog.pg_namespace n ON n.nspname = w.schema_name
  JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = w.table_name
  LEFT JOIN pg_catalog.pg_stat_user_tables s ON s.relid = c.oid
