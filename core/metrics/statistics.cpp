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

double percentile(std::span<const double> values, double q) {
  if (values.empty()) throw ConfigError("values", "no values for a percentile");
  if (!(q >= 0.0 && q <= 100.0)) throw ConfigError("q", "percentile must lie in [0, 100]");
  std::vector<double> sorted(values.begin(), values.end());
  std::sort(sorted.begin(), sorted.end());
  const double position = q / 100.0 * static_cast<double>(sorted.size() - 1);
  const std::size_t below = static_cast<std::size_t>(std::floor(position));
  const std::size_t above = std::min(below + 1, sorted.size() - 1);
  const double fraction = position - static_cast<double>(below);
  return sorted[below] + fraction * (sorted[above] - sorted[below]);
}

}  // namespace glowscope
