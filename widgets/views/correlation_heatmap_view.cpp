#include "widgets/views/correlation_heatmap_view.h"

#include <QLocale>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <limits>

#include "core/metrics/results_table.h"
#include "core/util/errors.h"
#include "widgets/qcustomplot_include.h"
#include "widgets/views/empty_plot.h"
#include "widgets/views/plot_interaction.h"

namespace glowscope {
namespace {

// Diverging and colour-blind safe: Okabe-Ito blue (-1), white (0), vermillion (+1).
QCPColorGradient divergingGradient() {
  QCPColorGradient gradient;
  gradient.clearColorStops();
  gradient.setColorStopAt(0.0, QColor(0, 114, 178));
  gradient.setColorStopAt(0.5, QColor(255, 255, 255));
  gradient.setColorStopAt(1.0, QColor(213, 94, 0));
  gradient.setNanHandling(QCPColorGradient::nhNanColor);
  gradient.setNanColor(QColor(190, 190, 190));
  return gradient;
}

QSharedPointer<QCPAxisTickerText> labelTicker(const std::vector<std::string>& labels) {
  auto ticker = QSharedPointer<QCPAxisTickerText>::create();
  for (std::size_t i = 0; i < labels.size(); ++i)
    ticker->addTick(static_cast<double>(i), QString::fromStdString(labels[i]));
  return ticker;
}

}  // namespace

CorrelationHeatmapView::CorrelationHeatmapView(QWidget* parent)
    : QWidget(parent), plot_(new QCustomPlot), map_(nullptr) {
  plot_->setObjectName("correlations");  // the export's suggested file name
  plot_->setMinimumSize(320, 240);
  map_ = new QCPColorMap(plot_->xAxis, plot_->yAxis);
  map_->setGradient(divergingGradient());
  map_->setDataRange(QCPRange(-1, 1));
  map_->setInterpolate(false);
  auto* scale = new QCPColorScale(plot_);
  plot_->plotLayout()->addElement(0, 1, scale);
  scale->setGradient(divergingGradient());
  scale->setDataRange(QCPRange(-1, 1));
  map_->setColorScale(scale);
  map_->setName(tr("correlation"));
  plot_->yAxis->setRangeReversed(true);  // row 0 at the top, like a table
  plot_->xAxis->setTickLabelRotation(45);
  installPlotInteractions(plot_);
  setPlotEmptyMessage(plot_, tr("No scores yet — File ▸ Open Results Folder…"));
  const PlotStyle style = PlotStyle::fromDefaultSettings();
  style.applyTo(plot_);
  // A point smaller than the tick labels, so that "-0.42" fits a cell of a large matrix.
  cellFont_ = QFont(style.fontFamily);
  cellFont_.setPointSizeF(std::max(5.0, style.tickPointSize - 1));
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(plot_);
}

void CorrelationHeatmapView::setMatrix(const std::vector<std::string>& labels,
                                       const std::vector<std::vector<double>>& values,
                                       const QString& title) {
  const std::size_t n = labels.size();
  if (values.size() != n) throw ConfigError("correlation matrix", "need one row per label");
  for (const auto& row : values)
    if (row.size() != n) throw ConfigError("correlation matrix", "need one column per label");
  labels_ = labels;
  values_ = values;
  plot_->setProperty(kPlotDataCsvProperty, matrixCsv());
  const int size = static_cast<int>(n);
  map_->data()->setSize(size, size);
  map_->data()->setRange(QCPRange(0, std::max(0, size - 1)), QCPRange(0, std::max(0, size - 1)));
  plot_->clearItems();
  for (int row = 0; row < size; ++row)
    for (int column = 0; column < size; ++column) {
      map_->data()->setCell(column, row, cellValue(row, column));
      auto* text = new QCPItemText(plot_);
      text->position->setCoords(column, row);
      text->setText(cellText(row, column));
      text->setFont(cellFont_);
    }
  plot_->xAxis->setTicker(labelTicker(labels));
  plot_->yAxis->setTicker(labelTicker(labels));
  plot_->xAxis->setRange(-0.5, size - 0.5);
  plot_->yAxis->setRange(-0.5, size - 0.5);
  plot_->xAxis->setLabel(title);
  setPlotEmptyMessage(
      plot_, labels.empty() ? tr("No scores yet — File ▸ Open Results Folder…") : QString());
  plotDataChanged(plot_);
}

double CorrelationHeatmapView::cellValue(int row, int column) const {
  if (row < 0 || column < 0 || row >= static_cast<int>(values_.size()) ||
      column >= static_cast<int>(values_.size()))
    return std::numeric_limits<double>::quiet_NaN();
  return values_[static_cast<std::size_t>(row)][static_cast<std::size_t>(column)];
}

QString CorrelationHeatmapView::cellText(int row, int column) const {
  const double value = cellValue(row, column);
  if (std::isnan(value)) return tr("n/a");
  return QLocale().toString(std::abs(value) < 0.005 ? 0.0 : value, 'f', 2);  // no "-0.00"
}

QString CorrelationHeatmapView::matrixCsv() const {
  QString csv = QStringLiteral("score");
  for (const std::string& label : labels_) csv += ',' + QString::fromStdString(escapeCsv(label));
  csv += '\n';
  for (std::size_t row = 0; row < labels_.size(); ++row) {
    csv += QString::fromStdString(escapeCsv(labels_[row]));
    for (double value : values_[row])
      csv += ',' + (std::isnan(value) ? QStringLiteral("nan") : QString::number(value, 'g', 17));
    csv += '\n';
  }
  return csv;
}

}  // namespace glowscope
