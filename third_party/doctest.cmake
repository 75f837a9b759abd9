# doctest from Debian (doctest-dev): header-only, with CMake helpers that register each test
# case with CTest.
find_package(doctest REQUIRED)
include(doctest)

# myomap_add_tests(<target> SOURCES ... LIBS ... [LABELS ...])
# Builds a doctest executable and registers each test case. A test that prints MYOMAP_SKIP
# (missing fixtures, for example) is reported as skipped rather than passed.
function(myomap_add_tests target)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;LABELS" ${ARGN})
  # CTest registers each case by name and CMake splits names at ';': such a case would be
  # registered as pieces that match nothing and pass without running. Refuse them.
  foreach(source ${ARG_SOURCES})
    file(STRINGS ${CMAKE_CURRENT_SOURCE_DIR}/${source} cases REGEX "TEST_CASE\\(\"[^\"]*;")
    if(cases)
      message(FATAL_ERROR "${source}: a test case name contains ';', which CTest would split: ${cases}")
    endif()
  endforeach()
  add_executable(${target} ${ARG_SOURCES})
  target_link_libraries(${target} PRIVATE doctest::doctest ${ARG_LIBS} myomap_warnings)
  target_include_directories(${target} PRIVATE ${PROJECT_SOURCE_DIR}/tests ${PROJECT_SOURCE_DIR}/src)
  target_compile_definitions(${target} PRIVATE
    MYOMAP_FIXTURES_DIR="${MYOMAP_FIXTURES_DIR}"
    MYOMAP_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    MYOMAP_TEST_OUTPUT_DIR="${CMAKE_BINARY_DIR}/test-output")
  doctest_discover_tests(${target}
    PROPERTIES LABELS "${ARG_LABELS}" SKIP_REGULAR_EXPRESSION "MYOMAP_SKIP:")
endfunction()
