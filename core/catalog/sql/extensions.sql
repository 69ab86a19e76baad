-- Extensions are database-wide: $1 does not filter them.
SELECT x.extname AS name, n.nspname AS schema, x.extversion AS version,
       (SELECT json_agg(json_build_array(o.type, o.identity) ORDER BY o.type, o.identity)
          FROM pg_depend e, LATERAL pg_identify_object(e.classid, e.objid, 0) o
         WHERE e.refclassid = 'pg_extension'::regclass AND e.refobjid = x.oid
           AND e.deptype = 'e')::text AS members,
       d.description AS comment
  FROM pg_extension x
  JOIN pg_namespace n ON n.oid = x.extnamespace
  LEFT JOIN pg_description d ON d.classoid = 'pg_extension'::regclass AND d.objoid = x.oid
 WHERE cardinality($1::text[]) >= 0
 ORDER BY 1
