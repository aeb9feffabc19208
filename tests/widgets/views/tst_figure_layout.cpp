// The figure layout step: at 85, 120 and 175 mm the legend lies inside the figure and over no bar
// or curve point, axis labels fit their axes, the title can be left out, the canvas follows the
// theme and exports stay light. Geometry is checked from the data, not from pixels.
#include <QApplication>
#include <QPalette>
#include <QtTest>
#include <cmath>
#include <random>

#include "widgets/qcustomplot_include.h"
#include "widgets/views/figure_layout.h"
#include "widgets/views/roc_curve_view.h"
#include "widgets/views/score_histogram_view.h"
#include "widgets/views/score_scatter_view.h"

using namespace glowscope;

namespace {

std::vector<double> normal(double mean, double sd, int n, unsigned seed) {
  std::mt19937 generator(seed);
  std::normal_distribution<double> draw(mean, sd);
  std::vector<double> values(static_cast<std::size_t>(n));
  for (double& value : values) value = draw(generator);
  return values;
}

// The sets of the default experiment as the bug report saw them: a broad in-distribution
// peak, a tall narrow MNIST peak inside it, photographs far below.
std::vector<ScoreSample> threeSets() {
  return {{"fashion-mnist:test", normal(2400, 300, 2000, 1), nullptr},
          {"mnist:test", normal(2900, 80, 2000, 2), nullptr},
          {"photos-manmade:test", normal(-30000, 5000, 2000, 3), nullptr}};
}

QPointF pixelOf(const QCPAbstractPlottable* plottable, double key, double value) {
  return {plottable->keyAxis()->coordToPixel(key), plottable->valueAxis()->coordToPixel(value)};
}

// Counted here from the data, independently of figure_layout's own bookkeeping: bars that reach
// into the rect, curve and graph points, and their connecting lines sampled every pixel.
int dataUnder(QCustomPlot* plot, const QRect& rect) {
  int hits = 0;
  const QRectF area = plot->axisRect()->rect();
  const auto hit = [&](const QPointF& at) {
    if (area.contains(at) && rect.contains(at.toPoint())) ++hits;
  };
  const auto line = [&](const QVector<QPointF>& points) {
    for (qsizetype i = 0; i + 1 < points.size(); ++i) {
      const QPointF step = points[i + 1] - points[i];
      const int n = static_cast<int>(std::hypot(step.x(), step.y())) + 1;
      for (int k = 0; k <= n; ++k) hit(points[i] + step * (double(k) / n));
    }
  };
  for (int p = 0; p < plot->plottableCount(); ++p) {
    QCPAbstractPlottable* plottable = plot->plottable(p);
    if (!plottable->visible()) continue;
    if (auto* bars = qobject_cast<QCPBars*>(plottable)) {
      for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it) {
        if (it->value <= 0) continue;
        const QRectF bar =
            QRectF(pixelOf(bars, it->key - bars->width() / 2, 0),
                   pixelOf(bars, it->key + bars->width() / 2, it->value))
                .normalized();
        if (bar.intersects(QRectF(rect)) && bar.intersects(area)) ++hits;
      }
    } else if (auto* curve = qobject_cast<QCPCurve*>(plottable)) {
      QVector<QPointF> points;
      for (auto it = curve->data()->constBegin(); it != curve->data()->constEnd(); ++it)
        points << pixelOf(curve, it->key, it->value);
      line(points);
    } else if (auto* graph = qobject_cast<QCPGraph*>(plottable)) {
      QVector<QPointF> points;
      for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
        points << pixelOf(graph, it->key, it->value);
      if (graph->lineStyle() == QCPGraph::lsNone)
        for (const QPointF& point : points) hit(point);
      else
        line(points);
    }
  }
  return hits;
}

