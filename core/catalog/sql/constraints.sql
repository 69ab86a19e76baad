-- Table constraints (constraint triggers are read by triggers.sql, domain constraints by
-- domains.sql).
SELECT n.nspname AS schema, c.relname AS table_name, con.conname AS name, con.contype AS kind,
       pg_get_constraintdef(con.oid) AS definition,
       (SELECT json_agg(a.attname ORDER BY k.ord)
          FROM unnest(con.conkey) WITH ORDINALITY k(attnum, ord)
          JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum)::text AS columns,
       con.condeferrable AS deferrable, con.condeferred AS initially_deferred,
       con.convalidated AS validated, con.connoinherit AS no_inherit,
       con.conislocal AS is_local, con.coninhcount AS inheritance_count,
       con.conparentid <> 0 AS from_parent,
       CASE WHEN con.contype IN ('p', 'u', 'x') THEN ic.relname END AS index_name,
       fn.nspname AS referenced_schema, fc.relname AS referenced_table,
       (SELECT json_agg(a.attname ORDER BY k.ord)
          FROM unnest(con.confkey) WITH ORDINALITY k(attnum, ord)
          JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum)::text
           AS referenced_columns,
       con.confupdtype AS on_update, con.confdeltype AS on_delete,
       con.confmatchtype AS match_type,
       d.description AS comment
  FROM pg_constraint con
  JOIN pg_class c ON c.oid = con.conrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_class ic ON ic.oid = con.conindid
  LEFT JOIN pg_class fc ON fc.oid = con.confrelid
  LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
  LEFT JOIN pg_description d ON d.classoid = 'pg_constraint'::regclass AND d.objoid = con.oid
 WHERE con.contype IN ('c', 'f', 'p', 'u', 'x') AND c.relkind IN ('r', 'p')
   AND @USER_SCHEMA(n)@ AND @NOT_EXTENSION('pg_class', c.oid)@
 ORDER BY 1, 2, 3
