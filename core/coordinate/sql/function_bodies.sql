-- Functions whose PL/pgSQL or SQL string body mentions one of the names ($1: one regular
-- expression per name). pg_depend does not look inside such bodies; the caller parses each
-- candidate to see what it really reads. Extension members are left out.
SELECT n.nspname, p.proname, l.lanname, pg_catalog.pg_get_functiondef(p.oid)
  FROM pg_catalog.pg_proc p
  JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
  JOIN pg_catalog.pg_language l ON l.oid = p.prolang
 WHERE l.lanname IN ('plpgsql', 'sql') AND p.prokind IN ('f', 'p')
   AND n.nspname <> 'pg_catalog' AND n.nspname <> 'information_schema'
   AND n.nspname !~ '^pg_'
   -- pg_catalog's namespace has the fixed OID 11: this cheap test, checked on pg_proc's own rows,
   -- spares the regular expressions the 3,000 built-in functions.
   AND p.pronamespace <> 11::pg_catalog.oid
   AND p.prosrc ~* ANY ($1::text[])
   AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                    WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
                      AND d.objid = p.oid AND d.deptype = 'e')
 ORDER BY n.nspname, p.proname
 LIMIT 500
