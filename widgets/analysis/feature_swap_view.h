#pragma once
// Fig. 3A/B of the paper on a loaded model: pick images a and b from any sets, swap their
// high-level latents (z_L by default) and show a, b, both reconstructions and both swaps with
// their log p; a second tab runs the animated fixed-z_L optimisation (LatentOptimisationView).
// Models load and everything computes on worker threads; see docs/analysis.md, "GUI views".
#include <QString>
#include <QStringList>
#include <QWidget>
#include <atomic>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "core/analysis/latent_analyses.h"
#include "widgets/analysis/analysis_inputs.h"
#include "widgets/base/background_task.h"

class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTabWidget;

namespace glowscope {

class ImageCell;
class ImagePicker;
class ImageSetCache;
class LatentOptimisationView;
class ModelPicker;

class FeatureSwapView : public QWidget {
  Q_OBJECT
 public:
  /// `cache` null = ImageSetCache::shared() (the pickers' sets). The model and images come from
  /// `shared` (the Analysis page's pickers) where given; the view makes and shows its own
  /// otherwise.
  explicit FeatureSwapView(ImageSetCache* cache = nullptr, const AnalysisInputs& shared = {},
                           QWidget* parent = nullptr);
  ~FeatureSwapView() override;

  /// Fills the model box with (label, path to model.glow) and loads the first one.
  void setModels(const std::vector<std::pair<QString, QString>>& labelAndPath);
  /// Adds a model file to the box (if not there) and selects it; it loads on a worker thread.
  void openModelFile(const QString& path);
  /// The loaded model of the box's selection (null while loading or after a failure).
  std::shared_ptr<analysis::ModelHandle> model() const { return model_; }
  ModelPicker* modelPicker() const { return modelPicker_; }
  const analysis::ModelSummary& modelSummary() const { return summary_; }
  /// Replaces the set names of both pickers unless they are shared (their owner sets those); b
  /// starts on the second name.
  void setSetNames(const QStringList& names);

  /// Swaps the current a and b on a worker thread (queued behind a running swap).
  void runSwap();
  /// A model loads, a swap runs or one is queued.
  bool isBusy() const;
  const std::optional<analysis::PairSwapResult>& swapResult() const { return result_; }
  /// 0-based index of the first high-level latent chosen in the spin box.
  int firstHighLatent() const;
  /// Writes the six images with their log p as one PNG and the values as CSV beside it.
  /// Throws FileError (also when there is nothing to save yet).
  void exportSwapImages(const QString& pngPath) const;

  ImagePicker* pickerA() const { return pickerA_; }
  ImagePicker* pickerB() const { return pickerB_; }
  QSpinBox* highLatentBox() const { return highLatent_; }
  QCheckBox* autoSwapBox() const { return autoSwap_; }
  QTabWidget* tabs() const { return tabs_; }
  LatentOptimisationView* optimisationView() const { return optimisation_; }
  /// The six cells in analysis::SwapImageIndex order.
  const std::vector<ImageCell*>& cells() const { return cells_; }
  QLabel* statusLabel() const { return status_; }

 Q_SIGNALS:
  void swapFinished(bool ok, const QString& error);

 private:
  QWidget* buildLatentRow();
  QWidget* buildSwapPage();
  void onModelChanged();
  void inputsChanged();
  // What a swap on the worker hands back: the swap, or why there is none.
  struct SwapOutcome {
    std::optional<analysis::PairSwapResult> swap;
    QString sources;  ///< the inputs, for the status line
    QString error;
  };
  void finishSwap(SwapOutcome outcome);
  void showSwap(const QString& sources);
  void saveImagesInteractively();
  void copyImages();
  void updateButtons();

  std::shared_ptr<analysis::ModelHandle> model_;
  analysis::ModelSummary summary_;
  std::optional<analysis::PairSwapResult> result_;
  BackgroundTask<SwapOutcome> swapTask_{
      this, [this](SwapOutcome outcome) { finishSwap(std::move(outcome)); }};
  bool swapQueued_ = false;

  bool ownsPickers_;  ///< false: a and b are the Analysis page's shared pickers
  ModelPicker* modelPicker_;
  ImagePicker* pickerA_;
  ImagePicker* pickerB_;
  QSpinBox* highLatent_;
  QCheckBox* autoSwap_;
  QTabWidget* tabs_;
  std::vector<ImageCell*> cells_;
  QPushButton* swap_;
  QPushButton* cancelSwap_;
  QPushButton* saveImages_;
  QPushButton* copyImages_;
  QProgressBar* progress_;
  QLabel* status_;
  LatentOptimisationView* optimisation_;
};

}  // namespace glowscope
