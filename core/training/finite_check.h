#pragma once
// The NaN/Inf guard's checks over many tensors (gradients, weights) in one scan each.
#include <ATen/ATen.h>

#include <vector>

namespace glowscope {

/// True when no element of any defined tensor is NaN or infinite. Float CPU tensors are scanned
/// in place; others go through at::isfinite. One call instead of four ATen ops and a
/// synchronising item() per tensor (docs/training-config.md, "Throughput").
bool allFinite(const std::vector<at::Tensor>& tensors);

}  // namespace glowscope
