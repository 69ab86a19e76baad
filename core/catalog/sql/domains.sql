SELECT n.nspname AS schema, t.typname AS name,
       format_type(t.typbasetype, t.typtypmod) AS base_type,
       CASE WHEN t.typcollation <> b.typcollation
            THEN quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END AS collation,
       pg_get_expr(t.typdefaultbin, 0) AS default_expr,
       t.typnotnull AS not_null,
       (SELECT json_agg(json_build_array(c.conname, pg_get_constraintdef(c.oid), c.convalidated,
                                         cd.description) ORDER BY c.conname)
          FROM pg_constraint c
          LEFT JOIN pg_description cd
                 ON cd.classoid = 'pg_constraint'::regclass AND cd.objoid = c.oid
         WHERE c.contypid = t.oid AND c.contype = 'c')::text AS constraints,
       pg_get_userbyid(t.typowner) AS owner, @ACL(t.typacl)@ AS acl, d.description AS comment
  FROM pg_type t
  JOIN pg_namespace n ON n.oid = t.typnamespace
  JOIN pg_type b ON b.oid = t.typbasetype
  LEFT JOIN pg_collation co ON co.oid = t.typcollation
  LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
  LEFT JOIN pg_description d ON d.classoid = 'pg_type'::regclass AND d.objoid = t.oid
 WHERE t.typtype = 'd' AND @USER_SCHEMA(n)@ AND @NOT_EXTENSION('pg_type', t.oid)@
 ORDER BY 1, 2
