SELECT n.nspname AS schema, c.collname AS name,
       CASE c.collprovider WHEN 'c' THEN 'libc' WHEN 'i' THEN 'icu' WHEN 'b' THEN 'builtin'
                           ELSE 'default' END AS provider,
       c.collcollate AS collate, c.collctype AS ctype, c.colllocale AS locale, c.collicurules AS rules,
       c.collisdeterministic AS deterministic,
       pg_get_userbyid(c.collowner) AS owner, d.description AS comment
  FROM pg_collation c
  JOIN pg_namespace n ON n.oid = c.collnamespace
  LEFT JOIN pg_description d ON d.classoid = 'pg_collation'::regclass AND d.objoid = c.oid
 WHERE @USER_SCHEMA(n)@ AND @NOT_EXTENSION('pg_collation', c.oid)@
 ORDER BY 1, 2
