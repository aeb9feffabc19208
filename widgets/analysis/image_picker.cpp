#include "widgets/analysis/image_picker.h"

#include <QComboBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

#include "widgets/analysis/image_set_cache.h"
#include "widgets/base/image_conversion.h"
#include "widgets/views/score_histogram_view.h"

namespace glowscope {

namespace {
constexpr int kThumbnailPixels = 112;  // 28x28 images at 4x stay crisp (nearest neighbour)
}

ImagePicker::ImagePicker(const QString& title, ImageSetCache* cache, QWidget* parent)
    : QWidget(parent), cache_(cache ? cache : &ImageSetCache::shared()) {
  auto* group = new QGroupBox(title, this);
  setBox_ = new QComboBox(group);
  setBox_->addItems(ImageSetCache::availableSetNames());
  indexBox_ = new QSpinBox(group);
  indexBox_->setRange(0, 0);
  auto* randomButton = new QPushButton(tr("Random"), group);
  randomButton->setToolTip(tr("Pick a random image of the set"));
  thumbnail_ = new QLabel(group);
  thumbnail_->setFixedSize(kThumbnailPixels, kThumbnailPixels);
  thumbnail_->setAlignment(Qt::AlignCenter);
  thumbnail_->setFrameShape(QFrame::StyledPanel);
  caption_ = new QLabel(group);
  caption_->setWordWrap(true);

  auto* grid = new QGridLayout(group);
  grid->addWidget(new QLabel(tr("Set:"), group), 0, 0);
  grid->addWidget(setBox_, 0, 1, 1, 2);
  grid->addWidget(new QLabel(tr("Image:"), group), 1, 0);
  grid->addWidget(indexBox_, 1, 1);
  grid->addWidget(randomButton, 1, 2);
  grid->addWidget(thumbnail_, 2, 0, 1, 3, Qt::AlignHCenter);
  grid->addWidget(caption_, 3, 0, 1, 3);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(group);

  connect(setBox_, &QComboBox::currentTextChanged, this, [this] { onSetChosen(); });
  connect(indexBox_, &QSpinBox::valueChanged, this, [this] { showCurrent(); });
  connect(randomButton, &QPushButton::clicked, this, [this] {
    indexBox_->setValue(int(QRandomGenerator::global()->bounded(indexBox_->maximum() + 1)));
  });
  connect(cache_, &ImageSetCache::loaded, this, &ImagePicker::onLoaded);
  connect(cache_, &ImageSetCache::failed, this, &ImagePicker::onFailed);
  // Deferred: a caller that replaces the set names right after construction loads only those.
  QTimer::singleShot(0, this, [this] {
    if (!cache_->get(currentSetName()) && pendingIndex_ < 0 && thumbnail_->pixmap().isNull())
      onSetChosen();
  });
}

void ImagePicker::setSetNames(const QStringList& names) {
  const QSignalBlocker blocker(setBox_);
  setBox_->clear();
  setBox_->addItems(names);
  onSetChosen();
}

void ImagePicker::setCurrent(const QString& setName, int index) {
  if (setBox_->findText(setName) < 0) setBox_->addItem(setName);
  pendingIndex_ = index;
  if (setBox_->currentText() == setName)
    onSetChosen();
  else
    setBox_->setCurrentText(setName);
}

QString ImagePicker::currentSetName() const { return setBox_->currentText(); }
int ImagePicker::currentIndex() const { return indexBox_->value(); }

std::shared_ptr<const ImageSet> ImagePicker::currentSet() const {
  return cache_->get(currentSetName());
}

std::optional<ImageSet> ImagePicker::currentImage() const {
  const auto set = currentSet();
  const int index = currentIndex();
  if (!set || index < 0 || index >= set->count) return std::nullopt;
  ImageSet one;
  one.name = set->name + " #" + std::to_string(index);
  one.count = 1;
  one.channels = set->channels;
  one.height = set->height;
  one.width = set->width;
  one.pixels.assign(set->image(index), set->image(index) + set->imageBytes());
  if (set->labelled()) one.labels = {set->labels[std::size_t(index)]};
  one.numClasses = set->numClasses;
  return one;
}

void ImagePicker::onSetChosen() {
  const QString name = currentSetName();
  if (name.isEmpty()) return;
  if (cache_->get(name)) {
    onLoaded(name);
    return;
  }
  thumbnail_->clear();
  caption_->setText(tr("Loading %1…").arg(name));
  cache_->request(name);
}

void ImagePicker::onLoaded(const QString& name) {
  if (name != currentSetName()) return;
  const auto set = cache_->get(name);
  if (!set) return;
  const int index = pendingIndex_ >= 0 ? pendingIndex_ : indexBox_->value();
  pendingIndex_ = -1;
  {
    const QSignalBlocker blocker(indexBox_);
    indexBox_->setRange(0, int(std::max<int64_t>(set->count - 1, 0)));
    indexBox_->setValue(std::clamp(index, 0, indexBox_->maximum()));
  }
  showCurrent();
}

void ImagePicker::onFailed(const QString& name, const QString& error) {
  if (name != currentSetName()) return;
  thumbnail_->clear();
  caption_->setText(tr("Cannot load %1: %2").arg(name, error));
}

void ImagePicker::showCurrent() {
  const auto set = currentSet();
  const int index = currentIndex();
  if (!set || index >= set->count) return;
  const QImage image = imageSetThumbnail(*set, index);
  thumbnail_->setPixmap(QPixmap::fromImage(image.scaled(
      kThumbnailPixels, kThumbnailPixels, Qt::KeepAspectRatio, Qt::FastTransformation)));
  QString caption = tr("%1 #%2").arg(currentSetName()).arg(index);
  if (set->labelled()) caption += tr(", label %1").arg(set->labels[std::size_t(index)]);
  caption_->setText(caption);
  Q_EMIT imageChanged();
}

}  // namespace glowscope
