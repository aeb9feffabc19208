// The ROC view draws one curve per OOD set (the points: tests/core/metrics/tst_ood_metrics.cpp).
#include <QtTest>

#include "widgets/qcustomplot_include.h"
#include "widgets/views/roc_curve_view.h"

using namespace glowscope;

class TestRocCurveView : public QObject {
  Q_OBJECT

 private Q_SLOTS:
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
