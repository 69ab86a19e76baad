-- ALTER DEFAULT PRIVILEGES entries; schema-scoped ones honour $1, database-wide ones always come.
SELECT pg_get_userbyid(a.defaclrole) AS role, coalesce(n.nspname, '') AS schema,
       CASE a.defaclobjtype WHEN 'r' THEN 'TABLES' WHEN 'S' THEN 'SEQUENCES'
                            WHEN 'f' THEN 'FUNCTIONS' WHEN 'T' THEN 'TYPES'
                            WHEN 'n' THEN 'SCHEMAS' END AS object_type,
       @ACL(a.defaclacl)@ AS acl
  FROM pg_default_acl a
  LEFT JOIN pg_namespace n ON n.oid = a.defaclnamespace
 WHERE a.defaclnamespace = 0 OR @USER_SCHEMA(n)@
