#include "widgets/analysis/fourier_mixing_view.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QSaveFile>
#include <QTabWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

#include "core/analysis/model_handle.h"
#include "core/data/image_set_ops.h"
#include "core/util/errors.h"
#include "core/util/log.h"
#include "widgets/analysis/image_picker.h"
#include "widgets/analysis/image_set_cache.h"
#include "widgets/analysis/model_picker.h"
#include "widgets/base/image_conversion.h"
#include "widgets/views/score_histogram_view.h"

namespace glowscope {
namespace {

constexpr int kScreenTilePixels = 96;  // three rows and the shared image row fit a 700-pixel screen

QStringList pairTitles() {
  return {FourierMixingView::tr("a"), FourierMixingView::tr("b"),
          FourierMixingView::tr("amplitude a + phase b"),
          FourierMixingView::tr("amplitude b + phase a")};
}

// Grey levels 0..255 for log(1 + |DFT|) from 0 to `maximum`: one scale for the four spectra, so
// equal amplitudes look equal.
QImage spectrumImage(const std::vector<double>& spectrum, int height, int width, double maximum) {
  QImage image(width, height, QImage::Format_RGB32);
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      const double v = spectrum[std::size_t(y) * std::size_t(width) + std::size_t(x)];
      const int grey = maximum > 0 ? int(std::lround(std::clamp(v / maximum, 0.0, 1.0) * 255)) : 0;
      image.setPixel(x, y, qRgb(grey, grey, grey));
    }
  return image;
}

QImage enlarged(const QImage& image, int pixels) {
  return image.scaled(pixels, pixels, Qt::KeepAspectRatio, Qt::FastTransformation);
}

// The four images, then their four spectra, as tiles of pixels x pixels; none without a pair.
std::vector<QImage> pairTiles(const FourierPairResult& pair, int pixels) {
  if (!pair.error.isEmpty() || pair.images.count != 4) return {};
  double maximum = 0;
  for (const auto& spectrum : pair.logAmplitudeSpectra)
    maximum = std::max(maximum, *std::max_element(spectrum.begin(), spectrum.end()));
  std::vector<QImage> tiles;
  for (int i = 0; i < 4; ++i) tiles.push_back(enlarged(imageSetThumbnail(pair.images, i), pixels));
  for (const auto& spectrum : pair.logAmplitudeSpectra)
    tiles.push_back(enlarged(
        spectrumImage(spectrum, int(pair.images.height), int(pair.images.width), maximum), pixels));
  return tiles;
}

FourierPairResult computeFourierPair(const ImageSet& a, const ImageSet& b,
                                     analysis::ModelHandle* model,
                                     analysis::MixQuantisation quantisation) {
  FourierPairResult result;
  const ImageSet first = analysis::imagesForModel(a, model);
  const ImageSet second = imagesWithShape(b, first.channels, first.height, first.width);
  const analysis::FourierMixOptions options{quantisation};
  const analysis::FourierMixResult ab = analysis::mixAmplitudePhase(first, second, options);
  const analysis::FourierMixResult ba = analysis::mixAmplitudePhase(second, first, options);
  result.images = concatenateImages({&first, &second, &ab.mixed, &ba.mixed});
  result.clippedFractionAB = ab.clippedFraction;
  result.clippedFractionBA = ba.clippedFraction;
  for (std::int64_t i = 0; i < result.images.count; ++i)
    result.logAmplitudeSpectra.push_back(analysis::centredLogAmplitudeSpectrum(result.images, i));
  if (model) {
    const ModelScores scores = model->score(result.images);
    result.logLikelihoodNats = scores.logLikelihoodNats;
    result.bitsPerDim = scores.bitsPerDim();
  }
  return result;
}

}  // namespace

