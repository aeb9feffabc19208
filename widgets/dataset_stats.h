#pragma once
// Summary figures of an image set for the dataset browser, computed off the GUI thread.
#include <QImage>
#include <QString>
#include <QVector>
#include <atomic>
#include <functional>
#include <vector>

#include "core/data/image_set.h"

namespace glowscope {

struct DatasetStats {
  std::vector<int64_t> countByClass;  ///< empty for unlabelled sets
  std::vector<double> channelMean;    ///< grey levels 0..255
  std::vector<double> channelStd;
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

/// Image `index` as a QImage (grey or RGB888), a deep copy.
QImage imageOf(const ImageSet& images, int64_t index);

/// The loadDataset spec for a file or folder the user picked or dropped: CIFAR-10/100 folders
/// (or their batch files), SVHN .mat, IDX image files (labels found next to them), else an
/// image folder. Empty when the path is neither a file nor a folder Glowscope can read.
QString datasetSpecForPath(const QString& path);

}  // namespace glowscope
