#pragma once
// Summaries of repeated measurements (seeds, bootstrap resamples).
#include <cstddef>
#include <span>
#include <string>

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

}  // namespace glowscope
