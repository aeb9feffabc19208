#pragma once
// Histograms of score samples and the value ranges they are drawn over (the results browser's
// score histograms and their exports).
#include <cstddef>
#include <optional>
#include <span>
#include <vector>

namespace glowscope {

/// `binCount` equal bins over [low, high]: bin i = [low + i·w, low + (i+1)·w), the last bin
/// also holds `high`. Values outside the range and non-finite values are not counted.
struct Histogram {
  double low = 0;
  double high = 1;
  std::vector<std::size_t> counts;
  std::vector<std::vector<std::size_t>> members;  ///< indices of the values in each bin
  std::size_t outOfRange = 0;                     ///< finite values outside [low, high]
  std::size_t nonFinite = 0;                      ///< NaN, ±inf
  std::size_t counted() const;                    ///< sum of counts
  double binWidth() const;
  double binCentre(std::size_t bin) const;
  /// count / (finite values · binWidth), finite values = counted + outOfRange: integrates to the
  /// fraction of the finite values inside the range (1 when the range holds them all), so sets
  /// stay comparable when a range cuts one of them. All zero without finite values.
  std::vector<double> densities() const;
};

/// The bin of `value`, or none when it is outside [low, high] or not finite. Throws ConfigError
/// unless binCount > 0 and low < high (both finite).
std::optional<std::size_t> binIndex(double value, double low, double high, std::size_t binCount);
Histogram computeHistogram(std::span<const double> values, double low, double high,
                           std::size_t binCount);

/// [min, max] of the finite values of all samples, widened to [x - 0.5, x + 0.5] when they are
/// all equal; none when no value is finite.
struct ValueRange {
  double low = 0;
  double high = 1;
};
std::optional<ValueRange> finiteRange(const std::vector<std::span<const double>>& samples);
/// [q, 1 - q] quantiles (linear interpolation) of the pooled finite values, so that a few extreme
/// values (log p of -1e5 next to +500) do not squeeze every other bar into one; widened like
/// finiteRange when equal. trimFraction = 0 gives finiteRange. Throws ConfigError unless
/// 0 <= trimFraction < 0.5.
std::optional<ValueRange> trimmedRange(const std::vector<std::span<const double>>& samples,
                                       double trimFraction);
/// The range widened by `fraction` of its width at each end (0.25: a quarter on either side).
ValueRange paddedRange(const ValueRange& range, double fraction);

}  // namespace glowscope
