#pragma once
// Supp. S3 of the paper: an image with the Fourier amplitudes of one image and the phases of
// another, scored by a Glow model. "Single pair" shows a, b, both mixes, their log-amplitude
// spectra and log p; "Batch" mixes image i of set A with image i of set B and plots log p(mix)
// against log p of the amplitude source and of the phase source, with Spearman's rho of each.
#include <QImage>
#include <QString>
#include <QStringList>
#include <QWidget>
#include <atomic>
#include <memory>
#include <utility>
#include <vector>

#include "core/analysis/fourier_mixing.h"
#include "core/data/image_set.h"
#include "widgets/analysis/analysis_inputs.h"
#include "widgets/base/background_task.h"
#include "widgets/views/plot_export.h"
#include "widgets/views/score_scatter_view.h"

class QComboBox;
class QCPTextElement;
class QCustomPlot;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace glowscope {

class ImagePicker;
class ImageSetCache;
class ModelPicker;

namespace analysis {
class ModelHandle;
}

/// The four images of one pair, in this order: a, b, mix(amplitude a, phase b),
/// mix(amplitude b, phase a), at the model's shape (at a's shape without a model).
struct FourierPairResult {
  ImageSet images;
  /// Per image: log(1 + |DFT|), mean over channels, zero frequency in the centre (fftshift);
  /// row-major height x width.
  std::vector<std::vector<double>> logAmplitudeSpectra;
  std::vector<double> logLikelihoodNats;  ///< 4 values; empty without a model
  std::vector<double> bitsPerDim;         ///< 4 values; empty without a model
  double clippedFractionAB = 0;           ///< of mix(amplitude a, phase b) before rounding
  double clippedFractionBA = 0;
  QString error;
};

/// The batch: mixes = amplitudes of A[i], phases of B[i] for i < count.
struct FourierBatchResult {
  QString amplitudeSetName, phaseSetName;
  analysis::FourierLikelihoodResult scores;  ///< log p of sources and mixes, Spearman, clipping
  bool cancelled = false;
  QString error;
  std::size_t count() const { return scores.mixedLogLikelihoodNats.size(); }
};

class FourierMixingView : public QWidget {
  Q_OBJECT
 public:
  /// `cache` null = ImageSetCache::shared(). The model and images come from `shared` (the
  /// Analysis page's pickers) where given; the view makes and shows its own otherwise.
  explicit FourierMixingView(ImageSetCache* cache = nullptr, const AnalysisInputs& shared = {},
                             QWidget* parent = nullptr);
  ~FourierMixingView() override;  ///< cancels the batch and waits for the workers

  /// The models to choose from: (label, path of a model.glow); the first one is loaded.
  void setModels(const std::vector<std::pair<QString, QString>>& labelAndPath);
  /// The sets offered by the batch boxes and by the image pickers unless they are shared (their
  /// owner sets those); set B starts on the second name.
  void setSetNames(const QStringList& names);
  void setQuantisation(analysis::MixQuantisation quantisation);
  analysis::MixQuantisation quantisation() const;

  ModelPicker* modelPicker() const { return modelPicker_; }
  ImagePicker* pickerA() const { return pickerA_; }
  ImagePicker* pickerB() const { return pickerB_; }

  // ---- single pair (recomputed whenever an image, the model or the quantisation changes)
  void computePair();
  bool isComputingPair() const { return pairTask_.isRunning(); }
  const FourierPairResult& pairResult() const { return pair_; }
  /// The text shown under image i (0..3): log p in nats and bits/dim, or why there is none.
  QString scoreText(int image) const;
  QString clippedText() const;
  /// The images row as one picture: titles, the four images and their spectra at
  /// `tilePixels`² (nearest neighbour), log p under each.
  QImage pairFigure(int tilePixels = 160) const;
  /// Writes pairFigure(tilePixels) as PNG. Throws FileError.
  void exportPairFigure(const QString& pngPath, int tilePixels = 160) const;

  // ---- batch
  void setBatch(const QString& amplitudeSet, const QString& phaseSet, int pairs);
  /// Loads the sets if needed, then mixes and scores on a worker; emits batchFinished.
  void runBatch();
  void cancelBatch();
  bool isBatchRunning() const { return batchTask_.isBusy(); }
  const FourierBatchResult& batchResult() const { return batch_; }
  /// The scatter as drawn: one series per relation (x = log p of the source, y = log p(mix)).
  std::vector<ScatterSeries> batchPlotSeries() const;
  QCustomPlot* batchPlot() const { return batchPlot_; }
  QString batchStatus() const;

 Q_SIGNALS:
  void pairFinished();
  void batchFinished();

 private:
  QWidget* buildPairTab();
  QWidget* buildBatchTab();
  void installPairExportMenu(QWidget* target);
  void finishPair(FourierPairResult result);
  void showPair();
  void startBatchWhenLoaded();
  void startBatchWorker(std::shared_ptr<const ImageSet> amplitudeSet,
                        std::shared_ptr<const ImageSet> phaseSet);
  void reportBatchProgress(double fraction, const QString& stage);
  void finishBatch(FourierBatchResult result);
  void drawBatch();
  void setBatchControlsRunning(bool running);

  ImageSetCache* cache_;
  ModelPicker* modelPicker_;
  QComboBox* quantisation_;
  PlotStyle style_;
  bool ownsPickers_;  ///< false: a and b are the Analysis page's shared pickers

  ImagePicker* pickerA_;
  ImagePicker* pickerB_;
  std::vector<QLabel*> imageLabels_, spectrumLabels_, scoreLabels_;
  QLabel* clipped_;
  bool pairDirty_ = false;
  FourierPairResult pair_;

  QComboBox* amplitudeSet_;
  QComboBox* phaseSet_;
  QSpinBox* pairs_;
  QPushButton* runBatch_;
  QPushButton* cancelBatch_;
  QProgressBar* progress_;
  QLabel* batchStatus_;
  QCustomPlot* batchPlot_;
  QCPTextElement* batchTitle_;
  FourierBatchResult batch_;

  // Last: destroyed first, so no worker outlives what it reports to.
  BackgroundTask<FourierPairResult> pairTask_{
      this, [this](FourierPairResult result) { finishPair(std::move(result)); }};
  BackgroundTask<FourierBatchResult> batchTask_{
      this, [this](FourierBatchResult result) { finishBatch(std::move(result)); },
      [this](double fraction, const QString& stage) { reportBatchProgress(fraction, stage); }};
};

}  // namespace glowscope
