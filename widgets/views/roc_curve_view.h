#pragma once
// ROC curves of one score: one curve per OOD set against the in-distribution set, the paper's
// convention (in-distribution = positive, higher score = more in-distribution), AUROC in the
// legend. The points and their area are core's (core/metrics/ood_metrics.h rocCurve).
#include <QString>
#include <QWidget>
#include <vector>

#include "widgets/views/plot_export.h"
#include "widgets/views/score_histogram_view.h"

class QCustomPlot;

namespace glowscope {

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
