SELECT n.nspname AS schema, c.relname AS table_name, p.polname AS name,
       p.polpermissive AS permissive, p.polcmd AS command,
       (SELECT json_agg(CASE WHEN r = 0 THEN 'public' ELSE pg_get_userbyid(r) END ORDER BY 1)
          FROM unnest(p.polroles) r)::text AS roles,
       pg_get_expr(p.polqual, p.polrelid) AS using_expr,
       pg_get_expr(p.polwithcheck, p.polrelid) AS check_expr,
       d.description AS comment
  FROM pg_policy p
  JOIN pg_class c ON c.oid = p.polrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_description d ON d.classoid = 'pg_policy'::regclass AND d.objoid = p.oid
 WHERE @USER_SCHEMA(n)@ AND @NOT_EXTENSION('pg_class', c.oid)@
 ORDER BY 1, 2, 3
