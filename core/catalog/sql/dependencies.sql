-- Edges of pg_depend between objects the catalog models, each side folded onto the object the
-- catalog knows: a view's rewrite rule and a column default onto their relation, a row type onto
-- its relation, an array type onto its element, a domain constraint onto its domain.
-- Sequence ownership (sequence -> column) is left out: it is written after the tables.
-- Rows may repeat (several pg_depend rows fold onto one edge): the reader removes duplicates.
WITH nodes(classid, objid, kind, schema, name, member, is_sequence) AS (
    SELECT 'pg_class'::regclass, c.oid, CASE WHEN c.relkind = 'c' THEN 'type' ELSE 'relation' END,
           n.nspname, c.relname, '', c.relkind = 'S'
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE @USER_SCHEMA(n)@ AND c.relkind <> 't'
    UNION ALL
    SELECT 'pg_type'::regclass, t.oid,
           CASE WHEN rc.relkind IS NOT NULL AND rc.relkind <> 'c' THEN 'relation' ELSE 'type' END,
           n.nspname, coalesce(rc.relname, t.typname), '', false
      FROM pg_type t
      JOIN pg_namespace n ON n.oid = t.typnamespace
      LEFT JOIN pg_class rc ON rc.oid = t.typrelid
     WHERE @USER_SCHEMA(n)@ AND NOT EXISTS (SELECT FROM pg_type e WHERE e.typarray = t.oid)
    UNION ALL
    SELECT 'pg_type'::regclass, t.oid,
           CASE WHEN rc.relkind IS NOT NULL AND rc.relkind <> 'c' THEN 'relation' ELSE 'type' END,
           n.nspname, coalesce(rc.relname, e.typname), '', false
      FROM pg_type t
      JOIN pg_type e ON e.typarray = t.oid
      JOIN pg_namespace n ON n.oid = e.typnamespace
      LEFT JOIN pg_class rc ON rc.oid = e.typrelid
     WHERE @USER_SCHEMA(n)@
    UNION ALL
    SELECT 'pg_proc'::regclass, p.oid, 'function', n.nspname,
           p.proname || '(' || oidvectortypes(p.proargtypes) || ')', '', false
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE @USER_SCHEMA(n)@
    UNION ALL
    SELECT 'pg_operator'::regclass, o.oid, 'operator', n.nspname,
           o.oprname || '('
               || CASE WHEN o.oprleft <> 0 THEN format_type(o.oprleft, NULL) ELSE 'NONE' END || ', '
               || CASE WHEN o.oprright <> 0 THEN format_type(o.oprright, NULL) ELSE 'NONE' END
               || ')', '', false
      FROM pg_operator o JOIN pg_namespace n ON n.oid = o.oprnamespace
     WHERE @USER_SCHEMA(n)@ AND o.oprcode <> 0
    UNION ALL
    SELECT 'pg_constraint'::regclass, con.oid,
           CASE WHEN con.conrelid <> 0 THEN 'constraint' ELSE 'type' END,
           n.nspname, coalesce(c.relname, t.typname),
           CASE WHEN con.conrelid <> 0 THEN con.conname ELSE '' END, false
      FROM pg_constraint con
      LEFT JOIN pg_class c ON c.oid = con.conrelid
      LEFT JOIN pg_type t ON t.oid = con.contypid
      JOIN pg_namespace n ON n.oid = coalesce(c.relnamespace, t.typnamespace)
     WHERE @USER_SCHEMA(n)@
    UNION ALL
    SELECT 'pg_trigger'::regclass, tg.oid, 'trigger', n.nspname, c.relname, tg.tgname, false
      FROM pg_trigger tg
      JOIN pg_class c ON c.oid = tg.tgrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE @USER_SCHEMA(n)@ AND NOT tg.tgisinternal
    UNION ALL
    SELECT 'pg_policy'::regclass, po.oid, 'policy', n.nspname, c.relname, po.polname, false
      FROM pg_policy po
      JOIN pg_class c ON c.oid = po.polrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE @USER_SCHEMA(n)@
    UNION ALL
    SELECT 'pg_rewrite'::regclass, r.oid, 'relation', n.nspname, c.relname, '', false
      FROM pg_rewrite r
      JOIN pg_class c ON c.oid = r.ev_class
      JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE @USER_SCHEMA(n)@ AND r.rulename = '_RETURN'
    UNION ALL
    SELECT 'pg_attrdef'::regclass, ad.oid, 'relation', n.nspname, c.relname, '', false
      FROM pg_attrdef ad
      JOIN pg_class c ON c.oid = ad.adrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE @USER_SCHEMA(n)@
    UNION ALL
    SELECT 'pg_namespace'::regclass, n.oid, 'schema', '', n.nspname, '', false
      FROM pg_namespace n WHERE @USER_SCHEMA(n)@
    UNION ALL
    SELECT 'pg_extension'::regclass, x.oid, 'extension', '', x.extname, '', false
      FROM pg_extension x
    UNION ALL
    SELECT 'pg_collation'::regclass, co.oid, 'collation', n.nspname, co.collname, '', false
      FROM pg_collation co JOIN pg_namespace n ON n.oid = co.collnamespace
     WHERE @USER_SCHEMA(n)@
)
SELECT a.kind, a.schema, a.name, a.member, b.kind AS ref_kind, b.schema AS ref_schema,
       b.name AS ref_name, b.member AS ref_member
  FROM pg_depend d
  JOIN nodes a ON a.classid = d.classid AND a.objid = d.objid
  JOIN nodes b ON b.classid = d.refclassid AND b.objid = d.refobjid
 WHERE d.deptype IN ('n', 'a')
   AND NOT (a.is_sequence AND d.refclassid = 'pg_class'::regclass AND d.refobjsubid <> 0)
   AND (a.kind, a.schema, a.name, a.member) IS DISTINCT FROM (b.kind, b.schema, b.name, b.member)
