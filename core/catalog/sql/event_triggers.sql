-- Event triggers are database-wide: $1 does not filter them.
SELECT e.evtname AS name, e.evtevent AS event, array_to_json(e.evttags)::text AS tags,
       e.evtfoid::regproc::text AS function, e.evtenabled AS enabled,
       pg_get_userbyid(e.evtowner) AS owner, d.description AS comment
  FROM pg_event_trigger e
  LEFT JOIN pg_description d ON d.classoid = 'pg_event_trigger'::regclass AND d.objoid = e.oid
 WHERE cardinality($1::text[]) >= 0 AND @NOT_EXTENSION('pg_event_trigger', e.oid)@
 ORDER BY 1
