#pragma once
// at::parallel_for for the core's own loops. With LibTorch's OpenMP backend (Debian's build and
// pytorch.org's) the loop is a header template that runs in parallel only in a file compiled
// with OpenMP; elsewhere it silently runs on one thread. Modules whose files include this header
// are built with OpenMP (`glowscope_core_module(... OPENMP)`, cmake/GlowscopeHelpers.cmake).
#include <ATen/Parallel.h>

#if AT_PARALLEL_OPENMP && !defined(_OPENMP)
#error "at::parallel_for would run on one thread here: build this module with OPENMP"
#endif
