#pragma once
// Fig. 1A/B of the paper: histograms of the local pixel difference d (value minus the mean of its
// 3x3 neighbourhood) of several sets overlaid, and per image the pseudo-log-likelihood under the
// difference histogram of a "prior" set against the Glow log p, with Spearman's rho per set.
#include <QString>
#include <QStringList>
#include <QWidget>
#include <atomic>
#include <limits>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "core/analysis/pixel_prior.h"
#include "widgets/analysis/analysis_inputs.h"
#include "widgets/base/background_task.h"
#include "widgets/views/plot_export.h"
#include "widgets/views/score_scatter_view.h"

class QCheckBox;
class QComboBox;
class QCPTextElement;
class QCustomPlot;
class QDoubleSpinBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace glowscope {

class ImageSetCache;
class ModelPicker;

/// Everything one run computes, per set in the order of `setNames`.
struct PixelPriorResult {
  QString priorSetName;
  QString modelLabel;  ///< the model of logLikelihoodNats; empty without one
  /// Fitted on the prior set; its range gives every set's bins.
  std::optional<analysis::PixelDifferenceHistogram> prior;
  QStringList setNames;
  std::vector<analysis::PixelDifferenceHistogram> histograms;  ///< each set, prior's bins
  std::vector<std::vector<double>> pseudoLogLikelihoodNats;    ///< [set][image]
  std::vector<std::vector<double>> logLikelihoodNats;          ///< [set][image]; empty: no model
  std::vector<double> spearman;  ///< [set]: rho(pseudo, log p); NaN without a model
  bool cancelled = false;
  QString error;
};

/// What a run uses; `sets` are names of the image set cache.
struct PixelPriorSettings {
  QStringList sets;
  QString priorSet;
  int imagesPerSet = 1000;
  analysis::PixelDifferenceOptions differences;
  analysis::HistogramOptions histogram;
};

class PixelPriorView : public QWidget {
  Q_OBJECT
 public:
  /// `cache` null = ImageSetCache::shared(). The model comes from `shared.model` (the Analysis
  /// page's picker) where given; the view makes and shows its own otherwise.
  explicit PixelPriorView(ImageSetCache* cache = nullptr, const AnalysisInputs& shared = {},
                          QWidget* parent = nullptr);
  ~PixelPriorView() override;  ///< cancels a run and waits for it

  /// The models to choose from: (label, path of a model.glow); the first one is loaded.
  void setModels(const std::vector<std::pair<QString, QString>>& labelAndPath);
  /// The sets offered (checkable list and prior box); the first two are checked.
  void setSetNames(const QStringList& names);
  ModelPicker* modelPicker() const { return modelPicker_; }

  /// Fills the controls (sets checked, prior set, images per set, options).
  void setSettings(const PixelPriorSettings& settings);
  PixelPriorSettings settings() const;
  void setLogDensityAxis(bool logarithmic);

  /// Loads the checked sets if needed, then computes on a worker; emits finished.
  void run();
  void cancel();
  bool isRunning() const { return task_.isBusy(); }
  const PixelPriorResult& result() const { return result_; }
  QString status() const;

  /// The plots as drawn: (histogram) x = bin centre, y = density; (scatter) x = pseudo-log-
  /// likelihood, y = log p, one series per set with the legend text as its name.
  std::vector<ScatterSeries> histogramPlotSeries() const;
  std::vector<ScatterSeries> scatterPlotSeries() const;
  QCustomPlot* histogramPlot() const { return histogramPlot_; }
  QCustomPlot* scatterPlot() const { return scatterPlot_; }

 Q_SIGNALS:
  void finished();

 private:
  QWidget* buildControls();
  void buildPlots();
  void startWhenLoaded();
  void startWorker();
  void finish(PixelPriorResult result);
  void showProgress(double fraction, const QString& stage);
  void setRunning(bool running);
  void drawHistograms();
  void drawScatter();

  ImageSetCache* cache_;
  ModelPicker* modelPicker_;
  PlotStyle style_;
  QListWidget* sets_;
  QComboBox* priorSet_;
  QSpinBox* imagesPerSet_;
  QSpinBox* bins_;
  QComboBox* neighbourhood_;
  QComboBox* border_;
  QDoubleSpinBox* pseudoCount_;
  QCheckBox* logDensity_;
  QPushButton* run_;
  QPushButton* cancel_;
  QProgressBar* progress_;
  QLabel* status_;
  QCustomPlot* histogramPlot_;
  QCPTextElement* histogramTitle_;
  QCustomPlot* scatterPlot_;
  QCPTextElement* scatterTitle_;

  PixelPriorSettings pending_;
  PixelPriorResult result_;
  // Last: destroyed (run cancelled and waited for) first.
  BackgroundTask<PixelPriorResult> task_{
      this, [this](PixelPriorResult result) { finish(std::move(result)); },
      [this](double fraction, const QString& stage) { showProgress(fraction, stage); }};
};

}  // namespace glowscope
