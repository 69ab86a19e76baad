-- Columns of tables, views, materialized views and composite types, in no order (the reader
-- puts each relation's columns in attnum order). A default cannot refer to a column, so it is
-- printed without its relation (relid 0): given one, pg_get_expr opens and locks it, which
-- builds a relation cache entry per table (0.2 s of a cold 10,000-table read on PostgreSQL
-- 17). Generated columns do refer to columns and keep theirs.
SELECT n.nspname AS schema, c.relname AS relation, c.relkind AS relkind,
       a.attnum AS position, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
       CASE WHEN a.attcollation <> t.typcollation
            THEN quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END AS collation,
       a.attnotnull AS not_null,
       pg_get_expr(ad.adbin, CASE WHEN a.attgenerated = '' THEN 0 ELSE ad.adrelid END)
           AS default_expr,
       a.attidentity AS identity, a.attgenerated AS generated,
       CASE WHEN a.attstorage <> t.typstorage THEN a.attstorage END AS storage,
       NULL::text AS compression,
       coalesce(a.attstattarget, -1) AS statistics_target,
       a.attislocal AS is_local, a.attinhcount AS inheritance_count,
       @ACL(a.attacl)@ AS acl, d.description AS comment
  FROM pg_attribute a
  JOIN pg_class c ON c.oid = a.attrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
  JOIN pg_type t ON t.oid = a.atttypid
  LEFT JOIN pg_collation co ON co.oid = a.attcollation
  LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
  LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
  LEFT JOIN pg_description d
         ON d.classoid = 'pg_class'::regclass AND d.objoid = c.oid AND d.objsubid = a.attnum
 WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'c')
   AND @USER_SCHEMA(n)@ AND @NOT_EXTENSION('pg_class', c.oid)@
