#pragma once
// A named scope for LibTorch's autograd profiler: bench/step_profile charges the ops run inside
// it (and their backward) to the name (docs/flows.md, "Performance"). Costs a thread-local check
// when no profiler runs.
#include <ATen/record_function.h>

#define GLOWSCOPE_PROFILE_SCOPE(name) RECORD_USER_SCOPE("glowscope::" name)
