#include "core/metrics/bootstrap.h"

#include <algorithm>
#include <random>
#include <vector>

#include "core/metrics/statistics.h"
#include "core/util/errors.h"

namespace glowscope {
namespace {

/// One entry of the pooled sample sorted by descending score; `newGroup` marks a new value.
struct RankedItem {
  bool positive = false;
  bool newGroup = false;
  std::size_t index = 0;  ///< Index within its own class.
};

std::vector<RankedItem> rankPooled(const std::vector<double>& positives,
                                   const std::vector<double>& negatives) {
  std::vector<std::pair<double, RankedItem>> pooled;
  pooled.reserve(positives.size() + negatives.size());
  for (std::size_t i = 0; i < positives.size(); ++i)
    pooled.push_back({positives[i], {true, false, i}});
  for (std::size_t i = 0; i < negatives.size(); ++i)
    pooled.push_back({negatives[i], {false, false, i}});
  std::sort(pooled.begin(), pooled.end(),
            [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<RankedItem> ranked(pooled.size());
  for (std::size_t k = 0; k < pooled.size(); ++k) {
    ranked[k] = pooled[k].second;
    ranked[k].newGroup = k == 0 || pooled[k].first != pooled[k - 1].first;
  }
  return ranked;
}

/// Unbiased integer in [0, bound) from the 64-bit Mersenne Twister, whose output sequence the
/// C++ standard fixes (std::uniform_int_distribution's algorithm is implementation-defined).
std::uint64_t drawBelow(std::mt19937_64& rng, std::uint64_t bound) {
  const std::uint64_t limit = std::mt19937_64::max() - std::mt19937_64::max() % bound;
  std::uint64_t x = rng();
  while (x >= limit) x = rng();
  return x % bound;
}

void drawMultiplicities(std::mt19937_64& rng, std::vector<std::uint64_t>& counts) {
  std::fill(counts.begin(), counts.end(), 0);
  for (std::size_t k = 0; k < counts.size(); ++k) ++counts[drawBelow(rng, counts.size())];
}

/// The AUROC of a resample given as multiplicities, swept over the pre-sorted pooled sample.
double weightedAuroc(const std::vector<RankedItem>& ranked,
                     const std::vector<std::uint64_t>& positiveCounts,
                     const std::vector<std::uint64_t>& negativeCounts) {
  const std::uint64_t totalNegatives = negativeCounts.size();
  std::uint64_t twiceU = 0, negativesAbove = 0, groupPositives = 0, groupNegatives = 0;
  auto closeGroup = [&] {
    const std::uint64_t below = totalNegatives - negativesAbove - groupNegatives;
    twiceU += 2 * groupPositives * below + groupPositives * groupNegatives;
    negativesAbove += groupNegatives;
    groupPositives = groupNegatives = 0;
  };
  for (const RankedItem& item : ranked) {
    if (item.newGroup) closeGroup();
    (item.positive ? groupPositives : groupNegatives) +=
        item.positive ? positiveCounts[item.index] : negativeCounts[item.index];
  }
  closeGroup();
  return static_cast<double>(twiceU) / (2.0 * static_cast<double>(positiveCounts.size()) *
                                        static_cast<double>(negativeCounts.size()));
}

}  // namespace

BootstrapInterval bootstrapAurocInterval(std::span<const double> inDistributionScores,
                                         std::span<const double> outOfDistributionScores,
                                         const OodMetricOptions& metricOptions,
                                         const BootstrapOptions& bootstrapOptions) {
  if (bootstrapOptions.resamples == 0) throw ConfigError("resamples", "must be at least 1");
  if (!(bootstrapOptions.confidence > 0.0 && bootstrapOptions.confidence < 1.0)) {
    throw ConfigError("confidence", "must lie in (0, 1)");
  }
  BootstrapInterval out;
  out.estimate = auroc(inDistributionScores, outOfDistributionScores, metricOptions);
  out.confidence = bootstrapOptions.confidence;
  out.resamples = bootstrapOptions.resamples;

  const OrientedScores s =
      orientScores(inDistributionScores, outOfDistributionScores, metricOptions);
  const std::vector<RankedItem> ranked = rankPooled(s.inDistribution, s.outOfDistribution);
  std::mt19937_64 rng(bootstrapOptions.seed);
  std::vector<std::uint64_t> positiveCounts(s.inDistribution.size());
  std::vector<std::uint64_t> negativeCounts(s.outOfDistribution.size());
  std::vector<double> resampled(bootstrapOptions.resamples);
  for (double& value : resampled) {
    drawMultiplicities(rng, positiveCounts);
    drawMultiplicities(rng, negativeCounts);
    value = weightedAuroc(ranked, positiveCounts, negativeCounts);
  }
  const double tail = 50.0 * (1.0 - bootstrapOptions.confidence);
  out.lower = percentile(resampled, tail);
  out.upper = percentile(resampled, 100.0 - tail);
  return out;
}

}  // namespace glowscope
