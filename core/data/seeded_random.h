#pragma once
// Portable seeded randomness for generated data sets: the same numbers on every standard library
// (std distributions differ between implementations), so caches and tests are reproducible.
#include <algorithm>
#include <cstdint>
#include <random>

namespace glowscope {

inline uint64_t splitmix64(uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

/// Uniform in [0, 1) from the top 53 bits of one draw.
inline double uniform01(std::mt19937_64& rng) { return double(rng() >> 11) * 0x1.0p-53; }

/// Uniform integer in [0, n) (n > 0), from uniform01: no modulo bias worth speaking of for the
/// small n used here.
inline int64_t uniformBelow(std::mt19937_64& rng, int64_t n) {
  return std::min<int64_t>(n - 1, int64_t(uniform01(rng) * double(n)));
}

}  // namespace glowscope
