#pragma once
// A plot with nothing to show says so: instead of QCustomPlot's default 0..5 axes (which look
// like data), its axes, grids, colour maps and colour scales are hidden and a centred line tells
// the user where the data comes from. The plot's own title stays: it says what will be drawn.
#include <QString>

class QCustomPlot;

namespace glowscope {

/// Shows `message` in place of the axes; an empty `message` shows the axes again (call it when
/// data arrives). Does not replot: the view's next replot or plotDataChanged shows it.
void setPlotEmptyMessage(QCustomPlot* plot, const QString& message);

/// The message shown in place of the axes, or an empty string while the axes are shown.
QString plotEmptyMessage(const QCustomPlot* plot);

/// True for the item setPlotEmptyMessage draws (the canvas colours recolour it with the theme).
inline constexpr const char* kEmptyPlotMessageName = "emptyPlotMessage";

}  // namespace glowscope
