#include "core/analysis/pixel_prior.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <string>

#include "core/util/errors.h"

namespace glowscope::analysis {
namespace {

void validateImages(const ImageSet& images) {
  if (images.height < 3 || images.width < 3) {
    throw ConfigError("images", "pixel differences need images of at least 3x3 pixels");
  }
  if (static_cast<int64_t>(images.pixels.size()) != images.count * images.imageBytes()) {
    throw ConfigError("images", "pixel buffer size does not match count x C x H x W");
  }
}

cv::Mat neighbourMeanKernel(bool includeCentre) {
  cv::Mat kernel(3, 3, CV_32F, cv::Scalar(includeCentre ? 1.0 / 9.0 : 1.0 / 8.0));
  if (!includeCentre) kernel.at<float>(1, 1) = 0.0F;
  return kernel;
}

int openCvBorder(BorderHandling border) {
  // Exclude drops the border pixels afterwards, so any border type works for it.
  return border == BorderHandling::Replicate ? cv::BORDER_REPLICATE : cv::BORDER_REFLECT_101;
}

// Appends the differences of one channel plane (grey levels) to `out`, in model units.
void appendPlaneDifferences(const cv::Mat& plane, const cv::Mat& kernel,
                            const PixelDifferenceOptions& options, std::vector<float>& out) {
  cv::Mat neighbourMean;
  cv::filter2D(plane, neighbourMean, CV_32F, kernel, cv::Point(-1, -1), 0.0,
               openCvBorder(options.border));
  const int margin = options.border == BorderHandling::Exclude ? 1 : 0;
  constexpr float kModelUnitsPerGreyLevel = 1.0F / 256.0F;
  for (int y = margin; y < plane.rows - margin; ++y) {
    const float* value = plane.ptr<float>(y);
    const float* mean = neighbourMean.ptr<float>(y);
    for (int x = margin; x < plane.cols - margin; ++x) {
      out.push_back((value[x] - mean[x]) * kModelUnitsPerGreyLevel);
    }
  }
}

}  // namespace

int64_t differencesPerImage(const ImageSet& images, const PixelDifferenceOptions& options) {
  const int64_t margin = options.border == BorderHandling::Exclude ? 2 : 0;
  return images.channels * std::max<int64_t>(images.height - margin, 0) *
         std::max<int64_t>(images.width - margin, 0);
}

std::vector<float> pixelDifferencesOfImage(const ImageSet& images, int64_t index,
                                           const PixelDifferenceOptions& options) {
  validateImages(images);
  if (index < 0 || index >= images.count) {
    throw ConfigError("index", "image " + std::to_string(index) + " is out of range");
  }
  const cv::Mat kernel = neighbourMeanKernel(options.includeCentre);
  std::vector<float> differences;
  differences.reserve(static_cast<size_t>(differencesPerImage(images, options)));
  const int64_t planeBytes = images.height * images.width;
  for (int64_t c = 0; c < images.channels; ++c) {
    const cv::Mat bytes(static_cast<int>(images.height), static_cast<int>(images.width), CV_8UC1,
                        const_cast<uint8_t*>(images.image(index) + c * planeBytes));
    cv::Mat plane;
    bytes.convertTo(plane, CV_32F);
    appendPlaneDifferences(plane, kernel, options, differences);
  }
  return differences;
}

std::vector<float> pixelDifferences(const ImageSet& images, const PixelDifferenceOptions& options,
                                    const TaskControl& control) {
  validateImages(images);
  std::vector<float> all;
  all.reserve(static_cast<size_t>(images.count * differencesPerImage(images, options)));
  for (int64_t index = 0; index < images.count; ++index) {
    if (index % 256 == 0) {
      control.checkpoint(
          static_cast<double>(index) / static_cast<double>(images.count),
          "pixel differences " + std::to_string(index) + "/" + std::to_string(images.count));
    }
    const std::vector<float> one = pixelDifferencesOfImage(images, index, options);
    all.insert(all.end(), one.begin(), one.end());
  }
  control.checkpoint(1.0, "pixel differences done");
  return all;
}

PixelDifferenceHistogram PixelDifferenceHistogram::emptyWithRange(double dataMin, double dataMax,
                                                                  const HistogramOptions& options) {
  if (options.binCount < 1) throw ConfigError("bins", "must be at least 1");
  if (!(options.pseudoCount >= 0.0)) throw ConfigError("pseudo-count", "must not be negative");
  PixelDifferenceHistogram histogram;
  histogram.rangeMin_ = options.rangeMin.value_or(dataMin);
  histogram.rangeMax_ = options.rangeMax.value_or(dataMax);
  if (!std::isfinite(histogram.rangeMin_) || !std::isfinite(histogram.rangeMax_)) {
    throw ConfigError("range", "the histogram range must be finite");
  }
  if (histogram.rangeMax_ <= histogram.rangeMin_) {
    if (options.rangeMin || options.rangeMax) {
      throw ConfigError("range", "the histogram range is empty (max <= min)");
    }
    // All fitted values are equal: numpy widens such a range by 0.5 either side.
    histogram.rangeMin_ -= 0.5;
    histogram.rangeMax_ += 0.5;
  }
  histogram.binWidth_ = (histogram.rangeMax_ - histogram.rangeMin_) / options.binCount;
  histogram.pseudoCount_ = options.pseudoCount;
  histogram.counts_.assign(static_cast<size_t>(options.binCount), 0);
  return histogram;
}

void PixelDifferenceHistogram::count(std::span<const float> differences) {
  for (const float d : differences) ++counts_[static_cast<size_t>(binOf(d))];
  sampleCount_ += static_cast<int64_t>(differences.size());
}

void PixelDifferenceHistogram::normalise() {
  const double normaliser =
      (static_cast<double>(sampleCount_) + binCount() * pseudoCount_) * binWidth_;
  densities_.clear();
  logDensities_.clear();
  for (const int64_t binTotal : counts_) {
    const double density = (static_cast<double>(binTotal) + pseudoCount_) / normaliser;
    densities_.push_back(density);
    logDensities_.push_back(density > 0.0 ? std::log(density)
                                          : -std::numeric_limits<double>::infinity());
  }
}

PixelDifferenceHistogram PixelDifferenceHistogram::fit(std::span<const float> differences,
                                                       const HistogramOptions& options) {
  if (differences.empty()) throw ConfigError("differences", "no data to fit a histogram on");
  const auto [lowest, highest] = std::minmax_element(differences.begin(), differences.end());
  PixelDifferenceHistogram histogram = emptyWithRange(*lowest, *highest, options);
  histogram.count(differences);
  histogram.normalise();
  return histogram;
}

PixelDifferenceHistogram PixelDifferenceHistogram::fit(const ImageSet& images,
                                                       const PixelDifferenceOptions& differences,
                                                       const HistogramOptions& options,
                                                       const TaskControl& control) {
  validateImages(images);
  if (images.count < 1 || differencesPerImage(images, differences) < 1) {
    throw ConfigError("images", "no data to fit a histogram on");
  }
  const bool needDataRange = !options.rangeMin || !options.rangeMax;
  const int passes = needDataRange ? 2 : 1;
  const auto progress = [&](int pass, int64_t index) {
    control.checkpoint((pass + static_cast<double>(index) / images.count) / passes,
                       "histogram pass " + std::to_string(pass + 1) + "/" + std::to_string(passes) +
                           ", image " + std::to_string(index));
  };
  float lowest = std::numeric_limits<float>::max(), highest = -lowest;
  for (int64_t index = 0; needDataRange && index < images.count; ++index) {
    if (index % 256 == 0) progress(0, index);
    for (const float d : pixelDifferencesOfImage(images, index, differences)) {
      lowest = std::min(lowest, d);
      highest = std::max(highest, d);
    }
  }
  PixelDifferenceHistogram histogram = emptyWithRange(lowest, highest, options);
  for (int64_t index = 0; index < images.count; ++index) {
    if (index % 256 == 0) progress(passes - 1, index);
    histogram.count(pixelDifferencesOfImage(images, index, differences));
  }
  histogram.normalise();
  control.checkpoint(1.0, "histogram done");
  return histogram;
}

std::vector<double> PixelDifferenceHistogram::binCentres() const {
  std::vector<double> centres;
  for (int bin = 0; bin < binCount(); ++bin) centres.push_back(rangeMin_ + (bin + 0.5) * binWidth_);
  return centres;
}

int PixelDifferenceHistogram::binOf(double d) const {
  const double position = std::floor((d - rangeMin_) / binWidth_);
  // NaN and values below the range go to bin 0; the range maximum itself belongs to the last bin.
  if (!(position >= 0.0)) return 0;
  return static_cast<int>(std::min(position, static_cast<double>(binCount() - 1)));
}

double PixelDifferenceHistogram::logDensity(double d) const {
  return logDensities_[static_cast<size_t>(binOf(d))];
}

double PixelDifferenceHistogram::integral() const {
  double sum = 0.0;
  for (const double density : densities_) sum += density * binWidth_;
  return sum;
}

std::vector<double> pseudoLogLikelihoods(const ImageSet& images,
                                         const PixelDifferenceHistogram& histogram,
                                         const PixelDifferenceOptions& options,
                                         const TaskControl& control) {
  validateImages(images);
  std::vector<double> result;
  result.reserve(static_cast<size_t>(images.count));
  for (int64_t index = 0; index < images.count; ++index) {
    if (index % 256 == 0) {
      control.checkpoint(
          static_cast<double>(index) / static_cast<double>(images.count),
          "pseudo-likelihoods " + std::to_string(index) + "/" + std::to_string(images.count));
    }
    double sum = 0.0;
    for (const float d : pixelDifferencesOfImage(images, index, options)) {
      sum += histogram.logDensity(d);
    }
    result.push_back(sum);
  }
  control.checkpoint(1.0, "pseudo-likelihoods done");
  return result;
}

}  // namespace glowscope::analysis
