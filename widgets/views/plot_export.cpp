#include "widgets/views/plot_export.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSettings>
#include <QSvgGenerator>
#include <QTextStream>
#include <cmath>

#include "core/metrics/results_table.h"
#include "core/util/errors.h"
#include "widgets/qcustomplot_include.h"
#include "widgets/views/figure_layout.h"
#include "widgets/views/figure_options_dialog.h"
#include "widgets/views/plot_interaction.h"

namespace glowscope {
namespace {

constexpr double kMmPerInch = 25.4;
constexpr double kLogicalDpi = 96;

int mmToPixels(double mm, double dpi) {
  return static_cast<int>(std::lround(mm / kMmPerInch * dpi));
}

QFont styleFont(const PlotStyle& style, double pointSize) {
  QFont font(style.fontFamily);
  font.setPointSizeF(pointSize);
  return font;
}

// Pen widths are in logical pixels at 96 per inch; 1 pt = 96/72 px.
double ptToLogical(double pt) { return pt * kLogicalDpi / 72.0; }

void styleAxis(QCPAxis* axis, const PlotStyle& style) {
  const QFont label = styleFont(style, style.labelPointSize);
  const QFont tick = styleFont(style, style.tickPointSize);
  axis->setLabelFont(label);
  axis->setTickLabelFont(tick);
  QPen pen(Qt::black, ptToLogical(style.axisWidthPt));
  axis->setBasePen(pen);
  axis->setTickPen(pen);
  axis->setSubTickPen(pen);
}

void throwIfNotWritten(bool ok, const QString& path, const QString& what) {
  if (!ok) throw FileError(path.toStdString(), what.toStdString());
}

void writeSvg(QCustomPlot* plot, const QString& path, const FigureOptions& options) {
  QSvgGenerator svg;
  svg.setFileName(path);
  svg.setResolution(static_cast<int>(kLogicalDpi));
  svg.setSize(QSize(options.logicalWidth(), options.logicalHeight()));
  svg.setViewBox(QRect(0, 0, options.logicalWidth(), options.logicalHeight()));
  svg.setTitle(QStringLiteral("Glowscope figure"));
  QCPPainter painter;
  throwIfNotWritten(painter.begin(&svg), path, QStringLiteral("cannot open the SVG for writing"));
  painter.setMode(QCPPainter::pmVectorized);
  painter.setMode(QCPPainter::pmNonCosmetic);
  plot->toPainter(&painter, options.logicalWidth(), options.logicalHeight());
  painter.end();
}

// QPdfWriter instead of QCustomPlot::savePdf: an exact page size in mm (savePdf rounds to whole
// points) and the same 96 logical px per inch as PNG and SVG, so fonts match across formats.
void writePdf(QCustomPlot* plot, const QString& path, const FigureOptions& options) {
  QPdfWriter pdf(path);
  pdf.setCreator(QStringLiteral("Glowscope"));
  pdf.setResolution(static_cast<int>(kLogicalDpi));
  pdf.setPageSize(QPageSize(QSizeF(options.widthMm, options.heightMm), QPageSize::Millimeter,
                            QString(), QPageSize::ExactMatch));
  pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
  QCPPainter painter;
  throwIfNotWritten(painter.begin(&pdf), path, QStringLiteral("cannot open the PDF for writing"));
  painter.setMode(QCPPainter::pmVectorized);
  painter.setMode(QCPPainter::pmNonCosmetic);
  plot->toPainter(&painter, options.logicalWidth(), options.logicalHeight());
  painter.end();
}

// A curve's 1-D interface is keyed by its parameter t; its data are the (x, y) points.
void writeCurveRows(QTextStream& out, const QString& name, const QCPCurve& curve) {
  for (auto point = curve.data()->constBegin(); point != curve.data()->constEnd(); ++point)
    out << name << ',' << QString::number(point->key, 'g', 17) << ','
        << QString::number(point->value, 'g', 17) << '\n';
}

// The figure's layout (fonts, legend, limits) for the time of one export; then the screen's
// layout and ranges (zoom included) again.
class ExportLayout {
 public:
  ExportLayout(QCustomPlot* plot, const FigureOptions& options)
      : plot_(plot), x_(plot->xAxis->range()), y_(plot->yAxis->range()) {
    layoutFigure(plot, options, QSize(options.logicalWidth(), options.logicalHeight()));
  }
  ~ExportLayout() {
    plot_->xAxis->setRange(x_);
    plot_->yAxis->setRange(y_);
    layoutForScreen(plot_);
  }
  ExportLayout(const ExportLayout&) = delete;
  ExportLayout& operator=(const ExportLayout&) = delete;

