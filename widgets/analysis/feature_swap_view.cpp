#include "widgets/analysis/feature_swap_view.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

#include "core/util/errors.h"
#include "core/util/log.h"
#include "widgets/analysis/image_picker.h"
#include "widgets/analysis/image_strip.h"
#include "widgets/analysis/latent_optimisation_view.h"
#include "widgets/analysis/model_picker.h"
#include "widgets/base/image_conversion.h"
#include "widgets/views/score_histogram_view.h"

namespace glowscope {
namespace {

using analysis::PairSwapResult;

constexpr int kCellPixels = 96;  // 3x of 32x32: six in a row and the page fit a 1024x700 screen

QStringList cellTitles() {
  return {FeatureSwapView::tr("a"),
          FeatureSwapView::tr("b"),
          FeatureSwapView::tr("reconstruction of a"),
          FeatureSwapView::tr("reconstruction of b"),
          FeatureSwapView::tr("low a + high b"),
          FeatureSwapView::tr("low b + high a")};
}

QString swapCaption(const PairSwapResult& result, int index) {
  const auto i = std::size_t(index);
  return formatLogLikelihood(result.logLikelihoodNats[i], result.bitsPerDim[i]) +
         FeatureSwapView::tr("\nquantised: %L1 nats\n%L2 bits/dim")
             .arg(result.quantisedLogLikelihoodNats[i], 0, 'f', 1)
             .arg(result.quantisedBitsPerDim[i], 0, 'f', 3);
}

QString pickedName(const ImagePicker* picker) {
  return QStringLiteral("%1 #%2").arg(picker->currentSetName()).arg(picker->currentIndex());
}

}  // namespace

FeatureSwapView::FeatureSwapView(ImageSetCache* cache, const AnalysisInputs& shared,
                                 QWidget* parent)
    : QWidget(parent),
      ownsPickers_(!shared.sharesImages()),
      modelPicker_(shared.model ? shared.model : new ModelPicker),
      pickerA_(ownsPickers_ ? new ImagePicker(tr("Image a"), cache) : shared.imageA),
      pickerB_(ownsPickers_ ? new ImagePicker(tr("Image b"), cache, nullptr,
                                              {.initialSet = 1, .compact = false})
                            : shared.imageB),
      highLatent_(new QSpinBox),
      autoSwap_(new QCheckBox(tr("Swap when the inputs change"))),
      tabs_(new QTabWidget),
      swap_(new QPushButton(tr("Swap"))),
      cancelSwap_(new QPushButton(tr("Cancel"))),
      saveImages_(new QPushButton(tr("Save images…"))),
      copyImages_(new QPushButton(tr("Copy images"))),
      progress_(new QProgressBar),
      status_(new QLabel),
      optimisation_(new LatentOptimisationView) {
  tabs_->addTab(buildSwapPage(), tr("Feature swap"));
  tabs_->addTab(optimisation_, tr("Fixed-z_L optimisation"));
  auto* body = new QHBoxLayout;
  if (ownsPickers_) {
    auto* pickers = new QVBoxLayout;
    pickers->addWidget(pickerA_);
    pickers->addWidget(pickerB_);
    pickers->addStretch(1);
    body->addLayout(pickers);
  }
  body->addWidget(tabs_, 1);
  auto* layout = new QVBoxLayout(this);
  if (!shared.model) layout->addWidget(modelPicker_);
  layout->addLayout(body, 1);
  // Beside the tab bar: the choice of h serves both tabs and costs no height there.
  tabs_->setCornerWidget(buildLatentRow(), Qt::TopRightCorner);

  connect(pickerA_, &ImagePicker::imageChanged, this, &FeatureSwapView::inputsChanged);
  connect(pickerB_, &ImagePicker::imageChanged, this, &FeatureSwapView::inputsChanged);
  connect(highLatent_, &QSpinBox::valueChanged, this, &FeatureSwapView::inputsChanged);
  connect(modelPicker_, &ModelPicker::modelChanged, this, &FeatureSwapView::onModelChanged);
  connect(swap_, &QPushButton::clicked, this, &FeatureSwapView::runSwap);
  connect(cancelSwap_, &QPushButton::clicked, this, [this] {
    swapQueued_ = false;
    swapTask_.cancel();
  });
  connect(saveImages_, &QPushButton::clicked, this, &FeatureSwapView::saveImagesInteractively);
  connect(copyImages_, &QPushButton::clicked, this, &FeatureSwapView::copyImages);
  if (modelPicker_->model()) onModelChanged();  // a shared picker may hold a model already
  inputsChanged();  // a picker whose set was already loaded had nobody to tell
}

FeatureSwapView::~FeatureSwapView() {
  // A paused optimisation holds the model's lock that a swap may be waiting for: stop it first.
  optimisation_->stop();
  swapTask_.cancelAndWait();
}

QWidget* FeatureSwapView::buildLatentRow() {
  auto* widget = new QWidget;
  auto* row = new QHBoxLayout(widget);
  row->setContentsMargins(0, 0, 0, 2);
  row->addWidget(new QLabel(tr("High level from z_h, h =")));
  highLatent_->setRange(2, 2);
  highLatent_->setToolTip(
      tr("Latents z_h..z_L count as high level (swapped, and fixed while optimising); the "
         "paper uses only z_L"));
  row->addWidget(highLatent_);
  autoSwap_->setChecked(true);
  row->addWidget(autoSwap_);
  return widget;
}

QWidget* FeatureSwapView::buildSwapPage() {
  auto* page = new QWidget;
  auto* cellRow = new QHBoxLayout;
  for (const QString& title : cellTitles()) {
    cells_.push_back(new ImageCell(title, kCellPixels));
    cellRow->addWidget(cells_.back());
  }
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(swap_);
  buttons->addWidget(cancelSwap_);
  buttons->addWidget(progress_, 1);
  buttons->addWidget(saveImages_);
  buttons->addWidget(copyImages_);
  auto* explanation =
      new QLabel(tr("low a + high b = inverse(z_1..z_{h-1} of a, z_h..z_L of b). log p: a, b from "
                    "the forward pass, generated images from the inverse pass; quantised: the "
                    "8-bit image scored again. bits/dim = 8 − log p / (D ln 2)."));
  explanation->setWordWrap(true);
  status_->setWordWrap(true);
  auto* layout = new QVBoxLayout(page);
  layout->addLayout(cellRow);
  layout->addWidget(status_);
  layout->addLayout(buttons);
  layout->addWidget(explanation);
  layout->addStretch(1);
  return page;
}

void FeatureSwapView::setModels(const std::vector<std::pair<QString, QString>>& labelAndPath) {
  modelPicker_->setModels(labelAndPath);
}

void FeatureSwapView::openModelFile(const QString& path) { modelPicker_->addModelFile(path); }

void FeatureSwapView::setSetNames(const QStringList& names) {
  if (!ownsPickers_) return;
  pickerA_->setSetNames(names);
  pickerB_->setSetNames(names);
}

void FeatureSwapView::onModelChanged() {
  model_ = modelPicker_->model();
  summary_ = model_ ? analysis::summariseModel(*model_) : analysis::ModelSummary{};
  if (model_) {
    const QSignalBlocker blocker(highLatent_);
    highLatent_->setRange(2, std::max(2, summary_.numLatents));
    highLatent_->setValue(summary_.numLatents);  // the paper's choice: only z_L is high level
  }
  inputsChanged();
}

int FeatureSwapView::firstHighLatent() const { return highLatent_->value() - 1; }

bool FeatureSwapView::isBusy() const {
  return modelPicker_->isLoading() || swapTask_.isRunning() || swapQueued_;
}

void FeatureSwapView::inputsChanged() {
  const auto a = pickerA_->currentImage();
  const auto b = pickerB_->currentImage();
  std::vector<ImageSet> images;
  QStringList names;
  if (a && b) {
    images = {*a, *b};
    names = {tr("a: %1").arg(pickedName(pickerA_)), tr("b: %1").arg(pickedName(pickerB_))};
  }
  optimisation_->setInputs(model_, std::move(images), names,
                           std::max(1, summary_.numLatents - firstHighLatent()));
  updateButtons();
  if (autoSwap_->isChecked() && model_ && a && b) runSwap();
}

void FeatureSwapView::runSwap() {
  const auto a = pickerA_->currentImage();
  const auto b = pickerB_->currentImage();
  if (!model_ || !a || !b) return;
  if (swapTask_.isRunning()) {
    swapQueued_ = true;  // runs with the inputs current when this one is done
    return;
  }
  swapQueued_ = false;
  const auto model = model_;
  const int firstHigh = firstHighLatent();
  const QString high = firstHigh + 1 == summary_.numLatents
                           ? tr("z_%1").arg(summary_.numLatents)
                           : tr("z_%1..z_%2").arg(firstHigh + 1).arg(summary_.numLatents);
  const QString sources =
      tr("a = %1, b = %2; high level %3").arg(pickedName(pickerA_), pickedName(pickerB_), high);
  swapTask_.start([model, a, b, firstHigh, sources](const BackgroundRun& run) {
    analysis::TaskControl control;
    control.cancelRequested = run.cancelRequested;
    return SwapOutcome{analysis::swapPairFeatures(*model, *a, *b, firstHigh, control), sources, {}};
  });
  progress_->setRange(0, 0);  // a swap is a handful of passes: busy indicator, no steps
  updateButtons();
}

void FeatureSwapView::finishSwap(SwapOutcome outcome) {
  const QString error = outcome.error;
  progress_->setRange(0, 1);
  progress_->setValue(error.isEmpty() ? 1 : 0);
  if (error.isEmpty()) {
    result_ = std::move(outcome.swap);
    showSwap(outcome.sources);
  } else {
    status_->setText(tr("Swap failed: %1").arg(error));
    logger()->error("z_L swap: {}", error.toStdString());
  }
  if (swapQueued_) runSwap();
  updateButtons();
  Q_EMIT swapFinished(error.isEmpty(), error);
}

void FeatureSwapView::showSwap(const QString& sources) {
  for (int i = 0; i < analysis::kSwapImageCount; ++i)
    cells_[std::size_t(i)]->setImage(imageSetThumbnail(result_->images, i),
                                     swapCaption(*result_, i));
  status_->setText(sources);
}

void FeatureSwapView::exportSwapImages(const QString& pngPath) const {
  if (!result_) throw FileError(pngPath.toStdString(), "no swap to save yet");
  std::vector<CaptionedImage> tiles;
  QString csv = QStringLiteral(
      "image,log_likelihood_nats,bits_per_dim,quantised_log_likelihood_nats,"
      "quantised_bits_per_dim\n");
  const QStringList ids = {QStringLiteral("a"),
                           QStringLiteral("b"),
                           QStringLiteral("recon_a"),
                           QStringLiteral("recon_b"),
                           QStringLiteral("low_a_high_b"),
                           QStringLiteral("low_b_high_a")};
  for (int i = 0; i < analysis::kSwapImageCount; ++i) {
    const auto k = std::size_t(i);
    tiles.push_back(cells_[k]->captioned());
    csv += QStringLiteral("%1,%2,%3,%4,%5\n")
               .arg(ids[i])
               .arg(result_->logLikelihoodNats[k], 0, 'g', 10)
               .arg(result_->bitsPerDim[k], 0, 'g', 10)
               .arg(result_->quantisedLogLikelihoodNats[k], 0, 'g', 10)
               .arg(result_->quantisedBitsPerDim[k], 0, 'g', 10);
  }
  writeImageWithCsv(pngPath, renderCaptionedGrid(tiles, int(tiles.size())), csv);
}

void FeatureSwapView::saveImagesInteractively() {
  QString path =
      QFileDialog::getSaveFileName(this, tr("Save images"), QString(), tr("PNG image (*.png)"));
  if (path.isEmpty()) return;
  if (!path.endsWith(QStringLiteral(".png"), Qt::CaseInsensitive)) path += QStringLiteral(".png");
  try {
    exportSwapImages(path);
  } catch (const Error& error) {
    QMessageBox::warning(this, tr("Save images"), QString::fromUtf8(error.what()));
  }
}

void FeatureSwapView::copyImages() {
  std::vector<CaptionedImage> tiles;
  for (const ImageCell* cell : cells_) tiles.push_back(cell->captioned());
  QApplication::clipboard()->setImage(renderCaptionedGrid(tiles, int(tiles.size())));
}

void FeatureSwapView::updateButtons() {
  const bool ready = model_ && pickerA_->currentImage() && pickerB_->currentImage();
  swap_->setEnabled(ready && !swapTask_.isRunning());
  cancelSwap_->setEnabled(swapTask_.isRunning());
  saveImages_->setEnabled(result_.has_value());
  copyImages_->setEnabled(result_.has_value());
  highLatent_->setEnabled(model_ != nullptr);
}

}  // namespace glowscope
