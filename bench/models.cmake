# Only when the models module is part of the build (GLOWSCOPE_CORE_MODULES).
if(TARGET glowscope_core_models)
  add_executable(pixelcnn_throughput ${CMAKE_CURRENT_LIST_DIR}/pixelcnn_throughput.cpp)
  target_compile_options(pixelcnn_throughput PRIVATE ${GLOWSCOPE_WARNINGS})
  target_link_libraries(pixelcnn_throughput PRIVATE glowscope_core_models glowscope_core_runtime)
endif()
