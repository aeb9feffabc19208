#include "core/metrics/histogram.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/metrics/statistics.h"
#include "core/util/errors.h"

namespace glowscope {
namespace {

void checkBins(double low, double high, std::size_t binCount) {
  if (binCount == 0) throw ConfigError("histogram bins", "need at least one bin");
  if (!std::isfinite(low) || !std::isfinite(high) || !(low < high))
    throw ConfigError("histogram range", "need finite low < high");
}

}  // namespace

std::size_t Histogram::counted() const {
  return std::accumulate(counts.begin(), counts.end(), std::size_t{0});
}

double Histogram::binWidth() const {
  return counts.empty() ? 0 : (high - low) / static_cast<double>(counts.size());
}

double Histogram::binCentre(std::size_t bin) const {
  return low + (static_cast<double>(bin) + 0.5) * binWidth();
}

std::vector<double> Histogram::densities() const {
  std::vector<double> density(counts.size(), 0.0);
  const double total = static_cast<double>(counted() + outOfRange);
  if (total == 0) return density;
  for (std::size_t i = 0; i < counts.size(); ++i)
    density[i] = static_cast<double>(counts[i]) / (total * binWidth());
  return density;
}

std::optional<std::size_t> binIndex(double value, double low, double high, std::size_t binCount) {
  checkBins(low, high, binCount);
  if (!std::isfinite(value) || value < low || value > high) return std::nullopt;
  const double position = (value - low) / (high - low) * static_cast<double>(binCount);
  return std::min(static_cast<std::size_t>(position), binCount - 1);
}

Histogram computeHistogram(std::span<const double> values, double low, double high,
                           std::size_t binCount) {
  checkBins(low, high, binCount);
  Histogram histogram;
  histogram.low = low;
  histogram.high = high;
  histogram.counts.assign(binCount, 0);
  histogram.members.assign(binCount, {});
  for (std::size_t i = 0; i < values.size(); ++i) {
    const std::optional<std::size_t> bin = binIndex(values[i], low, high, binCount);
    if (!bin) {
      ++(std::isfinite(values[i]) ? histogram.outOfRange : histogram.nonFinite);
      continue;
    }
    ++histogram.counts[*bin];
    histogram.members[*bin].push_back(i);
  }
  return histogram;
}

std::optional<ValueRange> finiteRange(const std::vector<std::span<const double>>& samples) {
  std::optional<ValueRange> range;
  for (std::span<const double> sample : samples)
    for (double value : sample) {
      if (!std::isfinite(value)) continue;
      if (!range) range = ValueRange{value, value};
      range->low = std::min(range->low, value);
      range->high = std::max(range->high, value);
    }
  if (range && range->low == range->high) range = ValueRange{range->low - 0.5, range->high + 0.5};
  return range;
}

std::optional<ValueRange> trimmedRange(const std::vector<std::span<const double>>& samples,
                                       double trimFraction) {
  if (!(trimFraction >= 0 && trimFraction < 0.5))
    throw ConfigError("histogram trim", "need 0 <= fraction < 0.5");
  std::vector<double> pooled;
  for (std::span<const double> sample : samples)
    for (double value : sample)
      if (std::isfinite(value)) pooled.push_back(value);
  if (pooled.empty()) return std::nullopt;
  ValueRange range{quantile(pooled, trimFraction), quantile(pooled, 1 - trimFraction)};
  if (range.low == range.high) range = ValueRange{range.low - 0.5, range.high + 0.5};
  return range;
}

ValueRange paddedRange(const ValueRange& range, double fraction) {
  const double margin = fraction * (range.high - range.low);
  return ValueRange{range.low - margin, range.high + margin};
}

}  // namespace glowscope
