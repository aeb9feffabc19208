// Prints this CPU's float32 multiply-add peak in GFLOP/s (2 FLOP per lane of a fused
// multiply-add), on 1 thread and on every hardware thread: the ceiling any float32 convolution
// route can reach, against which bench/glow_step's GFLOP/s (forward pass: glow_flops.h) are read
// (docs/flows.md, "Performance"). Independent accumulators hide the FMA latency; AVX-512 is used
// where the CPU has it, else AVX2.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <vector>

namespace {

constexpr int kAccumulators = 16;
constexpr long kIterations = 50'000'000;

typedef float Vec16 __attribute__((vector_size(64)));
typedef float Vec8 __attribute__((vector_size(32)));

template <typename Vec, int Lanes>
inline __attribute__((always_inline)) float fmaChains(float seed) {
  Vec acc[kAccumulators];
  for (int a = 0; a < kAccumulators; ++a) acc[a] = Vec{} + (seed + float(a) * 1e-3f);
  const Vec mul = Vec{} + 0.999999f, add = Vec{} + 1e-7f;
  for (long i = 0; i < kIterations; ++i)
#pragma GCC unroll 16
    for (int a = 0; a < kAccumulators; ++a) acc[a] = acc[a] * mul + add;
  float sum = 0;
  for (int a = 0; a < kAccumulators; ++a)
    for (int l = 0; l < Lanes; ++l) sum += acc[a][l];
  return sum;
}

__attribute__((target("avx512f"))) float chains512(float seed) {
  return fmaChains<Vec16, 16>(seed);
}
__attribute__((target("avx2,fma"))) float chains256(float seed) { return fmaChains<Vec8, 8>(seed); }

/// GFLOP/s of `threads` threads each running the chains once.
double peakGflops(int threads, bool avx512) {
  std::vector<std::thread> workers;
  std::vector<float> sums(size_t(threads), 0.0f);
  const auto start = std::chrono::steady_clock::now();
  for (int t = 0; t < threads; ++t)
    workers.emplace_back([&sums, t, avx512] {
      sums[size_t(t)] = avx512 ? chains512(float(t)) : chains256(float(t));
    });
  for (auto& worker : workers) worker.join();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const int lanes = avx512 ? 16 : 8;
  if (sums[0] == 42.0f) std::printf(" ");  // keeps the result alive
  return 2.0 * lanes * kAccumulators * double(kIterations) * threads / seconds / 1e9;
}

}  // namespace

int main() {
  const bool avx512 = __builtin_cpu_supports("avx512f");
  const int hardware = int(std::max(1u, std::thread::hardware_concurrency()));
  std::printf("float32 FMA peak (%s): 1 thread %.1f GFLOP/s", avx512 ? "AVX-512" : "AVX2",
              peakGflops(1, avx512));
  std::printf(", %d threads %.1f GFLOP/s\n", hardware, peakGflops(hardware, avx512));
  return EXIT_SUCCESS;
}
