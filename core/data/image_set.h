#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace glowscope {

/// A set of equally sized 8-bit images, independent of torch so that parsers and fuzzers stay
/// light. Pixels are N×C×H×W row-major (channel planes, not interleaved), RGB order for C = 3.
struct ImageSet {
  std::string name;  // e.g. "fashion-mnist:test", shown to users and stored in run metadata
  int64_t count = 0, channels = 0, height = 0, width = 0;
  std::vector<uint8_t> pixels;  // count*channels*height*width bytes
  std::vector<int32_t> labels;  // count entries in [0, numClasses), or empty = unlabelled
  int numClasses = 0;

  int64_t imageBytes() const { return channels * height * width; }
  bool labelled() const { return !labels.empty(); }
  const uint8_t* image(int64_t index) const { return pixels.data() + index * imageBytes(); }
  uint8_t* image(int64_t index) { return pixels.data() + index * imageBytes(); }
};

}  // namespace glowscope
