// AUROC, AUPR-in/out and FPR@TPR against values worked out by hand (see comments), including
// ties, both conventions and non-finite scores.
#include <QtTest>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "core/metrics/ood_metrics.h"
#include "core/util/errors.h"

namespace glowscope {
namespace {

constexpr double kEps = 1e-12;

std::vector<double> negatedCopy(std::vector<double> v) {
  for (double& x : v) x = -x;
  return v;
}

/// Pairwise definition of the AUROC, independent of the sweep in the library.
double pairwiseAuroc(const std::vector<double>& in, const std::vector<double>& ood) {
  double wins = 0;
  for (double a : in) {
    for (double b : ood) wins += a > b ? 1.0 : (a == b ? 0.5 : 0.0);
  }
  return wins / static_cast<double>(in.size() * ood.size());
}

}  // namespace

class TstOodMetrics : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void perfectSeparation() {
    const OodMetrics m =
        computeOodMetrics(std::vector<double>{3, 4, 5}, std::vector<double>{0, 1, 2});
    QCOMPARE(m.auroc, 1.0);
    QCOMPARE(m.auprIn, 1.0);
    QCOMPARE(m.auprOut, 1.0);
    QCOMPARE(m.fprAtTpr, 0.0);
    QCOMPARE(m.inDistributionCount, std::size_t{3});
    QCOMPARE(m.outOfDistributionCount, std::size_t{3});
  }

  void worstSeparation() {
    // In-dist ranks last: AP-in = 1/3·1/4 + 1/3·2/5 + 1/3·1/2 = 23/60, and AP-out by symmetry.
    const OodMetrics m =
        computeOodMetrics(std::vector<double>{0, 1, 2}, std::vector<double>{3, 4, 5});
    QCOMPARE(m.auroc, 0.0);
    QVERIFY(std::abs(m.auprIn - 23.0 / 60.0) < kEps);
    QVERIFY(std::abs(m.auprOut - 23.0 / 60.0) < kEps);
    QCOMPARE(m.fprAtTpr, 1.0);
  }

  void allEqualScoresAreChance() {
    // One threshold: recall 1 at precision 2/5 (in-dist) or 3/5 (OOD).
    const OodMetrics m = computeOodMetrics(std::vector<double>{1, 1}, std::vector<double>{1, 1, 1});
    QCOMPARE(m.auroc, 0.5);
    QVERIFY(std::abs(m.auprIn - 0.4) < kEps);
    QVERIFY(std::abs(m.auprOut - 0.6) < kEps);
    QCOMPARE(m.fprAtTpr, 1.0);
  }

  void tiesCountHalf() {
    // Pairs won: 0.9 → 3, each 0.5 → 1 + 1 + 1/2, 0.2 → 1: 9 of 12.
    // AP-in over groups 0.9 | 0.5,0.5,0.5 | 0.3 | 0.2 | 0.1: 1/4·1 + 1/2·3/4 + 1/4·4/6 = 19/24.
    // AP-out (OOD first, ascending): 1/3·1 + 1/3·2/3 + 1/3·3/6 = 13/18.
    // FPR@95: TPR reaches 1 at 0.2, where OOD 0.5 and 0.3 are above: 2/3.
    const std::vector<double> in{0.9, 0.5, 0.5, 0.2};
    const std::vector<double> ood{0.5, 0.1, 0.3};
    const OodMetrics m = computeOodMetrics(in, ood);
    QVERIFY(std::abs(m.auroc - 0.75) < kEps);
    QVERIFY(std::abs(m.auprIn - 19.0 / 24.0) < kEps);
    QVERIFY(std::abs(m.auprOut - 13.0 / 18.0) < kEps);
    QVERIFY(std::abs(m.fprAtTpr - 2.0 / 3.0) < kEps);
    OodMetricOptions at75;
    at75.tprTarget = 0.75;  // reached at threshold 0.5, with one OOD score tied there
    QVERIFY(std::abs(computeOodMetrics(in, ood, at75).fprAtTpr - 1.0 / 3.0) < kEps);
    QVERIFY(std::abs(auroc(in, ood) - 0.75) < kEps);
  }

  void reversedConvention() {
    // Same detector as tiesCountHalf, scores negated (higher = OOD), OOD = positive.
    const std::vector<double> in = negatedCopy({0.9, 0.5, 0.5, 0.2});
    const std::vector<double> ood = negatedCopy({0.5, 0.1, 0.3});
    OodMetricOptions options;
    options.convention = ScoreConvention::outOfDistributionPositive();
    const OodMetrics m = computeOodMetrics(in, ood, options);
    QVERIFY(std::abs(m.auroc - 0.75) < kEps);
    QVERIFY(std::abs(m.auprIn - 19.0 / 24.0) < kEps);
    QVERIFY(std::abs(m.auprOut - 13.0 / 18.0) < kEps);
    // OOD = positive: TPR reaches 1 at OOD score 0.5 (orig.), 3 of 4 in-dist are flagged.
    QVERIFY(std::abs(m.fprAtTpr - 0.75) < kEps);
    // Reading the same raw numbers with the wrong direction turns the AUROC around.
    QVERIFY(std::abs(auroc(in, ood) - 0.25) < kEps);
  }

