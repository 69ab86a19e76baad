-- Stand-alone composite types; their attributes come from columns.sql (relkind 'c').
SELECT n.nspname AS schema, t.typname AS name,
       pg_get_userbyid(t.typowner) AS owner, @ACL(t.typacl)@ AS acl, d.description AS comment
  FROM pg_type t
  JOIN pg_namespace n ON n.oid = t.typnamespace
  JOIN pg_class c ON c.oid = t.typrelid AND c.relkind = 'c'
  LEFT JOIN pg_description d ON d.classoid = 'pg_type'::regclass AND d.objoid = t.oid
 WHERE t.typtype = 'c' AND @USER_SCHEMA(n)@ AND @NOT_EXTENSION('pg_type', t.oid)@
 ORDER BY 1, 2
