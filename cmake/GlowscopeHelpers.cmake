# glowscope_core_module(NAME SOURCES ... [DEPS ...] [TORCH] [OPENMP])
# One static library per core module, so a module builds, links and is tested on its own.
function(glowscope_core_module name)
  glowscope_core_library(${name} ${ARGN})
endfunction()

# glowscope_core_library(NAME SOURCES ... [DEPS ...] [TORCH] [OPENMP]): the library
# glowscope_core_<NAME>. A module may add a second, lighter library beside its own (e.g. a
# torch-free part of it). OPENMP: the module runs its own at::parallel_for loops, which are
# parallel only when compiled with OpenMP (core/runtime/parallel.h).
function(glowscope_core_library name)
  cmake_parse_arguments(ARG "TORCH;OPENMP" "" "SOURCES;DEPS" ${ARGN})
  set(target glowscope_core_${name})
  add_library(${target} STATIC ${ARG_SOURCES})
  target_include_directories(${target} PUBLIC ${PROJECT_SOURCE_DIR})
  target_compile_options(${target} PRIVATE ${GLOWSCOPE_WARNINGS})
  set_target_properties(${target} PROPERTIES POSITION_INDEPENDENT_CODE ON)
  target_link_libraries(${target} PUBLIC ${ARG_DEPS})
  if(ARG_TORCH)
    target_link_libraries(${target} PUBLIC ${TORCH_LIBRARIES})
  endif()
  if(ARG_OPENMP)
    find_package(OpenMP REQUIRED COMPONENTS CXX)
    target_link_libraries(${target} PRIVATE OpenMP::OpenMP_CXX)
  endif()
endfunction()

# glowscope_add_test(NAME SOURCES ... LIBS ... LABEL label [TIMEOUT s])
# One Qt Test executable per unit, registered with CTest under a label.
function(glowscope_add_test name)
  cmake_parse_arguments(ARG "" "LABEL;TIMEOUT" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  set_target_properties(${name} PROPERTIES AUTOMOC ON)
  target_compile_options(${name} PRIVATE ${GLOWSCOPE_WARNINGS})
  target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBS})
  add_test(NAME ${name} COMMAND ${name})
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 300)
  endif()
  set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABEL}" TIMEOUT ${ARG_TIMEOUT}
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;OMP_NUM_THREADS=2")
endfunction()
