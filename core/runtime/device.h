#pragma once
// The one device option of the CLI (--device), the training config ("device") and the GUI:
// "cpu", "cuda" (the current GPU) or "cuda:N". Torch-free.
#include <string>

namespace glowscope {

/// Whether `name` is "cpu", "cuda" or "cuda:N".
bool isDeviceName(const std::string& name);

/// Throws ConfigError("device", ...) naming what is missing when `name` cannot be used here: a
/// malformed name, a CPU-only LibTorch asked for CUDA, no GPU visible, or too high an index.
void requireDeviceAvailable(const std::string& name);

}  // namespace glowscope
