-- Ordinary and partitioned tables (partitions included); columns come from columns.sql.
SELECT n.nspname AS schema, c.relname AS name, c.relpersistence = 'u' AS unlogged,
       CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_key,
       pn.nspname AS parent_schema, pc.relname AS parent_name,
       CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
       (SELECT json_agg(json_build_array(ipn.nspname, ipc.relname) ORDER BY i.inhseqno)
          FROM pg_inherits i
          JOIN pg_class ipc ON ipc.oid = i.inhparent
          JOIN pg_namespace ipn ON ipn.oid = ipc.relnamespace
         WHERE i.inhrelid = c.oid AND NOT c.relispartition)::text AS inherits,
       array_to_json(c.reloptions)::text AS options,
       array_to_json(tt.reloptions)::text AS toast_options,
       CASE WHEN am.amname <> 'heap' THEN am.amname END AS access_method,
       ts.spcname AS tablespace,
       c.relrowsecurity AS row_security, c.relforcerowsecurity AS force_row_security,
       c.relreplident AS replica_identity,
       (SELECT ic.relname FROM pg_index x JOIN pg_class ic ON ic.oid = x.indexrelid
         WHERE x.indrelid = c.oid AND x.indisreplident) AS replica_identity_index,
       pg_get_userbyid(c.relowner) AS owner, @ACL(c.relacl)@ AS acl, d.description AS comment
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_class tt ON tt.oid = c.reltoastrelid
  LEFT JOIN pg_am am ON am.oid = c.relam
  LEFT JOIN pg_tablespace ts ON ts.oid = c.reltablespace
  LEFT JOIN pg_inherits pi ON c.relispartition AND pi.inhrelid = c.oid
  LEFT JOIN pg_class pc ON pc.oid = pi.inhparent
  LEFT JOIN pg_namespace pn ON pn.oid = pc.relnamespace
  LEFT JOIN pg_description d
         ON d.classoid = 'pg_class'::regclass AND d.objoid = c.oid AND d.objsubid = 0
 WHERE c.relkind IN ('r', 'p') AND @USER_SCHEMA(n)@ AND @NOT_EXTENSION('pg_class', c.oid)@
 ORDER BY 1, 2
