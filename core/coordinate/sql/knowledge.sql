-- What the catalog knows about the names a change mentions: $1 schemas ('' for an unqualified
-- name) and $2 names, side by side. An unqualified name is looked up in every schema of the
-- search path: $3 when given, else the session's (current_schemas(false)). One row per match:
--   what     'path' (one row: current_schemas(false) in columns), 'relation', 'type',
--            'function', 'schema'
--   columns  relations: their columns in order, as a JSON array
--   detail   relations: relkind; indexes: the "schema.table" they belong to
WITH wanted AS (
    SELECT nullif(w.schema_name, '') AS schema_name, w.object_name
      FROM unnest($1::text[], $2::text[]) AS w(schema_name, object_name)
), path AS (
    SELECT s.nspname
      FROM unnest(coalesce($3::text[], pg_catalog.current_schemas(false)::text[])) AS s(nspname)
)
SELECT 'path' AS what, NULL::text AS nspname, NULL::text AS objname,
       pg_catalog.to_json(coalesce($3::text[], pg_catalog.current_schemas(false)::text[]))::text
           AS columns,
       NULL::text AS detail
UNION ALL
SELECT 'relation', n.nspname, c.relname,
       pg_catalog.to_json(ARRAY(SELECT a.attname::text FROM pg_catalog.pg_attribute a
                                 WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                                 ORDER BY a.attnum))::text,
       CASE WHEN c.relkind IN ('i', 'I') THEN
           (SELECT tn.nspname || '.' || t.relname
              FROM pg_catalog.pg_index i
              JOIN pg_catalog.pg_class t ON t.oid = i.indrelid
              JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace
             WHERE i.indexrelid = c.oid)
       ELSE c.relkind::text END
  FROM pg_catalog.pg_class c
  JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
  JOIN wanted w ON w.object_name = c.relname
               AND (w.schema_name = n.nspname
                    OR (w.schema_name IS NULL AND n.nspname IN (SELECT nspname FROM path)))
 WHERE c.relkind IN ('r', 'p', 'v', 'm', 'i', 'I', 'S', 'f', 'c')
UNION ALL
SELECT 'type', n.nspname, t.typname, NULL, t.typtype::text
  FROM pg_catalog.pg_type t
  JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
  JOIN wanted w ON w.object_name = t.typname
               AND (w.schema_name = n.nspname
                    OR (w.schema_name IS NULL AND n.nspname IN (SELECT nspname FROM path)))
 WHERE t.typtype IN ('e', 'd', 'r', 'c', 'm') AND n.nspname <> 'pg_catalog'
   AND n.nspname <> 'information_schema'
UNION ALL
SELECT DISTINCT 'function', n.nspname, p.proname, NULL, NULL
  FROM pg_catalog.pg_proc p
  JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
  JOIN wanted w ON w.object_name = p.proname
               AND (w.schema_name = n.nspname
                    OR (w.schema_name IS NULL AND n.nspname IN (SELECT nspname FROM path)))
 WHERE n.nspname <> 'pg_catalog' AND n.nspname <> 'information_schema'
UNION ALL
SELECT 'schema', NULL, n.nspname, NULL, NULL
  FROM pg_catalog.pg_namespace n
 WHERE n.nspname IN (SELECT object_name FROM wanted)
