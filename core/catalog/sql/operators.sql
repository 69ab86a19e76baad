-- User-defined operators. Shell operators (oprcode 0: named as another operator's commutator or
-- negator but never defined) are left to unmanaged.sql: the operator naming them makes them again.
-- Commutator and negator come as CREATE OPERATOR takes a qualified operator name.
SELECT n.nspname AS schema, o.oprname AS name,
       CASE WHEN o.oprleft <> 0 THEN format_type(o.oprleft, NULL) END AS left_type,
       CASE WHEN o.oprright <> 0 THEN format_type(o.oprright, NULL) END AS right_type,
       o.oprcode::regprocedure::text AS function,
       (SELECT 'OPERATOR(' || quote_ident(cn.nspname) || '.' || c.oprname || ')'
          FROM pg_operator c JOIN pg_namespace cn ON cn.oid = c.oprnamespace
         WHERE c.oid = o.oprcom) AS commutator,
       (SELECT 'OPERATOR(' || quote_ident(nn.nspname) || '.' || ng.oprname || ')'
          FROM pg_operator ng JOIN pg_namespace nn ON nn.oid = ng.oprnamespace
         WHERE ng.oid = o.oprnegate) AS negator,
       CASE WHEN o.oprrest <> 0 THEN o.oprrest::regproc::text END AS restrict_function,
       CASE WHEN o.oprjoin <> 0 THEN o.oprjoin::regproc::text END AS join_function,
       o.oprcanhash AS hashes, o.oprcanmerge AS merges,
       pg_get_userbyid(o.oprowner) AS owner, d.description AS comment
  FROM pg_operator o
  JOIN pg_namespace n ON n.oid = o.oprnamespace
  LEFT JOIN pg_description d ON d.classoid = 'pg_operator'::regclass AND d.objoid = o.oid
 WHERE @USER_SCHEMA(n)@ AND @NOT_EXTENSION('pg_operator', o.oid)@ AND o.oprcode <> 0
