# Fails when the executable BINARY needs a shared library matching FORBIDDEN (a regular
# expression), read from its ELF dynamic section. The torch_free_libraries test runs it on a
# program linked with --no-as-needed against the libraries that must not link LibTorch, so
# anything on their link line shows up here.
#   cmake -DBINARY=<file> -DFORBIDDEN=<regex> -P cmake/CheckNeededLibraries.cmake
cmake_minimum_required(VERSION 3.25)

if(NOT BINARY OR NOT FORBIDDEN)
  message(FATAL_ERROR "usage: cmake -DBINARY=<file> -DFORBIDDEN=<regex> -P CheckNeededLibraries.cmake")
endif()
find_program(READELF readelf REQUIRED)
execute_process(COMMAND "${READELF}" --dynamic "${BINARY}" OUTPUT_VARIABLE dynamic
  RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "readelf failed on ${BINARY}")
endif()
string(REGEX MATCHALL "\\(NEEDED\\)[^\n]*\\[[^]\n]+\\]" entries "${dynamic}")
set(needed "")
set(forbidden "")
foreach(entry IN LISTS entries)
  string(REGEX REPLACE ".*\\[([^]]+)\\]" "\\1" library "${entry}")
  list(APPEND needed "${library}")
  if(library MATCHES "${FORBIDDEN}")
    list(APPEND forbidden "${library}")
  endif()
endforeach()
list(JOIN needed ", " needed_text)
if(forbidden)
  list(JOIN forbidden ", " forbidden_text)
  # One unwrapped line for the test that checks this check (a FATAL_ERROR text is re-wrapped).
  message(STATUS "FORBIDDEN: ${forbidden_text}")
  message(FATAL_ERROR "${BINARY} links LibTorch or OpenCV: ${forbidden_text}\n(needs ${needed_text})")
endif()
message(STATUS "${BINARY} needs only: ${needed_text}")
