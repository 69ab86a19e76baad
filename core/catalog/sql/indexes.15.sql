-- Indexes of tables, partitioned tables and materialized views.
--
-- pg_get_indexdef costs the server several catalog-cache misses per index (a second of a cold
-- 10,000-table read). The common index is written here instead, exactly as pg_get_indexdef
-- prints it (tst_pg_catalog_printers compares the two on every kind of index): plain key columns
-- with the default operator class of their type, no collation, ordering or operator class
-- options, no storage parameters, a plain (not partitioned) index, on a server whose printer
-- the test has seen. Every other index is printed by the server.
WITH idx AS MATERIALIZED (
    SELECT x.indexrelid, x.indrelid, x.indnkeyatts, x.indkey, x.indclass, x.indcollation,
           x.indoption
      FROM pg_index x
      JOIN pg_class tc ON tc.oid = x.indrelid
      JOIN pg_namespace n ON n.oid = tc.relnamespace
     WHERE tc.relkind IN ('r', 'p', 'm') AND @USER_SCHEMA(n)@
       AND @NOT_EXTENSION('pg_class', tc.oid)@ AND @NOT_EXTENSION('pg_class', x.indexrelid)@
),
-- One row per index column, aggregated set-wise (a lateral subquery per index plans badly):
-- key columns (plain ones as their quoted name, what pg_get_indexdef prints for them; only
-- expressions need the server's deparser), then the INCLUDE columns, for which indclass,
-- indcollation and indoption have no entry.
columns AS (
    SELECT k.indexrelid,
           json_agg(json_build_array(
               CASE WHEN k.attnum <> 0 THEN quote_ident(a.attname)
                    ELSE pg_get_indexdef(k.indexrelid, k.i::integer, false) END,
               CASE WHEN NOT oc.opcdefault
                    THEN quote_ident(ocn.nspname) || '.' || quote_ident(oc.opcname) END,
               CASE WHEN k.coll <> 0 AND k.coll IS DISTINCT FROM a.attcollation
                    THEN quote_ident(kcn.nspname) || '.' || quote_ident(kco.collname) END,
               (k.opt & 1) <> 0,
               (k.opt & 2) <> 0) ORDER BY k.i) FILTER (WHERE k.i <= k.indnkeyatts) AS keys,
           string_agg(quote_ident(a.attname), ', ' ORDER BY k.i)
               FILTER (WHERE k.i <= k.indnkeyatts) AS key_list,
           json_agg(quote_ident(a.attname) ORDER BY k.i)
               FILTER (WHERE k.i > k.indnkeyatts) AS include,
           string_agg(quote_ident(a.attname), ', ' ORDER BY k.i)
               FILTER (WHERE k.i > k.indnkeyatts) AS include_list,
           -- Whether pg_get_indexdef prints every key as its bare column name: its operator
           -- class is the one GetDefaultOpClass picks for the column's type (an exact default,
           -- or text's for a varchar column in btree and hash).
           bool_and(k.i > k.indnkeyatts
                    OR (k.attnum <> 0 AND k.opt = 0 AND ia.attoptions IS NULL
                        AND (k.coll = 0 OR k.coll = a.attcollation)
                        AND oc.opcdefault AND at.typtype <> 'd'
                        AND (oc.opcintype = a.atttypid
                             OR (a.atttypid = 'varchar'::regtype AND oc.opcintype = 'text'::regtype
                                 AND am.amname IN ('btree', 'hash'))))) AS plain
      FROM (SELECT idx.indexrelid, idx.indrelid, idx.indnkeyatts, u.*
              FROM idx, unnest(idx.indkey::int2[], idx.indclass::oid[], idx.indcollation::oid[],
                               idx.indoption::int2[])
                        WITH ORDINALITY AS u(attnum, opclass, coll, opt, i)) k
      JOIN pg_class kic ON kic.oid = k.indexrelid
      JOIN pg_am am ON am.oid = kic.relam
      -- Looked up by key (OFFSET 0 keeps them lookups): hashing all of pg_attribute costs more.
      LEFT JOIN LATERAL (SELECT a.attname, a.attcollation, a.atttypid
                           FROM pg_attribute a
                          WHERE a.attrelid = k.indrelid AND a.attnum = k.attnum OFFSET 0) a ON true
      LEFT JOIN pg_type at ON at.oid = a.atttypid
      LEFT JOIN LATERAL (SELECT ia.attoptions
                           FROM pg_attribute ia
                          WHERE ia.attrelid = k.indexrelid AND ia.attnum = k.i OFFSET 0) ia ON true
      LEFT JOIN pg_opclass oc ON oc.oid = k.opclass
      LEFT JOIN pg_namespace ocn ON ocn.oid = oc.opcnamespace
      LEFT JOIN pg_collation kco ON kco.oid = k.coll
      LEFT JOIN pg_namespace kcn ON kcn.oid = kco.collnamespace
     GROUP BY k.indexrelid
)
SELECT n.nspname AS schema, ic.relname AS name, tc.relname AS table_name,
       coalesce(CASE WHEN k.plain AND x.indexprs IS NULL AND ic.relkind = 'i'
                          AND ic.reloptions IS NULL AND @PRINTER_VERIFIED@
                     THEN 'CREATE ' || CASE WHEN x.indisunique THEN 'UNIQUE ' ELSE '' END
                          || 'INDEX ' || quote_ident(ic.relname) || ' ON '
                          || quote_ident(n.nspname) || '.' || quote_ident(tc.relname)
                          || ' USING ' || quote_ident(am.amname) || ' (' || k.key_list || ')'
                          || coalesce(' INCLUDE (' || k.include_list || ')', '')
                          || CASE WHEN x.indnullsnotdistinct THEN ' NULLS NOT DISTINCT' ELSE '' END
                          || coalesce(' WHERE ' || p.predicate, '')
                END, pg_get_indexdef(x.indexrelid)) AS definition,
       am.amname AS access_method, k.keys::text AS keys, k.include::text AS include,
       p.predicate, array_to_json(ic.reloptions)::text AS options, ts.spcname AS tablespace,
       x.indisunique AS is_unique, x.indisprimary AS is_primary,
       x.indnullsnotdistinct AS nulls_not_distinct,
       x.indisvalid AS valid, x.indisclustered AS clustered,
       con.conname AS constraint_name,
       pin.nspname AS parent_schema, pic.relname AS parent_name,
       d.description AS comment
  FROM columns k
  JOIN pg_index x ON x.indexrelid = k.indexrelid
  JOIN pg_class ic ON ic.oid = x.indexrelid
  JOIN pg_class tc ON tc.oid = x.indrelid
  JOIN pg_namespace n ON n.oid = tc.relnamespace
  JOIN pg_am am ON am.oid = ic.relam
  -- Printed once (OFFSET 0 keeps the planner from copying the call into both uses): with its
  -- relation, pg_get_expr opens it.
  CROSS JOIN LATERAL (SELECT pg_get_expr(x.indpred, x.indrelid) AS predicate OFFSET 0) p
  LEFT JOIN pg_tablespace ts ON ts.oid = ic.reltablespace
  LEFT JOIN pg_constraint con
         ON con.conindid = x.indexrelid AND con.conrelid = x.indrelid
        AND con.contype IN ('p', 'u', 'x')
  LEFT JOIN pg_inherits pi ON pi.inhrelid = x.indexrelid
  LEFT JOIN pg_class pic ON pic.oid = pi.inhparent
  LEFT JOIN pg_namespace pin ON pin.oid = pic.relnamespace
  LEFT JOIN pg_description d
         ON d.classoid = 'pg_class'::regclass AND d.objoid = ic.oid AND d.objsubid = 0