FourierMixingView::FourierMixingView(ImageSetCache* cache, const AnalysisInputs& shared,
                                     QWidget* parent)
    : QWidget(parent),
      cache_(cache ? cache : &ImageSetCache::shared()),
      modelPicker_(shared.model ? shared.model : new ModelPicker(this)),
      quantisation_(new QComboBox(this)),
      style_(PlotStyle::fromDefaultSettings()),
      ownsPickers_(!shared.sharesImages()) {
  setObjectName("fourierMixingView");
  if (shared.sharesImages()) {
    pickerA_ = shared.imageA;
    pickerB_ = shared.imageB;
  } else {
    pickerA_ = new ImagePicker(tr("Image a"), cache_, this);
    pickerB_ = new ImagePicker(tr("Image b"), cache_, this, {.initialSet = 1, .compact = false});
    pickerA_->setObjectName("pickerA");
    pickerB_->setObjectName("pickerB");
  }
  quantisation_->addItem(tr("clip and round"), int(analysis::MixQuantisation::ClipRound));
  quantisation_->addItem(tr("rescale min–max and round"),
                         int(analysis::MixQuantisation::RescaleRound));
  quantisation_->setToolTip(
      tr("How the real-valued mix returns to 8 bits: clip to 0..255 (keeps the intensity scale) "
         "or map its min..max to 0..255"));
  auto* tabs = new QTabWidget(this);
  tabs->addTab(buildPairTab(), tr("Single pair"));
  tabs->addTab(buildBatchTab(), tr("Batch"));
  // The quantisation serves both tabs: beside their tab bar, where it costs no height.
  auto* quantisationRow = new QWidget(this);
  auto* quantisationLayout = new QHBoxLayout(quantisationRow);
  quantisationLayout->setContentsMargins(0, 0, 0, 2);
  quantisationLayout->addWidget(new QLabel(tr("Quantisation:"), quantisationRow));
  quantisationLayout->addWidget(quantisation_);
  tabs->setCornerWidget(quantisationRow, Qt::TopRightCorner);
  auto* layout = new QVBoxLayout(this);
  if (!shared.model) layout->addWidget(modelPicker_);
  layout->addWidget(tabs, 1);

  connect(modelPicker_, &ModelPicker::modelChanged, this, &FourierMixingView::computePair);
  connect(quantisation_, &QComboBox::currentIndexChanged, this, &FourierMixingView::computePair);
  connect(cache_, &ImageSetCache::loaded, this, &FourierMixingView::startBatchWhenLoaded);
  connect(cache_, &ImageSetCache::failed, this, [this](const QString& name, const QString& error) {
    if (!batchTask_.isWaiting() ||
        (name != amplitudeSet_->currentText() && name != phaseSet_->currentText()))
      return;
    FourierBatchResult failed;
    failed.error = tr("Cannot load %1: %2").arg(name, error);
    batchTask_.finishWithoutRun(std::move(failed));
  });
}

FourierMixingView::~FourierMixingView() = default;

QWidget* FourierMixingView::buildPairTab() {
  auto* tab = new QWidget(this);

  auto* images = new QGroupBox(tr("Amplitude/phase mixing (right-click to export)"), tab);
  auto* grid = new QGridLayout(images);
  const QStringList rowTitles = {tr("image"), tr("log(1 + |DFT|)\n(centred)"), tr("log p")};
  for (int row = 0; row < rowTitles.size(); ++row)
    grid->addWidget(new QLabel(rowTitles[row], images), row + 1, 0, Qt::AlignRight);
  const QStringList titles = pairTitles();
  for (int column = 0; column < 4; ++column) {
    auto* title = new QLabel(titles[column], images);
    title->setAlignment(Qt::AlignCenter);
    grid->addWidget(title, 0, column + 1);
    const std::array rows{&imageLabels_, &spectrumLabels_, &scoreLabels_};
    for (std::size_t row = 0; row < rows.size(); ++row) {
      auto* label = new QLabel(images);
      label->setAlignment(Qt::AlignCenter);
      rows[row]->push_back(label);
      grid->addWidget(label, int(row) + 1, column + 1);
    }
    imageLabels_.back()->setFixedSize(kScreenTilePixels, kScreenTilePixels);
    spectrumLabels_.back()->setFixedSize(kScreenTilePixels, kScreenTilePixels);
    scoreLabels_.back()->setTextInteractionFlags(Qt::TextSelectableByMouse);
  }
  clipped_ = new QLabel(images);
  clipped_->setWordWrap(true);
  grid->addWidget(clipped_, 4, 0, 1, 5);
  grid->setRowStretch(5, 1);
  grid->setColumnStretch(5, 1);  // spare width right of the tiles, not between them
  installPairExportMenu(images);

  auto* layout = new QHBoxLayout(tab);
  if (ownsPickers_) {
    auto* pickers = new QVBoxLayout;
    pickers->addWidget(pickerA_);
    pickers->addWidget(pickerB_);
    pickers->addStretch(1);
    layout->addLayout(pickers);
  }
  layout->addWidget(images, 1);
  connect(pickerA_, &ImagePicker::imageChanged, this, &FourierMixingView::computePair);
  connect(pickerB_, &ImagePicker::imageChanged, this, &FourierMixingView::computePair);
  return tab;
}

