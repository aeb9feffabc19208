# What the LibTorch found by find_package(Torch) offers for data-parallel training (c10d), so
# one source tree builds against Debian's CPU LibTorch 1.13 and a pytorch.org LibTorch 2.x with
# CUDA (docs/scaling-out.md). Sets:
#   GLOWSCOPE_TORCH_CUDA  ON when the LibTorch was built with CUDA (a GPU may still be absent)
#   GLOWSCOPE_HAVE_GLOO   ON when c10d's ProcessGroupGloo and the Gloo headers are both there
#   GLOWSCOPE_HAVE_NCCL   ON when, in addition, the LibTorch has CUDA and nccl.h is found
# and glowscope_distributed_definitions(source) adds the matching definitions to one file.
include(CheckIncludeFileCXX)

if(CAFFE2_USE_CUDA OR TARGET torch_cuda)
  set(GLOWSCOPE_TORCH_CUDA ON)
else()
  set(GLOWSCOPE_TORCH_CUDA OFF)
endif()

find_path(GLOWSCOPE_C10D_INCLUDE_DIR torch/csrc/distributed/c10d/ProcessGroupGloo.hpp
  HINTS ${TORCH_INCLUDE_DIRS})
# Debian ships Gloo's headers in libgloo-dev; a pytorch.org LibTorch carries its own.
find_path(GLOWSCOPE_GLOO_INCLUDE_DIR gloo/config.h HINTS ${TORCH_INCLUDE_DIRS})
if(GLOWSCOPE_C10D_INCLUDE_DIR AND GLOWSCOPE_GLOO_INCLUDE_DIR)
  set(GLOWSCOPE_HAVE_GLOO ON)
else()
  set(GLOWSCOPE_HAVE_GLOO OFF)
  message(WARNING "c10d Gloo headers not found (Debian: apt-get install libgloo-dev): "
    "training runs in one process only")
endif()

set(GLOWSCOPE_HAVE_NCCL OFF)
if(GLOWSCOPE_TORCH_CUDA)
  find_path(GLOWSCOPE_NCCL_INCLUDE_DIR nccl.h HINTS ${TORCH_INCLUDE_DIRS} ENV NCCL_ROOT
    PATH_SUFFIXES include)
  if(GLOWSCOPE_NCCL_INCLUDE_DIR AND EXISTS
     "${GLOWSCOPE_C10D_INCLUDE_DIR}/torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp")
    set(GLOWSCOPE_HAVE_NCCL ON)
  endif()
endif()
message(STATUS "Glowscope data-parallel: Gloo ${GLOWSCOPE_HAVE_GLOO}, NCCL ${GLOWSCOPE_HAVE_NCCL}, "
  "CUDA LibTorch ${GLOWSCOPE_TORCH_CUDA}")

function(glowscope_distributed_definitions source)
  # On the one source file that includes c10d (core/training/c10d_compat.h), so the flags of
  # the rest of the module, and their compiler cache entries, stay as they are.
  set(definitions "")
  set(includes "")
  if(GLOWSCOPE_HAVE_GLOO)
    # c10d's headers compile their Gloo classes only under USE_C10D_GLOO.
    list(APPEND definitions USE_C10D_GLOO GLOWSCOPE_HAVE_GLOO=1)
    list(APPEND includes ${GLOWSCOPE_GLOO_INCLUDE_DIR})
  endif()
  if(GLOWSCOPE_HAVE_NCCL)
    list(APPEND definitions USE_C10D_NCCL GLOWSCOPE_HAVE_NCCL=1)
    list(APPEND includes ${GLOWSCOPE_NCCL_INCLUDE_DIR})
  endif()
  # System folders (Debian's /usr/include) must not be given again: -I/usr/include breaks
  # libstdc++'s #include_next.
  list(REMOVE_ITEM includes ${CMAKE_CXX_IMPLICIT_INCLUDE_DIRECTORIES} ${TORCH_INCLUDE_DIRS})
  set_source_files_properties(${source} PROPERTIES COMPILE_DEFINITIONS "${definitions}")
  if(includes)
    set_source_files_properties(${source} PROPERTIES INCLUDE_DIRECTORIES "${includes}")
  endif()
endfunction()
