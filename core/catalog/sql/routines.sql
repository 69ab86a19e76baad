-- Functions, procedures, aggregates and window functions.
SELECT n.nspname AS schema, p.proname AS name, p.prokind AS kind,
       oidvectortypes(p.proargtypes) AS identity_argument_types,
       pg_get_function_identity_arguments(p.oid) AS identity_arguments,
       pg_get_function_arguments(p.oid) AS arguments,
       CASE WHEN p.prokind <> 'p' THEN pg_get_function_result(p.oid) END AS result,
       l.lanname AS language,
       CASE p.provolatile WHEN 'i' THEN 'IMMUTABLE' WHEN 's' THEN 'STABLE'
                          ELSE 'VOLATILE' END AS volatility,
       CASE p.proparallel WHEN 's' THEN 'SAFE' WHEN 'r' THEN 'RESTRICTED'
                          ELSE 'UNSAFE' END AS parallel,
       p.proisstrict AS strict, p.prosecdef AS security_definer, p.proleakproof AS leakproof,
       p.proretset AS returns_set, p.procost AS cost, p.prorows AS rows,
       array_to_json(p.proconfig)::text AS configuration, p.prosrc AS body,
       CASE WHEN p.prokind <> 'a' THEN pg_get_functiondef(p.oid) END AS definition,
       CASE ag.aggkind WHEN 'n' THEN 'normal' WHEN 'o' THEN 'ordered-set'
                       WHEN 'h' THEN 'hypothetical' END AS agg_kind,
       ag.aggtransfn::regproc::text AS agg_transition,
       format_type(ag.aggtranstype, NULL) AS agg_state_type, ag.aggtransspace AS agg_state_space,
       CASE WHEN ag.aggfinalfn <> 0 THEN ag.aggfinalfn::regproc::text END AS agg_final,
       ag.aggfinalextra AS agg_final_extra,
       CASE ag.aggfinalmodify WHEN 'r' THEN 'READ_ONLY' WHEN 's' THEN 'SHAREABLE'
                              WHEN 'w' THEN 'READ_WRITE' END AS agg_final_modify,
       CASE WHEN ag.aggcombinefn <> 0 THEN ag.aggcombinefn::regproc::text END AS agg_combine,
       CASE WHEN ag.aggserialfn <> 0 THEN ag.aggserialfn::regproc::text END AS agg_serial,
       CASE WHEN ag.aggdeserialfn <> 0 THEN ag.aggdeserialfn::regproc::text END AS agg_deserial,
       ag.agginitval AS agg_initial,
       CASE WHEN ag.aggmtransfn <> 0 THEN ag.aggmtransfn::regproc::text END AS agg_mtransition,
       CASE WHEN ag.aggminvtransfn <> 0 THEN ag.aggminvtransfn::regproc::text END AS agg_minverse,
       CASE WHEN ag.aggmtranstype <> 0 THEN format_type(ag.aggmtranstype, NULL) END
           AS agg_mstate_type,
       ag.aggmtransspace AS agg_mstate_space,
       CASE WHEN ag.aggmfinalfn <> 0 THEN ag.aggmfinalfn::regproc::text END AS agg_mfinal,
       ag.aggmfinalextra AS agg_mfinal_extra,
       CASE ag.aggmfinalmodify WHEN 'r' THEN 'READ_ONLY' WHEN 's' THEN 'SHAREABLE'
                               WHEN 'w' THEN 'READ_WRITE' END AS agg_mfinal_modify,
       ag.aggminitval AS agg_minitial,
       CASE WHEN ag.aggsortop <> 0 THEN ag.aggsortop::regoper::text END AS agg_sort_operator,
       ag.aggnumdirectargs AS agg_direct_args,
       pg_get_userbyid(p.proowner) AS owner, @ACL(p.proacl)@ AS acl, d.description AS comment
  FROM pg_proc p
  JOIN pg_namespace n ON n.oid = p.pronamespace
  JOIN pg_language l ON l.oid = p.prolang
  LEFT JOIN pg_aggregate ag ON ag.aggfnoid = p.oid
  LEFT JOIN pg_description d ON d.classoid = 'pg_proc'::regclass AND d.objoid = p.oid
 WHERE @USER_SCHEMA(n)@ AND @NOT_EXTENSION('pg_proc', p.oid)@
 ORDER BY 1, 2, 4
