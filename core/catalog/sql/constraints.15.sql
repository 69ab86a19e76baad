-- Table constraints (constraint triggers are read by triggers.sql, domain constraints by
-- domains.sql).
--
-- pg_get_constraintdef costs the server catalog-cache misses per constraint (the better part of
-- a cold 10,000-table read of constraints). Primary keys, unique constraints and foreign keys
-- are written by the reader instead (readConstraints), exactly as pg_get_constraintdef prints
-- them (tst_pg_catalog_printers compares the two), on a server whose printer the test has seen:
-- their column lists are all there is to them. Checks, exclusion constraints, keys with INCLUDE
-- columns and foreign keys that SET NULL or SET DEFAULT some of their columns are printed by the
-- server.
--
-- Key columns come as attnums, which the reader names from the columns it has already read:
-- a pg_attribute probe per key column was a third of this query's time. Only a foreign key
-- into a table this read leaves out (another schema, an extension's table) has its referenced
-- columns named here.
WITH con AS MATERIALIZED (
    SELECT con.oid,
           con.confrelid <> 0 AND NOT coalesce(fc.relkind IN ('r', 'p') AND @USER_SCHEMA(fn)@
                                               AND @NOT_EXTENSION('pg_class', fc.oid)@, false)
               AS referenced_outside
      FROM pg_constraint con
      JOIN pg_class c ON c.oid = con.conrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
      LEFT JOIN pg_class fc ON fc.oid = con.confrelid
      LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
     WHERE con.contype IN ('c', 'f', 'p', 'u', 'x') AND c.relkind IN ('r', 'p')
       AND @USER_SCHEMA(n)@ AND @NOT_EXTENSION('pg_class', c.oid)@
)
SELECT n.nspname AS schema, c.relname AS table_name, con.conname AS name, con.contype AS kind,
       f.composed, CASE WHEN NOT f.composed THEN pg_get_constraintdef(con.oid) END AS definition,
       con.conkey::text AS key_numbers, con.confkey::text AS referenced_numbers,
       CASE WHEN k0.referenced_outside
            THEN (SELECT json_agg(a.attname ORDER BY u.ord)
                    FROM unnest(con.confkey) WITH ORDINALITY u(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = u.attnum)::text
       END AS referenced_columns,
       coalesce(x.indnullsnotdistinct, false) AS nulls_not_distinct,
       con.condeferrable AS deferrable, con.condeferred AS initially_deferred,
       con.convalidated AS validated, con.connoinherit AS no_inherit,
       con.conislocal AS is_local, con.coninhcount AS inheritance_count,
       con.conparentid <> 0 AS from_parent,
       CASE WHEN con.contype IN ('p', 'u', 'x') THEN ic.relname END AS index_name,
       fn.nspname AS referenced_schema, fc.relname AS referenced_table,
       con.confupdtype AS on_update, con.confdeltype AS on_delete,
       con.confmatchtype AS match_type,
       d.description AS comment
  FROM con k0
  JOIN pg_constraint con ON con.oid = k0.oid
  JOIN pg_class c ON c.oid = con.conrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_index x ON x.indexrelid = con.conindid
  LEFT JOIN pg_class ic ON ic.oid = con.conindid
  LEFT JOIN pg_class fc ON fc.oid = con.confrelid
  LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
  -- Whether the reader writes the definition; the server prints it only where it does not.
  CROSS JOIN LATERAL (SELECT coalesce(@PRINTER_VERIFIED@
                             AND (con.contype IN ('p', 'u') AND x.indnatts = x.indnkeyatts
                                  OR con.contype = 'f' AND con.confdelsetcols IS NULL), false)
                             AS composed) f
  LEFT JOIN pg_description d ON d.classoid = 'pg_constraint'::regclass AND d.objoid = con.oid