void FourierMixingView::installPairExportMenu(QWidget* target) {
  target->setContextMenuPolicy(Qt::CustomContextMenu);
  connect(target, &QWidget::customContextMenuRequested, this, [this, target](const QPoint& at) {
    QMenu menu(target);
    QAction* save = menu.addAction(tr("Save images as PNG…"));
    QAction* copy = menu.addAction(tr("Copy images"));
    QAction* chosen = menu.exec(target->mapToGlobal(at));
    if (chosen == copy) QApplication::clipboard()->setImage(pairFigure());
    if (chosen != save) return;
    QString path =
        QFileDialog::getSaveFileName(this, tr("Save images"), QString(), tr("PNG image (*.png)"));
    if (path.isEmpty()) return;
    if (!path.endsWith(".png", Qt::CaseInsensitive)) path += ".png";
    try {
      exportPairFigure(path);
    } catch (const Error& error) {
      QMessageBox::warning(this, tr("Save images"), QString::fromUtf8(error.what()));
    }
  });
}

void FourierMixingView::setModels(const std::vector<std::pair<QString, QString>>& labelAndPath) {
  modelPicker_->setModels(labelAndPath);
}

void FourierMixingView::setSetNames(const QStringList& names) {
  if (ownsPickers_) {
    pickerA_->setSetNames(names);
    pickerB_->setSetNames(names);
  }
  for (QComboBox* box : {amplitudeSet_, phaseSet_}) {
    const QSignalBlocker blocker(box);
    box->clear();
    box->addItems(names);
  }
  if (names.size() > 1) phaseSet_->setCurrentIndex(1);
}

void FourierMixingView::setQuantisation(analysis::MixQuantisation quantisation) {
  quantisation_->setCurrentIndex(quantisation_->findData(int(quantisation)));
}

analysis::MixQuantisation FourierMixingView::quantisation() const {
  return analysis::MixQuantisation(quantisation_->currentData().toInt());
}

void FourierMixingView::computePair() {
  if (pairTask_.isRunning()) {
    pairDirty_ = true;  // finishPair starts again with the newest selection
    return;
  }
  const std::optional<ImageSet> a = pickerA_->currentImage();
  const std::optional<ImageSet> b = pickerB_->currentImage();
  if (!a || !b) return;
  const auto model = modelPicker_->model();
  const auto quantisation = this->quantisation();
  pairTask_.start([a, b, model, quantisation](const BackgroundRun&) {
    return computeFourierPair(*a, *b, model.get(), quantisation);
  });
}

void FourierMixingView::finishPair(FourierPairResult result) {
  pair_ = std::move(result);
  if (!pair_.error.isEmpty())
    logger()->error("Fourier mixing of one pair: {}", pair_.error.toStdString());
  showPair();
  if (pairDirty_) {
    pairDirty_ = false;
    computePair();
  }
  Q_EMIT pairFinished();
}

