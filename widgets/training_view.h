#pragma once
// Live view of one or more training runs: loss parts, train/test bits/dim, periodic AUROC per
// OOD set and throughput, per step or per epoch; NaN/skip events marked on the loss curve; a
// progress bar with ETA and pause / cancel / resume-from-checkpoint. It only displays what it is
// fed (updateRun) and asks for actions by signals: the controller owns the training threads.
#include <QHash>
#include <QSet>
#include <QWidget>
#include <memory>
#include <vector>

#include "core/training/progress.h"
#include "widgets/training_series.h"

class QCustomPlot;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTimer;

namespace glowscope {

class TrainingView : public QWidget {
  Q_OBJECT

 public:
  explicit TrainingView(QWidget* parent = nullptr);
  ~TrainingView() override;

  /// Adds a run (or resets an existing one's curves when `resetCurves`).
  void addRun(const QString& runId, const QString& title, bool resetCurves = false);
  void updateRun(const QString& runId, const TrainingProgress& progress);
  /// "running", "paused", "finished", "cancelled", "failed"; `message` goes to the status line.
  void setRunState(const QString& runId, const QString& state, const QString& message = {});
  void selectRun(const QString& runId);

  QString selectedRun() const { return selectedRun_; }
  QStringList runIds() const { return order_; }
  const TrainingSeries* series(const QString& runId) const;
  QProgressBar* progressBar() const { return progressBar_; }
  QString statusText() const;
  /// Plot x axis: per optimiser step (default) or per epoch (epoch means).
  void setEpochAxis(bool perEpoch);
  /// Shows a run's recorded history (the reports of its metrics file) in place of its curves.
  void showHistory(const QString& runId, const std::vector<TrainingProgress>& records);
  /// Takes a run out of the table and every plot (its files stay).
  void removeRun(const QString& runId);
  /// Marks a listed run as removed by the user (shown only while removed runs are shown): its
  /// row is greyed, its curves are left out of the comparison plots, and Restore brings it back.
  void setRunRemoved(const QString& runId, bool removed);
  bool isRunRemoved(const QString& runId) const { return removed_.contains(runId); }
  /// Whether the list also holds removed runs (the "Show removed runs" box): the controller
  /// lists them, greyed, when asked by showRemovedRunsChanged.
  void setShowRemovedRuns(bool show);
  bool showsRemovedRuns() const;
  /// Where runs are written (a project's runs/ folder or the workspace), shown above the table.
  void setRunsFolder(const QString& folder, bool isProject);
  /// The words the table shows for a state ("stopped (resumable)" for "cancelled").
  static QString stateText(const QString& state);
  /// TensorBoard-style smoothing of the training curves (loss parts, train bits/dim,
  /// throughput): core's exponentialMovingAverage with this weight in [0, 0.99]; 0 draws the
  /// raw values. The raw curve stays behind the smoothed one, faint. Kept when the run changes.
  void setSmoothing(double weight);
  double smoothing() const { return smoothing_; }
  /// Logarithmic y axes for the loss and bits/dim plots. Kept when the run changes.
  void setLogY(bool logarithmic);
  bool logY() const { return logY_; }
  QCustomPlot* lossPlot() const { return lossPlot_; }
  QCustomPlot* bitsPlot() const { return bitsPlot_; }
  QCustomPlot* aurocPlot() const { return aurocPlot_; }
  QCustomPlot* speedPlot() const { return speedPlot_; }

 Q_SIGNALS:
  void pauseRequested(const QString& runId, bool paused);
  void cancelRequested(const QString& runId);
  void resumeRequested(const QString& runId);
  /// A failed run: edit its configuration and train it again from step 0.
  void restartRequested(const QString& runId);
  /// Remove: the controller asks what to do (take it out of the list, or also delete its files).
  void removeRequested(const QString& runId);
  /// Restore: a removed run is listed again.
  void restoreRequested(const QString& runId);
  void showRemovedRunsChanged(bool show);

 private:
  void buildLayout();
  QWidget* buildControls();
  QWidget* buildPlotOptions();
  void refreshTableRow(const QString& runId);
  void refreshControls();
  void replotNow();
  void plotLossParts(const TrainingSeries& run);
  void plotComparison();
  QColor runColour(int index) const;
  void addCurve(QCustomPlot* plot, const CurvePoints& points, const QString& name, QPen pen,
                bool smoothed);
  void fitAxes(QCustomPlot* plot, bool isAuroc);
  /// Hides a plot's axes behind a message while it has no points (no fake 0..5 axes).
  void showEmptyState(QCustomPlot* plot);
  bool anyRunCompared() const;
  /// The run in table row `row` is drawn in the comparison plots: checked and not removed.
  bool isCompared(int row) const;

  QHash<QString, std::shared_ptr<TrainingSeries>> runs_;
  QStringList order_;
  QSet<QString> removed_;
  QString selectedRun_;
  bool perEpoch_ = false;
  bool replotPending_ = false;
  double smoothing_ = 0;
  bool logY_ = false;
  bool runChanged_ = true;  ///< the next redraw shows the whole curves, not the user's zoom

  QTableWidget* table_ = nullptr;
  QCustomPlot* lossPlot_ = nullptr;
  QCustomPlot* bitsPlot_ = nullptr;
  QCustomPlot* aurocPlot_ = nullptr;
  QCustomPlot* speedPlot_ = nullptr;
  QComboBox* axisCombo_ = nullptr;
  QDoubleSpinBox* smoothingBox_ = nullptr;
  QCheckBox* logYBox_ = nullptr;
  QProgressBar* progressBar_ = nullptr;
  QLabel* etaLabel_ = nullptr;
  QLabel* eventsLabel_ = nullptr;
  QLabel* statusLabel_ = nullptr;
  QPushButton* pauseButton_ = nullptr;
  QPushButton* cancelButton_ = nullptr;
  QPushButton* resumeButton_ = nullptr;
  QPushButton* restartButton_ = nullptr;
  QPushButton* removeButton_ = nullptr;
  QPushButton* restoreButton_ = nullptr;
  QCheckBox* showRemovedBox_ = nullptr;
  QLabel* folderLabel_ = nullptr;
  QTimer* replotTimer_ = nullptr;
};

}  // namespace glowscope
