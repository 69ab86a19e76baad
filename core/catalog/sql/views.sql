-- Views and materialized views; columns come from columns.sql.
SELECT n.nspname AS schema, c.relname AS name, c.relkind = 'm' AS materialized,
       pg_get_viewdef(c.oid) AS definition,
       array_to_json(array(SELECT o FROM unnest(c.reloptions) o
                            WHERE o NOT LIKE 'check\_option=%'))::text AS options,
       (SELECT upper(substr(o, 14)) FROM unnest(c.reloptions) o
         WHERE o LIKE 'check\_option=%') AS check_option,
       c.relispopulated AS populated,
       CASE WHEN c.relkind = 'm' AND am.amname <> 'heap' THEN am.amname END AS access_method,
       ts.spcname AS tablespace,
       pg_get_userbyid(c.relowner) AS owner, @ACL(c.relacl)@ AS acl, d.description AS comment
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_am am ON am.oid = c.relam
  LEFT JOIN pg_tablespace ts ON ts.oid = c.reltablespace
  LEFT JOIN pg_description d
         ON d.classoid = 'pg_class'::regclass AND d.objoid = c.oid AND d.objsubid = 0
 WHERE c.relkind IN ('v', 'm') AND @USER_SCHEMA(n)@ AND @NOT_EXTENSION('pg_class', c.oid)@
 ORDER BY 1, 2
