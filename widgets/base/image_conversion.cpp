#include "widgets/base/image_conversion.h"

namespace glowscope {

QImage imageSetThumbnail(const ImageSet& images, std::int64_t index) {
  const int width = static_cast<int>(images.width), height = static_cast<int>(images.height);
  QImage image(width, height, QImage::Format_RGB32);
  const std::uint8_t* pixels = images.image(index);
  const std::int64_t plane = images.height * images.width;
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      const std::int64_t at = std::int64_t{y} * width + x;
      const int r = pixels[at];
      const int g = images.channels >= 3 ? pixels[plane + at] : r;
      const int b = images.channels >= 3 ? pixels[2 * plane + at] : r;
      image.setPixel(x, y, qRgb(r, g, b));
    }
  return image;
}

}  // namespace glowscope
