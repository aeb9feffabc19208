// Correlation heat map: cells hold the matrix values, NaN cells say "n/a", bad shapes throw.
#include <QtTest>
#include <cmath>
#include <limits>

#include "core/util/errors.h"
#include "widgets/qcustomplot_include.h"
#include "widgets/views/correlation_heatmap_view.h"

using namespace glowscope;

class TestCorrelationHeatmapView : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void cellsHoldTheMatrix() {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    CorrelationHeatmapView view;
    view.setMatrix({"a", "b", "c"}, {{1, 0.25, nan}, {0.25, 1, -0.5}, {nan, -0.5, 1}}, "rho");
    QCOMPARE(view.cellValue(1, 2), -0.5);
    QCOMPARE(view.cellText(0, 1), QString("0.25"));
    QCOMPARE(view.cellText(2, 0), QString("n/a"));
    QVERIFY(std::isnan(view.cellValue(3, 0)));
    auto* map = qobject_cast<QCPColorMap*>(view.plot()->plottable(0));
    QVERIFY(map);
    QCOMPARE(map->data()->keySize(), 3);
    QCOMPARE(map->data()->cell(2, 1), -0.5);  // key = column, value = row
    QCOMPARE(map->data()->cell(1, 0), 0.25);
    QCOMPARE(view.plot()->itemCount(), 9);
  }

  void badShapeThrows() {
    CorrelationHeatmapView view;
    QVERIFY_THROWS_EXCEPTION(ConfigError, view.setMatrix({"a", "b"}, {{1, 0}}));
    QVERIFY_THROWS_EXCEPTION(ConfigError, view.setMatrix({"a"}, {{1, 0}}));
  }
};

QTEST_MAIN(TestCorrelationHeatmapView)
#include "tst_correlation_heatmap_view.moc"
