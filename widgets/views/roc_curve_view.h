#pragma once
// ROC curves of one score: one curve per OOD set against the in-distribution set, the paper's
// convention (in-distribution = positive, higher score = more in-distribution), AUROC in the
// legend.
#include <QString>
#include <QWidget>
#include <span>
#include <vector>

#include "widgets/views/plot_export.h"
#include "widgets/views/score_histogram_view.h"

class QCustomPlot;

namespace glowscope {

struct RocPoint {
  double falsePositiveRate = 0;  ///< fraction of OOD images at or above the threshold
  double truePositiveRate = 0;   ///< fraction of in-distribution images at or above it
};

/// One point per distinct threshold (highest first) between (0, 0) and (1, 1); non-finite scores
/// are replaced as core's metrics do (orientScores). The trapezoid area under the points equals
/// core's auroc (ties count 1/2). Throws ConfigError when a sample is empty.
std::vector<RocPoint> rocCurve(std::span<const double> inDistributionScores,
                               std::span<const double> outOfDistributionScores);
/// Trapezoid area under the points.
double areaUnderCurve(const std::vector<RocPoint>& points);

class RocCurveView : public QWidget {
  Q_OBJECT
 public:
  explicit RocCurveView(QWidget* parent = nullptr);
  /// Sample 0 is the in-distribution set (images are not used).
  void setSamples(const QString& scoreName, const std::vector<ScoreSample>& samples);
  QCustomPlot* plot() const { return plot_; }

 private:
  PlotStyle style_;
  QCustomPlot* plot_;
};

}  // namespace glowscope
