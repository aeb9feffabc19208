// Histogram binning (counts, densities, the bin of a value) and the ranges histograms are drawn
// over (all finite values, trimmed tails, padded).
#include <QtTest>
#include <cmath>
#include <limits>
#include <numeric>
#include <vector>

#include "core/metrics/histogram.h"
#include "core/util/errors.h"

namespace glowscope {

class TstHistogram : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void valueLandsInTheRightBin() {
    // [0, 10) in 5 bins of width 2.
    QCOMPARE(binIndex(0.0, 0, 10, 5).value(), std::size_t{0});
    QCOMPARE(binIndex(1.99, 0, 10, 5).value(), std::size_t{0});
    QCOMPARE(binIndex(2.0, 0, 10, 5).value(), std::size_t{1});
    QCOMPARE(binIndex(7.5, 0, 10, 5).value(), std::size_t{3});
    QCOMPARE(binIndex(10.0, 0, 10, 5).value(), std::size_t{4});  // the last bin is closed
    QVERIFY(!binIndex(-0.01, 0, 10, 5));
    QVERIFY(!binIndex(10.01, 0, 10, 5));
    QVERIFY(!binIndex(std::numeric_limits<double>::quiet_NaN(), 0, 10, 5));
    QVERIFY_THROWS_EXCEPTION(ConfigError, binIndex(1, 0, 10, 0));
    QVERIFY_THROWS_EXCEPTION(ConfigError, binIndex(1, 5, 5, 3));
  }

  void countsSumToNAndDensitiesIntegrateToOne() {
    std::vector<double> values;
    for (int i = 0; i < 997; ++i) values.push_back(std::sin(i * 0.37) * 3 + i * 0.001);
    const auto range = finiteRange({values});
    QVERIFY(range);
    const Histogram histogram = computeHistogram(values, range->low, range->high, 17);
    QCOMPARE(histogram.counted(), values.size());
    QCOMPARE(histogram.outOfRange + histogram.nonFinite, std::size_t{0});
    const std::vector<double> density = histogram.densities();
    const double integral =
        std::accumulate(density.begin(), density.end(), 0.0) * histogram.binWidth();
    QVERIFY(std::abs(integral - 1.0) < 1e-12);
    std::size_t members = 0;
    for (const auto& bin : histogram.members) members += bin.size();
    QCOMPARE(members, values.size());
  }

  void membersAreTheIndicesOfTheBin() {
    const std::vector<double> values = {0.5, 3.5,   0.1,
                                        9.0, 100.0, std::numeric_limits<double>::infinity()};
    const Histogram histogram = computeHistogram(values, 0, 10, 10);
    QCOMPARE(histogram.counts[0], std::size_t{2});
    QCOMPARE(histogram.members[0], (std::vector<std::size_t>{0, 2}));
    QCOMPARE(histogram.members[3], (std::vector<std::size_t>{1}));
    QCOMPARE(histogram.members[9], (std::vector<std::size_t>{3}));
    QCOMPARE(histogram.outOfRange, std::size_t{1});
    QCOMPARE(histogram.nonFinite, std::size_t{1});
    QCOMPARE(histogram.counted(), std::size_t{4});
    QCOMPARE(histogram.binCentre(3), 3.5);
    // Densities are fractions of the 5 finite values: bin 0 holds 2 of them, width 1.
    QCOMPARE(histogram.densities()[0], 2.0 / 5.0);
    const std::vector<double> density = histogram.densities();
    QVERIFY(std::abs(std::accumulate(density.begin(), density.end(), 0.0) - 4.0 / 5.0) < 1e-12);
  }

  void constantValuesGetAUnitRange() {
    const std::vector<double> values = {2.0, 2.0};
    const auto range = finiteRange({values});
    QCOMPARE(range->low, 1.5);
    QCOMPARE(range->high, 2.5);
    const std::vector<double> none = {std::numeric_limits<double>::quiet_NaN()};
    QVERIFY(!finiteRange({none}));
  }

  void trimmedRangeLeavesOutTheTails() {
    std::vector<double> values;
    for (int i = 0; i <= 100; ++i) values.push_back(i);
    values.push_back(-1e6);  // 102 values: the outlier is the minimum
    const auto none = trimmedRange({values}, 0);
    QCOMPARE(none->low, -1e6);
    QCOMPARE(none->high, 100.0);
    // q = 0.05 of 102 sorted values: position 5.05 -> 4 + 0.05 = 4.05; 1 - q: position 95.95.
    const auto trimmed = trimmedRange({values}, 0.05);
    QVERIFY(std::abs(trimmed->low - 4.05) < 1e-9);
    QVERIFY(std::abs(trimmed->high - 94.95) < 1e-9);
    QVERIFY_THROWS_EXCEPTION(ConfigError, trimmedRange({values}, 0.5));
  }

  void paddedRangeWidensBothEnds() {
    const ValueRange padded = paddedRange(ValueRange{2, 6}, 0.25);
    QCOMPARE(padded.low, 1.0);
    QCOMPARE(padded.high, 7.0);
  }
};

}  // namespace glowscope

QTEST_GUILESS_MAIN(glowscope::TstHistogram)
#include "tst_histogram.moc"