// Lays the plot out as an export of this size does and checks the geometry.
void checkFigure(QCustomPlot* plot, double widthMm, double heightMm) {
  FigureOptions options;
  options.widthMm = widthMm;
  options.heightMm = heightMm;
  const QSize size(options.logicalWidth(), options.logicalHeight());
  const FigureLayout layout = layoutFigure(plot, options, size);
  const QRect figure(QPoint(0, 0), size);
  QVERIFY(plot->legend->visible());
  QCOMPARE(layout.legendRect, plot->legend->outerRect());
  QVERIFY2(figure.contains(layout.legendRect),
           qPrintable(QString("legend %1,%2 %3x%4 outside the %5x%6 figure")
                          .arg(layout.legendRect.x())
                          .arg(layout.legendRect.y())
                          .arg(layout.legendRect.width())
                          .arg(layout.legendRect.height())
                          .arg(size.width())
                          .arg(size.height())));
  // Its entries too (a legend grid wider than its cell would draw them outside).
  for (int i = 0; i < plot->legend->elementCount(); ++i)
    if (QCPLayoutElement* item = plot->legend->elementAt(i))
      QVERIFY(figure.contains(item->outerRect()));
  const int covered = dataUnder(plot, layout.legendRect);
  QVERIFY2(covered == 0, qPrintable(QString("the legend covers %1 data points").arg(covered)));
  QVERIFY(figure.contains(plot->axisRect()->outerRect()));
  for (QCPAxis* axis : {plot->xAxis, plot->yAxis}) {
    const int length = axis->orientation() == Qt::Vertical ? plot->axisRect()->height()
                                                           : plot->axisRect()->width();
    for (const QString& line : axis->label().split('\n'))
      QVERIFY2(QFontMetricsF(axis->labelFont()).horizontalAdvance(line) <= length,
               qPrintable(axis->label()));
  }
}

}  // namespace

class TestFigureLayout : public QObject {
  Q_OBJECT

 private:
  static void sizes_data() {
    QTest::addColumn<double>("widthMm");
    QTest::addColumn<double>("heightMm");
    QTest::newRow("single column") << 85.0 << 60.0;
    QTest::newRow("1.5 column") << 120.0 << 80.0;
    QTest::newRow("double column") << 175.0 << 110.0;
  }

 private Q_SLOTS:

  void histogramLegendCoversNoBar_data() { sizes_data(); }
  void histogramLegendCoversNoBar() {
    QFETCH(double, widthMm);
    QFETCH(double, heightMm);
    for (auto mode : {ScoreHistogramView::AutoRange::InDistribution,
                      ScoreHistogramView::AutoRange::AllValues}) {
      ScoreHistogramView view;
      view.setSamples("Raw (conv) log p(x) [nats]", threeSets());
      view.setAutoRangeMode(mode);
      checkFigure(view.plot(), widthMm, heightMm);
      if (QTest::currentTestFailed()) return;
      // The tallest bar ends below the top of the axes (the peak is not cut).
      double peak = 0;
      for (const Histogram& histogram : view.histograms())
        for (double density : histogram.densities()) peak = std::max(peak, density);
      QVERIFY(view.plot()->yAxis->range().upper > peak);
    }
  }

  void rocLegendCoversNoCurve_data() { sizes_data(); }
  void rocLegendCoversNoCurve() {
    QFETCH(double, widthMm);
    QFETCH(double, heightMm);
    RocCurveView view;
    // One OOD set far above, one far below the in-distribution set: curves on both sides.
    view.setSamples("Raw", threeSets());
    checkFigure(view.plot(), widthMm, heightMm);
  }

  void scatterLegendCoversNoPoint_data() { sizes_data(); }
  void scatterLegendCoversNoPoint() {
    QFETCH(double, widthMm);
    QFETCH(double, heightMm);
    ScoreScatterView view;
    std::vector<ScatterSeries> series;
    const auto sets = threeSets();
    for (std::size_t s = 0; s < sets.size(); ++s)
      series.push_back({sets[s].setName, sets[s].values, normal(100.0 * s, 30, 2000, 7 + s)});
    view.setSeries("Raw", "4x4 (c_3)", series);
    checkFigure(view.plot(), widthMm, heightMm);
  }

