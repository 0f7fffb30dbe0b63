# Hardening builds (scripts/hardening.sh), in a build folder of their own:
#   MIXTRACT_SANITIZE=address,undefined  every target built with those sanitizers; undefined behaviour
#                                        stops the program (no recovery), so a test that meets it fails.
#   MIXTRACT_FUZZ=ON                     (clang) the library instrumented for libFuzzer's coverage, and
#                                        the fuzz targets of tests/fuzz built.
set(MIXTRACT_SANITIZE "" CACHE STRING "Sanitizers for every target, as -fsanitize= takes them (address,undefined)")
option(MIXTRACT_FUZZ "Build the libFuzzer targets of tests/fuzz (needs clang)" OFF)
if(MIXTRACT_SANITIZE)
  add_compile_options(-fsanitize=${MIXTRACT_SANITIZE} -fno-sanitize-recover=all -fno-omit-frame-pointer -g)
  add_link_options(-fsanitize=${MIXTRACT_SANITIZE})
endif()
if(MIXTRACT_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "MIXTRACT_FUZZ needs clang (CXX=clang++)")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
