#pragma once
// Summary statistics of an image set (the dataset browser shows them): images per class and the
// mean and standard deviation of each channel's grey levels.
#include <atomic>
#include <cstdint>
#include <vector>

#include "core/data/image_set.h"

namespace glowscope {

struct ImageSetStatistics {
  std::vector<std::int64_t> countByClass;  ///< [label]; empty for unlabelled sets
  std::vector<double> channelMean;         ///< [channel], grey levels 0..255
  std::vector<double> channelStd;          ///< [channel], population sd over all pixels
};

/// Over every image and pixel. `cancel` (may be null) is checked every 1,024 images and makes
/// it throw CancelledError.
ImageSetStatistics imageSetStatistics(const ImageSet& images,
                                      const std::atomic<bool>* cancel = nullptr);

}  // namespace glowscope
