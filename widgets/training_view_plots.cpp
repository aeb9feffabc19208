// The Training page's plots: the curves drawn anew from the runs' series, their ranges, and the
// empty state a plot shows while it has no points.
#include "widgets/qcustomplot_include.h"

#include <QSet>
#include <algorithm>
#include <cmath>
#include <map>
#include <span>

#include "core/metrics/statistics.h"
#include "widgets/training_view.h"
#include "widgets/views/empty_plot.h"
#include "widgets/views/figure_layout.h"
#include "widgets/views/plot_interaction.h"

namespace glowscope {
namespace {

// The ranges that show every point with a margin, a single one too (rescaleAxes alone gives a
// zero-width range around it); AUROC keeps 1 as its top; a log axis spans the positive values.
std::pair<QCPRange, QCPRange> fittedRanges(QCustomPlot* plot, bool isAuroc) {
  // The property, not the axis: the screen layout switches the axis after this fit.
  const bool logY = plot->property(kScreenLogYProperty).toBool();
  bool found = false;
  QCPRange xRange, yRange;
  for (int i = 0; i < plot->graphCount(); ++i) {
    bool hasX = false, hasY = false;
    const QCPRange x = plot->graph(i)->getKeyRange(hasX);
    const QCPRange shown =
        plot->graph(i)->getValueRange(hasY, logY ? QCP::sdPositive : QCP::sdBoth, QCPRange());
    if (!hasX || !hasY) continue;
    xRange = found ? QCPRange(std::min(xRange.lower, x.lower), std::max(xRange.upper, x.upper)) : x;
    yRange =
        found ? QCPRange(std::min(yRange.lower, shown.lower), std::max(yRange.upper, shown.upper))
              : shown;
    found = true;
  }
  if (!found) return {QCPRange(0, 1), logY ? QCPRange(0.1, 1) : QCPRange(0, 1)};
  const double xPad = std::max(xRange.size() * 0.02, 0.5);
  const QCPRange x(xRange.lower - xPad, xRange.upper + xPad);
  if (isAuroc) return {x, QCPRange(std::max(0.0, std::min(yRange.lower - 0.05, 0.5)), 1.0)};
  if (logY) return {x, QCPRange(yRange.lower / 1.25, yRange.upper * 1.25)};
  const double yPad = std::max(yRange.size() * 0.05, std::max(std::abs(yRange.upper) * 0.01, 1e-3));
  return {x, QCPRange(yRange.lower - yPad, yRange.upper + yPad)};
}

}  // namespace

void TrainingView::replotNow() {
  // The graphs are drawn anew from the series; a series the user hid (legend click) stays hidden.
  std::map<QCustomPlot*, QSet<QString>> hidden;
  for (QCustomPlot* plot : {lossPlot_, bitsPlot_, aurocPlot_, speedPlot_}) {
    for (int i = 0; i < plot->graphCount(); ++i)
      if (!plot->graph(i)->visible()) hidden[plot].insert(plot->graph(i)->name());
    plot->clearGraphs();
    plot->xAxis->setLabel(perEpoch_ ? tr("epoch") : tr("step"));
  }
  if (const TrainingSeries* run = series(selectedRun_)) plotLossParts(*run);
  plotComparison();
  for (QCustomPlot* plot : {lossPlot_, bitsPlot_, aurocPlot_, speedPlot_}) {
    for (int i = 0; i < plot->graphCount(); ++i)
      if (hidden[plot].contains(plot->graph(i)->name())) plot->graph(i)->setVisible(false);
    showEmptyState(plot);
    fitAxes(plot, plot == aurocPlot_);
  }
  runChanged_ = false;
}

// A curve, smoothed when the view smooths and `smoothed` allows it (core's EMA, as TensorBoard
// does): the raw values stay behind, faint, without a legend entry, hidden and shown with it.
void TrainingView::addCurve(QCustomPlot* plot, const CurvePoints& points, const QString& name,
                            QPen pen, bool smoothed) {
  // A curve without points (a run not evaluated yet) would only add a legend entry; the loss
  // plot keeps its total, the first graph, and drops its other empty parts itself.
  if (points.size() == 0 && plot != lossPlot_) return;
  QVector<double> values = points.y;
  QCPGraph* raw = nullptr;
  if (smoothed && smoothing_ > 0 && points.size() > 1) {
    raw = plot->addGraph();
    raw->setName(tr("%1 (raw)").arg(name));
    QColor faint = pen.color();
    faint.setAlpha(60);
    raw->setPen(QPen(faint, 1));
    raw->setData(points.x, points.y, true);
    raw->removeFromLegend();
    const std::vector<double> average = exponentialMovingAverage(
        std::span<const double>(points.y.constData(), points.y.size()), smoothing_);
    values = QVector<double>(average.begin(), average.end());
  }
  QCPGraph* graph = plot->addGraph();
  graph->setName(name);
  graph->setPen(pen);
  graph->setData(points.x, values, true);
  if (points.size() < 3) graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 5));
  if (raw) raw->setProperty(kCompanionOfProperty, QVariant::fromValue<QObject*>(graph));
}

