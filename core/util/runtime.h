#pragma once
#include <string>

namespace glowscope {

/// What the numerical runtime looks like on this machine; logged at start-up and shown in About.
struct RuntimeInfo {
  int torchThreads = 1;
  int hardwareThreads = 1;
  std::string blasLibrary;  ///< the libblas.so.3 actually loaded, resolved through symlinks
  bool cudaAvailable = false;
  std::string deviceName;  ///< "cpu" or "cuda"
};

/// Sets LibTorch's intra-op thread count. `threads <= 0` means all hardware threads: this
/// LibTorch build defaults to half the cores, which leaves one of our two cores idle.
void configureThreads(int threads);

/// Reads the current runtime facts (threads, BLAS in use, CUDA).
RuntimeInfo runtimeInfo();

/// "cuda" when LibTorch was built with CUDA and a GPU is present, else "cpu". Chosen once by the
/// front end and passed down to models and training.
std::string preferredDeviceName();

/// Versions for About boxes and run metadata.
std::string torchVersion();
std::string openCvVersion();
std::string spdlogVersion();

/// One line for the log: "torch 1.13.1, 2 threads of 2, BLAS /usr/lib/.../libopenblas.so.0, cpu".
std::string describeRuntime();

}  // namespace glowscope