 private:
  QCustomPlot* plot_;
  QCPRange x_, y_;
};

}  // namespace

void writeTextFile(const QString& path, const QString& text) {
  QSaveFile file(path);
  const bool ok = file.open(QIODevice::WriteOnly | QIODevice::Text) &&
                  file.write(text.toUtf8()) >= 0 && file.commit();
  throwIfNotWritten(ok, path, file.errorString());
}

QVector<QColor> PlotStyle::okabeIto() {
  return {QColor(0, 0, 0),      QColor(230, 159, 0), QColor(86, 180, 233), QColor(0, 158, 115),
          QColor(240, 228, 66), QColor(0, 114, 178), QColor(213, 94, 0),   QColor(204, 121, 167)};
}

QColor PlotStyle::color(int index) const {
  if (palette.isEmpty()) return Qt::black;
  return palette.at(((index % palette.size()) + palette.size()) % palette.size());
}

void PlotStyle::applyTo(QCustomPlot* plot) const {
  for (QCPAxisRect* rect : plot->axisRects())
    for (QCPAxis* axis : rect->axes()) styleAxis(axis, *this);
  plot->legend->setFont(styleFont(*this, labelPointSize));
  for (int i = 0; i < plot->plotLayout()->elementCount(); ++i)
    if (auto* text = qobject_cast<QCPTextElement*>(plot->plotLayout()->elementAt(i)))
      text->setFont(styleFont(*this, labelPointSize));
}

void PlotStyle::save(QSettings& settings) const {
  settings.setValue("PlotStyle/fontFamily", fontFamily);
  settings.setValue("PlotStyle/labelPointSize", labelPointSize);
  settings.setValue("PlotStyle/tickPointSize", tickPointSize);
  settings.setValue("PlotStyle/lineWidthPt", lineWidthPt);
  settings.setValue("PlotStyle/axisWidthPt", axisWidthPt);
  QStringList colors;
  for (const QColor& color : palette) colors << color.name();
  settings.setValue("PlotStyle/palette", colors);
}

PlotStyle PlotStyle::load(QSettings& settings) {
  PlotStyle style;
  style.fontFamily = settings.value("PlotStyle/fontFamily", style.fontFamily).toString();
  style.labelPointSize =
      settings.value("PlotStyle/labelPointSize", style.labelPointSize).toDouble();
  style.tickPointSize = settings.value("PlotStyle/tickPointSize", style.tickPointSize).toDouble();
  style.lineWidthPt = settings.value("PlotStyle/lineWidthPt", style.lineWidthPt).toDouble();
  style.axisWidthPt = settings.value("PlotStyle/axisWidthPt", style.axisWidthPt).toDouble();
  QVector<QColor> colors;
  for (const QString& name : settings.value("PlotStyle/palette").toStringList())
    if (QColor color(name); color.isValid()) colors << color;
  if (!colors.isEmpty()) style.palette = colors;
  return style;
}

PlotStyle PlotStyle::fromDefaultSettings() {
  QSettings settings;
  return load(settings);
}

FigureOptions FigureOptions::fromInches(double widthIn, double heightIn, int dpi) {
  return {widthIn * kMmPerInch, heightIn * kMmPerInch, dpi};
}
int FigureOptions::pixelWidth() const { return mmToPixels(widthMm, dpi); }
int FigureOptions::pixelHeight() const { return mmToPixels(heightMm, dpi); }
int FigureOptions::logicalWidth() const { return std::max(1, mmToPixels(widthMm, kLogicalDpi)); }
int FigureOptions::logicalHeight() const { return std::max(1, mmToPixels(heightMm, kLogicalDpi)); }

FigureFormat figureFormatForPath(const QString& path) {
  const QString suffix = QFileInfo(path).suffix().toLower();
  if (suffix == "png") return FigureFormat::Png;
  if (suffix == "svg") return FigureFormat::Svg;
  if (suffix == "pdf") return FigureFormat::Pdf;
  throw ConfigError("figure file", "unknown format '." + suffix.toStdString() +
                                       "' (use .png, .svg or .pdf): " + path.toStdString());
}

QString csvPathBeside(const QString& figurePath) {
  const QFileInfo info(figurePath);
  return info.dir().filePath(info.completeBaseName() + ".csv");
}

QImage renderPlotImage(QCustomPlot* plot, const FigureOptions& options) {
  const ExportLayout layout(plot, options);
  QImage image(std::max(1, options.pixelWidth()), std::max(1, options.pixelHeight()),
               QImage::Format_ARGB32_Premultiplied);
  image.fill(options.dark ? QColor(35, 38, 41) : QColor(Qt::white));
  {
    // Painted while the image still has Qt's default 96 dpi, so fonts in points are laid out
    // in logical pixels and only then scaled to the target resolution.
    QCPPainter painter(&image);
    painter.setMode(QCPPainter::pmNonCosmetic);
    painter.scale(double(image.width()) / options.logicalWidth(),
                  double(image.height()) / options.logicalHeight());
    plot->toPainter(&painter, options.logicalWidth(), options.logicalHeight());
  }
  const int dotsPerMetre = static_cast<int>(std::lround(options.dpi / 0.0254));
  image.setDotsPerMeterX(dotsPerMetre);
  image.setDotsPerMeterY(dotsPerMetre);
  return image;
}

QString plotDataCsv(QCustomPlot* plot) {
  if (const QVariant own = plot->property(kPlotDataCsvProperty); own.isValid())
    return own.toString();
  QString csv;
  QTextStream out(&csv);
  out << "series,key,value\n";
  for (int p = 0; p < plot->plottableCount(); ++p) {
    QCPAbstractPlottable* plottable = plot->plottable(p);
    QCPPlottableInterface1D* data = plottable->interface1D();
    if (!data || plottable->property(kNotPlotDataProperty).toBool()) continue;
    const QVariant own = plottable->property(kSeriesNameProperty);
    const QString series = own.isValid() ? own.toString() : plottable->name();
    const QString name = QString::fromStdString(escapeCsv(series.toStdString()));
    if (const auto* curve = qobject_cast<QCPCurve*>(plottable)) {
      writeCurveRows(out, name, *curve);
      continue;
    }
    for (int i = 0; i < data->dataCount(); ++i)
      out << name << ',' << QString::number(data->dataMainKey(i), 'g', 17) << ','
          << QString::number(data->dataMainValue(i), 'g', 17) << '\n';
  }
  return csv;
}

void writeFigure(QCustomPlot* plot, const QString& path, const FigureOptions& options) {
  switch (figureFormatForPath(path)) {
    case FigureFormat::Png: {
      QSaveFile file(path);
      const bool ok = file.open(QIODevice::WriteOnly) &&
                      renderPlotImage(plot, options).save(&file, "PNG") && file.commit();
      throwIfNotWritten(ok, path, QStringLiteral("cannot write the PNG"));
      break;
    }
    case FigureFormat::Svg: {
      const ExportLayout layout(plot, options);
      writeSvg(plot, path, options);
      break;
    }
    case FigureFormat::Pdf: {
      const ExportLayout layout(plot, options);
      writePdf(plot, path, options);
      break;
    }
  }
  throwIfNotWritten(QFileInfo(path).size() > 0, path, QStringLiteral("the figure is empty"));
}

void exportFigure(QCustomPlot* plot, const QString& path, const FigureOptions& options) {
  writeFigure(plot, path, options);
  writeTextFile(csvPathBeside(path), plotDataCsv(plot));
}

void copyPlotImage(QCustomPlot* plot, const FigureOptions& options) {
  QApplication::clipboard()->setImage(renderPlotImage(plot, options));
}

FigureOptions loadFigureOptions(QSettings& settings) {
  FigureOptions options;
  options.widthMm = settings.value("PlotExport/widthMm", options.widthMm).toDouble();
  options.heightMm = settings.value("PlotExport/heightMm", options.heightMm).toDouble();
  options.dpi = settings.value("PlotExport/dpi", options.dpi).toInt();
  options.fontPt = settings.value("PlotExport/fontPt", options.fontPt).toDouble();
  const int legend = settings.value("PlotExport/legend", 0).toInt();
  if (legend >= 0 && legend <= static_cast<int>(LegendPlacement::Off))
    options.legend = static_cast<LegendPlacement>(legend);
  options.title = settings.value("PlotExport/title", options.title).toBool();
  options.dark = settings.value("PlotExport/dark", options.dark).toBool();
  // Axis limits and log axes belong to one figure: not kept between exports.
  return options;
}

void saveFigureOptions(QSettings& settings, const FigureOptions& options) {
  settings.setValue("PlotExport/widthMm", options.widthMm);
  settings.setValue("PlotExport/heightMm", options.heightMm);
  settings.setValue("PlotExport/dpi", options.dpi);
  settings.setValue("PlotExport/fontPt", options.fontPt);
  settings.setValue("PlotExport/legend", static_cast<int>(options.legend));
  settings.setValue("PlotExport/title", options.title);
  settings.setValue("PlotExport/dark", options.dark);
}

QString suggestedFigurePath(QCustomPlot* plot, QSettings& settings, const QString& suffix) {
  // Without a title: the plot's kind (its object name) and, when short, its x label ("Raw").
  const QString xLabel = plot->xAxis ? plot->xAxis->label() : QString();
  QString title = plot->objectName() + (xLabel.size() <= 20 ? ' ' + xLabel : QString());
  for (int i = 0; i < plot->plotLayout()->elementCount(); ++i)
    if (auto* text = qobject_cast<QCPTextElement*>(plot->plotLayout()->elementAt(i))) {
      title = text->text();
      break;
    }
  QString stem;  // ASCII letters and digits, runs of anything else as one '-'
  for (const QChar c : title.toLower())
    stem += c.unicode() < 128 && c.isLetterOrNumber() ? c : QChar('-');
  stem = stem.split('-', Qt::SkipEmptyParts).join('-').left(60);
  if (stem.isEmpty()) stem = QStringLiteral("figure");
  const QString folder = settings.value("PlotExport/folder", QDir::homePath()).toString();
  return QDir(folder).filePath(stem + '.' + suffix);
}

namespace {

// The figure path from a save dialog; empty when cancelled or when the user declines to replace
// the data CSV beside it (the dialog itself asked about the figure). The dialog starts in the
// last export's folder and format, with a name from the plot's title.
QString askFigurePath(QCustomPlot* plot) {
  QSettings settings;
  const QString filters = QObject::tr("PDF (*.pdf);;SVG (*.svg);;PNG (*.png)");
  const QString lastSuffix = settings.value("PlotExport/suffix", "pdf").toString();
  QString filter = filters.split(";;").filter("*." + lastSuffix).value(0);
  QString path = QFileDialog::getSaveFileName(plot, QObject::tr("Export figure"),
                                              suggestedFigurePath(plot, settings, lastSuffix),
                                              filters, &filter);
  if (path.isEmpty()) return {};
  // The format follows the chosen filter when the name has no suffix.
  const bool suffixAdded = QFileInfo(path).suffix().isEmpty();
  if (suffixAdded)
    path += filter.contains("png") ? ".png" : filter.contains("svg") ? ".svg" : ".pdf";
  QStringList existing;
  // The dialog asked about the name typed; not about an added suffix or the CSV beside it.
  if (suffixAdded && QFileInfo::exists(path)) existing << QFileInfo(path).fileName();
  if (QFileInfo::exists(csvPathBeside(path))) existing << QFileInfo(csvPathBeside(path)).fileName();
  if (!existing.isEmpty() &&
      QMessageBox::question(plot, QObject::tr("Export figure"),
                            QObject::tr("%1 already exists. Replace it?")
                                .arg(existing.join(QObject::tr(" and ")))) != QMessageBox::Yes)
    return {};
  settings.setValue("PlotExport/folder", QFileInfo(path).absolutePath());
  settings.setValue("PlotExport/suffix", QFileInfo(path).suffix().toLower());
  return path;
}

void exportWithDialog(QCustomPlot* plot) {
  QSettings settings;
  FigureOptionsDialog dialog(loadFigureOptions(settings), plot);
  if (dialog.exec() != QDialog::Accepted) return;
  saveFigureOptions(settings, dialog.options());
  const QString path = askFigurePath(plot);
  if (path.isEmpty()) return;
  try {
    exportFigure(plot, path, dialog.options());
  } catch (const Error& error) {
    QMessageBox::warning(plot, QObject::tr("Export figure"), QString::fromUtf8(error.what()));
  }
}

}  // namespace

void installExportMenu(QCustomPlot* plot) {
  plot->setContextMenuPolicy(Qt::CustomContextMenu);
  QObject::connect(plot, &QWidget::customContextMenuRequested, plot, [plot](const QPoint& at) {
    QMenu menu(plot);
    QAction* exportAction = menu.addAction(QObject::tr("Export figure…"));
    QAction* copyAction = menu.addAction(QObject::tr("Copy image"));
    menu.addSeparator();
    QAction* resetAction = menu.addAction(QObject::tr("Reset zoom (double-click)"));
    QAction* logAction = menu.addAction(QObject::tr("Logarithmic y axis"));
    logAction->setCheckable(true);
    logAction->setChecked(plot->property(kScreenLogYProperty).toBool());
    QAction* chosen = menu.exec(plot->mapToGlobal(at));
    if (chosen == copyAction) {
      QSettings settings;
      copyPlotImage(plot, loadFigureOptions(settings));
    } else if (chosen == exportAction) {
      exportWithDialog(plot);
    } else if (chosen == resetAction) {
      resetPlotView(plot);
    } else if (chosen == logAction) {
      plot->setProperty(kScreenLogYProperty, logAction->isChecked());
      resetPlotView(plot);
    }
  });
}

}  // namespace glowscope
