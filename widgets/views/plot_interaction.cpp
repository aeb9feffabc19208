#include "widgets/views/plot_interaction.h"

#include <QEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QTimer>
#include <QToolTip>
#include <cmath>

#include "widgets/qcustomplot_include.h"
#include "widgets/views/figure_layout.h"
#include "widgets/views/plot_export.h"

namespace glowscope {
namespace {

constexpr char kStateName[] = "glowscopePlotInteraction";
constexpr double kHoverRadiusPx = 12;

// Per plot: the ranges a reset returns to, and whether a drag selects points (then Ctrl+drag
// pans). Child of the plot, so it lives exactly as long.
class InteractionState : public QObject {
 public:
  explicit InteractionState(QCustomPlot* plot) : QObject(plot), plot_(plot) {
    setObjectName(kStateName);
    plot->installEventFilter(this);
  }

  void rememberHome() {
    homeX_ = plot_->xAxis->range();
    homeY_ = plot_->yAxis->range();
    hasHome_ = true;
  }
  // Before the first zoom or pan after new data: the ranges to come back to.
  void beforeNavigation() {
    if (!navigated_) rememberHome();
    navigated_ = true;
  }
  void dataChanged() {
    navigated_ = false;
    rememberHome();
  }
  void setHome(const QCPRange& x, const QCPRange& y) {
    homeX_ = x;
    homeY_ = y;
    hasHome_ = true;
    if (navigated_) return;
    plot_->xAxis->setRange(x);
    plot_->yAxis->setRange(y);
  }
  bool navigated() const { return navigated_; }
  void reset() {
    if (hasHome_) {
      plot_->xAxis->setRange(homeX_);
      plot_->yAxis->setRange(homeY_);
    }
    navigated_ = false;
    layoutForScreen(plot_);
    plot_->replot();
  }

  QCP::SelectionRectMode dragSelection = QCP::srmNone;

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override {
    if (watched == plot_ &&
        (event->type() == QEvent::Resize || event->type() == QEvent::PaletteChange ||
         event->type() == QEvent::Show))
      layoutForScreen(plot_);
    return false;
  }

