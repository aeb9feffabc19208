#pragma once
// The curves of one training run, accumulated from TrainingProgress reports. Plain data (no
// widgets) so that the view can redraw from it and tests can inspect it.
#include <QString>
#include <QVector>
#include <map>
#include <vector>

#include "core/metrics/statistics.h"
#include "core/training/progress.h"

namespace glowscope {

struct CurvePoints {
  QVector<double> x, y;
  void add(double xValue, double yValue);  ///< skips non-finite y
  int size() const { return static_cast<int>(x.size()); }
};

/// Epoch means of a per-step quantity (core's KeyedMeans) as curve points.
class EpochMeans {
 public:
  void add(int64_t epoch, double value) { means_.add(epoch, value); }  ///< skips non-finite
  CurvePoints points() const;                                          ///< x = epoch (1-based)

 private:
  KeyedMeans means_;
};

struct TrainingSeries {
  QString title;
  QString state = "waiting";  ///< "running", "paused", "finished", "cancelled", "failed"
  TrainingProgress last;
  // Per step.
  CurvePoints loss, likelihood, outlier, margin, supervised, trainBitsPerDim, imagesPerSecond;
  CurvePoints testBitsPerDim;                 ///< at evaluations
  std::map<QString, CurvePoints> aurocByOod;  ///< at evaluations
  // Per epoch.
  EpochMeans lossByEpoch, trainBitsPerDimByEpoch;
  std::map<int64_t, double> testBitsPerDimByEpoch;  ///< last evaluation of each epoch
  // NaN guard events.
  CurvePoints eventMarks;  ///< at (step, loss near that step)
  QVector<QString> eventDetails;
  int64_t lastRecordedStep = 0;

  /// Adds one report. Reports may repeat a step (evaluation after training); that is fine. A
  /// `started` report at step s (a resume) drops what came after s and redraws from the rest,
  /// as the metrics file's reader does (core/training/run_metrics.h).
  void add(const TrainingProgress& progress);
  int eventCount() const { return static_cast<int>(eventDetails.size()); }

 private:
  void accumulate(const TrainingProgress& progress);
  void restartAt(int64_t step);
  std::vector<TrainingProgress> history_;  ///< every report, for the redraw after a restart
};

QString formatDuration(double seconds);  ///< "1 h 02 min", "3 min 05 s", "12 s", "–" for NaN

}  // namespace glowscope
