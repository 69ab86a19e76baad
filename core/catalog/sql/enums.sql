SELECT n.nspname AS schema, t.typname AS name,
       (SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder)
          FROM pg_enum e WHERE e.enumtypid = t.oid)::text AS labels,
       pg_get_userbyid(t.typowner) AS owner, @ACL(t.typacl)@ AS acl, d.description AS comment
  FROM pg_type t
  JOIN pg_namespace n ON n.oid = t.typnamespace
  LEFT JOIN pg_description d ON d.classoid = 'pg_type'::regclass AND d.objoid = t.oid
 WHERE t.typtype = 'e' AND @USER_SCHEMA(n)@ AND @NOT_EXTENSION('pg_type', t.oid)@
 ORDER BY 1, 2
