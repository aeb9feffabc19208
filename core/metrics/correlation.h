#pragma once
// Correlations between two score vectors over the same items (e.g. per-image log p of two
// models on the same images).
#include <span>
#include <string>
#include <vector>

namespace glowscope {

/// 1-based ranks in ascending order; tied values all get the mean of the ranks they span
/// (scipy.stats.rankdata(method="average")). Throws ConfigError on NaN.
std::vector<double> averageRanks(std::span<const double> values);

/// Pearson's r. Throws ConfigError when the sizes differ, fewer than 2 items are given, or a
/// value is not finite. Returns NaN when either vector is constant (r is undefined).
double pearson(std::span<const double> a, std::span<const double> b);

/// Spearman's rho = Pearson's r of the average ranks (scipy.stats.spearmanr). ±inf are ranked
/// as the extremes; NaN throws ConfigError. NaN result when either vector is constant.
double spearman(std::span<const double> a, std::span<const double> b);

/// Spearman's rho over the positions where both values are finite (the first min(size) items);
/// NaN with fewer than 2 such positions. For scores where log p can be -inf or NaN.
double spearmanOfFinitePairs(std::span<const double> a, std::span<const double> b);

/// Symmetric matrix of correlations between labelled series.
struct CorrelationMatrix {
  std::vector<std::string> labels;
  std::vector<std::vector<double>> values;  ///< [row][column], NaN where rho is undefined
};

/// How spearmanMatrix treats non-finite values.
enum class NonFiniteValues {
  Reject,       ///< as spearman(): equal lengths >= 2, NaN throws ConfigError
  SkipPerPair,  ///< each pair as spearmanOfFinitePairs
};

/// Spearman's rho between every pair of series (ConfigError unless one label per series).
CorrelationMatrix spearmanMatrix(const std::vector<std::string>& labels,
                                 const std::vector<std::vector<double>>& series,
                                 NonFiniteValues nonFinite = NonFiniteValues::Reject);

}  // namespace glowscope
