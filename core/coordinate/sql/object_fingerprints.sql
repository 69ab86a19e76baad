-- The definition of each object, as the server prints it, for fingerprinting: $1 kinds (as
-- coordinate::kindName spells them), $2 schemas, $3 names, $4 members, side by side. Runs with
-- an empty search_path, so every name in a definition is schema-qualified. NULL: no such object.
-- Tables are fingerprinted by what makes them the same table (kind, persistence, partitioning,
-- parents), not by their columns: each column is an object of its own.
SELECT o.ord,
       CASE o.kind
       WHEN 'schema' THEN
           (SELECT 'schema' FROM pg_catalog.pg_namespace n WHERE n.nspname = o.name)
       WHEN 'extension' THEN
           (SELECT 'extension ' || x.extversion || ' in ' || x.extnamespace::regnamespace::text
              FROM pg_catalog.pg_extension x WHERE x.extname = o.name)
       WHEN 'column' THEN
           (SELECT concat_ws('|', pg_catalog.format_type(a.atttypid, a.atttypmod),
                             a.attnotnull, pg_catalog.pg_get_expr(d.adbin, d.adrelid),
                             a.attidentity, a.attgenerated, co.collname)
              FROM pg_catalog.pg_attribute a
              JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
              JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
              LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
              LEFT JOIN pg_catalog.pg_type ty ON ty.oid = a.atttypid
              LEFT JOIN pg_catalog.pg_collation co
                     ON co.oid = a.attcollation AND a.attcollation <> ty.typcollation
             WHERE n.nspname = o.schema AND c.relname = o.name AND a.attname = o.member
               AND a.attnum > 0 AND NOT a.attisdropped)
       WHEN 'constraint' THEN
           (SELECT pg_catalog.pg_get_constraintdef(con.oid) || '|' || con.convalidated
              FROM pg_catalog.pg_constraint con
              JOIN pg_catalog.pg_namespace n ON n.oid = con.connamespace
              LEFT JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
              LEFT JOIN pg_catalog.pg_type t ON t.oid = con.contypid
             WHERE n.nspname = o.schema AND coalesce(c.relname, t.typname) = o.name
               AND con.conname = o.member
             LIMIT 1)
       WHEN 'trigger' THEN
           (SELECT pg_catalog.pg_get_triggerdef(tg.oid) || '|' || tg.tgenabled::text
              FROM pg_catalog.pg_trigger tg
              JOIN pg_catalog.pg_class c ON c.oid = tg.tgrelid
              JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = o.schema AND c.relname = o.name AND tg.tgname = o.member
               AND NOT tg.tgisinternal)
       WHEN 'policy' THEN
           (SELECT concat_ws('|', po.polcmd, po.polpermissive, po.polroles::text,
                             pg_catalog.pg_get_expr(po.polqual, po.polrelid),
                             pg_catalog.pg_get_expr(po.polwithcheck, po.polrelid))
              FROM pg_catalog.pg_policy po
              JOIN pg_catalog.pg_class c ON c.oid = po.polrelid
              JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = o.schema AND c.relname = o.name AND po.polname = o.member)
       WHEN 'enum_value' THEN
           (SELECT 'label ' || e.enumlabel
              FROM pg_catalog.pg_enum e
              JOIN pg_catalog.pg_type t ON t.oid = e.enumtypid
              JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
             WHERE n.nspname = o.schema AND t.typname = o.name AND e.enumlabel = o.member)
       WHEN 'function' THEN
           (SELECT string_agg(CASE WHEN p.prokind = 'a'
                                   THEN 'aggregate ' || p.oid::pg_catalog.regprocedure::text
                                   ELSE pg_catalog.pg_get_functiondef(p.oid) END,
                              E'\n' ORDER BY p.oid::pg_catalog.regprocedure::text)
              FROM pg_catalog.pg_proc p
              JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
             WHERE n.nspname = o.schema AND p.proname = o.name
               AND (o.member = ''
                    OR p.oid = pg_catalog.to_regprocedure(
                           pg_catalog.quote_ident(o.schema) || '.' ||
                           pg_catalog.quote_ident(o.name) || o.member)))
       ELSE coalesce(
           (SELECT CASE
                   WHEN c.relkind IN ('r', 'p', 'f') THEN
                       concat_ws('|', 'table', c.relkind, c.relpersistence,
                                 pg_catalog.pg_get_partkeydef(c.oid),
                                 pg_catalog.pg_get_expr(c.relpartbound, c.oid),
                                 (SELECT string_agg(i.inhparent::pg_catalog.regclass::text, ','
                                                    ORDER BY i.inhseqno)
                                    FROM pg_catalog.pg_inherits i WHERE i.inhrelid = c.oid))
                   WHEN c.relkind IN ('v', 'm') THEN
                       c.relkind::text || '|' || pg_catalog.pg_get_viewdef(c.oid)
                   WHEN c.relkind IN ('i', 'I') THEN
                       pg_catalog.pg_get_indexdef(c.oid) || '|' ||
                       (SELECT x.indisvalid FROM pg_catalog.pg_index x WHERE x.indexrelid = c.oid)
                   WHEN c.relkind = 'S' THEN
                       (SELECT concat_ws('|', 'sequence', pg_catalog.format_type(s.seqtypid, NULL),
                                         s.seqstart, s.seqincrement, s.seqmin, s.seqmax,
                                         s.seqcache, s.seqcycle)
                          FROM pg_catalog.pg_sequence s WHERE s.seqrelid = c.oid)
                   WHEN c.relkind = 'c' THEN
                       'composite|' ||
                       (SELECT string_agg(a.attname || ' ' ||
                                          pg_catalog.format_type(a.atttypid, a.atttypmod),
                                          ',' ORDER BY a.attnum)
                          FROM pg_catalog.pg_attribute a
                         WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped)
                   END
              FROM pg_catalog.pg_class c
              JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
             WHERE n.nspname = o.schema AND c.relname = o.name),
           (SELECT CASE t.typtype
                   WHEN 'e' THEN
                       'enum|' || (SELECT string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder)
                                     FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid)
                   WHEN 'd' THEN
                       concat_ws('|', 'domain', pg_catalog.format_type(t.typbasetype, t.typtypmod),
                                 t.typnotnull, t.typdefault,
                                 (SELECT string_agg(pg_catalog.pg_get_constraintdef(con.oid), ','
                                                    ORDER BY con.conname)
                                    FROM pg_catalog.pg_constraint con WHERE con.contypid = t.oid))
                   WHEN 'r' THEN
                       (SELECT 'range|' || pg_catalog.format_type(r.rngsubtype, NULL)
                          FROM pg_catalog.pg_range r WHERE r.rngtypid = t.oid)
                   ELSE 'type|' || t.typtype::text
                   END
              FROM pg_catalog.pg_type t
              JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
             WHERE n.nspname = o.schema AND t.typname = o.name))
       END AS definition
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) WITH ORDINALITY
       AS o(kind, schema, name, member, ord)
