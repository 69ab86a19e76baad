-- Text search configurations with their token mappings (dictionaries stay unmanaged).
SELECT n.nspname AS schema, c.cfgname AS name,
       quote_ident(pn.nspname) || '.' || quote_ident(p.prsname) AS parser,
       (SELECT json_agg(json_build_array(
                   t.alias,
                   (SELECT json_agg(quote_ident(dn.nspname) || '.' || quote_ident(dc.dictname)
                                    ORDER BY m.mapseqno)
                      FROM pg_ts_config_map m
                      JOIN pg_ts_dict dc ON dc.oid = m.mapdict
                      JOIN pg_namespace dn ON dn.oid = dc.dictnamespace
                     WHERE m.mapcfg = c.oid AND m.maptokentype = t.tokid)) ORDER BY t.tokid)
          FROM ts_token_type(c.cfgparser) t
         WHERE EXISTS (SELECT FROM pg_ts_config_map m
                        WHERE m.mapcfg = c.oid AND m.maptokentype = t.tokid))::text AS mappings,
       pg_get_userbyid(c.cfgowner) AS owner, d.description AS comment
  FROM pg_ts_config c
  JOIN pg_namespace n ON n.oid = c.cfgnamespace
  JOIN pg_ts_parser p ON p.oid = c.cfgparser
  JOIN pg_namespace pn ON pn.oid = p.prsnamespace
  LEFT JOIN pg_description d ON d.classoid = 'pg_ts_config'::regclass AND d.objoid = c.oid
 WHERE @USER_SCHEMA(n)@ AND @NOT_EXTENSION('pg_ts_config', c.oid)@
