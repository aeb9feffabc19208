// Spearman with ties and Pearson against hand-computed values.
#include <QtTest>
#include <cmath>
#include <limits>
#include <vector>

#include "core/metrics/correlation.h"
#include "core/util/errors.h"

namespace glowscope {

class TstCorrelation : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void averageRanksShareTies() {
    // Sorted: 10 | 20 20 20 (ranks 2, 3, 4 → 3) | 30.
    const std::vector<double> ranks = averageRanks(std::vector<double>{10, 20, 20, 30, 20});
    QCOMPARE(ranks, (std::vector<double>{1, 3, 3, 5, 3}));
  }

  void spearmanWithTies() {
    // Ranks a = {1, 2.5, 2.5, 4}, b = {1, 3, 2, 4}; centred sums: ab = 4.5, aa = 4.5, bb = 5,
    // so rho = 4.5 / sqrt(4.5 · 5) = sqrt(0.9).
    const double rho = spearman(std::vector<double>{1, 2, 2, 3}, std::vector<double>{1, 3, 2, 4});
    QVERIFY(std::abs(rho - std::sqrt(0.9)) < 1e-12);
  }

  void spearmanIgnoresMonotoneTransforms() {
    const std::vector<double> x{0.3, -1.2, 2.5, 0.0, 1.1};
    std::vector<double> up, down;
    for (double v : x) {
      up.push_back(std::exp(3 * v));
      down.push_back(-v * v * v);
    }
    QVERIFY(std::abs(spearman(x, up) - 1.0) < 1e-12);
    QVERIFY(std::abs(spearman(x, down) + 1.0) < 1e-12);
    QVERIFY(pearson(x, up) < 0.99);  // Pearson does see the non-linearity
  }

  void pearsonHandComputed() {
    // Centred: a = {-1.5, -.5, .5, 1.5}, b = {-3, -1, 0, 4}: ab = 11, aa = 5, bb = 26.
    const std::vector<double> a{1, 2, 3, 4};
    const std::vector<double> b{2, 4, 5, 9};
    const double expected = 11.0 / std::sqrt(130.0);
    QVERIFY(std::abs(pearson(a, b) - expected) < 1e-12);
    // A large common offset (log p in nats of big images) must not cost accuracy.
    std::vector<double> shiftedA, shiftedB;
    for (double v : a) shiftedA.push_back(v - 1e9);
    for (double v : b) shiftedB.push_back(v + 1e9);
    QVERIFY(std::abs(pearson(shiftedA, shiftedB) - expected) < 1e-9);
  }

  void constantInputHasNoCorrelation() {
    QVERIFY(std::isnan(pearson(std::vector<double>{1, 1, 1}, std::vector<double>{1, 2, 3})));
    QVERIFY(std::isnan(spearman(std::vector<double>{1, 2, 3}, std::vector<double>{4, 4, 4})));
  }

  void rejectsBadInput() {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    QVERIFY_THROWS_EXCEPTION(ConfigError,
                             pearson(std::vector<double>{1, 2}, std::vector<double>{1}));
    QVERIFY_THROWS_EXCEPTION(ConfigError, spearman(std::vector<double>{1}, std::vector<double>{1}));
    QVERIFY_THROWS_EXCEPTION(ConfigError,
                             spearman(std::vector<double>{1, nan}, std::vector<double>{1, 2}));
    const double inf = std::numeric_limits<double>::infinity();
    QVERIFY_THROWS_EXCEPTION(ConfigError,
                             pearson(std::vector<double>{1, inf}, std::vector<double>{1, 2}));
    // Spearman only needs an order, which ±inf has.
    QVERIFY(std::abs(spearman(std::vector<double>{-inf, 0, inf}, std::vector<double>{1, 2, 3}) -
                     1.0) < 1e-12);
  }

  void finitePairsSkipNonFiniteValues() {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    // Pairs 1 and 3 hold a non-finite value; the rest rank identically.
    const std::vector<double> a = {1, nan, 3, 4, 5}, b = {10, 20, 30, -inf, 50};
    QCOMPARE(spearmanOfFinitePairs(a, b), 1.0);
    QVERIFY(
        std::isnan(spearmanOfFinitePairs(std::vector<double>{1, nan}, std::vector<double>{2, 3})));
  }

  void matrixIsSymmetricWithUnitDiagonal() {
    const std::vector<std::vector<double>> series = {{1, 2, 3, 4}, {4, 3, 2, 1}, {1, 3, 2, 4}};
    const CorrelationMatrix matrix = spearmanMatrix({"a", "b", "c"}, series);
    QCOMPARE(matrix.values[0][0], 1.0);
    QCOMPARE(matrix.values[0][1], -1.0);
    QCOMPARE(matrix.values[1][0], -1.0);
    QCOMPARE(matrix.values[2][0], matrix.values[0][2]);
    QCOMPARE(matrix.values[2][0], spearman(series[2], series[0]));
    QVERIFY_THROWS_EXCEPTION(ConfigError, spearmanMatrix({"a"}, series));
  }

  void matrixCanSkipNonFinitePairs() {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const std::vector<std::vector<double>> series = {{1, 2, nan, 4}, {2, 4, 6, 8}};
    QVERIFY_THROWS_EXCEPTION(ConfigError, spearmanMatrix({"a", "b"}, series));
    const CorrelationMatrix matrix =
        spearmanMatrix({"a", "b"}, series, NonFiniteValues::SkipPerPair);
    QCOMPARE(matrix.values[0][1], 1.0);
  }
};

}  // namespace glowscope

QTEST_APPLESS_MAIN(glowscope::TstCorrelation)
#include "tst_correlation.moc"
