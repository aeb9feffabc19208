#pragma once
// What the dataset browser shows about a loaded set: core's set statistics and the
// pixel-difference histogram (core/analysis/pixel_prior.h), computed off the GUI thread.
#include <QString>
#include <QVector>
#include <atomic>
#include <functional>

#include "core/data/image_set.h"
#include "core/data/image_statistics.h"

namespace glowscope {

struct DatasetStats : ImageSetStatistics {
  // Pixel-difference histogram (value minus its 8-neighbour mean, Fig. 1A), of up to
  // kHistogramImages images; empty when it could not be computed.
  QVector<double> histogramCentres, histogramDensities;
  int64_t histogramImages = 0;
  static constexpr int64_t kHistogramImages = 2000;
};

/// `onProgress(fraction, stage)` is called between stages; `cancel` (may be null) makes it throw
/// CancelledError.
DatasetStats computeDatasetStats(const ImageSet& images, const std::atomic<bool>* cancel,
                                 const std::function<void(double, const QString&)>& onProgress);

}  // namespace glowscope
