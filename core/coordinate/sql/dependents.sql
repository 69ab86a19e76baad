-- What depends on the objects a change drops, renames or retypes: $1 kinds (as
-- coordinate::kindName spells them), $2 schemas, $3 names, $4 members, side by side. Follows
-- pg_depend's normal and automatic edges, and views built on views (through their rewrite
-- rules) to depth 8. Each dependent is folded onto the object a change names: a rewrite rule onto
-- its view, a column default onto its column, a domain constraint onto its domain. `owner` is the
-- "schema.table" an index, owned sequence, constraint, trigger, policy or column belongs to.
WITH RECURSIVE wanted AS (
    SELECT o.ord, o.kind, o.schema, o.name, o.member
      FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY
           AS o(kind, schema, name, member, ord)
), target AS (
    SELECT w.ord, 'pg_catalog.pg_class'::pg_catalog.regclass AS classid, c.oid AS objid,
           coalesce(a.attnum, 0)::int AS subid
      FROM wanted w
      JOIN pg_catalog.pg_namespace n ON n.nspname = w.schema
      JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = w.name
      LEFT JOIN pg_catalog.pg_attribute a
             ON w.kind = 'column' AND a.attrelid = c.oid AND a.attname = w.member
     WHERE w.kind IN ('table', 'view', 'materialized_view', 'index', 'sequence', 'column', 'type')
       AND (w.kind <> 'column' OR a.attnum IS NOT NULL)
    UNION ALL
    SELECT w.ord, 'pg_catalog.pg_proc'::pg_catalog.regclass, p.oid, 0
      FROM wanted w
      JOIN pg_catalog.pg_namespace n ON n.nspname = w.schema
      JOIN pg_catalog.pg_proc p ON p.pronamespace = n.oid AND p.proname = w.name
     WHERE w.kind = 'function'
       AND (w.member = ''
            OR p.oid = pg_catalog.to_regprocedure(pg_catalog.quote_ident(w.schema) || '.' ||
                                                  pg_catalog.quote_ident(w.name) || w.member))
    UNION ALL
    SELECT w.ord, 'pg_catalog.pg_type'::pg_catalog.regclass, t.oid, 0
      FROM wanted w
      JOIN pg_catalog.pg_namespace n ON n.nspname = w.schema
      JOIN pg_catalog.pg_type t ON t.typnamespace = n.oid AND t.typname = w.name
     WHERE w.kind = 'type' AND t.typtype IN ('e', 'd', 'r', 'm')
    UNION ALL
    SELECT w.ord, 'pg_catalog.pg_constraint'::pg_catalog.regclass, con.oid, 0
      FROM wanted w
      JOIN pg_catalog.pg_namespace n ON n.nspname = w.schema
      JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = w.name
      JOIN pg_catalog.pg_constraint con ON con.conrelid = c.oid AND con.conname = w.member
     WHERE w.kind = 'constraint'
), edge(ord, classid, objid, depth) AS (
    SELECT t.ord, d.classid, d.objid, 1
      FROM target t
      JOIN pg_catalog.pg_depend d
        ON d.refclassid = t.classid AND d.refobjid = t.objid
       AND (t.subid = 0 OR d.refobjsubid = t.subid) AND d.deptype IN ('n', 'a')
    UNION
    SELECT e.ord, d.classid, d.objid, e.depth + 1
      FROM edge e
      JOIN pg_catalog.pg_rewrite r
        ON e.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass AND r.oid = e.objid
      JOIN pg_catalog.pg_depend d
        ON d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
       AND d.refobjid = r.ev_class AND d.deptype IN ('n', 'a')
     WHERE e.depth < 8
)
SELECT DISTINCT e.ord, f.kind, f.schema, f.name, f.member, f.owner
  FROM edge e
 CROSS JOIN LATERAL (
    SELECT CASE c.relkind WHEN 'm' THEN 'materialized_view' ELSE 'view' END, n.nspname::text,
           c.relname::text, '', ''
      FROM pg_catalog.pg_rewrite r
      JOIN pg_catalog.pg_class c ON c.oid = r.ev_class
      JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
     WHERE e.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass AND r.oid = e.objid
    UNION ALL
    SELECT CASE WHEN c.relkind IN ('i', 'I') THEN 'index' WHEN c.relkind = 'S' THEN 'sequence'
                WHEN c.relkind = 'v' THEN 'view' WHEN c.relkind = 'm' THEN 'materialized_view'
                ELSE 'table' END,
           n.nspname::text, c.relname::text, '',
           coalesce((SELECT tn.nspname || '.' || t.relname
                       FROM pg_catalog.pg_index i
                       JOIN pg_catalog.pg_class t ON t.oid = i.indrelid
                       JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace
                      WHERE i.indexrelid = c.oid),
                    (SELECT tn.nspname || '.' || t.relname
                       FROM pg_catalog.pg_depend d
                       JOIN pg_catalog.pg_class t ON t.oid = d.refobjid
                       JOIN pg_catalog.pg_namespace tn ON tn.oid = t.relnamespace
                      WHERE c.relkind = 'S' AND d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                        AND d.objid = c.oid AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
                        AND d.deptype IN ('a', 'i')
                      LIMIT 1),
                    '')
      FROM pg_catalog.pg_class c
      JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
     WHERE e.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND c.oid = e.objid
    UNION ALL
    SELECT CASE WHEN con.conrelid <> 0 THEN 'constraint' ELSE 'type' END, n.nspname::text,
           coalesce(c.relname, t.typname)::text,
           CASE WHEN con.conrelid <> 0 THEN con.conname::text ELSE '' END,
           CASE WHEN con.conrelid <> 0 THEN n.nspname || '.' || c.relname ELSE '' END
      FROM pg_catalog.pg_constraint con
      JOIN pg_catalog.pg_namespace n ON n.oid = con.connamespace
      LEFT JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
      LEFT JOIN pg_catalog.pg_type t ON t.oid = con.contypid
     WHERE e.classid = 'pg_catalog.pg_constraint'::pg_catalog.regclass AND con.oid = e.objid
    UNION ALL
    SELECT 'trigger', n.nspname::text, c.relname::text, tg.tgname::text,
           n.nspname || '.' || c.relname
      FROM pg_catalog.pg_trigger tg
      JOIN pg_catalog.pg_class c ON c.oid = tg.tgrelid
      JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
     WHERE e.classid = 'pg_catalog.pg_trigger'::pg_catalog.regclass AND tg.oid = e.objid
       AND NOT tg.tgisinternal
    UNION ALL
    SELECT 'policy', n.nspname::text, c.relname::text, po.polname::text,
           n.nspname || '.' || c.relname
      FROM pg_catalog.pg_policy po
      JOIN pg_catalog.pg_class c ON c.oid = po.polrelid
      JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
     WHERE e.classid = 'pg_catalog.pg_policy'::pg_catalog.regclass AND po.oid = e.objid
    UNION ALL
    SELECT 'column', n.nspname::text, c.relname::text, a.attname::text,
           n.nspname || '.' || c.relname
      FROM pg_catalog.pg_attrdef ad
      JOIN pg_catalog.pg_attribute a ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum
      JOIN pg_catalog.pg_class c ON c.oid = ad.adrelid
      JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
     WHERE e.classid = 'pg_catalog.pg_attrdef'::pg_catalog.regclass AND ad.oid = e.objid
    UNION ALL
    SELECT 'function', n.nspname::text, p.proname::text, '', ''
      FROM pg_catalog.pg_proc p
      JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
     WHERE e.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND p.oid = e.objid
    UNION ALL
    SELECT 'type', n.nspname::text, t.typname::text, '', ''
      FROM pg_catalog.pg_type t
      JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
     WHERE e.classid = 'pg_catalog.pg_type'::pg_catalog.regclass AND t.oid = e.objid
       AND t.typtype IN ('e', 'd', 'r', 'm')
 ) AS f(kind, schema, name, member, owner)
 WHERE f.schema NOT IN ('pg_catalog', 'information_schema')
