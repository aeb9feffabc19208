#pragma once
// Threshold-free anomaly-detection metrics on two score samples (in-distribution vs OOD).
// See docs/metrics.md for the formulas and how ties are treated.
#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace glowscope {

/// Which class counts as "positive" (matters for FPR at a TPR only; AUROC is symmetric).
enum class PositiveClass { kInDistribution, kOutOfDistribution };

/// What a higher score means for the scores handed to the metrics.
enum class HigherScoreMeans { kInDistribution, kOutOfDistribution };

/// How to read a pair of score samples. The paper's (and the default): in-distribution =
/// positive, higher score (log p, log-likelihood ratio) = more in-distribution.
struct ScoreConvention {
  PositiveClass positive = PositiveClass::kInDistribution;
  HigherScoreMeans higherScore = HigherScoreMeans::kInDistribution;

  static ScoreConvention paper() { return {}; }
  /// Serra et al.'s S-score convention: OOD = positive, higher score = more OOD.
  static ScoreConvention outOfDistributionPositive() {
    return {PositiveClass::kOutOfDistribution, HigherScoreMeans::kOutOfDistribution};
  }
  /// Header text for tables, e.g. "in-distribution = positive; higher score = more
  /// in-distribution".
  std::string describe() const;
  bool operator==(const ScoreConvention&) const = default;
};

/// NaN and scores that are -inf on the "higher = in-distribution" scale become this value there,
/// i.e. extremely out-of-distribution. -3e6 is what the reference code assigns to a non-finite
/// log p before its AUROC. A score that is +inf on that scale (a ratio whose general model gave
/// log p = -inf) keeps its sign: it becomes -kNonFiniteScoreReplacement, extremely
/// in-distribution.
inline constexpr double kNonFiniteScoreReplacement = -3e6;

struct OodMetricOptions {
  ScoreConvention convention;
  /// On the "higher = in-distribution" scale, for NaN and -inf (negative); +inf becomes its
  /// negation. See kNonFiniteScoreReplacement.
  double nonFiniteReplacement = kNonFiniteScoreReplacement;
  /// TPR (of the positive class) at which the FPR is read.
  double tprTarget = 0.95;
};

/// All values are fractions in [0, 1].
struct OodMetrics {
  double auroc = 0;     ///< P(in-dist looks more in-dist than OOD) + 1/2 P(tie).
  double auprIn = 0;    ///< Average precision, in-distribution = positive.
  double auprOut = 0;   ///< Average precision, OOD = positive.
  double fprAtTpr = 0;  ///< FPR of the convention's negative class at tprTarget.
  double tprTarget = 0.95;
  std::size_t inDistributionCount = 0;
  std::size_t outOfDistributionCount = 0;
  std::size_t nonFiniteInDistribution = 0;  ///< Replaced scores among the in-distribution.
  std::size_t nonFiniteOutOfDistribution = 0;
};

/// Every metric at once. Throws ConfigError when either sample is empty or the TPR target is
/// outside (0, 1].
OodMetrics computeOodMetrics(std::span<const double> inDistributionScores,
                             std::span<const double> outOfDistributionScores,
                             const OodMetricOptions& options = {});

/// AUROC alone (same rules as computeOodMetrics). 1 = perfect, 0.5 = chance.
double auroc(std::span<const double> inDistributionScores,
             std::span<const double> outOfDistributionScores, const OodMetricOptions& options = {});

/// Scores turned to the "higher = in-distribution" scale with non-finite values replaced.
struct OrientedScores {
  std::vector<double> inDistribution;
  std::vector<double> outOfDistribution;
  std::size_t nonFiniteInDistribution = 0;
  std::size_t nonFiniteOutOfDistribution = 0;
};
OrientedScores orientScores(std::span<const double> inDistributionScores,
                            std::span<const double> outOfDistributionScores,
                            const OodMetricOptions& options = {});

/// One point of a ROC curve (paper convention: in-distribution = positive).
struct RocPoint {
  double falsePositiveRate = 0;  ///< fraction of OOD images at or above the threshold
  double truePositiveRate = 0;   ///< fraction of in-distribution images at or above it
};

/// The ROC curve: one point per distinct threshold (highest first) between (0, 0) and (1, 1),
/// scores oriented and non-finite ones replaced as in computeOodMetrics, so the trapezoid area
/// under the points equals auroc() (ties count 1/2). Throws ConfigError when a sample is empty.
std::vector<RocPoint> rocCurve(std::span<const double> inDistributionScores,
                               std::span<const double> outOfDistributionScores,
                               const OodMetricOptions& options = {});
/// Trapezoid area under the points.
double areaUnderCurve(std::span<const RocPoint> points);

// Binary building blocks: higher score = more positive, all scores finite, both non-empty.

/// Mann-Whitney U / (nPos nNeg): ties between a positive and a negative count 1/2.
double aurocBinary(std::span<const double> positives, std::span<const double> negatives);
/// sklearn's average_precision_score: sum over distinct thresholds of (R_k - R_{k-1}) P_k.
double averagePrecisionBinary(std::span<const double> positives, std::span<const double> negatives);
/// FPR at the highest threshold t (predict positive when score >= t) whose TPR >= tprTarget;
/// sklearn's roc_curve read as fpr[argmax(tpr >= target)].
double fprAtTprBinary(std::span<const double> positives, std::span<const double> negatives,
                      double tprTarget = 0.95);

}  // namespace glowscope
