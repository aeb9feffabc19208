#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/analysis/task_control.h"
#include "core/data/image_set.h"

namespace glowscope::analysis {

/// How the 3x3 neighbourhood is completed at the image border (see docs/analysis.md).
enum class BorderHandling {
  Reflect101,  ///< ... c b | a b c ... (OpenCV BORDER_REFLECT_101, the border pixel not repeated)
  Replicate,   ///< ... a a | a b c ...
  Exclude,     ///< border pixels yield no difference at all (only the (H-2)x(W-2) interior)
};

/// The local feature of Fig. 1A: d = value - mean of its 3x3 neighbourhood, per pixel and channel,
/// in model units (grey level / 256, so d lies in [-255/256, 255/256]).
struct PixelDifferenceOptions {
  bool includeCentre = false;  ///< false: mean of the 8 neighbours; true: of all 9 pixels
  BorderHandling border = BorderHandling::Reflect101;
};

/// Number of differences one image yields (C*H*W, or C*(H-2)*(W-2) with Exclude).
int64_t differencesPerImage(const ImageSet& images, const PixelDifferenceOptions& options);

/// The differences of image `index`, channel-major in the image's (C, H, W) order.
std::vector<float> pixelDifferencesOfImage(const ImageSet& images, int64_t index,
                                           const PixelDifferenceOptions& options = {});

/// The differences of every image, concatenated in image order.
std::vector<float> pixelDifferences(const ImageSet& images,
                                    const PixelDifferenceOptions& options = {},
                                    const TaskControl& control = {});

/// Histogram estimate of the density of d.
struct HistogramOptions {
  int binCount = 100;  ///< equal-width bins (the paper: 100)
  /// [rangeMin, rangeMax] of the bins; unset = the minimum / maximum of the fitted data (what
  /// numpy.histogram does by default). Values outside are counted in / looked up in the edge bin.
  std::optional<double> rangeMin, rangeMax;
  /// Added to every bin's count before normalising: empty bins get a small positive density
  /// (finite log) and the histogram still integrates to exactly 1. 0 = plain histogram.
  double pseudoCount = 0.5;
};

/// A normalised histogram: density_j = (count_j + pseudoCount) / ((N + bins*pseudoCount) * width).
class PixelDifferenceHistogram {
 public:
  /// Throws ConfigError for no data, bins < 1, a negative pseudo-count or an empty/invalid range.
  static PixelDifferenceHistogram fit(std::span<const float> differences,
                                      const HistogramOptions& options = {});
  /// The same histogram as fit(pixelDifferences(images, differences), options), computed image
  /// by image (two passes when the range comes from the data) so memory stays O(one image).
  static PixelDifferenceHistogram fit(const ImageSet& images,
                                      const PixelDifferenceOptions& differences,
                                      const HistogramOptions& options = {},
                                      const TaskControl& control = {});

  int binCount() const { return static_cast<int>(counts_.size()); }
  double rangeMin() const { return rangeMin_; }
  double rangeMax() const { return rangeMax_; }
  double binWidth() const { return binWidth_; }
  double pseudoCount() const { return pseudoCount_; }
  int64_t sampleCount() const { return sampleCount_; }
  const std::vector<int64_t>& counts() const { return counts_; }
  const std::vector<double>& densities() const { return densities_; }  ///< per unit of d
  std::vector<double> binCentres() const;
  /// Bin of d (values outside the range go to the first / last bin).
  int binOf(double d) const;
  double density(double d) const { return densities_[static_cast<size_t>(binOf(d))]; }
  /// log density; -inf only for an empty bin with pseudoCount 0.
  double logDensity(double d) const;
  /// Sum over bins of density * width (1 up to rounding).
  double integral() const;

 private:
  static PixelDifferenceHistogram emptyWithRange(double dataMin, double dataMax,
                                                 const HistogramOptions& options);
  void count(std::span<const float> differences);
  void normalise();

  double rangeMin_ = 0, rangeMax_ = 1, binWidth_ = 1, pseudoCount_ = 0;
  int64_t sampleCount_ = 0;
  std::vector<int64_t> counts_;
  std::vector<double> densities_, logDensities_;
};

/// Per-image pseudo-log-likelihood (nats): the sum over pixels and channels of log density(d).
std::vector<double> pseudoLogLikelihoods(const ImageSet& images,
                                         const PixelDifferenceHistogram& histogram,
                                         const PixelDifferenceOptions& options = {},
                                         const TaskControl& control = {});

}  // namespace glowscope::analysis
