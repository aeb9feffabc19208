#include "core/data/image_set_ops.h"

#include <algorithm>

#include "core/data/transforms.h"
#include "core/util/errors.h"

namespace glowscope {

ImageSet firstImages(const ImageSet& images, std::int64_t count) {
  ImageSet first = images;
  first.count = std::clamp<std::int64_t>(count, 0, images.count);
  first.pixels.resize(static_cast<std::size_t>(first.count * images.imageBytes()));
  if (images.labelled()) first.labels.resize(static_cast<std::size_t>(first.count));
  return first;
}

void appendImages(ImageSet& images, const ImageSet& more) {
  if (images.count == 0 && images.pixels.empty()) {
    const std::string name = images.name;
    images = more;
    images.labels.clear();
    if (!name.empty()) images.name = name;
    return;
  }
  if (images.channels != more.channels || images.height != more.height ||
      images.width != more.width) {
    throw ConfigError("images", "cannot append images of another size");
  }
  images.pixels.insert(images.pixels.end(), more.pixels.begin(), more.pixels.end());
  images.count += more.count;
  images.labels.clear();
}

ImageSet concatenateImages(const std::vector<const ImageSet*>& parts) {
  if (parts.empty()) throw ConfigError("images", "nothing to concatenate");
  ImageSet all;
  all.name = parts.front()->name;
  for (const ImageSet* part : parts) appendImages(all, *part);
  return all;
}

ImageSet imagesWithShape(const ImageSet& images, std::int64_t channels, std::int64_t height,
                         std::int64_t width) {
  ImageSet prepared = convertChannels(images, channels);
  if (prepared.height != height || prepared.width != width)
    prepared = resizeImages(prepared, height, width);
  return prepared;
}

}  // namespace glowscope
