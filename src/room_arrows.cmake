# The arrows between the app's rooms (README "Layout"), checked over every #include in src/:
#   cmake -DSRC=<src folder> -P room_arrows.cmake     (the CTest test `room_arrows` runs it)
# A static library may still compile with an include that points the wrong way; this fails
# instead, naming the file, the include and the rule. Each rule: a folder, and the folders
# its files may not include.
cmake_minimum_required(VERSION 3.20)
set(rules
  "core|model anatomy session bodygen render handout ui explore window automation modes viewer tools app"
  "model|anatomy session render handout ui explore window automation modes viewer tools app"
  "anatomy|session render handout ui explore window automation modes viewer tools app"
  "render|model anatomy session bodygen handout ui explore window automation modes viewer tools app"
  "ui|render session handout explore window automation modes viewer tools app"
  "session|explore window automation modes viewer tools app"
  "handout|explore window automation modes viewer tools app"
  "explore|window automation modes viewer tools app"
  "window|model anatomy ui explore automation modes viewer tools app"
  "automation|modes viewer tools app"
  "modes|window automation viewer tools app"
  "viewer|tools app"
  "tools|viewer app")
set(problems "")
foreach(rule ${rules})
  string(REPLACE "|" ";" parts "${rule}")
  list(GET parts 0 room)
  list(GET parts 1 forbidden)
  string(REPLACE " " ";" forbidden "${forbidden}")
  file(GLOB_RECURSE sources "${SRC}/${room}/*.h" "${SRC}/${room}/*.cpp")
  foreach(source ${sources})
    file(STRINGS "${source}" includes REGEX "^#include \"[a-z_]+/")
    file(RELATIVE_PATH shown "${SRC}" "${source}")
    foreach(line ${includes})
      string(REGEX REPLACE "^#include \"([a-z_]+)/.*" "\\1" target "${line}")
      if(target IN_LIST forbidden)
        string(APPEND problems "  ${shown}: ${line} (${room} may not include ${target}/)\n")
      endif()
      # A mode knows the interface beside it, never another mode.
      if(room STREQUAL "modes" AND line MATCHES "^#include \"modes/([a-z_]+)/")
        set(other "${CMAKE_MATCH_1}")
        if(shown MATCHES "^modes/[a-z_]+/" AND NOT shown MATCHES "^modes/${other}/")
          string(APPEND problems "  ${shown}: ${line} (a mode may not include another mode)\n")
        endif()
      endif()
    endforeach()
  endforeach()
endforeach()
# Only the registry knows every mode.
file(GLOB_RECURSE sources "${SRC}/*.h" "${SRC}/*.cpp")
foreach(source ${sources})
  file(RELATIVE_PATH shown "${SRC}" "${source}")
  if(shown MATCHES "^(modes|app|tools|viewer)/")
    continue()
  endif()
  file(STRINGS "${source}" includes REGEX "^#include \"modes/")
  foreach(line ${includes})
    string(APPEND problems "  ${shown}: ${line} (only the viewer, the tools and the app know the modes)\n")
  endforeach()
endforeach()
if(problems)
  message(FATAL_ERROR "includes that point the wrong way between the rooms of src/:\n${problems}")
endif()
message(STATUS "room arrows: every include in ${SRC} points the allowed way")
