#pragma once
// The C x H x W a model scores, without torch: shared by the likelihood-model interface, the
// image conversions of core/scoring and core/training, and torch-free callers.
#include <cstdint>
#include <string>

namespace glowscope {

/// The image shape a model scores (images of other shapes go through prepareImagesForModel).
struct ImageShape {
  int channels = 1;
  int height = 32;
  int width = 32;
  std::int64_t dims() const { return std::int64_t{channels} * height * width; }
  /// "1x32x32", as errors and PNG-bit caches name a shape.
  std::string text() const {
    return std::to_string(channels) + "x" + std::to_string(height) + "x" + std::to_string(width);
  }
  bool operator==(const ImageShape&) const = default;
};

}  // namespace glowscope
