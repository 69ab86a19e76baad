-- Table constraints (constraint triggers are read by triggers.sql, domain constraints by
-- domains.sql).
--
-- pg_get_constraintdef costs the server catalog-cache misses per constraint (the better part of
-- a cold 10,000-table read of constraints). Primary keys, unique constraints and foreign keys are
-- written here instead, exactly as pg_get_constraintdef prints them (tst_pg_catalog_printers
-- compares the two), on a server whose printer the test has seen: their column lists are all
-- there is to them. Checks, exclusion constraints, keys with INCLUDE columns and foreign keys
-- that SET NULL or SET DEFAULT some of their columns are printed by the
-- server.
WITH con AS MATERIALIZED (
    SELECT con.oid, con.conrelid, con.confrelid, con.conkey, con.confkey
      FROM pg_constraint con
      JOIN pg_class c ON c.oid = con.conrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE con.contype IN ('c', 'f', 'p', 'u', 'x') AND c.relkind IN ('r', 'p')
       AND @USER_SCHEMA(n)@ AND @NOT_EXTENSION('pg_class', c.oid)@
),
-- The column names of each key (and of the referenced key), in key order, as they are and
-- quoted. Aggregated set-wise, each name looked up by key (OFFSET 0 keeps them lookups).
keys AS (
    SELECT k.oid, k.referenced,
           json_agg(a.attname ORDER BY k.ord) AS names,
           string_agg(quote_ident(a.attname), ', ' ORDER BY k.ord) AS quoted
      FROM (SELECT con.oid, false AS referenced, con.conrelid AS relid, u.attnum, u.ord
              FROM con, unnest(con.conkey) WITH ORDINALITY u(attnum, ord)
            UNION ALL
            SELECT con.oid, true, con.confrelid, u.attnum, u.ord
              FROM con, unnest(con.confkey) WITH ORDINALITY u(attnum, ord)) k
      CROSS JOIN LATERAL (SELECT a.attname FROM pg_attribute a
                           WHERE a.attrelid = k.relid AND a.attnum = k.attnum OFFSET 0) a
     GROUP BY k.oid, k.referenced
)
SELECT n.nspname AS schema, c.relname AS table_name, con.conname AS name, con.contype AS kind,
       coalesce(CASE WHEN NOT @PRINTER_VERIFIED@ THEN NULL
                     WHEN con.contype IN ('p', 'u') AND x.indnatts = x.indnkeyatts
                     THEN CASE WHEN con.contype = 'p' THEN 'PRIMARY KEY ('
                               WHEN x.indnullsnotdistinct THEN 'UNIQUE NULLS NOT DISTINCT ('
                               ELSE 'UNIQUE ('
                          END || kc.quoted || ')'
                     WHEN con.contype = 'f' AND con.confdelsetcols IS NULL
                     THEN 'FOREIGN KEY (' || kc.quoted || ') REFERENCES '
                          || quote_ident(fn.nspname) || '.' || quote_ident(fc.relname)
                          || '(' || kr.quoted || ')'
                          || CASE con.confmatchtype WHEN 'f' THEN ' MATCH FULL'
                                                    WHEN 'p' THEN ' MATCH PARTIAL' ELSE '' END
                          || CASE con.confupdtype WHEN 'r' THEN ' ON UPDATE RESTRICT'
                                                  WHEN 'c' THEN ' ON UPDATE CASCADE'
                                                  WHEN 'n' THEN ' ON UPDATE SET NULL'
                                                  WHEN 'd' THEN ' ON UPDATE SET DEFAULT'
                                                  ELSE '' END
                          || CASE con.confdeltype WHEN 'r' THEN ' ON DELETE RESTRICT'
                                                  WHEN 'c' THEN ' ON DELETE CASCADE'
                                                  WHEN 'n' THEN ' ON DELETE SET NULL'
                                                  WHEN 'd' THEN ' ON DELETE SET DEFAULT'
                                                  ELSE '' END
                END || CASE WHEN con.condeferrable THEN ' DEFERRABLE' ELSE '' END
                    || CASE WHEN con.condeferred THEN ' INITIALLY DEFERRED' ELSE '' END
                    || CASE WHEN NOT con.convalidated THEN ' NOT VALID' ELSE '' END,
                pg_get_constraintdef(con.oid)) AS definition,
       kc.names::text AS columns,
       con.condeferrable AS deferrable, con.condeferred AS initially_deferred,
       con.convalidated AS validated, con.connoinherit AS no_inherit,
       con.conislocal AS is_local, con.coninhcount AS inheritance_count,
       con.conparentid <> 0 AS from_parent,
       CASE WHEN con.contype IN ('p', 'u', 'x') THEN ic.relname END AS index_name,
       fn.nspname AS referenced_schema, fc.relname AS referenced_table,
       kr.names::text AS referenced_columns,
       con.confupdtype AS on_update, con.confdeltype AS on_delete,
       con.confmatchtype AS match_type,
       d.description AS comment
  FROM con k0
  JOIN pg_constraint con ON con.oid = k0.oid
  JOIN pg_class c ON c.oid = con.conrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN keys kc ON kc.oid = con.oid AND NOT kc.referenced
  LEFT JOIN keys kr ON kr.oid = con.oid AND kr.referenced
  LEFT JOIN pg_index x ON x.indexrelid = con.conindid
  LEFT JOIN pg_class ic ON ic.oid = con.conindid
  LEFT JOIN pg_class fc ON fc.oid = con.confrelid
  LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
  LEFT JOIN pg_description d ON d.classoid = 'pg_constraint'::regclass AND d.objoid = con.oid
