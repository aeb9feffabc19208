#include "core/training/finite_check.h"

#include <atomic>

#include "core/runtime/parallel.h"

namespace glowscope {
namespace {

bool scanFloats(const float* data, int64_t count) {
  std::atomic<bool> finite{true};
  at::parallel_for(0, count, 1 << 16, [&](int64_t begin, int64_t end) {
    // x - x is 0 for finite x and NaN for NaN and +-inf; the sum stays 0 only if all are finite.
    float sum = 0.0f;
    for (int64_t i = begin; i < end; ++i) sum += data[i] - data[i];
    if (sum != 0.0f) finite = false;
  });
  return finite;
}

}  // namespace

bool allFinite(const std::vector<at::Tensor>& tensors) {
  for (const at::Tensor& tensor : tensors) {
    if (!tensor.defined() || tensor.numel() == 0) continue;
    if (tensor.is_cpu() && tensor.scalar_type() == at::kFloat && tensor.is_contiguous() &&
        !tensor.is_sparse()) {
      if (!scanFloats(tensor.data_ptr<float>(), tensor.numel())) return false;
    } else if (!at::isfinite(tensor).all().item<bool>()) {
      return false;
    }
  }
  return true;
}

}  // namespace glowscope
