// The shared plot interactions, driven with real mouse events: wheel zoom and double-click reset,
// drag pan (Ctrl+drag in the scatter view, whose plain drag selects), legend clicks that hide and
// show a series, the hover read-out.
#include <QApplication>
#include <QSignalSpy>
#include <QWheelEvent>
#include <QtTest>

#include "widgets/qcustomplot_include.h"
#include "widgets/views/plot_interaction.h"
#include "widgets/views/roc_curve_view.h"
#include "widgets/views/score_histogram_view.h"
#include "widgets/views/score_scatter_view.h"

using namespace glowscope;

namespace {

std::vector<ScoreSample> twoSets() {
  std::vector<double> in, ood;
  for (int i = 0; i < 200; ++i) {
    in.push_back(10 + (i % 20) * 0.5);
    ood.push_back(2 + (i % 10) * 0.4);
  }
  return {{"in", in, nullptr}, {"ood", ood, nullptr}};
}

QPoint axisCentre(QCustomPlot* plot) { return plot->axisRect()->rect().center(); }

void wheel(QCustomPlot* plot, const QPoint& at, int steps) {
  QWheelEvent event(at, plot->mapToGlobal(at), QPoint(), QPoint(0, 120 * steps), Qt::NoButton,
                    Qt::NoModifier, Qt::NoScrollPhase, false);
  QApplication::sendEvent(plot, &event);
}

void drag(QCustomPlot* plot, const QPoint& from, const QPoint& to, Qt::KeyboardModifiers keys) {
  QMouseEvent press(QEvent::MouseButtonPress, from, plot->mapToGlobal(from), Qt::LeftButton,
                    Qt::LeftButton, keys);
  QApplication::sendEvent(plot, &press);
  for (int k = 1; k <= 4; ++k) {
    const QPoint at = from + (to - from) * k / 4;
    QMouseEvent move(QEvent::MouseMove, at, plot->mapToGlobal(at), Qt::NoButton, Qt::LeftButton,
                     keys);
    QApplication::sendEvent(plot, &move);
  }
  QMouseEvent release(QEvent::MouseButtonRelease, to, plot->mapToGlobal(to), Qt::LeftButton,
                      Qt::NoButton, keys);
  QApplication::sendEvent(plot, &release);
}

template <typename View>
void showView(View& view) {
  view.resize(700, 500);
  view.show();
  QVERIFY(QTest::qWaitForWindowExposed(&view));
}

}  // namespace

