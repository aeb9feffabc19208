#include "core/metrics/ood_metrics.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>

#include "core/util/errors.h"

namespace glowscope {
namespace {

/// Positive and negative counts of one distinct score value, highest score first.
struct ScoreGroup {
  std::uint64_t positives = 0;
  std::uint64_t negatives = 0;
};

void requireUsable(std::span<const double> scores, const char* field) {
  if (scores.empty()) throw ConfigError(field, "no scores");
  for (double s : scores) {
    if (!std::isfinite(s)) throw ConfigError(field, "contains a non-finite score");
  }
}

/// Groups tied scores so that every threshold sweep treats ties as one step.
std::vector<ScoreGroup> groupDescending(std::span<const double> positives,
                                        std::span<const double> negatives) {
  requireUsable(positives, "positives");
  requireUsable(negatives, "negatives");
  std::vector<std::pair<double, bool>> all;
  all.reserve(positives.size() + negatives.size());
  for (double s : positives) all.emplace_back(s, true);
  for (double s : negatives) all.emplace_back(s, false);
  std::sort(all.begin(), all.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<ScoreGroup> groups;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (i == 0 || all[i].first != all[i - 1].first) groups.emplace_back();
    (all[i].second ? groups.back().positives : groups.back().negatives) += 1;
  }
  return groups;
}

void requireTprTarget(double tprTarget) {
  if (!(tprTarget > 0.0 && tprTarget <= 1.0)) {
    throw ConfigError("tprTarget", "must lie in (0, 1]");
  }
}

std::vector<double> negated(const std::vector<double>& values) {
  std::vector<double> out(values.size());
  std::transform(values.begin(), values.end(), out.begin(), [](double v) { return -v; });
  return out;
}

}  // namespace

std::string ScoreConvention::describe() const {
  const std::string positiveText = positive == PositiveClass::kInDistribution
                                       ? "in-distribution = positive"
                                       : "out-of-distribution = positive";
  const std::string higherText = higherScore == HigherScoreMeans::kInDistribution
                                     ? "higher score = more in-distribution"
                                     : "higher score = more out-of-distribution";
  return positiveText + "; " + higherText;
}

double aurocBinary(std::span<const double> positives, std::span<const double> negatives) {
  // Twice the Mann-Whitney U in integers: exact, whatever the number of ties.
  std::uint64_t twiceU = 0;
  std::uint64_t negativesAbove = 0;
  const std::uint64_t totalNegatives = negatives.size();
  for (const ScoreGroup& g : groupDescending(positives, negatives)) {
    const std::uint64_t negativesBelow = totalNegatives - negativesAbove - g.negatives;
    twiceU += 2 * g.positives * negativesBelow + g.positives * g.negatives;
    negativesAbove += g.negatives;
  }
  return static_cast<double>(twiceU) /
         (2.0 * static_cast<double>(positives.size()) * static_cast<double>(negatives.size()));
}

double averagePrecisionBinary(std::span<const double> positives,
                              std::span<const double> negatives) {
  const double totalPositives = static_cast<double>(positives.size());
  double truePositives = 0;
  double falsePositives = 0;
  double previousRecall = 0;
  double sum = 0;
  for (const ScoreGroup& g : groupDescending(positives, negatives)) {
    truePositives += static_cast<double>(g.positives);
    falsePositives += static_cast<double>(g.negatives);
    const double recall = truePositives / totalPositives;
    const double precision = truePositives / (truePositives + falsePositives);
    sum += (recall - previousRecall) * precision;
    previousRecall = recall;
  }
  return sum;
}

double fprAtTprBinary(std::span<const double> positives, std::span<const double> negatives,
                      double tprTarget) {
  requireTprTarget(tprTarget);
  const double totalPositives = static_cast<double>(positives.size());
  const double totalNegatives = static_cast<double>(negatives.size());
  double truePositives = 0;
  double falsePositives = 0;
  for (const ScoreGroup& g : groupDescending(positives, negatives)) {
    truePositives += static_cast<double>(g.positives);
    falsePositives += static_cast<double>(g.negatives);
    if (truePositives / totalPositives >= tprTarget) return falsePositives / totalNegatives;
  }
  return 1.0;  // unreachable: the last threshold has TPR = 1
}

OrientedScores orientScores(std::span<const double> inDistributionScores,
                            std::span<const double> outOfDistributionScores,
                            const OodMetricOptions& options) {
  const bool flip = options.convention.higherScore == HigherScoreMeans::kOutOfDistribution;
  auto orient = [&](std::span<const double> raw, std::vector<double>& out, std::size_t& bad) {
    out.reserve(raw.size());
    // Ordered by their sign: +inf on the oriented scale is as in-distribution as a score can
    // be (e.g. a ratio whose general model says log p = -inf); NaN has no order and counts as OOD.
    for (double s : raw) {
      const double value = flip ? -s : s;
      if (!std::isfinite(value)) {
        ++bad;
        out.push_back(value > 0 ? -options.nonFiniteReplacement : options.nonFiniteReplacement);
      } else {
        out.push_back(value);
      }
    }
  };
  OrientedScores oriented;
  orient(inDistributionScores, oriented.inDistribution, oriented.nonFiniteInDistribution);
  orient(outOfDistributionScores, oriented.outOfDistribution, oriented.nonFiniteOutOfDistribution);
  return oriented;
}

double auroc(std::span<const double> inDistributionScores,
             std::span<const double> outOfDistributionScores, const OodMetricOptions& options) {
  if (inDistributionScores.empty()) throw ConfigError("inDistributionScores", "no scores");
  if (outOfDistributionScores.empty()) throw ConfigError("outOfDistributionScores", "no scores");
  const OrientedScores s = orientScores(inDistributionScores, outOfDistributionScores, options);
  return aurocBinary(s.inDistribution, s.outOfDistribution);
}

std::vector<RocPoint> rocCurve(std::span<const double> inDistributionScores,
                               std::span<const double> outOfDistributionScores,
                               const OodMetricOptions& options) {
  if (inDistributionScores.empty() || outOfDistributionScores.empty())
    throw ConfigError("ROC curve", "needs in-distribution and OOD scores");
  OrientedScores scores = orientScores(inDistributionScores, outOfDistributionScores, options);
  std::sort(scores.inDistribution.begin(), scores.inDistribution.end(), std::greater<>());
  std::sort(scores.outOfDistribution.begin(), scores.outOfDistribution.end(), std::greater<>());
  const auto& in = scores.inDistribution;
  const auto& ood = scores.outOfDistribution;
  std::vector<RocPoint> points{{0, 0}};
  std::size_t i = 0, o = 0;
  // Walk the thresholds from the highest score down, taking every score equal to it at once.
  while (i < in.size() || o < ood.size()) {
    double threshold = -std::numeric_limits<double>::infinity();
    if (i < in.size()) threshold = in[i];
    if (o < ood.size()) threshold = std::max(threshold, ood[o]);
    while (i < in.size() && in[i] == threshold) ++i;
    while (o < ood.size() && ood[o] == threshold) ++o;
    points.push_back({static_cast<double>(o) / static_cast<double>(ood.size()),
                      static_cast<double>(i) / static_cast<double>(in.size())});
  }
  return points;
}

double areaUnderCurve(std::span<const RocPoint> points) {
  double area = 0;
  for (std::size_t k = 1; k < points.size(); ++k)
    area += (points[k].falsePositiveRate - points[k - 1].falsePositiveRate) *
            (points[k].truePositiveRate + points[k - 1].truePositiveRate) / 2;
  return area;
}

OodMetrics computeOodMetrics(std::span<const double> inDistributionScores,
                             std::span<const double> outOfDistributionScores,
                             const OodMetricOptions& options) {
  if (inDistributionScores.empty()) throw ConfigError("inDistributionScores", "no scores");
  if (outOfDistributionScores.empty()) throw ConfigError("outOfDistributionScores", "no scores");
  requireTprTarget(options.tprTarget);
  const OrientedScores s = orientScores(inDistributionScores, outOfDistributionScores, options);
  const std::vector<double> inAsOod = negated(s.inDistribution);
  const std::vector<double> oodAsOod = negated(s.outOfDistribution);

  OodMetrics m;
  m.auroc = aurocBinary(s.inDistribution, s.outOfDistribution);
  m.auprIn = averagePrecisionBinary(s.inDistribution, s.outOfDistribution);
  m.auprOut = averagePrecisionBinary(oodAsOod, inAsOod);
  m.fprAtTpr = options.convention.positive == PositiveClass::kInDistribution
                   ? fprAtTprBinary(s.inDistribution, s.outOfDistribution, options.tprTarget)
                   : fprAtTprBinary(oodAsOod, inAsOod, options.tprTarget);
  m.tprTarget = options.tprTarget;
  m.inDistributionCount = inDistributionScores.size();
  m.outOfDistributionCount = outOfDistributionScores.size();
  m.nonFiniteInDistribution = s.nonFiniteInDistribution;
  m.nonFiniteOutOfDistribution = s.nonFiniteOutOfDistribution;
  return m;
}

}  // namespace glowscope