  // Built as the Fourier-batch view builds its plot: a title row, the legend in a row of its own,
  // points over the whole axis rect.
  void fourierBatchLikePlot_data() { sizes_data(); }
  void fourierBatchLikePlot() {
    QFETCH(double, widthMm);
    QFETCH(double, heightMm);
    QCustomPlot plot;
    plot.plotLayout()->insertRow(0);
    plot.plotLayout()->addElement(0, 0,
                                  new QCPTextElement(&plot, "Fourier mixing: log p of 64 mixes"));
    plot.legend->setVisible(true);
    plot.axisRect()->insetLayout()->take(plot.legend);
    plot.plotLayout()->addElement(2, 0, plot.legend);
    plot.xAxis->setLabel("log p(source image) [nats]");
    plot.yAxis->setLabel("log p(mixed image) [nats]");
    for (const char* name : {"amplitude of a, phase of b", "amplitude of b, phase of a",
                             "low frequencies of a, high of b"}) {
      QCPGraph* graph = plot.addGraph();
      graph->setName(name);
      graph->setLineStyle(QCPGraph::lsNone);
      graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 4));
      const auto x = normal(0, 1, 64, plot.graphCount()), y = normal(0, 1, 64, 50 + plot.graphCount());
      graph->setData(QVector<double>(x.begin(), x.end()), QVector<double>(y.begin(), y.end()));
    }
    plot.rescaleAxes();
    checkFigure(&plot, widthMm, heightMm);
  }

  void titleCanBeLeftOutAndComesBack() {
    ScoreScatterView view;
    view.setSeries("x", "y", {{"in", {1, 2, 3}, {1, 2, 3}}});
    const auto titles = [&] {
      int count = 0;
      for (int i = 0; i < view.plot()->plotLayout()->elementCount(); ++i)
        count += qobject_cast<QCPTextElement*>(view.plot()->plotLayout()->elementAt(i)) ? 1 : 0;
      return count;
    };
    QCOMPARE(titles(), 1);
    FigureOptions options;
    options.title = false;
    layoutFigure(view.plot(), options, {400, 300});
    QCOMPARE(titles(), 0);
    options.title = true;
    layoutFigure(view.plot(), options, {400, 300});
    QCOMPARE(titles(), 1);
  }

  void legendOffAndBelowAreHonoured() {
    ScoreHistogramView view;
    view.setSamples("s", threeSets());
    FigureOptions options;
    options.legend = LegendPlacement::Off;
    QCOMPARE(layoutFigure(view.plot(), options, {400, 300}).placement, LegendPlacement::Off);
    QVERIFY(!view.plot()->legend->visible());
    options.legend = LegendPlacement::Below;
    const FigureLayout below = layoutFigure(view.plot(), options, {400, 300});
    QCOMPARE(below.placement, LegendPlacement::Below);
    QVERIFY(view.plot()->legend->visible());
    QVERIFY(below.legendRect.top() >= view.plot()->axisRect()->outerRect().bottom());
  }

  void axisLimitsAndLogAxes() {
    ScoreHistogramView view;
    view.setSamples("s", {{"in", {1, 10, 100, 1000}, nullptr}});
    FigureOptions options;
    options.xLow = 0;
    options.xHigh = 500;
    options.logY = true;
    layoutFigure(view.plot(), options, {400, 300});
    QCOMPARE(view.plot()->xAxis->range().lower, 0.0);
    QCOMPARE(view.plot()->xAxis->range().upper, 500.0);
    QCOMPARE(view.plot()->yAxis->scaleType(), QCPAxis::stLogarithmic);
    QVERIFY(view.plot()->yAxis->range().lower > 0);
  }

  // The screen follows a dark palette; an export is light unless asked.
  void darkCanvasOnScreenLightExport() {
    const QPalette original = QApplication::palette();
    QPalette dark = original;
    dark.setColor(QPalette::Window, QColor(40, 40, 40));
    dark.setColor(QPalette::WindowText, QColor(230, 230, 230));
    QApplication::setPalette(dark);
    ScoreHistogramView view;
    view.resize(640, 480);
    view.show();
    view.setSamples("s", threeSets());
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    layoutForScreen(view.plot());
    QVERIFY(view.plot()->toPixmap(120, 90).toImage().pixelColor(2, 2).lightness() < 80);
    QVERIFY(view.plot()->xAxis->tickLabelColor().lightness() > 180);
    // The in-distribution set's black bars become light on the dark canvas.
    QVERIFY(view.plot()->plottable(0)->pen().color().lightness() > 180);
    FigureOptions light;
    light.widthMm = 85;
    light.heightMm = 60;
    light.dpi = 100;
    const QImage image = renderPlotImage(view.plot(), light);
    QCOMPARE(image.pixelColor(2, 2), QColor(Qt::white));
    // ... and the screen is dark again afterwards.
    QVERIFY(view.plot()->toPixmap(120, 90).toImage().pixelColor(2, 2).lightness() < 80);
    FigureOptions darkExport = light;
    darkExport.dark = true;
    QVERIFY(renderPlotImage(view.plot(), darkExport).pixelColor(2, 2).lightness() < 80);
    QApplication::setPalette(original);
  }
};

QTEST_MAIN(TestFigureLayout)
#include "tst_figure_layout.moc"
