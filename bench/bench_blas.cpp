// Prints the GFLOP/s of float32 matrix products through LibTorch (which calls libblas.so.3) and a
// Linear-layer-shaped product, with the BLAS library and thread count in use. Run it once with
// the installed alternative and once with another (LD_LIBRARY_PATH) to compare.
#include <ATen/ATen.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "core/runtime/runtime.h"

namespace {

double gflopsOfMatmul(int64_t rows, int64_t inner, int64_t cols, int repeats) {
  const at::Tensor a = at::randn({rows, inner});
  const at::Tensor b = at::randn({inner, cols});
  at::mm(a, b);  // warm-up: first call allocates and spins up threads
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < repeats; ++i) at::mm(a, b);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return 2.0 * static_cast<double>(rows * inner * cols) * repeats / seconds / 1e9;
}

}  // namespace

int main(int argc, char** argv) {
  const int threads = argc > 1 ? std::atoi(argv[1]) : 0;
  glowscope::configureThreads(threads);
  std::printf("%s\n", glowscope::describeRuntime().c_str());
  std::printf("sgemm 1024x1024x1024: %.1f GFLOP/s\n", gflopsOfMatmul(1024, 1024, 1024, 10));
  std::printf("Linear 256x1024 -> 1024: %.1f GFLOP/s\n", gflopsOfMatmul(256, 1024, 1024, 20));
  std::printf("Linear 64x512 -> 512 (dense Glow coupling size): %.1f GFLOP/s\n",
              gflopsOfMatmul(64, 512, 512, 200));
  return 0;
}
