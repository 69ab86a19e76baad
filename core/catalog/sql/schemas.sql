SELECT n.nspname AS name, pg_get_userbyid(n.nspowner) AS owner, @ACL(n.nspacl)@ AS acl,
       d.description AS comment
  FROM pg_namespace n
  LEFT JOIN pg_description d
         ON d.classoid = 'pg_namespace'::regclass AND d.objoid = n.oid AND d.objsubid = 0
 WHERE @USER_SCHEMA(n)@ AND @NOT_EXTENSION('pg_namespace', n.oid)@
 ORDER BY 1
