#pragma once
// The Analysis page of the workbench: the Fourier mixing, z_L swapping (with the fixed-z_L
// optimisation) and pixel-difference prior views as tabs under one model picker and one pair of
// image pickers that every tab shares (a model is loaded once; image a changed in one tab is a in
// all). Fed with the models and data sets of the open results folder.
#include <QString>
#include <QStringList>
#include <QWidget>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include "core/data/image_set.h"
#include "widgets/analysis/analysis_inputs.h"

class QTabWidget;

namespace glowscope {

namespace analysis {
class ModelHandle;
}

class FeatureSwapView;
class FourierMixingView;
class ImagePicker;
class ImageSetCache;
class ModelPicker;
class PixelLikelihoodMapView;
class PixelPriorView;

class AnalysisPage : public QWidget {
  Q_OBJECT
 public:
  explicit AnalysisPage(ImageSetCache* cache = nullptr, QWidget* parent = nullptr);
  ~AnalysisPage() override;  ///< the views go before the pickers they share

  /// (label, model.glow path) for the shared model box; the first one is loaded (once).
  void setModels(const std::vector<std::pair<QString, QString>>& labelAndPath);
  /// The sets every view offers (e.g. a results folder's in-distribution and OOD sets): image a
  /// starts on the first, image b on the second.
  void setSetNames(const QStringList& names);

  /// The shared pickers, for a further tab: `new SomeView(cache, page->inputs())`.
  AnalysisInputs inputs() const { return {modelPicker_, pickerA_, pickerB_}; }
  /// The shared model; null while it loads, without one or after a failed load.
  std::shared_ptr<analysis::ModelHandle> model() const;
  /// The shared images a and b (each empty while its set loads or when it failed).
  struct ImagePair {
    std::optional<ImageSet> a, b;
  };
  ImagePair currentImages() const;

  int addTab(QWidget* view, const QString& label);
  int count() const;
  QTabWidget* tabs() const { return tabs_; }
  ModelPicker* modelPicker() const { return modelPicker_; }
  ImagePicker* pickerA() const { return pickerA_; }
  ImagePicker* pickerB() const { return pickerB_; }
  FourierMixingView* fourierView() const { return fourier_; }
  FeatureSwapView* swapView() const { return swap_; }
  PixelPriorView* pixelPriorView() const { return pixelPrior_; }
  PixelLikelihoodMapView* pixelMapView() const { return pixelMap_; }

 Q_SIGNALS:
  /// The shared model was loaded or cleared (`model` null); every tab follows it.
  void modelChanged(std::shared_ptr<glowscope::analysis::ModelHandle> model);
  /// Image a or b changed (and is available).
  void imagesChanged();

 private:
  ModelPicker* modelPicker_;
  ImagePicker* pickerA_;
  ImagePicker* pickerB_;
  QTabWidget* tabs_;
  FourierMixingView* fourier_;
  FeatureSwapView* swap_;
  PixelPriorView* pixelPrior_;
  PixelLikelihoodMapView* pixelMap_;
};

/// The models of a results folder: every models/<id>-seed<seed>/model.glow of that seed, labelled
/// "<id> (seed <seed>)", sorted by id. Empty when there are none.
std::vector<std::pair<QString, QString>> resultsFolderModels(const QString& folder, quint64 seed);

}  // namespace glowscope
