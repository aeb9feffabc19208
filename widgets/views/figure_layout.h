#pragma once
// The one layout step of every plot, on screen and before every export: fonts in points, the
// canvas colours (light or dark), the optional title, axis limits and log axes, and a legend
// that covers no data and never leaves the figure. It measures the laid-out plot (text sizes,
// data points in pixels) instead of guessing, so it holds at 85 mm as at 175 mm.
#include <QRect>
#include <QSize>

#include "widgets/views/plot_export.h"

class QCustomPlot;

namespace glowscope {

/// What layoutFigure did with the legend.
struct FigureLayout {
  LegendPlacement placement = LegendPlacement::Off;  ///< never Auto
  QRect legendRect;     ///< in the plot's pixels at the laid-out size; empty when off
  double legendPointSize = 0;
  int coveredPoints = 0;  ///< data points (bars, curve samples) under the legend
};

/// Dynamic property: set to true on a plot whose y axis may grow upwards to make room for the
/// legend inside (histograms; not ROC curves, whose rates end at 1).
inline constexpr char kLegendHeadroomProperty[] = "glowscopeLegendHeadroom";

/// Lays `plot` out at `logicalSize` (pixels at 96 per inch, as the export renders) with
/// options' fonts, colours, title, limits and legend placement. The plot keeps that layout and
/// those ranges until the next call (an export restores the screen's afterwards).
FigureLayout layoutFigure(QCustomPlot* plot, const FigureOptions& options,
                          const QSize& logicalSize);

/// Data points of visible plottables that fall inside `rect` (plot pixels, as laid out): one
/// per bar that reaches into it, one per graph or curve point, lines sampled every 2 px; a
/// colour map counts 1000 when its cells reach into the rect.
int dataPointsUnder(QCustomPlot* plot, const QRectF& rect);

/// Runs QCustomPlot's layout passes at this size (what toPainter and a resize do).
void updatePlotLayout(QCustomPlot* plot, const QSize& size);

/// The canvas colours: background, axes, ticks, grid, labels, legend and text elements, light
/// or dark. Series drawn in the palette's black become light grey on a dark canvas and back.
void applyCanvasColors(QCustomPlot* plot, bool dark);

/// Dynamic properties: the screen view's log axes (the view's own controls set them).
inline constexpr char kScreenLogXProperty[] = "glowscopeScreenLogX";
inline constexpr char kScreenLogYProperty[] = "glowscopeScreenLogY";

/// The screen's layout: the shared plot style's font, the application palette's darkness, the
/// plot's own log axes, its ranges as they are, the legend placed automatically.
FigureOptions screenFigureOptions(QCustomPlot* plot);
/// layoutFigure at the widget's size with screenFigureOptions, then a queued replot. Does
/// nothing for a plot that has no size yet (never shown).
void layoutForScreen(QCustomPlot* plot);

/// Shows or hides the plot's title row (its first QCPTextElement), keeping the element.
void setPlotTitleVisible(QCustomPlot* plot, bool visible);

}  // namespace glowscope
