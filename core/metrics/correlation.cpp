#include "core/metrics/correlation.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "core/util/errors.h"

namespace glowscope {
namespace {

void requireSameSize(std::span<const double> a, std::span<const double> b) {
  if (a.size() != b.size()) throw ConfigError("b", "size differs from a");
  if (a.size() < 2) throw ConfigError("a", "a correlation needs at least 2 items");
}

double mean(std::span<const double> v) {
  return std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
}

}  // namespace

std::vector<double> averageRanks(std::span<const double> values) {
  for (double v : values) {
    if (std::isnan(v)) throw ConfigError("values", "contains NaN, which has no rank");
  }
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t i, std::size_t j) { return values[i] < values[j]; });
  std::vector<double> ranks(values.size());
  std::size_t start = 0;
  while (start < order.size()) {
    std::size_t end = start + 1;
    while (end < order.size() && values[order[end]] == values[order[start]]) ++end;
    // Positions start..end-1 hold 1-based ranks start+1..end; their mean is (start+1+end)/2.
    const double tiedRank = 0.5 * static_cast<double>(start + 1 + end);
    for (std::size_t k = start; k < end; ++k) ranks[order[k]] = tiedRank;
    start = end;
  }
  return ranks;
}

double pearson(std::span<const double> a, std::span<const double> b) {
  requireSameSize(a, b);
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (!std::isfinite(a[i]) || !std::isfinite(b[i])) {
      throw ConfigError("a, b", "Pearson's r needs finite values");
    }
  }
  // Centre first: two passes keep r accurate when the values share a large offset (log p).
  const double meanA = mean(a);
  const double meanB = mean(b);
  double sumAB = 0, sumAA = 0, sumBB = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const double da = a[i] - meanA;
    const double db = b[i] - meanB;
    sumAB += da * db;
    sumAA += da * da;
    sumBB += db * db;
  }
  if (sumAA == 0 || sumBB == 0) return std::numeric_limits<double>::quiet_NaN();
  return std::clamp(sumAB / std::sqrt(sumAA * sumBB), -1.0, 1.0);
}

double spearman(std::span<const double> a, std::span<const double> b) {
  requireSameSize(a, b);
  return pearson(averageRanks(a), averageRanks(b));
}

double spearmanOfFinitePairs(std::span<const double> a, std::span<const double> b) {
  std::vector<double> x, y;
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i)
    if (std::isfinite(a[i]) && std::isfinite(b[i])) {
      x.push_back(a[i]);
      y.push_back(b[i]);
    }
  return x.size() < 2 ? std::numeric_limits<double>::quiet_NaN() : spearman(x, y);
}

CorrelationMatrix spearmanMatrix(const std::vector<std::string>& labels,
                                 const std::vector<std::vector<double>>& series,
                                 NonFiniteValues nonFinite) {
  if (labels.size() != series.size()) throw ConfigError("labels", "need one label per series");
  CorrelationMatrix matrix;
  matrix.labels = labels;
  matrix.values.assign(series.size(), std::vector<double>(series.size(), 1.0));
  for (std::size_t row = 0; row < series.size(); ++row) {
    for (std::size_t column = row; column < series.size(); ++column) {
      const double rho = nonFinite == NonFiniteValues::SkipPerPair
                             ? spearmanOfFinitePairs(series[row], series[column])
                             : spearman(series[row], series[column]);
      matrix.values[row][column] = rho;
      matrix.values[column][row] = rho;
    }
  }
  return matrix;
}

}  // namespace glowscope
