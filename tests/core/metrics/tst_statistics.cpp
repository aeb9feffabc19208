// Mean ± sample sd, numpy-style percentiles and the bootstrap AUROC interval.
#include <QtTest>
#include <cmath>
#include <random>
#include <vector>

#include "core/metrics/bootstrap.h"
#include "core/metrics/statistics.h"
#include "core/util/errors.h"

namespace glowscope {
namespace {

struct TwoSamples {
  std::vector<double> in, ood;
};

TwoSamples gaussianSamples(std::size_t n, double shift, unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> normal;
  TwoSamples s;
  for (std::size_t i = 0; i < n; ++i) s.in.push_back(normal(rng) + shift);
  for (std::size_t i = 0; i < n; ++i) s.ood.push_back(normal(rng));
  return s;
}

/// Hanley & McNeil (1982) standard error of an AUROC, an independent estimate of the spread.
double hanleyMcNeilSe(double a, double nPos, double nNeg) {
  const double q1 = a / (2 - a);
  const double q2 = 2 * a * a / (1 + a);
  return std::sqrt((a * (1 - a) + (nPos - 1) * (q1 - a * a) + (nNeg - 1) * (q2 - a * a)) /
                   (nPos * nNeg));
}

}  // namespace

class TstStatistics : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void exponentialMovingAverageAsTensorBoard() {
    // weight 0.5: averages 0.5, 1.25 + ... debiased by 1 - 0.5^n: 1, (0.5*0.5+0.5*3)/0.75, ...
    const std::vector<double> smoothed = exponentialMovingAverage(std::vector<double>{1, 3, 3}, 0.5);
    QCOMPARE(smoothed.size(), std::size_t{3});
    QCOMPARE(smoothed[0], 1.0);  // debiased: the first value itself, not half of it
    QVERIFY(std::abs(smoothed[1] - 1.75 / 0.75) < 1e-12);
    QVERIFY(std::abs(smoothed[2] - 2.375 / 0.875) < 1e-12);
    // A constant stays constant; weight 0 is the identity; NaN passes through, skipped.
    for (double value : exponentialMovingAverage(std::vector<double>(50, 4.0), 0.9))
      QVERIFY(std::abs(value - 4.0) < 1e-12);
    QCOMPARE(exponentialMovingAverage(std::vector<double>{1, 5, 2}, 0),
             (std::vector<double>{1, 5, 2}));
    const std::vector<double> withNan =
        exponentialMovingAverage(std::vector<double>{2, std::nan(""), 2}, 0.6);
    QVERIFY(std::isnan(withNan[1]));
    QVERIFY(std::abs(withNan[2] - 2.0) < 1e-12);
    QVERIFY_THROWS_EXCEPTION(ConfigError, exponentialMovingAverage(std::vector<double>{1}, 1.0));
  }

  void meanAndSampleSdHandComputed() {
    // Mean 5, squared deviations sum to 32, sample variance 32/7.
    const MeanSd s = meanAndSampleSd(std::vector<double>{2, 4, 4, 4, 5, 5, 7, 9});
    QCOMPARE(s.mean, 5.0);
    QVERIFY(std::abs(s.sd - std::sqrt(32.0 / 7.0)) < 1e-12);
    QCOMPARE(s.count, std::size_t{8});
    QVERIFY(s.hasSd());
    const MeanSd one = meanAndSampleSd(std::vector<double>{0.93});
    QCOMPARE(one.mean, 0.93);
    QVERIFY(std::isnan(one.sd));
    QVERIFY(!one.hasSd());
    QVERIFY_THROWS_EXCEPTION(ConfigError, meanAndSampleSd(std::vector<double>{}));
  }

  void percentileInterpolatesLinearly() {
    const std::vector<double> v{4, 1, 3, 2};
    QCOMPARE(percentile(v, 50), 2.5);
    QCOMPARE(percentile(v, 25), 1.75);  // position 0.75 between 1 and 2
    QCOMPARE(percentile(v, 0), 1.0);
    QCOMPARE(percentile(v, 100), 4.0);
    QVERIFY_THROWS_EXCEPTION(ConfigError, percentile(v, 101));
    QCOMPARE(quantile(v, 0.25), 1.75);
    QVERIFY_THROWS_EXCEPTION(ConfigError, quantile(v, 1.5));
  }

  void keyedMeansSkipNonFiniteValues() {
    KeyedMeans means;
    means.add(0, 1.0);
    means.add(0, 3.0);
    means.add(2, 5.0);
    means.add(2, std::nan(""));
    means.add(4, INFINITY);
    const std::map<std::int64_t, double> expected{{0, 2.0}, {2, 5.0}};
    QCOMPARE(means.means(), expected);
  }

  void bootstrapContainsEstimateAndIsSeeded() {
    const TwoSamples s = gaussianSamples(200, 1.0, 3);
    BootstrapOptions options;
    options.resamples = 500;
    options.seed = 11;
    const BootstrapInterval a = bootstrapAurocInterval(s.in, s.ood, {}, options);
    QVERIFY(a.lower < a.estimate && a.estimate < a.upper);
    QCOMPARE(a.resamples, std::size_t{500});
    const BootstrapInterval again = bootstrapAurocInterval(s.in, s.ood, {}, options);
    QCOMPARE(again.lower, a.lower);
    QCOMPARE(again.upper, a.upper);
    options.seed = 12;
    const BootstrapInterval other = bootstrapAurocInterval(s.in, s.ood, {}, options);
    QVERIFY(other.lower != a.lower || other.upper != a.upper);
  }

  void bootstrapWidthMatchesHanleyMcNeil() {
    const TwoSamples s = gaussianSamples(400, 1.0, 5);
    BootstrapOptions options;
    options.resamples = 2000;
    const BootstrapInterval b = bootstrapAurocInterval(s.in, s.ood, {}, options);
    const double expectedWidth = 2 * 1.959964 * hanleyMcNeilSe(b.estimate, 400, 400);
    const double width = b.upper - b.lower;
    QVERIFY2(width > 0.8 * expectedWidth && width < 1.25 * expectedWidth,
             qPrintable(QString("width %1 vs %2").arg(width).arg(expectedWidth)));
  }

  void bootstrapOfPerfectSeparationIsDegenerate() {
    const BootstrapInterval b =
        bootstrapAurocInterval(std::vector<double>{5, 6, 7}, std::vector<double>{1, 2});
    QCOMPARE(b.estimate, 1.0);
    QCOMPARE(b.lower, 1.0);
    QCOMPARE(b.upper, 1.0);
    BootstrapOptions none;
    none.resamples = 0;
    QVERIFY_THROWS_EXCEPTION(ConfigError, bootstrapAurocInterval(std::vector<double>{1},
                                                                 std::vector<double>{0}, {}, none));
  }
};

}  // namespace glowscope

QTEST_APPLESS_MAIN(glowscope::TstStatistics)
#include "tst_statistics.moc"
