#include "widgets/views/roc_curve_view.h"

#include <QVBoxLayout>
#include <algorithm>
#include <functional>
#include <limits>

#include "core/metrics/ood_metrics.h"
#include "core/util/errors.h"
#include "widgets/qcustomplot_include.h"

namespace glowscope {

std::vector<RocPoint> rocCurve(std::span<const double> inDistributionScores,
                               std::span<const double> outOfDistributionScores) {
  if (inDistributionScores.empty() || outOfDistributionScores.empty())
    throw ConfigError("ROC curve", "needs in-distribution and OOD scores");
  OrientedScores scores = orientScores(inDistributionScores, outOfDistributionScores);
  std::sort(scores.inDistribution.begin(), scores.inDistribution.end(), std::greater<>());
  std::sort(scores.outOfDistribution.begin(), scores.outOfDistribution.end(), std::greater<>());
  const auto& in = scores.inDistribution;
  const auto& ood = scores.outOfDistribution;
  std::vector<RocPoint> points{{0, 0}};
  std::size_t i = 0, o = 0;
  // Walk the thresholds from the highest score down, taking every score equal to it at once.
  while (i < in.size() || o < ood.size()) {
    double threshold = -std::numeric_limits<double>::infinity();
    if (i < in.size()) threshold = in[i];
    if (o < ood.size()) threshold = std::max(threshold, ood[o]);
    while (i < in.size() && in[i] == threshold) ++i;
    while (o < ood.size() && ood[o] == threshold) ++o;
    points.push_back({static_cast<double>(o) / static_cast<double>(ood.size()),
                      static_cast<double>(i) / static_cast<double>(in.size())});
  }
  return points;
}

double areaUnderCurve(const std::vector<RocPoint>& points) {
  double area = 0;
  for (std::size_t k = 1; k < points.size(); ++k)
    area += (points[k].falsePositiveRate - points[k - 1].falsePositiveRate) *
            (points[k].truePositiveRate + points[k - 1].truePositiveRate) / 2;
  return area;
}

RocCurveView::RocCurveView(QWidget* parent) : QWidget(parent), plot_(new QCustomPlot) {
  plot_->setMinimumSize(320, 240);
  plot_->legend->setVisible(true);
  // Curves of good scores hug the top left; the legend goes where they rarely are.
  plot_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
  plot_->xAxis->setLabel(tr("false positive rate (OOD accepted)"));
  plot_->yAxis->setLabel(tr("true positive rate (in-distribution accepted)"));
  installExportMenu(plot_);
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
        tr("%1 (AUROC %2%)").arg(samples[s].setName).arg(areaUnderCurve(points) * 100, 0, 'f', 1));
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
  plot_->replot();
}

}  // namespace glowscope
