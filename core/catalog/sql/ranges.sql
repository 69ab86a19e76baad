SELECT n.nspname AS schema, t.typname AS name,
       format_type(r.rngsubtype, NULL) AS subtype,
       CASE WHEN NOT oc.opcdefault
            THEN quote_ident(ocn.nspname) || '.' || quote_ident(oc.opcname) END AS subtype_opclass,
       CASE WHEN r.rngcollation <> 0 AND r.rngcollation <> st.typcollation
            THEN quote_ident(cn.nspname) || '.' || quote_ident(co.collname) END AS collation,
       CASE WHEN r.rngcanonical <> 0 THEN r.rngcanonical::regproc::text END AS canonical,
       CASE WHEN r.rngsubdiff <> 0 THEN r.rngsubdiff::regproc::text END AS subtype_diff,
       NULL::text AS multirange,
       pg_get_userbyid(t.typowner) AS owner, @ACL(t.typacl)@ AS acl, d.description AS comment
  FROM pg_range r
  JOIN pg_type t ON t.oid = r.rngtypid
  JOIN pg_type st ON st.oid = r.rngsubtype
  JOIN pg_namespace n ON n.oid = t.typnamespace
  JOIN pg_opclass oc ON oc.oid = r.rngsubopc
  JOIN pg_namespace ocn ON ocn.oid = oc.opcnamespace
  LEFT JOIN pg_collation co ON co.oid = r.rngcollation
  LEFT JOIN pg_namespace cn ON cn.oid = co.collnamespace
  LEFT JOIN pg_description d ON d.classoid = 'pg_type'::regclass AND d.objoid = t.oid
 WHERE @USER_SCHEMA(n)@ AND @NOT_EXTENSION('pg_type', t.oid)@
 ORDER BY 1, 2
