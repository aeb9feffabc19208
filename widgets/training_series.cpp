#include "widgets/training_series.h"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace glowscope {

void CurvePoints::add(double xValue, double yValue) {
  if (!std::isfinite(yValue)) return;
  x.push_back(xValue);
  y.push_back(yValue);
}

CurvePoints EpochMeans::points() const {
  CurvePoints points;
  for (const auto& [epoch, mean] : means_.means()) points.add(static_cast<double>(epoch + 1), mean);
  return points;
}

void TrainingSeries::add(const TrainingProgress& progress) {
  if (progress.started) restartAt(progress.step);
  history_.push_back(progress);
  accumulate(progress);
}

void TrainingSeries::restartAt(int64_t step) {
  const bool dropsSomething =
      std::any_of(history_.begin(), history_.end(), [step](const TrainingProgress& report) {
        return step <= 0 || report.step > step;
      });
  if (!dropsSomething) return;
  std::vector<TrainingProgress> kept;
  if (step > 0)
    std::copy_if(history_.begin(), history_.end(), std::back_inserter(kept),
                 [step](const TrainingProgress& report) { return report.step <= step; });
  TrainingSeries fresh;
  fresh.title = title;
  *this = std::move(fresh);
  for (const TrainingProgress& report : kept) add(report);
}

void TrainingSeries::accumulate(const TrainingProgress& progress) {
  const auto step = static_cast<double>(progress.step);
  // Paused/final reports repeat the last step; each step's losses are plotted once.
  if (progress.step > lastRecordedStep && !progress.paused) {
    lastRecordedStep = progress.step;
    loss.add(step, progress.loss);
    likelihood.add(step, progress.likelihoodLoss);
    outlier.add(step, progress.outlierLoss);
    margin.add(step, progress.marginLoss);
    supervised.add(step, progress.supervisedLoss);
    trainBitsPerDim.add(step, progress.trainBitsPerDim);
    if (progress.imagesPerSecond > 0) imagesPerSecond.add(step, progress.imagesPerSecond);
    lossByEpoch.add(progress.epoch, progress.loss);
    trainBitsPerDimByEpoch.add(progress.epoch, progress.trainBitsPerDim);
  }
  if (progress.evaluated) {
    testBitsPerDim.add(step, progress.testBitsPerDim);
    if (std::isfinite(progress.testBitsPerDim))
      testBitsPerDimByEpoch[progress.epoch] = progress.testBitsPerDim;
    for (const auto& [name, auroc] : progress.aurocByOodSet)
      aurocByOod[QString::fromStdString(name)].add(step, auroc);
  }
  for (const NanEvent& event : progress.newEvents) {
    const double markY = loss.size() > 0 ? loss.y.back() : 0.0;
    eventMarks.add(static_cast<double>(event.step), markY);
    eventDetails.push_back(QString("%1 @ %2: %3")
                               .arg(QString::fromStdString(nanEventKindName(event.kind)))
                               .arg(event.step)
                               .arg(QString::fromStdString(event.detail)));
  }
  TrainingProgress kept = progress;
  kept.newEvents.clear();
  // Paused and final reports carry no step losses: the table keeps showing the last ones.
  if (std::isnan(progress.loss)) kept.loss = last.loss;
  if (std::isnan(progress.trainBitsPerDim)) kept.trainBitsPerDim = last.trainBitsPerDim;
  if (!(progress.imagesPerSecond > 0)) kept.imagesPerSecond = last.imagesPerSecond;
  if (!progress.evaluated && !std::isnan(last.testBitsPerDim) &&
      std::isnan(progress.testBitsPerDim))
    kept.testBitsPerDim = last.testBitsPerDim;
  last = kept;
  if (progress.failed)
    state = "failed";
  else if (progress.finished)
    state = "finished";
  else if (progress.cancelled)
    state = "cancelled";
  else if (progress.paused)
    state = "paused";
  else
    state = "running";
}

QString formatDuration(double seconds) {
  if (!std::isfinite(seconds) || seconds < 0) return QString::fromUtf8("–");
  const auto total = static_cast<long long>(std::llround(seconds));
  const long long hours = total / 3600, minutes = (total % 3600) / 60, secs = total % 60;
  if (hours > 0) return QString("%1 h %2 min").arg(hours).arg(minutes, 2, 10, QChar('0'));
  if (minutes > 0) return QString("%1 min %2 s").arg(minutes).arg(secs, 2, 10, QChar('0'));
  return QString("%1 s").arg(secs);
}

}  // namespace glowscope