  void conventionText() {
    QCOMPARE(ScoreConvention::paper().describe(),
             std::string("in-distribution = positive; higher score = more in-distribution"));
    QCOMPARE(
        ScoreConvention::outOfDistributionPositive().describe(),
        std::string("out-of-distribution = positive; higher score = more out-of-distribution"));
  }

  void nonFiniteScoresAreOrderedBySign() {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    // In-dist {-3e6, 2, 3} vs OOD {1, -3e6, +3e6}: NaN and -inf are extremely OOD, +inf (a
    // ratio whose general model gave log p = -inf) is extremely in-distribution.
    // Pairs won: nan ties -inf (1/2); 2 beats 1 and -inf; 3 beats 1 and -inf: 4.5 of 9.
    const OodMetrics m =
        computeOodMetrics(std::vector<double>{nan, 2, 3}, std::vector<double>{1, -inf, inf});
    QVERIFY(std::abs(m.auroc - 4.5 / 9.0) < kEps);
    QCOMPARE(m.nonFiniteInDistribution, std::size_t{1});
    QCOMPARE(m.nonFiniteOutOfDistribution, std::size_t{2});
    QCOMPARE(kNonFiniteScoreReplacement, -3e6);
    // A +inf in-distribution score ranks above every OOD score, -inf below every one.
    QCOMPARE(auroc(std::vector<double>{inf}, std::vector<double>{1e6, 5}), 1.0);
    QCOMPARE(auroc(std::vector<double>{-inf}, std::vector<double>{-1e6, 5}), 0.0);
    // With higher = OOD the replaced score must still count as OOD: it loses both pairs; and
    // -inf there means "extremely in-distribution": it wins both.
    OodMetricOptions options;
    options.convention.higherScore = HigherScoreMeans::kOutOfDistribution;
    QVERIFY(std::abs(auroc(std::vector<double>{1, 2, nan}, std::vector<double>{5, 6}, options) -
                     4.0 / 6.0) < kEps);
    QCOMPARE(auroc(std::vector<double>{-inf}, std::vector<double>{-5, 6}, options), 1.0);
  }

  void matchesPairwiseDefinitionWithManyTies() {
    std::mt19937 rng(7);
    std::uniform_int_distribution<int> level(0, 5);
    std::vector<double> in(300), ood(200);
    for (double& x : in) x = level(rng) + 1;
    for (double& x : ood) x = level(rng);
    QVERIFY(std::abs(auroc(in, ood) - pairwiseAuroc(in, ood)) < kEps);
  }

  void rejectsBadInput() {
    QVERIFY_THROWS_EXCEPTION(ConfigError,
                             computeOodMetrics(std::vector<double>{}, std::vector<double>{1}));
    QVERIFY_THROWS_EXCEPTION(ConfigError, auroc(std::vector<double>{1}, std::vector<double>{}));
    OodMetricOptions options;
    options.tprTarget = 0;
    QVERIFY_THROWS_EXCEPTION(
        ConfigError, computeOodMetrics(std::vector<double>{1}, std::vector<double>{0}, options));
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QVERIFY_THROWS_EXCEPTION(ConfigError,
                             aurocBinary(std::vector<double>{nan}, std::vector<double>{0}));
  }

  void rocPointsOfASmallExample() {
    // in = {3, 2}, ood = {2, 1}: thresholds 3, 2, 1.
    const auto points = rocCurve(std::vector<double>{3, 2}, std::vector<double>{2, 1});
    QCOMPARE(points.size(), std::size_t{4});
    QCOMPARE(points[1].truePositiveRate, 0.5);
    QCOMPARE(points[1].falsePositiveRate, 0.0);
    QCOMPARE(points[2].truePositiveRate, 1.0);
    QCOMPARE(points[2].falsePositiveRate, 0.5);
    QCOMPARE(points[3].falsePositiveRate, 1.0);
    // The tie at 2 counts 1/2: AUROC = (1 + 1 + 0.5 + 1) / 4.
    QCOMPARE(areaUnderCurve(points), 0.875);
  }

  void rocAreaEqualsAurocWithTiesAndNonFinite() {
    std::vector<double> in, ood;
    for (int i = 0; i < 60; ++i) in.push_back(std::floor(std::sin(i * 1.3) * 5));
    for (int i = 0; i < 45; ++i) ood.push_back(std::floor(std::cos(i * 0.7) * 4) - 1);
    in.push_back(std::numeric_limits<double>::quiet_NaN());
    ood.push_back(-std::numeric_limits<double>::infinity());
    const double area = areaUnderCurve(rocCurve(in, ood));
    QVERIFY2(std::abs(area - auroc(in, ood)) < 1e-12,
             qPrintable(QString("%1 vs %2").arg(area).arg(auroc(in, ood))));
  }

  void rocOfAnEmptySampleThrows() {
    QVERIFY_THROWS_EXCEPTION(ConfigError, rocCurve(std::vector<double>{}, std::vector<double>{1}));
  }
};

}  // namespace glowscope

QTEST_APPLESS_MAIN(glowscope::TstOodMetrics)
#include "tst_ood_metrics.moc"
