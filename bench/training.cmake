add_executable(train_throughput ${CMAKE_CURRENT_LIST_DIR}/train_throughput.cpp)
target_compile_options(train_throughput PRIVATE ${GLOWSCOPE_WARNINGS})
target_link_libraries(train_throughput PRIVATE glowscope_core_training)

add_executable(glow_step ${CMAKE_CURRENT_LIST_DIR}/glow_step.cpp)
target_compile_options(glow_step PRIVATE ${GLOWSCOPE_WARNINGS})
target_link_libraries(glow_step PRIVATE glowscope_core_training)

add_executable(step_profile ${CMAKE_CURRENT_LIST_DIR}/step_profile.cpp)
target_compile_options(step_profile PRIVATE ${GLOWSCOPE_WARNINGS})
target_link_libraries(step_profile PRIVATE glowscope_core_training)

add_executable(data_parallel_throughput ${CMAKE_CURRENT_LIST_DIR}/data_parallel_throughput.cpp)
target_compile_options(data_parallel_throughput PRIVATE ${GLOWSCOPE_WARNINGS})
target_link_libraries(data_parallel_throughput PRIVATE glowscope_core_training)
