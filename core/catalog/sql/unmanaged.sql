-- Objects the catalog does not model, named by pg_identify_object so they are listed, not lost.
-- Schema-scoped kinds honour $1; database-wide kinds (casts, languages, foreign-data wrappers,
-- servers) are user-created ones only (oid >= 16384). Operators are modelled (operators.sql)
-- except shells, which the operator naming them as COMMUTATOR or NEGATOR makes again.
WITH objects(classid, objid) AS (
    SELECT 'pg_class'::regclass, c.oid
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind = 'f' AND @USER_SCHEMA(n)@
    UNION ALL
    SELECT 'pg_rewrite'::regclass, r.oid
      FROM pg_rewrite r
      JOIN pg_class c ON c.oid = r.ev_class
      JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE r.rulename <> '_RETURN' AND @USER_SCHEMA(n)@
    UNION ALL
    SELECT 'pg_operator'::regclass, o.oid
      FROM pg_operator o JOIN pg_namespace n ON n.oid = o.oprnamespace
     WHERE o.oprcode = 0 AND @USER_SCHEMA(n)@
    UNION ALL
    SELECT 'pg_opclass'::regclass, o.oid
      FROM pg_opclass o JOIN pg_namespace n ON n.oid = o.opcnamespace WHERE @USER_SCHEMA(n)@
    UNION ALL
    SELECT 'pg_opfamily'::regclass, o.oid
      FROM pg_opfamily o JOIN pg_namespace n ON n.oid = o.opfnamespace WHERE @USER_SCHEMA(n)@
    UNION ALL
    SELECT 'pg_ts_dict'::regclass, o.oid
      FROM pg_ts_dict o JOIN pg_namespace n ON n.oid = o.dictnamespace WHERE @USER_SCHEMA(n)@
    UNION ALL
    SELECT 'pg_ts_parser'::regclass, o.oid
      FROM pg_ts_parser o JOIN pg_namespace n ON n.oid = o.prsnamespace WHERE @USER_SCHEMA(n)@
    UNION ALL
    SELECT 'pg_ts_template'::regclass, o.oid
      FROM pg_ts_template o JOIN pg_namespace n ON n.oid = o.tmplnamespace WHERE @USER_SCHEMA(n)@
    UNION ALL
    SELECT 'pg_statistic_ext'::regclass, o.oid
      FROM pg_statistic_ext o JOIN pg_namespace n ON n.oid = o.stxnamespace
     WHERE @USER_SCHEMA(n)@
    UNION ALL
    SELECT 'pg_conversion'::regclass, o.oid
      FROM pg_conversion o JOIN pg_namespace n ON n.oid = o.connamespace WHERE @USER_SCHEMA(n)@
    UNION ALL
    SELECT 'pg_type'::regclass, t.oid
      FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
     WHERE t.typtype IN ('b', 'p') AND @USER_SCHEMA(n)@
       AND NOT EXISTS (SELECT FROM pg_type e WHERE e.typarray = t.oid)
    UNION ALL
    SELECT 'pg_cast'::regclass, o.oid FROM pg_cast o WHERE o.oid >= 16384
    UNION ALL
    SELECT 'pg_language'::regclass, o.oid FROM pg_language o WHERE o.oid >= 16384
    UNION ALL
    SELECT 'pg_foreign_data_wrapper'::regclass, o.oid
      FROM pg_foreign_data_wrapper o WHERE o.oid >= 16384
    UNION ALL
    SELECT 'pg_foreign_server'::regclass, o.oid FROM pg_foreign_server o WHERE o.oid >= 16384
    UNION ALL
    SELECT 'pg_transform'::regclass, o.oid FROM pg_transform o WHERE o.oid >= 16384
)
SELECT o.type AS kind, o.identity AS name, coalesce(o.schema, '') AS schema
  FROM objects x, LATERAL pg_identify_object(x.classid, x.objid, 0) o
 WHERE NOT EXISTS (SELECT FROM pg_depend e
                    WHERE e.classid = x.classid AND e.objid = x.objid AND e.deptype = 'e')
   AND cardinality($1::text[]) >= 0
