#include "core/runtime/device.h"

#include <torch/cuda.h>

#include <optional>

#include "core/runtime/runtime.h"
#include "core/util/errors.h"

namespace glowscope {
namespace {

/// -1 for "cuda" (the current GPU), N for "cuda:N", nothing for anything else.
std::optional<int> cudaIndex(const std::string& name) {
  if (name == "cuda") return -1;
  if (name.rfind("cuda:", 0) != 0 || name.size() == 5) return std::nullopt;
  const std::string digits = name.substr(5);
  if (digits.size() > 3 || digits.find_first_not_of("0123456789") != std::string::npos)
    return std::nullopt;
  return std::stoi(digits);
}

}  // namespace

bool isDeviceName(const std::string& name) { return name == "cpu" || cudaIndex(name); }

void requireDeviceAvailable(const std::string& name) {
  if (name == "cpu") return;
  const std::optional<int> index = cudaIndex(name);
  if (!index) throw ConfigError("device", "expected cpu, cuda or cuda:N, got \"" + name + "\"");
#if GLOWSCOPE_TORCH_CUDA
  const int count = static_cast<int>(torch::cuda::device_count());
  if (count == 0)
    throw ConfigError("device", "\"" + name + "\" asks for a GPU, but none is visible to this " +
                                    "CUDA LibTorch " + torchVersion() +
                                    " (no NVIDIA driver, or CUDA_VISIBLE_DEVICES hides them)");
  if (*index >= count)
    throw ConfigError("device",
                      "\"" + name + "\": only " + std::to_string(count) +
                          " GPU(s) are visible (cuda:0 to cuda:" + std::to_string(count - 1) + ")");
#else
  throw ConfigError("device", "\"" + name + "\" asks for a GPU, but this build's LibTorch " +
                                  torchVersion() +
                                  " has no CUDA (a CPU-only build such as Debian's "
                                  "libtorch-dev): build against a CUDA LibTorch (Torch_DIR, "
                                  "docs/scaling-out.md) or use --device cpu");
#endif
}

}  // namespace glowscope
