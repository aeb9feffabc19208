#pragma once
// Axis ranges for plots of several samples: the range that shows the data of interest, with
// far-away samples and single outliers left outside (the views mark those at the axis edge and
// say how many there are), and the counts of values outside a range.
#include <cstddef>
#include <optional>
#include <span>
#include <vector>

#include "core/metrics/histogram.h"

namespace glowscope {

/// Tukey's fences of the finite values, [q1 - k·IQR, q3 + k·IQR], clipped to [min, max]: the
/// whole sample unless a few values lie far outside its bulk. Widened like finiteRange when
/// all values are equal; none when no value is finite. Throws ConfigError unless k >= 0.
std::optional<ValueRange> fencedRange(std::span<const double> values, double k = 3);

/// Which samples a plot's axes should show. Sample `reference` (the in-distribution set) always
/// counts; another sample counts when adding its fenced range keeps the union of the fenced
/// ranges within `maxSpread` times the reference's own fenced width on every axis (samples are
/// added greedily, the one that widens the union least first). A sample far from the others (log
/// p of photographs under a model of clothes) or spread over a thousand times the reference's
/// width is left out, so it cannot squeeze the others into a line. axes[a][s] holds sample s's
/// values on axis a (a histogram has one axis, a scatter plot two; all axes have the same number
/// of samples). A sample without finite values never counts.
std::vector<bool> samplesOfInterest(const std::vector<std::vector<std::span<const double>>>& axes,
                                    std::size_t reference = 0, double maxSpread = 10);

/// The union of the fenced ranges of the samples with include[s] (all when include is empty);
/// none when none of them has a finite value.
std::optional<ValueRange> unionOfFencedRanges(const std::vector<std::span<const double>>& samples,
                                              const std::vector<bool>& include = {});

/// One axis's range over the samples of interest (samplesOfInterest on this axis alone, then
/// unionOfFencedRanges), padded by `padding` of its width at each end.
std::optional<ValueRange> focusRange(const std::vector<std::span<const double>>& samples,
                                     std::size_t reference = 0, double maxSpread = 10,
                                     double padding = 0.05);

/// Finite values outside [range.low, range.high].
std::size_t countOutside(std::span<const double> values, const ValueRange& range);

}  // namespace glowscope
