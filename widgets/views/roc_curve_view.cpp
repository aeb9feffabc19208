#include "widgets/views/roc_curve_view.h"

#include <QVBoxLayout>

#include "core/metrics/ood_metrics.h"
#include "widgets/qcustomplot_include.h"
#include "widgets/views/empty_plot.h"
#include "widgets/views/plot_interaction.h"

namespace glowscope {

RocCurveView::RocCurveView(QWidget* parent) : QWidget(parent), plot_(new QCustomPlot) {
  plot_->setObjectName("roc");  // the export's suggested file name
  plot_->setMinimumSize(320, 240);
  plot_->legend->setVisible(true);
  // Curves of good scores hug the top left; the legend goes where they rarely are.
  plot_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
  plot_->xAxis->setLabel(tr("false positive rate (OOD accepted)"));
  plot_->yAxis->setLabel(tr("true positive rate (in-distribution accepted)"));
  installPlotInteractions(plot_);
  setPlotEmptyMessage(plot_, tr("No scores yet — File ▸ Open Results Folder…"));
  style_ = PlotStyle::fromDefaultSettings();
  style_.applyTo(plot_);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(plot_);
}

void RocCurveView::setSamples(const QString& scoreName, const std::vector<ScoreSample>& samples) {
  plot_->clearPlottables();
  plot_->setWindowTitle(scoreName);
  QCPGraph* chance = plot_->addGraph();
  chance->setName(tr("chance"));
  chance->setPen(QPen(Qt::gray, 1, Qt::DashLine));
  chance->setData({0.0, 1.0}, {0.0, 1.0});
  for (std::size_t s = 1; s < samples.size(); ++s) {
    if (samples[0].values.empty() || samples[s].values.empty()) continue;
    const std::vector<RocPoint> points = rocCurve(samples[0].values, samples[s].values);
    auto* curve = new QCPCurve(plot_->xAxis, plot_->yAxis);
    curve->setName(
        tr("%1 (AUROC %L2%)").arg(samples[s].setName).arg(areaUnderCurve(points) * 100, 0, 'f', 1));
    // The histogram's colours: index 0 (black) is the in-distribution set.
    curve->setPen(QPen(style_.color(static_cast<int>(s)), style_.lineWidthPt * 96.0 / 72.0));
    QVector<double> t, x, y;
    for (std::size_t k = 0; k < points.size(); ++k) {
      t << static_cast<double>(k);
      x << points[k].falsePositiveRate;
      y << points[k].truePositiveRate;
    }
    curve->setData(t, x, y, true);
  }
  plot_->xAxis->setRange(0, 1);
  plot_->yAxis->setRange(0, 1);
  // A curve needs the in-distribution set and at least one OOD set.
  setPlotEmptyMessage(
      plot_, samples.size() < 2 ? tr("No scores yet — File ▸ Open Results Folder…") : QString());
  plotDataChanged(plot_);
}

}  // namespace glowscope
