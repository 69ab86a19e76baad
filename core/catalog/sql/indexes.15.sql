-- Indexes of tables, partitioned tables and materialized views.
SELECT n.nspname AS schema, ic.relname AS name, tc.relname AS table_name,
       pg_get_indexdef(x.indexrelid) AS definition, am.amname AS access_method,
       -- Plain key columns are written as their quoted name (what pg_get_indexdef prints for
       -- them); only expressions need the server's deparser, which is far slower.
       (SELECT json_agg(json_build_array(
                   CASE WHEN x.indkey[k.i - 1] <> 0 THEN quote_ident(a.attname)
                        ELSE pg_get_indexdef(x.indexrelid, k.i, false) END,
                   -- The operator class with its parameters (PostgreSQL 13), which need
                   -- the class named even when it is the default.
                   CASE WHEN NOT oc.opcdefault OR ia.attoptions IS NOT NULL
                        THEN quote_ident(ocn.nspname) || '.' || quote_ident(oc.opcname)
                             || COALESCE(' (' || array_to_string(ia.attoptions, ', ') || ')', '')
                   END,
                   -- An expression key's collation is written only where it is not its
                   -- type's (a plain column's, where it is not the column's).
                   CASE WHEN x.indcollation[k.i - 1] <> 0
                         AND x.indcollation[k.i - 1] IS DISTINCT FROM
                             COALESCE(a.attcollation, it.typcollation)
                        THEN quote_ident(kcn.nspname) || '.' || quote_ident(kco.collname) END,
                   (x.indoption[k.i - 1] & 1) <> 0,
                   (x.indoption[k.i - 1] & 2) <> 0) ORDER BY k.i)
          FROM generate_series(1, x.indnkeyatts) k(i)
          LEFT JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = x.indkey[k.i - 1]
          LEFT JOIN pg_attribute ia ON ia.attrelid = x.indexrelid AND ia.attnum = k.i
          LEFT JOIN pg_type it ON it.oid = ia.atttypid
          LEFT JOIN pg_collation kco ON kco.oid = x.indcollation[k.i - 1]
          LEFT JOIN pg_namespace kcn ON kcn.oid = kco.collnamespace
          LEFT JOIN pg_opclass oc ON oc.oid = x.indclass[k.i - 1]
          LEFT JOIN pg_namespace ocn ON ocn.oid = oc.opcnamespace)::text AS keys,
       (SELECT json_agg(quote_ident(a.attname) ORDER BY k.i)
          FROM generate_series(x.indnkeyatts + 1, x.indnatts) k(i)
          JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = x.indkey[k.i - 1])::text
           AS include,
       pg_get_expr(x.indpred, x.indrelid) AS predicate,
       array_to_json(ic.reloptions)::text AS options, ts.spcname AS tablespace,
       x.indisunique AS is_unique, x.indisprimary AS is_primary,
       x.indnullsnotdistinct AS nulls_not_distinct,
       x.indisvalid AS valid, x.indisclustered AS clustered,
       con.conname AS constraint_name,
       pin.nspname AS parent_schema, pic.relname AS parent_name,
       d.description AS comment
  FROM pg_index x
  JOIN pg_class ic ON ic.oid = x.indexrelid
  JOIN pg_class tc ON tc.oid = x.indrelid
  JOIN pg_namespace n ON n.oid = tc.relnamespace
  JOIN pg_am am ON am.oid = ic.relam
  LEFT JOIN pg_tablespace ts ON ts.oid = ic.reltablespace
  LEFT JOIN pg_constraint con
         ON con.conindid = x.indexrelid AND con.conrelid = x.indrelid
        AND con.contype IN ('p', 'u', 'x')
  LEFT JOIN pg_inherits pi ON pi.inhrelid = x.indexrelid
  LEFT JOIN pg_class pic ON pic.oid = pi.inhparent
  LEFT JOIN pg_namespace pin ON pin.oid = pic.relnamespace
  LEFT JOIN pg_description d
         ON d.classoid = 'pg_class'::regclass AND d.objoid = ic.oid AND d.objsubid = 0
 WHERE tc.relkind IN ('r', 'p', 'm') AND @USER_SCHEMA(n)@
   AND @NOT_EXTENSION('pg_class', tc.oid)@ AND @NOT_EXTENSION('pg_class', ic.oid)@
