// ROC curves: the points' area is core's AUROC (ties included), the curve runs (0,0) -> (1,1).
#include <QtTest>
#include <cmath>
#include <limits>

#include "core/metrics/ood_metrics.h"
#include "core/util/errors.h"
#include "widgets/qcustomplot_include.h"
#include "widgets/views/roc_curve_view.h"

using namespace glowscope;

class TestRocCurveView : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void pointsOfASmallExample() {
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

  void areaEqualsCoreAurocWithTiesAndNonFinite() {
    std::vector<double> in, ood;
    for (int i = 0; i < 60; ++i) in.push_back(std::floor(std::sin(i * 1.3) * 5));
    for (int i = 0; i < 45; ++i) ood.push_back(std::floor(std::cos(i * 0.7) * 4) - 1);
    in.push_back(std::numeric_limits<double>::quiet_NaN());
    ood.push_back(-std::numeric_limits<double>::infinity());
    const double area = areaUnderCurve(rocCurve(in, ood));
    QVERIFY2(std::abs(area - auroc(in, ood)) < 1e-12,
             qPrintable(QString("%1 vs %2").arg(area).arg(auroc(in, ood))));
  }

  void emptySampleThrows() {
    QVERIFY_THROWS_EXCEPTION(ConfigError, rocCurve(std::vector<double>{}, std::vector<double>{1}));
  }

  void viewDrawsOneCurvePerOodSet() {
    RocCurveView view;
    view.setSamples("log p",
                    {{"in", {3, 2, 5}, nullptr}, {"a", {1, 2}, nullptr}, {"b", {4, 6}, nullptr}});
    QCOMPARE(view.plot()->plottableCount(), 3);  // chance line + 2 curves
    QVERIFY(view.plot()->plottable(1)->name().startsWith("a (AUROC"));
  }
};

QTEST_MAIN(TestRocCurveView)
#include "tst_roc_curve_view.moc"
