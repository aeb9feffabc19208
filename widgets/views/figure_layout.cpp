#include "widgets/views/figure_layout.h"

#include <QApplication>
#include <QPalette>
#include <QVariant>
#include <algorithm>
#include <climits>
#include <cmath>
#include <functional>

#include "widgets/qcustomplot_include.h"
#include "widgets/views/empty_plot.h"

namespace glowscope {
namespace {

constexpr double kMinLegendPointSize = 5;
// A legend inside may push the data down by at most this fraction of the axis height.
constexpr double kMaxHeadroomFraction = 0.4;
constexpr char kHiddenTitleProperty[] = "glowscopeHiddenTitle";
constexpr char kLegendHiddenByLayoutProperty[] = "glowscopeLegendHiddenByLayout";

using RectVisitor = std::function<void(const QRectF&)>;

// The legend's entries; a wrapped legend grid has empty cells, which item(i) returns as null.
QList<QCPAbstractLegendItem*> legendItems(QCPLegend* legend) {
  QList<QCPAbstractLegendItem*> items;
  for (int i = 0; i < legend->elementCount(); ++i)
    if (auto* item = qobject_cast<QCPAbstractLegendItem*>(legend->elementAt(i))) items << item;
  return items;
}

QRectF pointRect(const QCPAbstractPlottable& plottable, double key, double value, double size) {
  double x = 0, y = 0;
  plottable.coordsToPixels(key, value, x, y);
  return {x - size / 2, y - size / 2, size, size};
}

// Consecutive points as 2 px samples along the segment between them (the drawn line).
void visitPolyline(const QVector<QPointF>& points, const RectVisitor& visit) {
  for (qsizetype i = 0; i + 1 < points.size(); ++i) {
    const QPointF step = points[i + 1] - points[i];
    const int samples = std::min(2000, static_cast<int>(std::hypot(step.x(), step.y()) / 2) + 1);
    for (int k = 0; k < samples; ++k) {
      const QPointF at = points[i] + step * (double(k) / samples);
      visit(QRectF(at.x() - 1, at.y() - 1, 2, 2));
    }
  }
  if (!points.isEmpty()) visit(QRectF(points.back().x() - 1, points.back().y() - 1, 2, 2));
}

template <typename Container>
void visitLinePlottable(const QCPAbstractPlottable& plottable, const Container& data, bool lines,
                        double markerSize, const RectVisitor& visit) {
  QVector<QPointF> points;
  for (auto it = data.constBegin(); it != data.constEnd(); ++it) {
    if (!std::isfinite(it->key) || !std::isfinite(it->value)) continue;
    const QRectF marker = pointRect(plottable, it->key, it->value, markerSize);
    if (lines)
      points << marker.center();
    else
      visit(marker);
  }
  if (lines) visitPolyline(points, visit);
}

void visitBars(const QCPBars& bars, const RectVisitor& visit) {
  const double half = bars.width() / 2;
  for (auto it = bars.data()->constBegin(); it != bars.data()->constEnd(); ++it) {
    if (it->value == bars.baseValue() || !std::isfinite(it->value)) continue;
    const QRectF low = pointRect(bars, it->key - half, bars.baseValue(), 0);
    const QRectF high = pointRect(bars, it->key + half, it->value, 0);
    visit(QRectF(low.topLeft(), high.topLeft()).normalized());
  }
}

// Every drawn data element of the visible plottables, as pixel rectangles inside the axis rect.
void visitData(QCustomPlot* plot, const RectVisitor& visit) {
  for (int p = 0; p < plot->plottableCount(); ++p) {
    QCPAbstractPlottable* plottable = plot->plottable(p);
    if (!plottable->visible() || !plottable->keyAxis()) continue;
    const QRectF area = plottable->keyAxis()->axisRect()->rect();
    const RectVisitor inArea = [&](const QRectF& r) {
      if (area.intersects(r)) visit(r.intersected(area));
    };
    if (auto* bars = qobject_cast<QCPBars*>(plottable)) {
      visitBars(*bars, inArea);
    } else if (auto* graph = qobject_cast<QCPGraph*>(plottable)) {
      const double size = std::max(2.0, graph->scatterStyle().size());
      visitLinePlottable(*graph, *graph->data(), graph->lineStyle() != QCPGraph::lsNone, size,
                         inArea);
    } else if (auto* curve = qobject_cast<QCPCurve*>(plottable)) {
      const double size = std::max(2.0, curve->scatterStyle().size());
      visitLinePlottable(*curve, *curve->data(), curve->lineStyle() != QCPCurve::lsNone, size,
                         inArea);
    } else if (auto* map = qobject_cast<QCPColorMap*>(plottable)) {
      const QCPRange keys = map->data()->keyRange(), values = map->data()->valueRange();
      const QRectF corner1 = pointRect(*map, keys.lower, values.lower, 0);
      const QRectF corner2 = pointRect(*map, keys.upper, values.upper, 0);
      const QRectF cells = QRectF(corner1.topLeft(), corner2.topLeft()).normalized();
      for (int k = 0; k < 1000; ++k) inArea(cells);
    }
  }
}

QColor foreground(bool dark) { return dark ? QColor(220, 220, 220) : QColor(Qt::black); }
QColor background(bool dark) { return dark ? QColor(35, 38, 41) : QColor(Qt::white); }

// The palette's black (the in-distribution set) and its stand-in on a dark canvas.
QColor swapBlack(QColor color, bool dark) {
  const QColor from = foreground(!dark), to = foreground(dark);
  if (color.rgb() != from.rgb()) return color;
  QColor swapped = to;
  swapped.setAlpha(color.alpha());
  return swapped;
}

void recolorPlottable(QCPAbstractPlottable* plottable, bool dark) {
  QPen pen = plottable->pen();
  pen.setColor(swapBlack(pen.color(), dark));
  plottable->setPen(pen);
  QBrush brush = plottable->brush();
  if (brush.style() != Qt::NoBrush) {
    brush.setColor(swapBlack(brush.color(), dark));
    plottable->setBrush(brush);
  }
  if (auto* graph = qobject_cast<QCPGraph*>(plottable)) {
    QCPScatterStyle style = graph->scatterStyle();
    QPen scatterPen = style.pen();
    scatterPen.setColor(swapBlack(scatterPen.color(), dark));
    style.setPen(scatterPen);
    style.setBrush(QBrush(swapBlack(style.brush().color(), dark), style.brush().style()));
    graph->setScatterStyle(style);
  }
}

void colorAxis(QCPAxis* axis, bool dark) {
  const QColor fg = foreground(dark);
  for (QPen pen : {axis->basePen()}) {
    pen.setColor(fg);
    axis->setBasePen(pen);
    axis->setTickPen(pen);
    axis->setSubTickPen(pen);
  }
  axis->setTickLabelColor(fg);
  axis->setLabelColor(fg);
  QPen grid = axis->grid()->pen();
  grid.setColor(dark ? QColor(80, 84, 88) : QColor(200, 200, 200));
  axis->grid()->setPen(grid);
  QPen zero = axis->grid()->zeroLinePen();
  if (zero.style() != Qt::NoPen) {
    zero.setColor(dark ? QColor(110, 114, 118) : QColor(200, 200, 200));
    axis->grid()->setZeroLinePen(zero);
  }
}

void applyFonts(QCustomPlot* plot, double fontPt) {
  PlotStyle style = PlotStyle::fromDefaultSettings();
  style.labelPointSize = fontPt;
  style.tickPointSize = std::max(kMinLegendPointSize, fontPt - 1);
  style.applyTo(plot);
  QFont legendFont = plot->legend->font();
  legendFont.setPointSizeF(style.tickPointSize);
  plot->legend->setFont(legendFont);
  for (QCPAbstractLegendItem* item : legendItems(plot->legend)) item->setFont(legendFont);
}

void setLegendPointSize(QCPLegend* legend, double pointSize) {
  QFont font = legend->font();
  font.setPointSizeF(pointSize);
  legend->setFont(font);
  for (QCPAbstractLegendItem* item : legendItems(legend)) item->setFont(font);
  // QCustomPlot's 32 x 18 px icons suit 9 pt on a screen; a figure's icons follow its font.
  const double pixels = pointSize * 96.0 / 72.0;
  legend->setIconSize(static_cast<int>(std::lround(2.2 * pixels)),
                      static_cast<int>(std::lround(0.9 * pixels)));
  legend->setIconTextPadding(static_cast<int>(std::lround(0.5 * pixels)));
}

constexpr char kOriginalLabelProperty[] = "glowscopeOriginalLabel";
constexpr char kShownLabelProperty[] = "glowscopeShownLabel";

// The view's own label back (fitAxisLabel may have wrapped it at the previous layout).
void restoreAxisLabel(QCPAxis* axis) {
  if (axis->label() == axis->property(kShownLabelProperty).toString())
    axis->setLabel(axis->property(kOriginalLabelProperty).toString());
  axis->setProperty(kOriginalLabelProperty, axis->label());
  axis->setProperty(kShownLabelProperty, axis->label());
}

// An axis label longer than its axis: on two lines, broken at the space nearest the middle, and
// in a smaller font (down to 5 pt) if a line is still too long. True when it changed.
bool fitAxisLabel(QCPAxis* axis) {
  const bool vertical = axis->orientation() == Qt::Vertical;
  const int available = (vertical ? axis->axisRect()->height() : axis->axisRect()->width()) - 4;
  QString label = axis->label();
  QFont font = axis->labelFont();
  const auto longest = [&label](const QFont& f) {
    double width = 0;
    for (const QString& line : label.split('\n'))
      width = std::max(width, QFontMetricsF(f).horizontalAdvance(line));
    return width;
  };
  if (label.isEmpty() || available <= 0 || longest(font) <= available) return false;
  if (!label.contains('\n')) {
    const qsizetype middle = label.size() / 2;
    qsizetype breakAt = -1;
    for (qsizetype i = 0; i < label.size(); ++i)
      if (label[i] == ' ' && (breakAt < 0 || std::abs(i - middle) < std::abs(breakAt - middle)))
        breakAt = i;
    if (breakAt > 0) label = label.left(breakAt) + '\n' + label.mid(breakAt + 1);
  }
  while (longest(font) > available && font.pointSizeF() > kMinLegendPointSize)
    font.setPointSizeF(font.pointSizeF() - 0.5);
  axis->setLabelFont(font);
  axis->setLabel(label);
  axis->setProperty(kShownLabelProperty, label);
  return true;
}

// Wrapping one axis' label changes the other axis' length: until nothing changes.
void fitAxisLabels(QCustomPlot* plot, const QSize& size) {
  for (int pass = 0; pass < 4; ++pass) {
    updatePlotLayout(plot, size);
    bool changed = false;
    for (QCPAxisRect* rect : plot->axisRects())
      for (QCPAxis* axis : rect->axes())
        if (axis->visible() && fitAxisLabel(axis)) changed = true;
    if (!changed) return;
  }
  updatePlotLayout(plot, size);
}

void applyAxis(QCPAxis* axis, double low, double high, bool log) {
  const bool isLog = axis->scaleType() == QCPAxis::stLogarithmic;
  if (log && !isLog) {
    axis->setScaleType(QCPAxis::stLogarithmic);
    axis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
  } else if (!log && isLog) {
    axis->setScaleType(QCPAxis::stLinear);
    axis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
  }
  if (log && axis->range().lower <= 0)
    axis->setRangeLower(axis->range().upper > 0 ? axis->range().upper * 1e-4 : 1e-4);
  if (std::isfinite(low)) axis->setRangeLower(low);
  if (std::isfinite(high)) axis->setRangeUpper(high);
}

// Takes the legend out of whatever holds it (the axis rect's inset layout or the plot grid).
void detachLegend(QCustomPlot* plot) {
  QCPLegend* legend = plot->legend;
  QCPLayout* holder = legend->layout();
  if (!holder) return;
  holder->take(legend);
  if (holder == plot->plotLayout()) plot->plotLayout()->simplify();
}

void putInside(QCustomPlot* plot, Qt::Alignment corner) {
  detachLegend(plot);
  QCPLayoutInset* inset = plot->axisRect()->insetLayout();
  inset->addElement(plot->legend, corner);
  inset->setInsetPlacement(inset->elementCount() - 1, QCPLayoutInset::ipBorderAligned);
}

struct Candidate {
  Qt::Alignment corner;
  int covered = INT_MAX;
};

Candidate measureCorner(QCustomPlot* plot, Qt::Alignment corner, const QSize& size) {
  putInside(plot, corner);
  updatePlotLayout(plot, size);
  const QRect rect = plot->legend->outerRect();
  if (!plot->axisRect()->rect().contains(rect)) return {corner, INT_MAX};
  return {corner, dataPointsUnder(plot, rect)};
}

// The highest data pixel (smallest y) under the legend's horizontal span.
std::optional<double> topmostDataUnder(QCustomPlot* plot, const QRect& legend) {
  std::optional<double> top;
  visitData(plot, [&](const QRectF& r) {
    if (r.right() >= legend.left() - 1 && r.left() <= legend.right() + 1)
      top = std::min(top.value_or(r.top()), r.top());
  });
  return top;
}

// Raises the y axis' upper end just enough that the data under a top corner's legend ends below
// it, when that costs at most kMaxHeadroomFraction of the axis height.
bool makeHeadroom(QCustomPlot* plot, Qt::Alignment corner, const QSize& size) {
  putInside(plot, corner);
  updatePlotLayout(plot, size);
  QCPAxis* y = plot->yAxis;
  const QRect rect = plot->legend->outerRect(), area = plot->axisRect()->rect();
  const std::optional<double> top = topmostDataUnder(plot, rect);
  if (!top || area.height() <= 0 || !area.contains(rect)) return false;
  const double fraction = double(rect.bottom() - area.top() + 4) / area.height();
  if (fraction > kMaxHeadroomFraction) return false;
  const double value = y->pixelToCoord(*top), low = y->range().lower;
  const double upper = (value - low * fraction) / (1 - fraction);
  if (!(upper > y->range().upper)) return false;
  const QCPRange before = y->range();
  y->setRangeUpper(upper);
  updatePlotLayout(plot, size);
  if (plot->axisRect()->rect().contains(plot->legend->outerRect()) &&
      dataPointsUnder(plot, plot->legend->outerRect()) == 0)
    return true;
  y->setRange(before);
  return false;
}

// The best corner inside; with headroom allowed, a top corner freed by raising the y axis.
int placeInside(QCustomPlot* plot, const QSize& size, bool headroom) {
  const Qt::Alignment corners[] = {Qt::AlignTop | Qt::AlignRight, Qt::AlignTop | Qt::AlignLeft,
                                   Qt::AlignBottom | Qt::AlignRight,
                                   Qt::AlignBottom | Qt::AlignLeft};
  Candidate best;
  for (Qt::Alignment corner : corners) {
    const Candidate candidate = measureCorner(plot, corner, size);
    if (candidate.covered < best.covered) best = candidate;
    if (best.covered == 0) break;
  }
  if (best.covered > 0 && headroom)
    for (Qt::Alignment corner : {corners[0], corners[1]})
      if (makeHeadroom(plot, corner, size)) return 0;
  if (best.covered == INT_MAX) return INT_MAX;
  putInside(plot, best.corner);
  updatePlotLayout(plot, size);
  return best.covered;
}

// Below (entries side by side, wrapped into as few rows as fit the width) or right (one column,
// wrapped into more columns when they do not fit the height), in a smaller font as needed.
void placeOutside(QCustomPlot* plot, const QSize& size, bool right, double pointSize) {
  QCPLegend* legend = plot->legend;
  detachLegend(plot);
  QCPLayoutGrid* grid = plot->plotLayout();
  int axisRow = 0;
  for (int r = 0; r < grid->rowCount(); ++r)
    if (grid->element(r, 0) == plot->axisRect()) axisRow = r;
  if (right) {
    grid->addElement(axisRow, grid->columnCount(), legend);
    grid->setColumnStretchFactor(grid->columnCount() - 1, 0.001);
  } else {
    grid->addElement(grid->rowCount(), 0, legend);
    grid->setRowStretchFactor(grid->rowCount() - 1, 0.001);
  }
  legend->setMargins(QMargins(2, 2, 2, 2));
  const int items = static_cast<int>(legendItems(legend).size());
  for (double pt = pointSize; pt >= kMinLegendPointSize; pt -= 0.5) {
    setLegendPointSize(legend, pt);
    for (int wrap = right ? 1 : items; wrap >= 1; wrap += right ? 1 : -1) {
      legend->setWrap(wrap);
      legend->setFillOrder(right ? QCPLayoutGrid::foRowsFirst : QCPLayoutGrid::foColumnsFirst,
                           true);
      const QSize need = legend->minimumOuterSizeHint();
      const bool fits = right ? need.height() <= size.height() - 4 && need.width() <= size.width() / 2
                              : need.width() <= size.width() - 4;
      if (fits) return;
      if (right && wrap >= items) break;
    }
  }
}

}  // namespace

void updatePlotLayout(QCustomPlot* plot, const QSize& size) {
  plot->setViewport(QRect(QPoint(0, 0), size));
  plot->plotLayout()->update(QCPLayoutElement::upPreparation);
  plot->plotLayout()->update(QCPLayoutElement::upMargins);
  plot->plotLayout()->update(QCPLayoutElement::upLayout);
}

int dataPointsUnder(QCustomPlot* plot, const QRectF& rect) {
  int count = 0;
  // A few pixels of air between the legend frame and the data.
  const QRectF area = rect.adjusted(-3, -3, 3, 3);
  visitData(plot, [&](const QRectF& r) {
    if (area.intersects(r)) ++count;
  });
  return count;
}

void applyCanvasColors(QCustomPlot* plot, bool dark) {
  plot->setBackground(QBrush(background(dark)));
  plot->axisRect()->setBackground(Qt::NoBrush);
  for (QCPAxisRect* rect : plot->axisRects())
    for (QCPAxis* axis : rect->axes()) colorAxis(axis, dark);
  QColor legendFill = background(dark);
  legendFill.setAlpha(225);
  plot->legend->setBrush(legendFill);
  plot->legend->setBorderPen(QPen(dark ? QColor(120, 120, 120) : QColor(160, 160, 160), 0.8));
  plot->legend->setTextColor(foreground(dark));
  for (QCPAbstractLegendItem* item : legendItems(plot->legend)) {
    // A series hidden from its legend entry keeps its grey text.
    auto* entry = qobject_cast<QCPPlottableLegendItem*>(item);
    const bool hidden = entry && !entry->plottable()->visible();
    item->setTextColor(hidden ? QColor(128, 128, 128) : foreground(dark));
  }
  for (int i = 0; i < plot->plotLayout()->elementCount(); ++i)
    if (auto* text = qobject_cast<QCPTextElement*>(plot->plotLayout()->elementAt(i)))
      text->setTextColor(foreground(dark));
  if (const auto* title = plot->property(kHiddenTitleProperty).value<QObject*>())
    if (auto* text = qobject_cast<QCPTextElement*>(const_cast<QObject*>(title)))
      text->setTextColor(foreground(dark));
  for (int p = 0; p < plot->plottableCount(); ++p) recolorPlottable(plot->plottable(p), dark);
  for (int i = 0; i < plot->itemCount(); ++i)  // an empty plot's message (empty_plot.h)
    if (auto* text = qobject_cast<QCPItemText*>(plot->item(i));
        text && text->objectName() == kEmptyPlotMessageName)
      text->setColor(foreground(dark));
}

void setPlotTitleVisible(QCustomPlot* plot, bool visible) {
  QCPLayoutGrid* grid = plot->plotLayout();
  auto* hidden = qobject_cast<QCPTextElement*>(plot->property(kHiddenTitleProperty).value<QObject*>());
  if (visible && hidden) {
    grid->insertRow(0);
    grid->addElement(0, 0, hidden);
    grid->setRowStretchFactor(0, 0.001);
    plot->setProperty(kHiddenTitleProperty, QVariant());
  } else if (!visible && !hidden) {
    for (int i = 0; i < grid->elementCount(); ++i)
      if (auto* text = qobject_cast<QCPTextElement*>(grid->elementAt(i))) {
        grid->take(text);
        grid->simplify();
        plot->setProperty(kHiddenTitleProperty, QVariant::fromValue<QObject*>(text));
        break;
      }
  }
}

FigureLayout layoutFigure(QCustomPlot* plot, const FigureOptions& options,
                          const QSize& logicalSize) {
  applyFonts(plot, options.fontPt);
  setPlotTitleVisible(plot, options.title);
  applyAxis(plot->xAxis, options.xLow, options.xHigh, options.logX);
  applyAxis(plot->yAxis, options.yLow, options.yHigh, options.logY);
  applyCanvasColors(plot, options.dark);
  for (QCPAxisRect* rect : plot->axisRects())
    for (QCPAxis* axis : rect->axes()) restoreAxisLabel(axis);
  fitAxisLabels(plot, logicalSize);
  FigureLayout result;
  QCPLegend* legend = plot->legend;
  // The view's wish (its legend visible), remembered while the layout hides it: an empty legend
  // or one switched off for this figure comes back at the next layout that can show it.
  const bool viewWants =
      legend && (legend->visible() || plot->property(kLegendHiddenByLayoutProperty).toBool());
  if (!viewWants || legendItems(legend).isEmpty() || options.legend == LegendPlacement::Off) {
    if (legend) {
      plot->setProperty(kLegendHiddenByLayoutProperty, viewWants);
      legend->setVisible(false);
      // Hidden in the plot grid it would still cap its column's width (an empty legend's
      // maximum width is its margins) and squeeze the axes: it waits inside the axis rect.
      if (legend->layout() == plot->plotLayout()) putInside(plot, Qt::AlignTop | Qt::AlignRight);
    }
    updatePlotLayout(plot, logicalSize);
    return result;
  }
  plot->setProperty(kLegendHiddenByLayoutProperty, false);
  legend->setVisible(true);
  const double legendPt = std::max(kMinLegendPointSize, options.fontPt - 1);
  setLegendPointSize(legend, legendPt);
  legend->setWrap(0);
  legend->setFillOrder(QCPLayoutGrid::foRowsFirst, true);
  legend->setMargins(QMargins(4, 2, 4, 2));
  LegendPlacement placement = options.legend;
  if (placement == LegendPlacement::Auto || placement == LegendPlacement::Inside) {
    const bool headroom = placement == LegendPlacement::Auto && !options.logY &&
                          !std::isfinite(options.yHigh) &&
                          plot->property(kLegendHeadroomProperty).toBool();
    result.coveredPoints = placeInside(plot, logicalSize, headroom);
    if (result.coveredPoints == 0 ||
        (placement == LegendPlacement::Inside && result.coveredPoints != INT_MAX))
      placement = LegendPlacement::Inside;
    else
      placement = LegendPlacement::Below;
  }
  if (placement == LegendPlacement::Below || placement == LegendPlacement::Right) {
    legend->setBrush(Qt::NoBrush);
    legend->setBorderPen(Qt::NoPen);  // a frame would lie on the figure's edge
    placeOutside(plot, logicalSize, placement == LegendPlacement::Right, legendPt);
  }
  // The legend below or right took room from the axes: fit their labels again.
  fitAxisLabels(plot, logicalSize);
  result.coveredPoints = dataPointsUnder(plot, legend->outerRect());
  result.placement = placement;
  result.legendRect = legend->outerRect();
  result.legendPointSize = legend->font().pointSizeF();
  return result;
}

FigureOptions screenFigureOptions(QCustomPlot* plot) {
  FigureOptions options;
  options.fontPt = PlotStyle::fromDefaultSettings().labelPointSize;
  options.logX = plot->property(kScreenLogXProperty).toBool();
  options.logY = plot->property(kScreenLogYProperty).toBool();
  options.dark = QApplication::palette().color(QPalette::Window).lightness() < 128;
  return options;
}

void layoutForScreen(QCustomPlot* plot) {
  if (!plot->isVisible() || plot->width() <= 0 || plot->height() <= 0) return;
  layoutFigure(plot, screenFigureOptions(plot), plot->size());
  plot->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace glowscope