class TestPlotInteraction : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void wheelZoomsAndDoubleClickResets() {
    ScoreHistogramView view;
    showView(view);
    view.setSamples("s", twoSets());
    QCustomPlot* plot = view.plot();
    plot->replot();
    const QCPRange x = plot->xAxis->range(), y = plot->yAxis->range();
    wheel(plot, axisCentre(plot), 2);
    QVERIFY2(plot->xAxis->range().size() < 0.9 * x.size(),
             qPrintable(QString::number(plot->xAxis->range().size())));
    QTest::mouseDClick(plot, Qt::LeftButton, Qt::NoModifier, axisCentre(plot));
    QCOMPARE(plot->xAxis->range(), x);
    QCOMPARE(plot->yAxis->range(), y);
  }

  void dragPansAndResetRestores() {
    RocCurveView view;
    showView(view);
    view.setSamples("s", twoSets());
    QCustomPlot* plot = view.plot();
    plot->replot();
    const QCPRange x = plot->xAxis->range();
    drag(plot, axisCentre(plot), axisCentre(plot) + QPoint(80, 0), Qt::NoModifier);
    QVERIFY(plot->xAxis->range().lower < x.lower - 0.05);
    resetPlotView(plot);
    QCOMPARE(plot->xAxis->range(), x);
  }

  void scatterDragSelectsAndCtrlDragPans() {
    ScoreScatterView view;
    showView(view);
    view.setSeries("x", "y", {{"in", {1, 2, 3, 4}, {1, 2, 3, 4}}});
    QCustomPlot* plot = view.plot();
    plot->replot();
    QSignalSpy selected(&view, &ScoreScatterView::selectionChanged);
    const QCPRange x = plot->xAxis->range();
    const QRect area = plot->axisRect()->rect();
    drag(plot, area.topLeft() + QPoint(2, 2), area.bottomRight() - QPoint(2, 2), Qt::NoModifier);
    QCOMPARE(selected.count(), 1);
    QCOMPARE(plot->xAxis->range(), x);  // a selection, not a pan
    drag(plot, axisCentre(plot), axisCentre(plot) + QPoint(60, 0), Qt::ControlModifier);
    QCOMPARE(selected.count(), 1);
    QVERIFY(plot->xAxis->range().lower < x.lower);
    // The plain drag selects again afterwards.
    drag(plot, area.topLeft() + QPoint(2, 2), area.bottomRight() - QPoint(2, 2), Qt::NoModifier);
    QCOMPARE(selected.count(), 2);
  }

  void legendClickHidesAndShowsASeries() {
    RocCurveView view;
    showView(view);
    view.setSamples("s", twoSets());
    QCustomPlot* plot = view.plot();
    plot->replot();
    QCPAbstractPlottable* curve = plot->plottable(1);
    QCPPlottableLegendItem* item = plot->legend->itemWithPlottable(curve);
    QVERIFY(item);
    QVERIFY(curve->visible());
    QTest::mouseClick(plot, Qt::LeftButton, Qt::NoModifier, item->rect().center());
    QVERIFY(!curve->visible());
    QCOMPARE(item->textColor(), QColor(128, 128, 128));
    plot->replot();
    QTest::mouseClick(plot, Qt::LeftButton, Qt::NoModifier, item->rect().center());
    QVERIFY(curve->visible());
  }

  void hoverReadsOutTheNearestPoint() {
    ScoreScatterView view;
    showView(view);
    view.setSeries("Raw", "4x4", {{"mnist", {1, 2, 3}, {10, 20, 30}}});
    QCustomPlot* plot = view.plot();
    plot->replot();
    const QPoint at(static_cast<int>(plot->xAxis->coordToPixel(2)),
                    static_cast<int>(plot->yAxis->coordToPixel(20)));
    const QString text = hoverText(plot, at + QPoint(3, -2));
    QVERIFY2(text.contains("mnist") && text.contains("Raw = 2") && text.contains("4x4 = 20"),
             qPrintable(text));
    QVERIFY(hoverText(plot, plot->axisRect()->rect().topLeft() + QPoint(1, 1)).isEmpty());
  }

  // Over overlapping bars the read-out names every set and the bin range.
  void hoverOverBarsNamesEverySetAndBin() {
    ScoreHistogramView view;
    showView(view);
    view.setBinCount(2);
    view.setSamples("s", {{"in", {0, 1, 2, 3}, nullptr}, {"ood", {0, 0.5, 3, 3}, nullptr}});
    view.setRange(0, 4);
    QCustomPlot* plot = view.plot();
    plot->replot();
    const QPoint at(static_cast<int>(plot->xAxis->coordToPixel(1)),
                    static_cast<int>(plot->yAxis->coordToPixel(0.01)));
    const QString text = hoverText(plot, at);
    QVERIFY2(text.contains("in") && text.contains("ood") && text.contains("[0, 2)"),
             qPrintable(text));
  }

  // In German every number a plot shows has a decimal comma: tick labels, read-outs, the
  // legend's AUROC (the exported figure is this plot, drawn again).
  void numbersFollowTheInterfaceLocale() {
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    ScoreHistogramView view;
    showView(view);
    view.setBinCount(2);
    view.setSamples("s", {{"in", {0, 1, 2, 3}, nullptr}, {"ood", {0, 0.5, 3, 3}, nullptr}});
    view.setRange(0, 3);
    QCustomPlot* plot = view.plot();
    plot->replot();
    const QString legend = view.legendText(1);
    const QString bar = hoverText(plot, QPoint(static_cast<int>(plot->xAxis->coordToPixel(1)),
                                               static_cast<int>(plot->yAxis->coordToPixel(0.01))));
    plot->xAxis->setRange(0, 1);
    plot->replot();
    const QStringList ticks = plot->xAxis->tickVectorLabels().toList();
    QLocale::setDefault(QLocale::c());
    QVERIFY2(ticks.contains("0,2") && ticks.contains("0,8"), qPrintable(ticks.join(' ')));
    QVERIFY2(legend.contains("AUROC 46,9%"), qPrintable(legend));
    QVERIFY2(bar.contains("[0, 1,5)"), qPrintable(bar));
  }
};

QTEST_MAIN(TestPlotInteraction)
#include "tst_plot_interaction.moc"
