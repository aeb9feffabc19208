#pragma once
// Publication export shared by every plot: one plot style (fonts, line widths, the colour-blind
// safe Okabe-Ito palette) and figure files whose physical size does not depend on the window.
#include <QColor>
#include <QtNumeric>
#include <QImage>
#include <QString>
#include <QVector>

class QCustomPlot;
class QSettings;
class QWidget;

namespace glowscope {

/// The look of every plot; persisted under "PlotStyle/..." in QSettings.
struct PlotStyle {
  QString fontFamily = QStringLiteral("DejaVu Sans");
  double labelPointSize = 9;  ///< axis labels, legend, title
  double tickPointSize = 8;
  double lineWidthPt = 1.5;  ///< data lines and bar outlines
  double axisWidthPt = 0.8;
  QVector<QColor> palette = okabeIto();

  /// Okabe & Ito (2008): black, orange, sky blue, bluish green, yellow, blue, vermillion,
  /// reddish purple. Distinguishable with the common colour-vision deficiencies.
  static QVector<QColor> okabeIto();
  /// The palette's colour for series `index`, cycling.
  QColor color(int index) const;
  /// Fonts and axis pens of every axis rect, legend and text element of the plot.
  void applyTo(QCustomPlot* plot) const;

  void save(QSettings& settings) const;
  static PlotStyle load(QSettings& settings);
  static PlotStyle fromDefaultSettings();  ///< load() from a default-constructed QSettings
};

enum class FigureFormat { Png, Svg, Pdf };

/// Where layoutFigure puts the legend.
enum class LegendPlacement {
  Auto,    ///< inside, in a corner that covers no data, else below the plot
  Inside,  ///< inside, in the corner that covers the fewest data points
  Below,   ///< under the axes, entries side by side as far as they fit
  Right,   ///< right of the axes, one entry per line
  Off,
};

/// The figure's physical size, for PNG its resolution, and how layoutFigure lays it out.
struct FigureOptions {
  double widthMm = 120;
  double heightMm = 80;
  int dpi = 300;
  /// Axis labels and title; tick labels and legend one point smaller. 7-9 pt suit a paper.
  double fontPt = 8;
  LegendPlacement legend = LegendPlacement::Auto;
  bool title = true;  ///< the plot's title line, when it has one
  /// Axis limits; NaN keeps the plot's own (the view's range, zoom included).
  double xLow = qQNaN(), xHigh = qQNaN(), yLow = qQNaN(), yHigh = qQNaN();
  bool logX = false, logY = false;
  /// Dark canvas (the screen's dark theme); exports are light unless this is set.
  bool dark = false;
  static FigureOptions fromInches(double widthIn, double heightIn, int dpi = 300);
  /// Pixels of a PNG: round(mm / 25.4 · dpi).
  int pixelWidth() const;
  int pixelHeight() const;
  /// The plot is laid out at 96 logical pixels per inch (screen-like), then scaled to the
  /// output, so fonts in points keep their physical size in every format.
  int logicalWidth() const;
  int logicalHeight() const;
};

/// Format from the file suffix (.png, .svg, .pdf; case-insensitive). Throws ConfigError on any
/// other suffix.
FigureFormat figureFormatForPath(const QString& path);
/// "figure.pdf" -> "figure.csv" in the same folder.
QString csvPathBeside(const QString& figurePath);

/// The plot rendered at options' pixel size (dots per metre set from the dpi).
QImage renderPlotImage(QCustomPlot* plot, const FigureOptions& options);
/// Writes the figure in the path's format only. Throws FileError when it cannot be written.
void writeFigure(QCustomPlot* plot, const QString& path, const FigureOptions& options);
/// writeFigure and the plot's data as CSV beside it (see plotDataCsv). Throws FileError when a
/// file cannot be written.
void exportFigure(QCustomPlot* plot, const QString& path, const FigureOptions& options);
/// Every 1-D plottable's data as long-format CSV: "series,key,value", one row per data point
/// (for bars: the bar centre and height; for curves such as ROC curves: x and y), series names as
/// in the legend. A plot whose data is not 1-D (a heat map) stores its own CSV text in the
/// dynamic property kPlotDataCsvProperty, which is returned instead.
QString plotDataCsv(QCustomPlot* plot);
inline constexpr char kPlotDataCsvProperty[] = "glowscopePlotDataCsv";
/// Set on a plottable whose legend text adds to the series' name (counts, notes): the name
/// plotDataCsv writes instead.
inline constexpr char kSeriesNameProperty[] = "glowscopeSeriesName";
/// Set on a plottable that only marks something drawn elsewhere (points clamped to the axes'
/// edge): plotDataCsv leaves it out.
inline constexpr char kNotPlotDataProperty[] = "glowscopeNotPlotData";
/// Set (a QObject* to another plottable) on a plottable drawn only as a companion of that one,
/// such as a training curve's raw values behind its smoothed line: hidden and shown with it.
inline constexpr char kCompanionOfProperty[] = "glowscopeCompanionOf";
/// Writes `text` to `path` (UTF-8, atomically through QSaveFile). Throws FileError.
void writeTextFile(const QString& path, const QString& text);
/// Puts the rendered figure on the clipboard.
void copyPlotImage(QCustomPlot* plot, const FigureOptions& options);
/// Export settings ("PlotExport/widthMm", "heightMm", "dpi", "fontPt", "legend", "title",
/// "dark"; axis limits and log axes are per figure and not kept).
FigureOptions loadFigureOptions(QSettings& settings);
void saveFigureOptions(QSettings& settings, const FigureOptions& options);
/// Where the export dialog starts: the folder of the last export ("PlotExport/folder", else
/// home) and a file name from the plot's title ("Loss parts (selected run)" ->
/// "loss-parts-selected-run"), with `suffix` ("pdf", "svg", "png").
QString suggestedFigurePath(QCustomPlot* plot, QSettings& settings, const QString& suffix);
/// Adds a context menu to the plot: "Export figure…" (size dialog, then file dialog; PNG/SVG/PDF
/// + CSV) and "Copy image"; the size and dpi are kept in the settings.
void installExportMenu(QCustomPlot* plot);

}  // namespace glowscope
