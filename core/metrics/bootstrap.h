#pragma once
// Percentile-bootstrap confidence intervals for the AUROC.
#include <cstddef>
#include <cstdint>
#include <span>

#include "core/metrics/ood_metrics.h"

namespace glowscope {

struct BootstrapOptions {
  std::size_t resamples = 1000;
  double confidence = 0.95;  ///< Central interval: percentiles (1-c)/2 and (1+c)/2.
  std::uint64_t seed = 0;    ///< Same seed + same inputs = same interval, on every platform.
};

struct BootstrapInterval {
  double estimate = 0;  ///< The AUROC of the full samples.
  double lower = 0;
  double upper = 0;
  double confidence = 0.95;
  std::size_t resamples = 0;
};

/// Stratified bootstrap: each resample draws the in-distribution and the OOD scores with
/// replacement, each at its own size, so both classes are always present. The interval is the
/// percentile interval (numpy-style linear interpolation) of the resampled AUROCs. Scores are
/// oriented and non-finite ones replaced as in computeOodMetrics. Throws ConfigError on empty
/// samples, resamples == 0 or confidence outside (0, 1).
BootstrapInterval bootstrapAurocInterval(std::span<const double> inDistributionScores,
                                         std::span<const double> outOfDistributionScores,
                                         const OodMetricOptions& metricOptions = {},
                                         const BootstrapOptions& bootstrapOptions = {});

}  // namespace glowscope
