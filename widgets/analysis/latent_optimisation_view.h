#pragma once
// Fig. 3B, animated: keep z_L (the latents counted as high level) of images a and b fixed and
// maximise log p over the other latents on a worker thread. The images and a log p trace grow
// live; Pause/Stop; afterwards a slider (and Play) scrubs through the stored snapshots. The
// computation is core's optimiseWithFixedTopLatents through core/analysis/latent_analyses.h.
#include <QStringList>
#include <QWidget>
#include <atomic>
#include <memory>
#include <vector>

#include "core/data/image_set.h"
#include "widgets/base/background_task.h"
#include "widgets/views/plot_export.h"

class QComboBox;
class QCPItemStraightLine;
class QCustomPlot;
class QDoubleSpinBox;
class QLabel;
class QLayout;
class QProgressBar;
class QPushButton;
class QSlider;
class QSpinBox;
class QTimer;

namespace glowscope::analysis {
class ModelHandle;
struct FixedLatentOptimisationOptions;
struct FixedLatentOptimisationUpdate;
}  // namespace glowscope::analysis

namespace glowscope {

class ImageCell;

/// What one run delivered, as it arrived (a stopped run keeps its part).
struct OptimisationRecord {
  QStringList imageNames;                  ///< one per optimised image (legend, captions)
  std::vector<int> snapshotSteps;          ///< steps of the stored snapshots, increasing
  std::vector<ImageSet> snapshots;         ///< all images after snapshotSteps[i] updates
  std::vector<std::vector<double>> trace;  ///< [step][image]: log p (nats), steps 0, 1, ...
  std::int64_t dimsPerImage = 0;           ///< C·H·W of the model, for bits/dim
};

class LatentOptimisationView : public QWidget {
  Q_OBJECT
 public:
  explicit LatentOptimisationView(QWidget* parent = nullptr);
  ~LatentOptimisationView() override;

  /// The model, the images to optimise (one image each, any size) with their names, and how many
  /// of the last latents stay fixed. A null model or no images disables Run; a running
  /// optimisation keeps the inputs it started with.
  void setInputs(std::shared_ptr<analysis::ModelHandle> model, std::vector<ImageSet> images,
                 QStringList names, int fixedLatents);

  void start();
  /// Pauses or resumes a running optimisation (it waits at its next update while paused).
  void setPaused(bool paused);
  /// Cancels the run at its next step; what arrived stays for scrubbing.
  void stop();
  bool isRunning() const { return task_.isRunning(); }
  bool isPaused() const;

  const OptimisationRecord& record() const { return record_; }
  /// Points of image `image`'s trace in the plot (steps received so far).
  int plottedPoints(int image) const;
  /// Shows stored snapshot `index` (what the slider does).
  void showSnapshot(int index);
  int shownSnapshot() const;
  /// Replays the stored snapshots from the first (or from the shown one) with a timer.
  void play();
  bool isPlaying() const;

  /// The trace plot as a figure (PNG/SVG/PDF by suffix) with its CSV beside; throws FileError.
  void exportTracePlot(const QString& path, const FigureOptions& options);
  /// A PNG of up to `columns` evenly spaced snapshots per image (first and last included) with
  /// log p under each, and their values as CSV beside; throws FileError.
  void exportSnapshotStrip(const QString& pngPath, int columns = 8);

  QSpinBox* stepsBox() const { return steps_; }
  QDoubleSpinBox* learningRateBox() const { return learningRate_; }
  QComboBox* optimiserBox() const { return optimiser_; }
  QSpinBox* updateEveryBox() const { return updateEvery_; }
  QCustomPlot* plot() const { return plot_; }
  QSlider* slider() const { return slider_; }
  QLabel* statusLabel() const { return status_; }
  /// The cells showing the current snapshot, one per image.
  const std::vector<ImageCell*>& cells() const { return cells_; }

 Q_SIGNALS:
  /// A run ended: completed, stopped (completed false, no error) or failed (error set).
  void finished(bool completed, const QString& error);

 private:
  void buildControls();
  QLayout* buildSettingsRow();
  QWidget* buildPlot();
  QLayout* buildScrubRow();
  void connectSignals();
  void startWorker(std::shared_ptr<analysis::ModelHandle> model, std::vector<ImageSet> images);
  // How a run on the worker ended: it completed unless cancelled or failed (`error`).
  struct OptimisationOutcome {
    bool cancelled = false;
    QString error;
  };
  OptimisationOutcome optimise(analysis::ModelHandle& model, const std::vector<ImageSet>& images,
                               const analysis::FixedLatentOptimisationOptions& options,
                               const BackgroundRun& run, const std::atomic<bool>& paused);
  void receive(const analysis::FixedLatentOptimisationUpdate& update);
  void finish(bool completed, const QString& error);
  void showProgress(double fraction, const QString& stage);
  void resetRecord();
  void refresh();
  void replotRescaled();
  void updateButtons();
  void exportPlotInteractively();
  void saveStripInteractively();

  std::shared_ptr<analysis::ModelHandle> model_;
  std::vector<ImageSet> images_;
  QStringList names_;
  int fixedLatents_ = 1;
  OptimisationRecord record_;
  int shown_ = -1;
  bool follow_ = true;  ///< show each new snapshot as it arrives (while running)

  std::shared_ptr<std::atomic<bool>> paused_ = std::make_shared<std::atomic<bool>>(false);

  PlotStyle style_;
  QSpinBox* steps_;
  QDoubleSpinBox* learningRate_;
  QComboBox* optimiser_;
  QSpinBox* updateEvery_;
  QPushButton* run_;
  QPushButton* pause_;
  QPushButton* stop_;
  QPushButton* play_;
  QPushButton* exportPlot_;
  QPushButton* saveStrip_;
  QProgressBar* progress_;
  QLabel* status_;
  QSlider* slider_;
  QLabel* stepLabel_;
  QCustomPlot* plot_;
  QCPItemStraightLine* marker_;
  std::vector<ImageCell*> cells_;
  QTimer* refreshTimer_;
  QTimer* playTimer_;
  // Last: its run is stopped before the widgets it reports to go.
  BackgroundTask<OptimisationOutcome> task_{
      this,
      [this](OptimisationOutcome outcome) {
        finish(!outcome.cancelled && outcome.error.isEmpty(), outcome.error);
      },
      [this](double fraction, const QString& stage) { showProgress(fraction, stage); }};
};

}  // namespace glowscope
