#include "core/metrics/statistics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "core/util/errors.h"

namespace glowscope {

MeanSd meanAndSampleSd(std::span<const double> values) {
  if (values.empty()) throw ConfigError("values", "no values to summarise");
  double sum = 0;
  for (double v : values) {
    if (!std::isfinite(v)) throw ConfigError("values", "contains a non-finite value");
    sum += v;
  }
  MeanSd out;
  out.count = values.size();
  out.mean = sum / static_cast<double>(values.size());
  if (values.size() < 2) {
    out.sd = std::numeric_limits<double>::quiet_NaN();
    return out;
  }
  double squares = 0;
  for (double v : values) squares += (v - out.mean) * (v - out.mean);
  out.sd = std::sqrt(squares / static_cast<double>(values.size() - 1));
  return out;
}

void KeyedMeans::add(std::int64_t key, double value) {
  if (!std::isfinite(value)) return;
  auto& [sum, count] = sums_[key];
  sum += value;
  ++count;
}

std::map<std::int64_t, double> KeyedMeans::means() const {
  std::map<std::int64_t, double> means;
  for (const auto& [key, sumAndCount] : sums_)
    means[key] = sumAndCount.first / static_cast<double>(sumAndCount.second);
  return means;
}

double percentile(std::span<const double> values, double q) {
  if (!(q >= 0.0 && q <= 100.0)) throw ConfigError("q", "percentile must lie in [0, 100]");
  return quantile(values, q / 100.0);
}

double quantile(std::span<const double> values, double fraction) {
  if (values.empty()) throw ConfigError("values", "no values for a quantile");
  if (!(fraction >= 0.0 && fraction <= 1.0))
    throw ConfigError("fraction", "a quantile's fraction must lie in [0, 1]");
  std::vector<double> sorted(values.begin(), values.end());
  std::sort(sorted.begin(), sorted.end());
  const double position = fraction * static_cast<double>(sorted.size() - 1);
  const std::size_t below = static_cast<std::size_t>(std::floor(position));
  const std::size_t above = std::min(below + 1, sorted.size() - 1);
  const double weight = position - static_cast<double>(below);
  return sorted[below] + weight * (sorted[above] - sorted[below]);
}

std::vector<double> exponentialMovingAverage(std::span<const double> values, double weight) {
  if (!(weight >= 0 && weight < 1)) throw ConfigError("smoothing", "must lie in [0, 1)");
  std::vector<double> smoothed;
  smoothed.reserve(values.size());
  double average = 0, debias = 1;
  for (double value : values) {
    if (!std::isfinite(value)) {
      smoothed.push_back(value);
      continue;
    }
    average = weight * average + (1 - weight) * value;
    debias *= weight;
    smoothed.push_back(average / (1 - debias));
  }
  return smoothed;
}

}  // namespace glowscope
