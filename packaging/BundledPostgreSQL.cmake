# PLUMBLINE_BUNDLE_POSTGRESQL=PREFIX puts a PostgreSQL server installation into the package, for
# platforms without a distribution to depend on (the Windows installer). The embedded server finds
# it next to the workbench (core/db/local_cluster.cpp, LocalCluster::findBinDir):
#   <install>/postgresql/bin/{initdb,pg_ctl,postgres,...}
# PostgreSQL finds its share and lib folders relative to its bin folder, so the three keep the
# layout they have under PREFIX.
set(PLUMBLINE_BUNDLE_POSTGRESQL "" CACHE PATH
    "a PostgreSQL installation prefix to ship with the workbench (empty: use the system's)")
if(NOT PLUMBLINE_BUNDLE_POSTGRESQL)
  return()
endif()
set(pg "${PLUMBLINE_BUNDLE_POSTGRESQL}")
if(NOT EXISTS "${pg}/bin/initdb${CMAKE_EXECUTABLE_SUFFIX}")
  message(FATAL_ERROR "PLUMBLINE_BUNDLE_POSTGRESQL=${pg} has no bin/initdb: give the prefix of a "
                      "PostgreSQL server installation")
endif()
set(server_programs initdb pg_ctl postgres pg_dump pg_restore psql)
foreach(program IN LISTS server_programs)
  list(APPEND server_files "${pg}/bin/${program}${CMAKE_EXECUTABLE_SUFFIX}")
endforeach()
install(PROGRAMS ${server_files} DESTINATION postgresql/bin)
# The catalog templates, time zones and extensions (share), and the server modules (lib).
file(GLOB share_dirs LIST_DIRECTORIES true "${pg}/share/postgresql*")
file(GLOB module_dirs LIST_DIRECTORIES true "${pg}/lib/postgresql*")
install(DIRECTORY ${share_dirs} DESTINATION postgresql/share)
install(DIRECTORY ${module_dirs} DESTINATION postgresql/lib)
if(WIN32)
  # The DLLs the server programs load, found beside them in PREFIX/bin.
  install(CODE "
    file(GET_RUNTIME_DEPENDENCIES
      EXECUTABLES ${server_files}
      RESOLVED_DEPENDENCIES_VAR dlls
      DIRECTORIES \"${pg}/bin\"
      PRE_EXCLUDE_REGEXES \"^api-ms-\" \"^ext-ms-\"
      POST_EXCLUDE_REGEXES \".*[Ss]ystem32/.*\\\\.dll$\")
    file(INSTALL \${dlls} DESTINATION \"\${CMAKE_INSTALL_PREFIX}/postgresql/bin\")
  ")
endif()
