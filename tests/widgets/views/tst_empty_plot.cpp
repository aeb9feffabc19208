// Plots without data show a message in place of QCustomPlot's default 0..5 axes, and their axes
// (only those they showed) once data arrives: the helper and the results views that use it.
#include <QtTest>

#include "widgets/qcustomplot_include.h"
#include "widgets/views/correlation_heatmap_view.h"
#include "widgets/views/empty_plot.h"
#include "widgets/views/figure_layout.h"
#include "widgets/views/roc_curve_view.h"
#include "widgets/views/score_histogram_view.h"
#include "widgets/views/score_scatter_view.h"

namespace glowscope {

class TstEmptyPlot : public QObject {
  Q_OBJECT

  static bool axesShown(const QCustomPlot* plot) {
    return plot->xAxis->visible() && plot->yAxis->visible() && plot->xAxis->grid()->visible();
  }

  static std::vector<ScoreSample> samples() {
    std::vector<ScoreSample> result(2);
    result[0].setName = "in";
    result[0].values = {1, 2, 3, 4, 5};
    result[1].setName = "ood";
    result[1].values = {3, 4, 5, 6, 7};
    return result;
  }

 private Q_SLOTS:
  void helperHidesAndRestoresWhatThePlotShowed() {
    QCustomPlot plot;
    plot.xAxis2->setVisible(true);  // a plot that shows a top axis, but no right one
    auto* map = new QCPColorMap(plot.xAxis, plot.yAxis);
    setPlotEmptyMessage(&plot, "nothing yet");
    QCOMPARE(plotEmptyMessage(&plot), QString("nothing yet"));
    QVERIFY(!plot.xAxis->visible() && !plot.xAxis2->visible() && !plot.yAxis->visible());
    QVERIFY(!plot.xAxis->grid()->visible());
    QVERIFY(!map->visible());                     // one flat colour would look like data
    setPlotEmptyMessage(&plot, "still nothing");  // a second message keeps what to restore
    QCOMPARE(plotEmptyMessage(&plot), QString("still nothing"));
    setPlotEmptyMessage(&plot, QString());
    QVERIFY(plotEmptyMessage(&plot).isEmpty());
    QVERIFY(plot.xAxis->visible() && plot.xAxis2->visible() && plot.yAxis->visible());
    QVERIFY(!plot.yAxis2->visible());
    QVERIFY(plot.xAxis->grid()->visible());
    QVERIFY(map->visible());
  }

  void theMessageFollowsTheTheme() {
    QCustomPlot plot;
    setPlotEmptyMessage(&plot, "nothing yet");
    applyCanvasColors(&plot, true);
    QCPItemText* text = nullptr;
    for (int i = 0; i < plot.itemCount(); ++i)
      if (plot.item(i)->objectName() == kEmptyPlotMessageName)
        text = qobject_cast<QCPItemText*>(plot.item(i));
    QVERIFY(text);
    QVERIFY(text->color().lightness() > 128);  // light text on the dark canvas
    applyCanvasColors(&plot, false);
    QVERIFY(text->color().lightness() < 128);
  }

  void resultsViewsBeforeAndAfterAFolderIsOpened() {
    ScoreHistogramView histogram;
    RocCurveView roc;
    ScoreScatterView scatter;
    CorrelationHeatmapView heatmap;
    for (QCustomPlot* plot : {histogram.plot(), roc.plot(), scatter.plot(), heatmap.plot()}) {
      QVERIFY2(plotEmptyMessage(plot).contains("Open Results Folder"),
               qPrintable(plotEmptyMessage(plot)));
      QVERIFY(!axesShown(plot));
    }
    histogram.setSamples("log p", samples());
    roc.setSamples("log p", samples());
    scatter.setSeries("a", "b", {{"in", {1, 2, 3}, {3, 2, 1}}});
    heatmap.setMatrix({"a", "b"}, {{1, 0.5}, {0.5, 1}}, "Spearman");
    for (QCustomPlot* plot : {histogram.plot(), roc.plot(), scatter.plot(), heatmap.plot()}) {
      QVERIFY2(plotEmptyMessage(plot).isEmpty(), qPrintable(plotEmptyMessage(plot)));
      QVERIFY(axesShown(plot));
    }
    histogram.setSamples("log p", {});  // a folder without scores empties them again
    scatter.setSeries("a", "b", {});
    QVERIFY(!plotEmptyMessage(histogram.plot()).isEmpty());
    QVERIFY(!plotEmptyMessage(scatter.plot()).isEmpty());
  }
};

}  // namespace glowscope

QTEST_MAIN(glowscope::TstEmptyPlot)
#include "tst_empty_plot.moc"
