#include "widgets/analysis/analysis_page.h"

#include <QHBoxLayout>
#include <QTabWidget>
#include <QVBoxLayout>

#include "core/experiments/results_folder.h"
#include "widgets/analysis/feature_swap_view.h"
#include "widgets/analysis/fourier_mixing_view.h"
#include "widgets/analysis/image_picker.h"
#include "widgets/analysis/model_picker.h"
#include "widgets/analysis/pixel_likelihood_map_view.h"
#include "widgets/analysis/pixel_prior_view.h"

namespace glowscope {

AnalysisPage::AnalysisPage(ImageSetCache* cache, QWidget* parent)
    : QWidget(parent),
      modelPicker_(new ModelPicker(this)),
      // FourierMixingView's strings: already translated in translations/glowscope_de.ts.
      pickerA_(new ImagePicker(FourierMixingView::tr("Image a"), cache, this,
                               {.initialSet = 0, .compact = true})),
      pickerB_(new ImagePicker(FourierMixingView::tr("Image b"), cache, this,
                               {.initialSet = 1, .compact = true})),
      tabs_(new QTabWidget(this)),
      fourier_(new FourierMixingView(cache, inputs())),
      swap_(new FeatureSwapView(cache, inputs())),
      pixelPrior_(new PixelPriorView(cache, inputs())),
      pixelMap_(new PixelLikelihoodMapView(cache, inputs())) {
  setObjectName("analysisPage");
  modelPicker_->setObjectName("sharedModelPicker");
  pickerA_->setObjectName("pickerA");
  pickerB_->setObjectName("pickerB");
  tabs_->addTab(fourier_, tr("Fourier mixing"));
  tabs_->addTab(swap_, tr("z_L swap && optimisation"));
  tabs_->addTab(pixelPrior_, tr("Pixel-difference prior"));
  tabs_->addTab(pixelMap_, tr("Per-pixel log-likelihood (PixelCNN++)"));

  auto* images = new QHBoxLayout;
  images->addWidget(pickerA_, 1);
  images->addWidget(pickerB_, 1);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(modelPicker_);
  layout->addLayout(images);
  layout->addWidget(tabs_, 1);

  connect(modelPicker_, &ModelPicker::modelChanged, this,
          [this] { Q_EMIT modelChanged(modelPicker_->model()); });
  connect(pickerA_, &ImagePicker::imageChanged, this, &AnalysisPage::imagesChanged);
  connect(pickerB_, &ImagePicker::imageChanged, this, &AnalysisPage::imagesChanged);
}

// The views use the shared pickers until they are gone: children go in creation order, the
// pickers first, so the tabs are deleted here before that.
AnalysisPage::~AnalysisPage() { delete tabs_; }

void AnalysisPage::setModels(const std::vector<std::pair<QString, QString>>& labelAndPath) {
  modelPicker_->setModels(labelAndPath);
  pixelMap_->setModels(labelAndPath);
}

void AnalysisPage::setSetNames(const QStringList& names) {
  pickerA_->setSetNames(names);
  pickerB_->setSetNames(names);
  fourier_->setSetNames(names);
  swap_->setSetNames(names);
  pixelPrior_->setSetNames(names);
  pixelMap_->setSetNames(names);
}

std::shared_ptr<analysis::ModelHandle> AnalysisPage::model() const { return modelPicker_->model(); }

AnalysisPage::ImagePair AnalysisPage::currentImages() const {
  return {pickerA_->currentImage(), pickerB_->currentImage()};
}

int AnalysisPage::addTab(QWidget* view, const QString& label) { return tabs_->addTab(view, label); }

int AnalysisPage::count() const { return tabs_->count(); }

std::vector<std::pair<QString, QString>> resultsFolderModels(const QString& folder, quint64 seed) {
  std::vector<std::pair<QString, QString>> models;
  for (const auto& [id, file] : resultsModelFiles(folder.toStdString(), seed))
    models.emplace_back(QObject::tr("%1 (seed %2)").arg(QString::fromStdString(id)).arg(seed),
                        QString::fromStdString(file.string()));
  return models;
}

}  // namespace glowscope
