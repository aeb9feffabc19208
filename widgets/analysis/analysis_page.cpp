#include "widgets/analysis/analysis_page.h"

#include "core/experiments/results_folder.h"

#include "widgets/analysis/feature_swap_view.h"
#include "widgets/analysis/fourier_mixing_view.h"
#include "widgets/analysis/pixel_likelihood_map_view.h"
#include "widgets/analysis/pixel_prior_view.h"

namespace glowscope {

AnalysisPage::AnalysisPage(ImageSetCache* cache, QWidget* parent)
    : QTabWidget(parent),
      fourier_(new FourierMixingView(cache)),
      swap_(new FeatureSwapView(cache)),
      pixelPrior_(new PixelPriorView(cache)),
      pixelMap_(new PixelLikelihoodMapView(cache)) {
  setObjectName("analysisPage");
  addTab(fourier_, tr("Fourier mixing"));
  addTab(swap_, tr("z_L swap && optimisation"));
  addTab(pixelPrior_, tr("Pixel-difference prior"));
  addTab(pixelMap_, tr("Per-pixel log-likelihood (PixelCNN++)"));
}

void AnalysisPage::setModels(const std::vector<std::pair<QString, QString>>& labelAndPath) {
  fourier_->setModels(labelAndPath);
  swap_->setModels(labelAndPath);
  pixelPrior_->setModels(labelAndPath);
  pixelMap_->setModels(labelAndPath);
}

void AnalysisPage::setSetNames(const QStringList& names) {
  fourier_->setSetNames(names);
  swap_->setSetNames(names);
  pixelPrior_->setSetNames(names);
  pixelMap_->setSetNames(names);
}

std::vector<std::pair<QString, QString>> resultsFolderModels(const QString& folder, quint64 seed) {
  std::vector<std::pair<QString, QString>> models;
  for (const auto& [id, file] : resultsModelFiles(folder.toStdString(), seed))
    models.emplace_back(QObject::tr("%1 (seed %2)").arg(QString::fromStdString(id)).arg(seed),
                        QString::fromStdString(file.string()));
  return models;
}

}  // namespace glowscope
