#pragma once
// Correlations between two score vectors over the same items (e.g. per-image log p of two
// models on the same images).
#include <span>
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

}  // namespace glowscope
