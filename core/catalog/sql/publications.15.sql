-- Publications are database-wide: $1 does not filter them. 15+: column lists, row filters and
-- TABLES IN SCHEMA.
SELECT p.pubname AS name, p.puballtables AS all_tables, p.pubinsert AS publish_insert,
       p.pubupdate AS publish_update, p.pubdelete AS publish_delete,
       p.pubtruncate AS publish_truncate, p.pubviaroot AS via_root,
       (SELECT json_agg(json_build_array(
                   n.nspname, c.relname,
                   (SELECT json_agg(a.attname ORDER BY k.ord)
                      FROM unnest(r.prattrs) WITH ORDINALITY k(attnum, ord)
                      JOIN pg_attribute a ON a.attrelid = r.prrelid AND a.attnum = k.attnum),
                   pg_get_expr(r.prqual, r.prrelid))
                        ORDER BY n.nspname, c.relname)
          FROM pg_publication_rel r
          JOIN pg_class c ON c.oid = r.prrelid
          JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE r.prpubid = p.oid)::text AS tables,
       (SELECT json_agg(n.nspname ORDER BY n.nspname)
          FROM pg_publication_namespace pn
          JOIN pg_namespace n ON n.oid = pn.pnnspid
         WHERE pn.pnpubid = p.oid)::text AS schemas,
       pg_get_userbyid(p.pubowner) AS owner, d.description AS comment
  FROM pg_publication p
  LEFT JOIN pg_description d ON d.classoid = 'pg_publication'::regclass AND d.objoid = p.oid
 WHERE cardinality($1::text[]) >= 0
 ORDER BY 1
