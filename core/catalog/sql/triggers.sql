SELECT n.nspname AS schema, c.relname AS table_name, t.tgname AS name,
       pg_get_triggerdef(t.oid, false) AS definition, t.tgconstraint <> 0 AS is_constraint,
       t.tgenabled AS enabled, t.tgfoid::regprocedure::text AS function,
       t.tgparentid <> 0 AS from_parent, d.description AS comment
  FROM pg_trigger t
  JOIN pg_class c ON c.oid = t.tgrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_description d ON d.classoid = 'pg_trigger'::regclass AND d.objoid = t.oid
 WHERE NOT t.tgisinternal AND c.relkind IN ('r', 'p', 'v')
   AND @USER_SCHEMA(n)@ AND @NOT_EXTENSION('pg_class', c.oid)@
 ORDER BY 1, 2, 3
