#include "core/data/image_statistics.h"

#include <algorithm>
#include <cmath>

#include "core/util/errors.h"

namespace glowscope {
namespace {

std::vector<std::int64_t> countByClass(const ImageSet& images) {
  if (!images.labelled()) return {};
  std::vector<std::int64_t> counts(static_cast<std::size_t>(std::max(images.numClasses, 1)), 0);
  for (const std::int32_t label : images.labels)
    if (label >= 0 && static_cast<std::size_t>(label) < counts.size()) ++counts[label];
  return counts;
}

}  // namespace

ImageSetStatistics imageSetStatistics(const ImageSet& images, const std::atomic<bool>* cancel) {
  ImageSetStatistics statistics;
  statistics.countByClass = countByClass(images);
  const std::int64_t planePixels = images.height * images.width;
  const auto channels = static_cast<std::size_t>(images.channels);
  std::vector<double> sum(channels, 0.0), sumSquares(channels, 0.0);
  for (std::int64_t index = 0; index < images.count; ++index) {
    if (index % 1024 == 0 && cancel && cancel->load()) throw CancelledError();
    const std::uint8_t* image = images.image(index);
    for (std::size_t channel = 0; channel < channels; ++channel) {
      const std::uint8_t* plane = image + static_cast<std::int64_t>(channel) * planePixels;
      double planeSum = 0, planeSquares = 0;
      for (std::int64_t i = 0; i < planePixels; ++i) {
        planeSum += plane[i];
        planeSquares += double(plane[i]) * plane[i];
      }
      sum[channel] += planeSum;
      sumSquares[channel] += planeSquares;
    }
  }
  const double n = std::max<double>(1.0, double(images.count) * double(planePixels));
  for (std::size_t channel = 0; channel < channels; ++channel) {
    const double mean = sum[channel] / n;
    statistics.channelMean.push_back(mean);
    statistics.channelStd.push_back(
        std::sqrt(std::max(0.0, sumSquares[channel] / n - mean * mean)));
  }
  return statistics;
}

}  // namespace glowscope
