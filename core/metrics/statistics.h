#pragma once
// Summaries of repeated measurements (seeds, bootstrap resamples).
#include <cstddef>
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <vector>

namespace glowscope {

struct MeanSd {
  double mean = 0;
  double sd = 0;  ///< Sample standard deviation (n - 1); NaN when n < 2.
  std::size_t count = 0;
  bool hasSd() const { return count >= 2; }
};

/// Mean and sample sd (divisor n - 1) of values, e.g. one AUROC per seed. Throws ConfigError
/// when values is empty or holds a non-finite value.
MeanSd meanAndSampleSd(std::span<const double> values);

/// The q-th percentile (q in [0, 100]) with linear interpolation between order statistics at
/// position q/100 * (n - 1): numpy.percentile's default. Throws ConfigError on empty input or
/// q out of range.
double percentile(std::span<const double> values, double q);
/// Means of values grouped by an integer key (e.g. a training quantity per epoch), kept as they
/// arrive; non-finite values are skipped.
class KeyedMeans {
 public:
  void add(std::int64_t key, double value);
  /// key -> mean, for the keys that received a finite value.
  std::map<std::int64_t, double> means() const;

 private:
  std::map<std::int64_t, std::pair<double, std::size_t>> sums_;
};

/// TensorBoard's smoothing of a training curve: an exponential moving average with weight
/// `weight` in [0, 1) on the previous average, debiased (divided by 1 - weight^n after n finite
/// values) so that the start is not pulled towards 0. Non-finite values are passed through and
/// skipped by the average. weight 0 returns the values. Throws ConfigError outside [0, 1).
std::vector<double> exponentialMovingAverage(std::span<const double> values, double weight);

/// The same at a fraction in [0, 1] (position fraction * (n - 1)): numpy.quantile's default.
double quantile(std::span<const double> values, double fraction);

}  // namespace glowscope