 private:
  QCustomPlot* plot_;
  QCPRange homeX_, homeY_;
  bool hasHome_ = false;
  bool navigated_ = false;
};

InteractionState* stateOf(QCustomPlot* plot) {
  return dynamic_cast<InteractionState*>(
      plot->findChild<QObject*>(kStateName, Qt::FindDirectChildrenOnly));
}

/// Read-outs in the interface's locale, as the tick labels ("0,25" in German).
QString number(double value) { return QLocale().toString(value, 'g', 5); }

QString seriesName(const QCPAbstractPlottable* plottable) {
  const QVariant own = plottable->property(kSeriesNameProperty);
  return own.isValid() ? own.toString() : plottable->name();
}

// Bars under the cursor, every set whose bar is there (overlapping histograms).
QStringList barsUnder(QCustomPlot* plot, const QPointF& pixel) {
  QStringList lines;
  for (int p = 0; p < plot->plottableCount(); ++p) {
    auto* bars = qobject_cast<QCPBars*>(plot->plottable(p));
    if (!bars || !bars->visible()) continue;
    const double key = bars->keyAxis()->pixelToCoord(pixel.x());
    const double value = bars->valueAxis()->pixelToCoord(pixel.y());
    const double half = bars->width() / 2;
    for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
      if (key >= it->key - half && key < it->key + half && value >= bars->baseValue() &&
          value <= it->value)
        lines << QObject::tr("%1: [%2, %3): %4")
                     .arg(seriesName(bars), number(it->key - half), number(it->key + half),
                          number(it->value));
  }
  return lines;
}

template <typename Container>
void nearestIn(const QCPAbstractPlottable* plottable, const Container& data, const QPointF& pixel,
               double& bestSquared, QString& text) {
  const QString x = plottable->keyAxis()->label().simplified();
  const QString y = plottable->valueAxis()->label().simplified();
  for (auto it = data.constBegin(); it != data.constEnd(); ++it) {
    double px = 0, py = 0;
    plottable->coordsToPixels(it->key, it->value, px, py);
    const double squared = (px - pixel.x()) * (px - pixel.x()) + (py - pixel.y()) * (py - pixel.y());
    if (squared < bestSquared) {
      bestSquared = squared;
      text = QObject::tr("%1: %2 = %3, %4 = %5")
                 .arg(seriesName(plottable), x.isEmpty() ? QStringLiteral("x") : x,
                      number(it->key), y.isEmpty() ? QStringLiteral("y") : y, number(it->value));
    }
  }
}

// After a zoom or pan the legend moves to the corner that is free now, without touching the
// ranges the user chose (no headroom); queued, after QCustomPlot applied the new range.
void relayoutAfterNavigation(QCustomPlot* plot) {
  QTimer::singleShot(0, plot, [plot] {
    const QVariant headroom = plot->property(kLegendHeadroomProperty);
    plot->setProperty(kLegendHeadroomProperty, false);
    layoutForScreen(plot);
    plot->setProperty(kLegendHeadroomProperty, headroom);
  });
}

}  // namespace

QString hoverText(QCustomPlot* plot, const QPoint& pixel) {
  if (!plot->axisRect()->rect().contains(pixel)) return {};
  const QStringList bars = barsUnder(plot, pixel);
  if (!bars.isEmpty()) return bars.join('\n');
  double bestSquared = kHoverRadiusPx * kHoverRadiusPx;
  QString text;
  for (int p = 0; p < plot->plottableCount(); ++p) {
    QCPAbstractPlottable* plottable = plot->plottable(p);
    if (!plottable->visible() || plottable->property(kNotPlotDataProperty).toBool()) continue;
    if (auto* graph = qobject_cast<QCPGraph*>(plottable))
      nearestIn(graph, *graph->data(), pixel, bestSquared, text);
    else if (auto* curve = qobject_cast<QCPCurve*>(plottable))
      nearestIn(curve, *curve->data(), pixel, bestSquared, text);
  }
  return text;
}

void togglePlottable(QCustomPlot* plot, QCPAbstractPlottable* plottable) {
  plottable->setVisible(!plottable->visible());
  for (int p = 0; p < plot->plottableCount(); ++p)
    if (plot->plottable(p)->property(kCompanionOfProperty).value<QObject*>() == plottable)
      plot->plottable(p)->setVisible(plottable->visible());
  if (QCPPlottableLegendItem* item = plot->legend->itemWithPlottable(plottable))
    item->setTextColor(plottable->visible() ? plot->xAxis->labelColor() : QColor(128, 128, 128));
  plot->replot();
}

void resetPlotView(QCustomPlot* plot) {
  if (InteractionState* state = stateOf(plot)) state->reset();
}

bool plotViewNavigated(QCustomPlot* plot) {
  const InteractionState* state = stateOf(plot);
  return state && state->navigated();
}

void setPlotHomeRanges(QCustomPlot* plot, const QCPRange& x, const QCPRange& y) {
  if (InteractionState* state = stateOf(plot)) {
    state->setHome(x, y);
  } else {
    plot->xAxis->setRange(x);
    plot->yAxis->setRange(y);
  }
  layoutForScreen(plot);
  plot->replot(QCustomPlot::rpQueuedReplot);
}

void plotDataChanged(QCustomPlot* plot) {
  if (InteractionState* state = stateOf(plot)) state->dataChanged();
  layoutForScreen(plot);
  plot->replot();
}

void installPlotInteractions(QCustomPlot* plot) {
  if (stateOf(plot)) return;
  auto* state = new InteractionState(plot);
  // Tick labels are formatted with the plot's locale: the interface's (QLocale::setDefault in
  // main.cpp), so German axes read "0,5" and "10.000"; exported figures are drawn by the same
  // plot and show what the view shows.
  plot->setLocale(QLocale());
  state->dragSelection = plot->selectionRectMode();
  plot->setInteractions(plot->interactions() | QCP::iRangeDrag | QCP::iRangeZoom);
  plot->setMouseTracking(true);
  installExportMenu(plot);
  QObject::connect(plot, &QCustomPlot::mouseWheel, state, [plot, state] {
    state->beforeNavigation();
    relayoutAfterNavigation(plot);
  });
  QObject::connect(plot, &QCustomPlot::mouseRelease, state,
                   [plot](QMouseEvent*) { relayoutAfterNavigation(plot); });
  QObject::connect(plot, &QCustomPlot::mousePress, state, [plot, state](QMouseEvent* event) {
    // Where a drag selects points, Ctrl+drag pans.
    if (state->dragSelection != QCP::srmNone)
      plot->setSelectionRectMode(event->modifiers() & Qt::ControlModifier ? QCP::srmNone
                                                                          : state->dragSelection);
    if (plot->selectionRectMode() == QCP::srmNone) state->beforeNavigation();
  });
  QObject::connect(plot, &QCustomPlot::mouseDoubleClick, state, [state] { state->reset(); });
  QObject::connect(plot, &QCustomPlot::legendClick, state,
                   [plot](QCPLegend*, QCPAbstractLegendItem* item, QMouseEvent*) {
                     if (auto* entry = qobject_cast<QCPPlottableLegendItem*>(item))
                       togglePlottable(plot, entry->plottable());
                   });
  QObject::connect(plot, &QCustomPlot::mouseMove, state, [plot](QMouseEvent* event) {
    if (event->buttons() != Qt::NoButton) return;
    const QPoint at = event->position().toPoint();
    const QString text = hoverText(plot, at);
    if (text.isEmpty())
      QToolTip::hideText();
    else
      QToolTip::showText(plot->mapToGlobal(at + QPoint(14, 14)), text, plot);
  });
}

}  // namespace glowscope
