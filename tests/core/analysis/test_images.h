#pragma once
// Synthetic 8-bit images for the analysis tests: smooth ramps/blobs and uniform noise.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <random>
#include <string>

#include "core/data/image_set.h"

namespace glowscope::analysis::testing {

inline ImageSet emptySet(const std::string& name, int64_t count, int64_t channels, int64_t height,
                         int64_t width) {
  ImageSet set;
  set.name = name;
  set.count = count;
  set.channels = channels;
  set.height = height;
  set.width = width;
  set.pixels.assign(static_cast<size_t>(count * channels * height * width), 0);
  return set;
}

/// Smooth images: a slanted ramp plus a broad sine blob, different phase per image and channel.
inline ImageSet smoothImages(int64_t count, int64_t channels, int64_t height, int64_t width,
                             unsigned seed = 1) {
  ImageSet set = emptySet("smooth", count, channels, height, width);
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> phase(0.0, 6.28);
  for (int64_t n = 0; n < count; ++n) {
    for (int64_t c = 0; c < channels; ++c) {
      const double p = phase(rng), q = phase(rng);
      for (int64_t y = 0; y < height; ++y) {
        for (int64_t x = 0; x < width; ++x) {
          const double v = 128.0 + 60.0 * std::sin(0.2 * x + p) * std::cos(0.15 * y + q) +
                           2.0 * (x - width / 2.0);
          set.image(n)[(c * height + y) * width + x] =
              static_cast<uint8_t>(std::clamp(std::lround(v), 0L, 255L));
        }
      }
    }
  }
  return set;
}

/// Independent uniform noise in 0..255.
inline ImageSet noiseImages(int64_t count, int64_t channels, int64_t height, int64_t width,
                            unsigned seed = 2) {
  ImageSet set = emptySet("noise", count, channels, height, width);
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> level(0, 255);
  for (uint8_t& pixel : set.pixels) pixel = static_cast<uint8_t>(level(rng));
  return set;
}

}  // namespace glowscope::analysis::testing
