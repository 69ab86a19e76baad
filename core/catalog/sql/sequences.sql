SELECT n.nspname AS schema, c.relname AS name, format_type(s.seqtypid, NULL) AS data_type,
       s.seqstart AS start, s.seqincrement AS increment, s.seqmin AS min_value,
       s.seqmax AS max_value, s.seqcache AS cache, s.seqcycle AS cycle,
       c.relpersistence = 'u' AS unlogged,
       tn.nspname AS owner_schema, tc.relname AS owner_table, ta.attname AS owner_column,
       coalesce(dep.deptype = 'i', false) AS identity,
       pg_get_userbyid(c.relowner) AS owner, @ACL(c.relacl)@ AS acl, d.description AS comment
  FROM pg_sequence s
  JOIN pg_class c ON c.oid = s.seqrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_depend dep
         ON dep.classid = 'pg_class'::regclass AND dep.objid = c.oid
        AND dep.refclassid = 'pg_class'::regclass AND dep.refobjsubid > 0
        AND dep.deptype IN ('a', 'i')
  LEFT JOIN pg_class tc ON tc.oid = dep.refobjid
  LEFT JOIN pg_namespace tn ON tn.oid = tc.relnamespace
  LEFT JOIN pg_attribute ta ON ta.attrelid = dep.refobjid AND ta.attnum = dep.refobjsubid
  LEFT JOIN pg_description d
         ON d.classoid = 'pg_class'::regclass AND d.objoid = c.oid AND d.objsubid = 0
 WHERE @USER_SCHEMA(n)@ AND @NOT_EXTENSION('pg_class', c.oid)@
 ORDER BY 1, 2
