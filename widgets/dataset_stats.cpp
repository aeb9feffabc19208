#include "widgets/dataset_stats.h"

#include <QObject>

#include "core/analysis/pixel_prior.h"
#include "core/data/image_set_ops.h"

namespace glowscope {
namespace {

void addPixelDifferenceHistogram(const ImageSet& images, DatasetStats& stats,
                                 const std::atomic<bool>* cancel) {
  const ImageSet subset = firstImages(images, DatasetStats::kHistogramImages);
  analysis::TaskControl control;
  control.cancelRequested = cancel;
  const std::vector<float> differences = analysis::pixelDifferences(subset, {}, control);
  analysis::HistogramOptions options;
  options.rangeMin = -1.0;
  options.rangeMax = 1.0;
  options.binCount = 100;
  const auto histogram = analysis::PixelDifferenceHistogram::fit(differences, options);
  for (const double centre : histogram.binCentres()) stats.histogramCentres.push_back(centre);
  for (const double density : histogram.densities()) stats.histogramDensities.push_back(density);
  stats.histogramImages = subset.count;
}

}  // namespace

DatasetStats computeDatasetStats(const ImageSet& images, const std::atomic<bool>* cancel,
                                 const std::function<void(double, const QString&)>& onProgress) {
  DatasetStats stats;
  if (onProgress) onProgress(0.1, QObject::tr("channel statistics"));
  static_cast<ImageSetStatistics&>(stats) = imageSetStatistics(images, cancel);
  if (onProgress) onProgress(0.5, QObject::tr("pixel-difference histogram"));
  if (images.count > 0 && images.height >= 3 && images.width >= 3)
    addPixelDifferenceHistogram(images, stats, cancel);
  if (onProgress) onProgress(1.0, QObject::tr("done"));
  return stats;
}

}  // namespace glowscope
