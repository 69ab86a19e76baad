# cmake -DCOMMANDS=compile_commands.json -DSOURCE_DIR=... -DBINARY_DIR=... -P portable_objects.cmake
#
# Fails when a compiler definition holds the checkout's or the build's absolute path anywhere but
# in tests/support/test_paths.cpp. Such an object differs from one clone to the next (ccache's
# base_dir rewrites paths given as -I or as the source, never inside a definition), so a fresh
# clone in another folder, CI's, would compile it again instead of taking it from the cache.
file(STRINGS "${COMMANDS}" commands REGEX "\"command\": ")
list(LENGTH commands count)
if(count EQUAL 0)
  message(FATAL_ERROR "no compile commands in ${COMMANDS}")
endif()
set(offenders "")
foreach(command IN LISTS commands)
  if(command MATCHES "/tests/support/test_paths\\.cpp\"")
    continue()
  endif()
  string(REPLACE " " ";" arguments "${command}")
  foreach(argument IN LISTS arguments)
    if(NOT argument MATCHES "^-D")
      continue()
    endif()
    foreach(dir IN ITEMS "${SOURCE_DIR}" "${BINARY_DIR}")
      string(FIND "${argument}" "${dir}" at)
      if(NOT at EQUAL -1)
        string(REGEX REPLACE ".* -c ([^ \"]+).*" "\\1" file "${command}")
        list(APPEND offenders "${file}: ${argument}")
      endif()
    endforeach()
  endforeach()
endforeach()
if(offenders)
  list(REMOVE_DUPLICATES offenders)
  list(JOIN offenders "\n  " text)
  message(FATAL_ERROR "definitions that hold a path of this checkout (move the path into "
                      "tests/support/test_paths.cpp):\n  ${text}")
endif()
message(STATUS "${count} compile commands, none with a path of this checkout in a definition")
