#pragma once
// ImageSet images as QImages, for every view that shows one.
#include <QImage>
#include <cstdint>

#include "core/data/image_set.h"

namespace glowscope {

/// Image `index` of the set as an RGB32 QImage of the same size (grey for 1 channel, RGB for 3),
/// a deep copy.
QImage imageSetThumbnail(const ImageSet& images, std::int64_t index);

}  // namespace glowscope