void TrainingView::plotLossParts(const TrainingSeries& run) {
  if (perEpoch_) {
    addCurve(lossPlot_, run.lossByEpoch.points(), tr("loss (epoch mean)"), QPen(Qt::black, 1.5),
             true);
    return;
  }
  addCurve(lossPlot_, run.loss, tr("total"), QPen(Qt::black, 1.5), true);
  addCurve(lossPlot_, run.likelihood, tr("likelihood"), QPen(QColor(31, 119, 180)), true);
  addCurve(lossPlot_, run.outlier, tr("outlier"), QPen(QColor(214, 39, 40)), true);
  addCurve(lossPlot_, run.margin, tr("margin"), QPen(QColor(148, 103, 189)), true);
  addCurve(lossPlot_, run.supervised, tr("supervised"), QPen(QColor(44, 160, 44)), true);
  for (int i = lossPlot_->graphCount() - 1; i >= 1; --i)
    if (lossPlot_->graph(i)->dataCount() == 0) lossPlot_->removeGraph(i);
  if (run.eventMarks.size() > 0) {
    QCPGraph* marks = lossPlot_->addGraph();
    marks->setName(tr("NaN/skip events (%1)").arg(run.eventCount()));
    marks->setLineStyle(QCPGraph::lsNone);
    marks->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCross, QColor(220, 0, 0), 10));
    marks->setData(run.eventMarks.x, run.eventMarks.y, true);
  }
}

void TrainingView::plotComparison() {
  for (int row = 0; row < order_.size(); ++row) {
    if (!isCompared(row)) continue;
    const TrainingSeries& run = *runs_[order_[row]];
    const QColor colour = runColour(row);
    QPen dashed(colour, 1.5, Qt::DashLine);
    if (perEpoch_) {
      addCurve(bitsPlot_, run.trainBitsPerDimByEpoch.points(), run.title + tr(" train"),
               QPen(colour), true);
      CurvePoints test;
      for (const auto& [epoch, bpd] : run.testBitsPerDimByEpoch)
        test.add(static_cast<double>(epoch + 1), bpd);
      addCurve(bitsPlot_, test, run.title + tr(" test"), dashed, false);
    } else {
      addCurve(bitsPlot_, run.trainBitsPerDim, run.title + tr(" train"), QPen(colour), true);
      addCurve(bitsPlot_, run.testBitsPerDim, run.title + tr(" test"), dashed, false);
      addCurve(speedPlot_, run.imagesPerSecond, run.title, QPen(colour), true);
    }
    int styleIndex = 0;
    for (const auto& [name, points] : run.aurocByOod) {
      QPen pen(colour, 1.5, static_cast<Qt::PenStyle>(Qt::SolidLine + styleIndex++ % 4));
      addCurve(aurocPlot_, points, run.title + ": " + name, pen, false);
    }
  }
}

void TrainingView::fitAxes(QCustomPlot* plot, bool isAuroc) {
  const auto [x, y] = fittedRanges(plot, isAuroc);
  if (runChanged_) {
    plot->xAxis->setRange(x);
    plot->yAxis->setRange(y);
    plotDataChanged(plot);  // the whole curves, whatever the user had zoomed into before
  } else {
    setPlotHomeRanges(plot, x, y);  // a zoomed view stays while the curves grow
  }
}

bool TrainingView::anyRunCompared() const {
  for (int row = 0; row < order_.size(); ++row)
    if (isCompared(row)) return true;
  return false;
}

void TrainingView::showEmptyState(QCustomPlot* plot) {
  bool hasPoints = false;
  for (int i = 0; i < plot->graphCount(); ++i)
    hasPoints = hasPoints || plot->graph(i)->dataCount() > 0;
  plot->legend->setVisible(hasPoints);
  QString message;
  if (hasPoints)
    message.clear();
  else if (order_.isEmpty())
    message = tr("No runs yet — Training ▸ New Training Run…");
  else if (plot == lossPlot_)
    message = selectedRun_.isEmpty() ? tr("Select a run in the list")
                                     : tr("No steps recorded for %1 yet").arg(selectedRun_);
  else if (!anyRunCompared())
    message = tr("Check runs in the list to compare them here");
  else if (plot == speedPlot_ && perEpoch_)
    message = tr("Throughput is plotted per step");
  else if (plot == aurocPlot_)
    message = tr("No AUROC yet: it is evaluated during training when the run has an OOD set");
  else
    message = tr("No values recorded yet");
  setPlotEmptyMessage(plot, message);
}

}  // namespace glowscope
