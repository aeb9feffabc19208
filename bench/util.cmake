add_executable(bench_blas bench_blas.cpp)
target_compile_options(bench_blas PRIVATE ${GLOWSCOPE_WARNINGS})
target_link_libraries(bench_blas PRIVATE glowscope_core_runtime)
