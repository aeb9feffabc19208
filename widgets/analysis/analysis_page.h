#pragma once
// The Analysis page of the workbench: the Fourier mixing, z_L swapping (with the fixed-z_L
// optimisation) and pixel-difference prior views side by side as tabs, fed with the same models
// and data sets (those of the open results folder).
#include <QString>
#include <QStringList>
#include <QTabWidget>
#include <utility>
#include <vector>

namespace glowscope {

class FeatureSwapView;
class FourierMixingView;
class ImageSetCache;
class PixelLikelihoodMapView;
class PixelPriorView;

class AnalysisPage : public QTabWidget {
  Q_OBJECT
 public:
  explicit AnalysisPage(ImageSetCache* cache = nullptr, QWidget* parent = nullptr);

  /// (label, model.glow path) for every view's model box.
  void setModels(const std::vector<std::pair<QString, QString>>& labelAndPath);
  /// The sets every view offers (e.g. a results folder's in-distribution and OOD sets).
  void setSetNames(const QStringList& names);

  FourierMixingView* fourierView() const { return fourier_; }
  FeatureSwapView* swapView() const { return swap_; }
  PixelPriorView* pixelPriorView() const { return pixelPrior_; }
  PixelLikelihoodMapView* pixelMapView() const { return pixelMap_; }

 private:
  FourierMixingView* fourier_;
  FeatureSwapView* swap_;
  PixelPriorView* pixelPrior_;
  PixelLikelihoodMapView* pixelMap_;
};

/// The models of a results folder: every models/<id>-seed<seed>/model.glow of that seed, labelled
/// "<id> (seed <seed>)", sorted by id. Empty when there are none.
std::vector<std::pair<QString, QString>> resultsFolderModels(const QString& folder, quint64 seed);

}  // namespace glowscope
