#include "core/runtime/runtime.h"

#include <ATen/Context.h>
#include <ATen/Parallel.h>
#include <spdlog/version.h>
#include <torch/version.h>

#include <malloc.h>

#include <filesystem>
#include <fstream>
#include <opencv2/core/version.hpp>
#include <thread>

namespace glowscope {
namespace {

// The BLAS LibTorch calls is whatever libblas.so.3 the dynamic loader resolved (Debian's
// alternatives choose it), so read the mapping of this process rather than guessing.
std::string loadedBlasLibrary() {
  std::ifstream maps("/proc/self/maps");
  std::string line;
  while (std::getline(maps, line)) {
    const auto slash = line.find('/');
    if (slash == std::string::npos) continue;
    const std::string path = line.substr(slash);
    if (path.find("libblas.so") == std::string::npos &&
        path.find("libopenblas") == std::string::npos)
      continue;
    std::error_code ec;
    const auto resolved = std::filesystem::canonical(path, ec);
    return ec ? path : resolved.string();
  }
  return "unknown (libblas not loaded yet)";
}

}  // namespace

void configureThreads(int threads) {
  const int hardware = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  at::set_num_threads(threads > 0 ? threads : hardware);
}

void tuneMemoryAllocator() {
  mallopt(M_MMAP_THRESHOLD, 512 << 20);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);  // and keep freed memory for the next batch
}

RuntimeInfo runtimeInfo() {
  RuntimeInfo info;
  info.torchThreads = at::get_num_threads();
  info.hardwareThreads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  info.blasLibrary = loadedBlasLibrary();
  info.cudaAvailable = at::hasCUDA();
  info.deviceName = preferredDeviceName();
  return info;
}

std::string preferredDeviceName() { return at::hasCUDA() ? "cuda" : "cpu"; }

std::string torchVersion() { return TORCH_VERSION; }

std::string openCvVersion() { return CV_VERSION; }

std::string spdlogVersion() {
  return std::to_string(SPDLOG_VER_MAJOR) + "." + std::to_string(SPDLOG_VER_MINOR) + "." +
         std::to_string(SPDLOG_VER_PATCH);
}

std::string describeRuntime() {
  const RuntimeInfo info = runtimeInfo();
  return "LibTorch " + torchVersion() + ", " + std::to_string(info.torchThreads) + " of " +
         std::to_string(info.hardwareThreads) + " threads, BLAS " + info.blasLibrary + ", device " +
         info.deviceName;
}

}  // namespace glowscope
