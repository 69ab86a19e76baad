-- Publications are database-wide: $1 does not filter them.
SELECT p.pubname AS name, p.puballtables AS all_tables, p.pubinsert AS publish_insert,
       p.pubupdate AS publish_update, p.pubdelete AS publish_delete,
       p.pubtruncate AS publish_truncate, p.pubviaroot AS via_root,
       (SELECT json_agg(json_build_array(n.nspname, c.relname, NULL, NULL)
                        ORDER BY n.nspname, c.relname)
          FROM pg_publication_rel r
          JOIN pg_class c ON c.oid = r.prrelid
          JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE r.prpubid = p.oid)::text AS tables,
       NULL::text AS schemas,
       pg_get_userbyid(p.pubowner) AS owner, d.description AS comment
  FROM pg_publication p
  LEFT JOIN pg_description d ON d.classoid = 'pg_publication'::regclass AND d.objoid = p.oid
 WHERE cardinality($1::text[]) >= 0
 ORDER BY 1
