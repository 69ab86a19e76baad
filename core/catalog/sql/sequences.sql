-- Sequences, with the column that owns them (OWNED BY, serial and identity columns). The owning
-- column comes as its attnum, which the reader names from the columns it has already read; only
-- a table this read leaves out (another schema) has it named here (a pg_attribute probe per
-- sequence was half of this query's time).
SELECT n.nspname AS schema, c.relname AS name, format_type(s.seqtypid, NULL) AS data_type,
       s.seqstart AS start, s.seqincrement AS increment, s.seqmin AS min_value,
       s.seqmax AS max_value, s.seqcache AS cache, s.seqcycle AS cycle,
       c.relpersistence = 'u' AS unlogged,
       tn.nspname AS owner_schema, tc.relname AS owner_table, dep.refobjsubid AS owner_number,
       CASE WHEN NOT (tc.relkind IN ('r', 'p') AND @USER_SCHEMA(tn)@
                      AND @NOT_EXTENSION('pg_class', tc.oid)@)
            THEN (SELECT ta.attname FROM pg_attribute ta
                   WHERE ta.attrelid = dep.refobjid AND ta.attnum = dep.refobjsubid) END
           AS owner_column,
       coalesce(dep.deptype = 'i', false) AS identity,
       pg_get_userbyid(c.relowner) AS owner, @ACL(c.relacl)@ AS acl, d.description AS comment
  FROM pg_sequence s
  JOIN pg_class c ON c.oid = s.seqrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_depend dep
         ON dep.classid = 'pg_class'::regclass AND dep.objid = c.oid
        AND dep.refclassid = 'pg_class'::regclass AND dep.refobjsubid > 0
        AND dep.deptype IN ('a', 'i')
  LEFT JOIN pg_class tc ON tc.oid = dep.refobjid
  LEFT JOIN pg_namespace tn ON tn.oid = tc.relnamespace
  LEFT JOIN pg_description d
         ON d.classoid = 'pg_class'::regclass AND d.objoid = c.oid AND d.objsubid = 0
 WHERE @USER_SCHEMA(n)@ AND @NOT_EXTENSION('pg_class', c.oid)@
