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
constexpr int kCompactThumbnailPixels = 56;
}  // namespace

ImagePicker::ImagePicker(const QString& title, ImageSetCache* cache, QWidget* parent,
                         ImagePickerOptions options)
    : QWidget(parent), cache_(cache ? cache : &ImageSetCache::shared()), options_(options) {
  setBox_ = new QComboBox(this);
  setBox_->setMinimumContentsLength(options_.compact ? 16 : 12);
  setBox_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  {
    const QSignalBlocker blocker(setBox_);  // the deferred load below picks the set
    setBox_->addItems(ImageSetCache::availableSetNames());
    if (options_.initialSet < setBox_->count()) setBox_->setCurrentIndex(options_.initialSet);
  }
  indexBox_ = new QSpinBox(this);
  indexBox_->setRange(0, 0);
  indexBox_->setToolTip(tr("Index of the image in the set"));
  auto* randomButton = new QPushButton(tr("Random"), this);
  randomButton->setToolTip(tr("Pick a random image of the set"));
  const int thumbnailPixels = options_.compact ? kCompactThumbnailPixels : kThumbnailPixels;
  thumbnail_ = new QLabel(this);
  thumbnail_->setFixedSize(thumbnailPixels, thumbnailPixels);
  thumbnail_->setAlignment(Qt::AlignCenter);
  thumbnail_->setFrameShape(QFrame::StyledPanel);
  caption_ = new QLabel(this);
  caption_->setWordWrap(true);
  if (options_.compact)
    layOutInARow(title, randomButton);
  else
    layOutInAColumn(title, randomButton);

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

// A group box with the enlarged thumbnail under the boxes: a view's column.
void ImagePicker::layOutInAColumn(const QString& title, QWidget* randomButton) {
  auto* group = new QGroupBox(title, this);
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
}

// [title] [set] [index] [Random] [thumbnail], the caption (or an error) under the boxes: low
// enough for the Analysis page's row above its tabs.
void ImagePicker::layOutInARow(const QString& title, QWidget* randomButton) {
  auto* titleLabel = new QLabel(title, this);
  QFont bold = titleLabel->font();
  bold.setBold(true);
  titleLabel->setFont(bold);
  auto* grid = new QGridLayout(this);
  grid->setContentsMargins(0, 0, 0, 0);
  grid->addWidget(titleLabel, 0, 0);
  grid->addWidget(setBox_, 0, 1);
  grid->addWidget(indexBox_, 0, 2);
  grid->addWidget(randomButton, 0, 3);
  grid->addWidget(thumbnail_, 0, 4, 2, 1, Qt::AlignTop);
  grid->addWidget(caption_, 1, 0, 1, 4, Qt::AlignTop);
  grid->setColumnStretch(1, 1);
  // A long error wraps instead of widening the page; the whole caption is also the tooltip.
  caption_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
}

void ImagePicker::setSetNames(const QStringList& names) {
  {
    const QSignalBlocker blocker(setBox_);
    setBox_->clear();
    setBox_->addItems(names);
    if (options_.initialSet < names.size()) setBox_->setCurrentIndex(options_.initialSet);
  }
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
  caption_->setToolTip(caption_->text());
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
  caption_->setToolTip(caption);
  Q_EMIT imageChanged();
}

}  // namespace glowscope
