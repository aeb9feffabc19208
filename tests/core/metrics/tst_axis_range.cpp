// Axis ranges over the data of interest: Tukey fences, which samples count, outside counts.
#include <QtTest>
#include <cmath>
#include <limits>
#include <vector>

#include "core/metrics/axis_range.h"
#include "core/util/errors.h"

namespace glowscope {
namespace {

// n values evenly spread over [low, high].
std::vector<double> spread(double low, double high, int n = 200) {
  std::vector<double> values;
  for (int i = 0; i < n; ++i) values.push_back(low + (high - low) * i / (n - 1));
  return values;
}

}  // namespace

class TstAxisRange : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void fencesKeepABulkAndDropFarOutliers() {
    std::vector<double> values = spread(0, 10);
    const auto whole = fencedRange(values);
    QVERIFY(whole);
    QCOMPARE(whole->low, 0.0);  // nothing beyond the fences: min and max
    QCOMPARE(whole->high, 10.0);
    values.push_back(-1e5);
    values.push_back(std::numeric_limits<double>::quiet_NaN());
    const auto fenced = fencedRange(values);
    QCOMPARE(fenced->high, 10.0);
    QVERIFY(fenced->low > -20 && fenced->low <= 0);  // q1 - 3 IQR, not -1e5
    QVERIFY(!fencedRange(std::vector<double>{std::nan("")}));
    const auto constant = fencedRange(std::vector<double>{2, 2, 2});
    QCOMPARE(constant->low, 1.5);
    QCOMPARE(constant->high, 2.5);
    QVERIFY_THROWS_EXCEPTION(ConfigError, fencedRange(values, -1));
  }

  void aFarSampleIsNotOfInterest() {
    const std::vector<double> in = spread(500, 3000), near = spread(1500, 4500),
                              far = spread(-60000, -100);
    const std::vector<bool> include = samplesOfInterest({{in, near, far}});
    QCOMPARE(include, (std::vector<bool>{true, true, false}));
    const auto range = focusRange({in, near, far}, 0, 10, 0);
    QCOMPARE(range->low, 500.0);
    QCOMPARE(range->high, 4500.0);
    // Everything counts with an unlimited spread.
    QCOMPARE(samplesOfInterest({{in, near, far}}, 0, std::numeric_limits<double>::infinity()),
             (std::vector<bool>{true, true, true}));
  }

  void bothAxesMustFit() {
    // The third sample is close on x but far on y: it is left out of both ranges.
    const std::vector<double> x0 = spread(0, 1), x1 = spread(0.5, 1.5), x2 = spread(0, 1);
    const std::vector<double> y0 = spread(0, 1), y1 = spread(0, 2), y2 = spread(100, 200);
    QCOMPARE(samplesOfInterest({{x0, x1, x2}, {y0, y1, y2}}),
             (std::vector<bool>{true, true, false}));
  }

  void theClosestSampleJoinsFirst() {
    // Each of the two fits alone (union width <= 10); together they would not (width 14).
    const std::vector<double> ref = spread(0, 1), right = spread(1, 8), left = spread(-6, 0);
    QCOMPARE(samplesOfInterest({{ref, left, right}}), (std::vector<bool>{true, true, false}));
    QCOMPARE(samplesOfInterest({{ref, right, left}}), (std::vector<bool>{true, false, true}));
  }

  void withoutAReferenceEverySampleCounts() {
    const std::vector<double> none = {std::nan("")}, a = spread(0, 1), b = spread(50, 60);
    QCOMPARE(samplesOfInterest({{none, a, b}}), (std::vector<bool>{false, false, false}));
    const auto range = focusRange({none, a, b}, 0, 10, 0);
    QCOMPARE(range->low, 0.0);
    QCOMPARE(range->high, 60.0);
  }

  void paddingAndOutsideCounts() {
    const std::vector<double> values = spread(0, 10, 11);
    const auto range = focusRange({values}, 0, 10, 0.1);
    QCOMPARE(range->low, -1.0);
    QCOMPARE(range->high, 11.0);
    QCOMPARE(countOutside(values, ValueRange{2, 7.5}), std::size_t{5});  // 0, 1, 8, 9, 10
    QCOMPARE(countOutside(std::vector<double>{std::nan(""), 1}, ValueRange{0, 2}), std::size_t{0});
  }
};

}  // namespace glowscope

QTEST_GUILESS_MAIN(glowscope::TstAxisRange)
#include "tst_axis_range.moc"
