#include "core/metrics/axis_range.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/metrics/statistics.h"
#include "core/util/errors.h"

namespace glowscope {
namespace {

ValueRange unite(const ValueRange& a, const ValueRange& b) {
  return {std::min(a.low, b.low), std::max(a.high, b.high)};
}

double width(const ValueRange& range) { return range.high - range.low; }

// The reference's width, never zero: a constant reference (width 1 after widening) or a very
// narrow one must not make every other sample "far".
double referenceWidth(const ValueRange& range) {
  return std::max(width(range), 1e-12 * std::max(1.0, std::abs(range.low)));
}

}  // namespace

std::optional<ValueRange> fencedRange(std::span<const double> values, double k) {
  if (!(k >= 0)) throw ConfigError("fence factor", "must be >= 0");
  std::vector<double> finite;
  for (double value : values)
    if (std::isfinite(value)) finite.push_back(value);
  if (finite.empty()) return std::nullopt;
  const auto [low, high] = std::minmax_element(finite.begin(), finite.end());
  const double q1 = quantile(finite, 0.25), q3 = quantile(finite, 0.75);
  ValueRange range{std::max(*low, q1 - k * (q3 - q1)), std::min(*high, q3 + k * (q3 - q1))};
  if (range.low == range.high) range = {range.low - 0.5, range.high + 0.5};
  return range;
}

std::vector<bool> samplesOfInterest(const std::vector<std::vector<std::span<const double>>>& axes,
                                    std::size_t reference, double maxSpread) {
  const std::size_t count = axes.empty() ? 0 : axes.front().size();
  std::vector<bool> include(count, false);
  if (reference >= count) return include;
  // fenced[a][s]; a sample without finite values on some axis has none anywhere.
  std::vector<std::vector<std::optional<ValueRange>>> fenced(axes.size());
  for (std::size_t a = 0; a < axes.size(); ++a)
    for (std::size_t s = 0; s < count; ++s) fenced[a].push_back(fencedRange(axes[a].at(s)));
  const auto usable = [&](std::size_t s) {
    return std::all_of(fenced.begin(), fenced.end(), [s](const auto& axis) { return axis[s]; });
  };
  if (!usable(reference)) return include;
  include[reference] = true;
  std::vector<ValueRange> current;
  std::vector<double> limit;
  for (const auto& axis : fenced) {
    current.push_back(*axis[reference]);
    limit.push_back(maxSpread * referenceWidth(*axis[reference]));
  }
  // Greedy: the candidate whose worst axis grows least joins first, while it fits.
  while (true) {
    std::optional<std::size_t> best;
    double bestGrowth = std::numeric_limits<double>::infinity();
    for (std::size_t s = 0; s < count; ++s) {
      if (include[s] || !usable(s)) continue;
      double growth = 0;
      bool fits = true;
      for (std::size_t a = 0; a < fenced.size(); ++a) {
        const double united = width(unite(current[a], *fenced[a][s]));
        fits = fits && united <= limit[a];
        growth = std::max(growth, united / referenceWidth(current[a]));
      }
      if (fits && growth < bestGrowth) {
        best = s;
        bestGrowth = growth;
      }
    }
    if (!best) break;
    include[*best] = true;
    for (std::size_t a = 0; a < fenced.size(); ++a)
      current[a] = unite(current[a], *fenced[a][*best]);
  }
  return include;
}

std::optional<ValueRange> unionOfFencedRanges(const std::vector<std::span<const double>>& samples,
                                              const std::vector<bool>& include) {
  std::optional<ValueRange> range;
  for (std::size_t s = 0; s < samples.size(); ++s) {
    if (!include.empty() && (s >= include.size() || !include[s])) continue;
    const std::optional<ValueRange> fenced = fencedRange(samples[s]);
    if (fenced) range = range ? unite(*range, *fenced) : *fenced;
  }
  return range;
}

std::optional<ValueRange> focusRange(const std::vector<std::span<const double>>& samples,
                                     std::size_t reference, double maxSpread, double padding) {
  std::vector<bool> include = samplesOfInterest({samples}, reference, maxSpread);
  // Without a usable reference every sample counts.
  if (std::none_of(include.begin(), include.end(), [](bool in) { return in; })) include.clear();
  const std::optional<ValueRange> range = unionOfFencedRanges(samples, include);
  if (!range) return range;
  return paddedRange(*range, padding);
}

std::size_t countOutside(std::span<const double> values, const ValueRange& range) {
  return static_cast<std::size_t>(std::count_if(values.begin(), values.end(), [&](double v) {
    return std::isfinite(v) && (v < range.low || v > range.high);
  }));
}

}  // namespace glowscope
