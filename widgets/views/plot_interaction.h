#pragma once
// The one installer of what every plot does under the mouse, as in PlotJuggler or TensorBoard:
// wheel zooms (over an axis: that axis only), drag pans (where a drag selects points, as in the
// scatter view, Ctrl+drag pans), double-click resets to the view's own ranges, hovering shows
// the nearest data value, a click on a legend entry hides or shows its series, the context menu
// exports, copies, resets and switches the y axis to log scale; and the figure layout
// (figure_layout.h) is redone when the plot is resized or its theme changes.
#include <QPoint>
#include <QString>

class QCustomPlot;
class QCPAbstractPlottable;
class QCPRange;

namespace glowscope {

/// Installs all of the above on `plot` (once; a second call does nothing).
void installPlotInteractions(QCustomPlot* plot);

/// For views after they set new data and ranges: those become the ranges a reset returns to,
/// and the screen layout (legend placement) is redone. Replots.
void plotDataChanged(QCustomPlot* plot);

/// The ranges of the last plotDataChanged (or of the first zoom or pan), as a double-click does.
void resetPlotView(QCustomPlot* plot);

/// True after the user zoomed or panned, until a reset or plotDataChanged.
bool plotViewNavigated(QCustomPlot* plot);

/// For live data (training curves that grow with every report): `x` and `y` become the ranges a
/// reset returns to, and are shown at once unless the user zoomed or panned since the last
/// reset, whose view then stays while the data grows. Redoes the screen layout and replots.
void setPlotHomeRanges(QCustomPlot* plot, const QCPRange& x, const QCPRange& y);

/// Hides a visible series or shows a hidden one, with its companions (kCompanionOfProperty); its
/// legend entry turns grey while hidden.
void togglePlottable(QCustomPlot* plot, QCPAbstractPlottable* plottable);

/// The read-out for the mouse at `pixel`: the nearest data point within 12 px ("series: x = …,
/// y = …"), or the bar under it ("series: [low, high): value"); empty when there is none.
QString hoverText(QCustomPlot* plot, const QPoint& pixel);

}  // namespace glowscope