QString FourierMixingView::scoreText(int image) const {
  if (!pair_.error.isEmpty()) return tr("—");
  if (pair_.logLikelihoodNats.size() != 4 || image < 0 || image >= 4)
    return modelPicker_->isLoading() ? tr("model loading…") : tr("no model");
  return tr("%L1 nats\n%L2 bits/dim")
      .arg(pair_.logLikelihoodNats[std::size_t(image)], 0, 'f', 1)
      .arg(pair_.bitsPerDim[std::size_t(image)], 0, 'f', 3);
}

QString FourierMixingView::clippedText() const {
  if (!pair_.error.isEmpty()) return tr("Cannot mix: %1").arg(pair_.error);
  if (pair_.images.count != 4) return tr("Choose two images.");
  return tr("Clipped to 0..255 before rounding: %L1% of amplitude a + phase b, %L2% of amplitude "
            "b + phase a. Images at %3×%4×%5 (the model's input size).")
      .arg(100 * pair_.clippedFractionAB, 0, 'f', 2)
      .arg(100 * pair_.clippedFractionBA, 0, 'f', 2)
      .arg(pair_.images.channels)
      .arg(pair_.images.height)
      .arg(pair_.images.width);
}

void FourierMixingView::showPair() {
  const std::vector<QImage> tiles = pairTiles(pair_, kScreenTilePixels);
  for (std::size_t i = 0; i < 4; ++i) {
    if (tiles.empty()) {
      imageLabels_[i]->clear();
      spectrumLabels_[i]->clear();
    } else {
      imageLabels_[i]->setPixmap(QPixmap::fromImage(tiles[i]));
      spectrumLabels_[i]->setPixmap(QPixmap::fromImage(tiles[4 + i]));
    }
    scoreLabels_[i]->setText(scoreText(int(i)));
  }
  clipped_->setText(clippedText());
}

QImage FourierMixingView::pairFigure(int tilePixels) const {
  const int gap = std::max(4, tilePixels / 16);
  QFont font(style_.fontFamily);
  font.setPointSizeF(style_.labelPointSize);
  const int line = QFontMetrics(font).height();
  const int columnWidth = std::max(tilePixels, QFontMetrics(font).horizontalAdvance("0") * 16);
  QImage figure(gap + 4 * (columnWidth + gap), gap + 2 * (line + tilePixels + gap) + 2 * line,
                QImage::Format_RGB32);
  figure.fill(Qt::white);
  QPainter painter(&figure);
  painter.setFont(font);
  painter.setPen(Qt::black);
  const QStringList titles = pairTitles();
  const std::vector<QImage> tiles = pairTiles(pair_, tilePixels);
  const int imageTop = gap + 2 * line, spectrumTop = imageTop + tilePixels + gap;
  for (int i = 0; i < 4; ++i) {
    const int left = gap + i * (columnWidth + gap);
    const int tileLeft = left + (columnWidth - tilePixels) / 2;
    painter.drawText(QRect(left, gap, columnWidth, 2 * line),
                     Qt::AlignHCenter | Qt::AlignBottom | Qt::TextWordWrap, titles[i]);
    if (!tiles.empty()) {
      painter.drawImage(tileLeft, imageTop, tiles[std::size_t(i)]);
      painter.drawImage(tileLeft, spectrumTop, tiles[std::size_t(4 + i)]);
    }
    painter.drawText(QRect(left, spectrumTop + tilePixels + gap / 2, columnWidth, 2 * line),
                     Qt::AlignHCenter | Qt::AlignTop, scoreText(i));
  }
  return figure;
}

void FourierMixingView::exportPairFigure(const QString& pngPath, int tilePixels) const {
  QSaveFile file(pngPath);
  const bool ok =
      file.open(QIODevice::WriteOnly) && pairFigure(tilePixels).save(&file, "PNG") && file.commit();
  if (!ok) throw FileError(pngPath.toStdString(), "cannot write the PNG");
}

}  // namespace glowscope
