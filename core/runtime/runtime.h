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

/// Keeps large tensors on glibc's heap instead of a fresh mmap per allocation. At batch 64 and
/// hidden 512 one activation is ~34 MB, just over glibc's 32 MiB mmap ceiling, so every such
/// tensor was mapped and page-faulted anew: raising the threshold made single operations 5-60x
/// and the small preset's forward pass ~2.4x faster (bench/flow_throughput --default-malloc
/// shows the difference). Process-wide, so front ends call it once at start-up.
void tuneMemoryAllocator();

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
