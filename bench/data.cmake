add_executable(bench_data ${CMAKE_CURRENT_LIST_DIR}/bench_data.cpp)
target_compile_options(bench_data PRIVATE ${GLOWSCOPE_WARNINGS})
target_link_libraries(bench_data PRIVATE glowscope_core_data)
