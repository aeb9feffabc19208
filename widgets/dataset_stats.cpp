#include "widgets/dataset_stats.h"

#include <QDir>
#include <QFileInfo>
#include <cmath>

#include "core/analysis/pixel_prior.h"
#include "core/util/errors.h"

namespace glowscope {
namespace {

void throwIfCancelled(const std::atomic<bool>* cancel) {
  if (cancel && cancel->load()) throw CancelledError();
}

void computeChannelMoments(const ImageSet& images, DatasetStats& stats,
                           const std::atomic<bool>* cancel) {
  const int64_t planePixels = images.height * images.width;
  std::vector<double> sum(images.channels, 0.0), sumSquares(images.channels, 0.0);
  for (int64_t index = 0; index < images.count; ++index) {
    if (index % 1024 == 0) throwIfCancelled(cancel);
    const uint8_t* image = images.image(index);
    for (int64_t channel = 0; channel < images.channels; ++channel) {
      const uint8_t* plane = image + channel * planePixels;
      double planeSum = 0, planeSquares = 0;
      for (int64_t i = 0; i < planePixels; ++i) {
        planeSum += plane[i];
        planeSquares += double(plane[i]) * plane[i];
      }
      sum[channel] += planeSum;
      sumSquares[channel] += planeSquares;
    }
  }
  const double n = std::max<double>(1.0, double(images.count) * planePixels);
  for (int64_t channel = 0; channel < images.channels; ++channel) {
    const double mean = sum[channel] / n;
    stats.channelMean.push_back(mean);
    stats.channelStd.push_back(std::sqrt(std::max(0.0, sumSquares[channel] / n - mean * mean)));
  }
}

void computeHistogram(const ImageSet& images, DatasetStats& stats,
                      const std::atomic<bool>* cancel) {
  ImageSet subset = images;
  if (subset.count > DatasetStats::kHistogramImages) {
    subset.count = DatasetStats::kHistogramImages;
    subset.pixels.resize(size_t(subset.count * subset.imageBytes()));
    if (subset.labelled()) subset.labels.resize(size_t(subset.count));
  }
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
  if (images.labelled()) {
    stats.countByClass.assign(size_t(std::max(images.numClasses, 1)), 0);
    for (const int32_t label : images.labels)
      if (label >= 0 && size_t(label) < stats.countByClass.size()) ++stats.countByClass[label];
  }
  if (onProgress) onProgress(0.1, QObject::tr("channel statistics"));
  computeChannelMoments(images, stats, cancel);
  if (onProgress) onProgress(0.5, QObject::tr("pixel-difference histogram"));
  if (images.count > 0 && images.height >= 3 && images.width >= 3)
    computeHistogram(images, stats, cancel);
  if (onProgress) onProgress(1.0, QObject::tr("done"));
  return stats;
}

QImage imageOf(const ImageSet& images, int64_t index) {
  const int width = int(images.width), height = int(images.height);
  const uint8_t* data = images.image(index);
  const int64_t plane = images.height * images.width;
  if (images.channels >= 3) {
    QImage image(width, height, QImage::Format_RGB888);
    for (int y = 0; y < height; ++y) {
      uchar* line = image.scanLine(y);
      for (int x = 0; x < width; ++x)
        for (int c = 0; c < 3; ++c) line[3 * x + c] = data[c * plane + y * width + x];
    }
    return image;
  }
  QImage image(width, height, QImage::Format_Grayscale8);
  for (int y = 0; y < height; ++y) std::copy_n(data + y * width, width, image.scanLine(y));
  return image;
}

QString datasetSpecForPath(const QString& path) {
  const QFileInfo info(path);
  if (info.isDir()) {
    const QDir dir(info.absoluteFilePath());
    if (dir.exists("data_batch_1")) return "cifar10:" + dir.absolutePath();
    if (dir.exists("train") && dir.exists("meta")) return "cifar100:" + dir.absolutePath();
    return "folder:" + dir.absolutePath();
  }
  if (!info.isFile()) return {};
  const QString name = info.fileName();
  if (name.startsWith("data_batch_") || name == "test_batch")
    return "cifar10:" + info.absolutePath();
  if (name.endsWith(".mat", Qt::CaseInsensitive)) return "svhn:" + info.absoluteFilePath();
  if (name.contains("idx3-ubyte")) {
    QString labels = info.absoluteFilePath();
    labels.replace("images-idx3", "labels-idx1").replace("images.idx3", "labels.idx1");
    if (labels != info.absoluteFilePath() && QFileInfo(labels).isFile())
      return "idx:" + info.absoluteFilePath() + "," + labels;
    return "idx:" + info.absoluteFilePath();
  }
  return {};
}

}  // namespace glowscope
