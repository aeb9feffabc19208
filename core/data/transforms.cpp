#include "core/data/transforms.h"

#include <algorithm>
#include <opencv2/imgproc.hpp>

#include "core/util/errors.h"

namespace glowscope {
namespace {

double uniform01(std::mt19937_64& rng) { return double(rng() >> 11) * 0x1.0p-53; }

// Source index for a destination index shifted by `shift`; -1 means "zero fill".
int64_t sourceIndex(int64_t dst, int64_t shift, int64_t size, PadMode pad) {
  int64_t src = dst - shift;
  if (src >= 0 && src < size) return src;
  if (pad == PadMode::Zero || size == 1) return -1;
  // Mirror without repeating the edge pixel (numpy "reflect", OpenCV BORDER_REFLECT_101).
  if (src < 0) src = -src;
  if (src >= size) src = 2 * (size - 1) - src;
  return std::clamp<int64_t>(src, 0, size - 1);
}

}  // namespace

ImageSet resizeImages(const ImageSet& set, int64_t height, int64_t width) {
  if (height < 1 || width < 1) throw ConfigError("resize", "target size must be positive");
  ImageSet out = set;
  out.height = height;
  out.width = width;
  out.pixels.assign(size_t(set.count * set.channels * height * width), 0);
  for (int64_t i = 0; i < set.count * set.channels; ++i) {
    const cv::Mat src(int(set.height), int(set.width), CV_8U,
                      const_cast<uint8_t*>(set.pixels.data()) + i * set.height * set.width);
    cv::Mat dst(int(height), int(width), CV_8U, out.pixels.data() + i * height * width);
    cv::resize(src, dst, dst.size(), 0, 0, cv::INTER_LINEAR);  // writes into out.pixels
  }
  return out;
}

ImageSet convertChannels(const ImageSet& set, int64_t channels) {
  if (channels != 1 && channels != 3) throw ConfigError("channels", "must be 1 or 3");
  if (set.channels == channels) return set;
  if (set.channels != 1 && set.channels != 3)
    throw ConfigError("channels", "can only convert between 1 and 3 channels");
  ImageSet out = set;
  out.channels = channels;
  out.pixels.resize(size_t(set.count * out.imageBytes()));
  const int64_t plane = set.height * set.width;
  for (int64_t n = 0; n < set.count; ++n) {
    const uint8_t* src = set.image(n);
    uint8_t* dst = out.image(n);
    for (int64_t p = 0; p < plane; ++p) {
      if (channels == 3) {
        dst[p] = dst[plane + p] = dst[2 * plane + p] = src[p];
      } else {  // BT.601 luminance, integer rounding as OpenCV's RGB2GRAY
        const int y = 4899 * src[p] + 9617 * src[plane + p] + 1868 * src[2 * plane + p];
        dst[p] = uint8_t((y + 8192) >> 14);
      }
    }
  }
  return out;
}

void augmentImage(uint8_t* image, int64_t channels, int64_t height, int64_t width,
                  const AugmentOptions& options, std::mt19937_64& rng) {
  const int64_t m = options.maxTranslatePx;
  if (m < 0 || m >= std::min(height, width))
    throw ConfigError("augment.maxTranslatePx", "must be in [0, image side)");
  const int64_t dy = m ? int64_t(uniform01(rng) * double(2 * m + 1)) - m : 0;
  const int64_t dx = m ? int64_t(uniform01(rng) * double(2 * m + 1)) - m : 0;
  const bool flip = options.horizontalFlip && uniform01(rng) < 0.5;
  if (dx == 0 && dy == 0 && !flip) return;
  std::vector<uint8_t> copy(image, image + channels * height * width);
  for (int64_t c = 0; c < channels; ++c) {
    const uint8_t* src = copy.data() + c * height * width;
    uint8_t* dst = image + c * height * width;
    for (int64_t y = 0; y < height; ++y) {
      const int64_t sy = sourceIndex(y, dy, height, options.pad);
      for (int64_t x = 0; x < width; ++x) {
        const int64_t sx = sourceIndex(flip ? width - 1 - x : x, dx, width, options.pad);
        dst[y * width + x] = (sy < 0 || sx < 0) ? 0 : src[sy * width + sx];
      }
    }
  }
}

}  // namespace glowscope
