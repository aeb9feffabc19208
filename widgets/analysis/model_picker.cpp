#include "widgets/analysis/model_picker.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QThread>
#include <algorithm>

#include "core/analysis/model_handle.h"
#include "core/data/transforms.h"

namespace glowscope {

ModelPicker::ModelPicker(QWidget* parent)
    : QWidget(parent),
      box_(new QComboBox(this)),
      loadFile_(new QPushButton(tr("Load model file…"), this)),
      status_(new QLabel(tr("No model chosen"), this)) {
  box_->setObjectName("modelBox");
  box_->setMinimumContentsLength(18);
  box_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
  loadFile_->setObjectName("loadModelFileButton");
  loadFile_->setToolTip(tr("Choose a model.glow file saved by Glowscope"));
  status_->setObjectName("modelStatus");
  status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* row = new QHBoxLayout(this);
  row->setContentsMargins(0, 0, 0, 0);
  row->addWidget(new QLabel(tr("Model:"), this));
  row->addWidget(box_);
  row->addWidget(loadFile_);
  row->addWidget(status_, 1);
  connect(box_, &QComboBox::currentIndexChanged, this, [this] { loadCurrent(); });
  connect(loadFile_, &QPushButton::clicked, this, &ModelPicker::chooseFile);
}

ModelPicker::~ModelPicker() {
  // Loading cannot be interrupted; it only reads one file.
  if (loader_) loader_->wait();
}

void ModelPicker::setModels(const std::vector<std::pair<QString, QString>>& labelAndPath) {
  {
    const QSignalBlocker blocker(box_);
    box_->clear();
    for (const auto& [label, path] : labelAndPath) box_->addItem(label, path);
  }
  loadCurrent();
}

void ModelPicker::addModelFile(const QString& path, const QString& label) {
  const QFileInfo info(path);
  const QString shown = label.isEmpty() ? info.dir().dirName() + "/" + info.fileName() : label;
  int index = box_->findData(path);
  if (index < 0) {
    const QSignalBlocker blocker(box_);
    box_->addItem(shown, path);
    index = box_->count() - 1;
  }
  if (box_->currentIndex() == index)
    loadCurrent();
  else
    box_->setCurrentIndex(index);
}

QString ModelPicker::modelLabel() const { return model_ ? box_->currentText() : QString(); }

void ModelPicker::chooseFile() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Load model file"), QString(),
                                                    tr("Glow models (*.glow);;All files (*)"));
  if (!path.isEmpty()) addModelFile(path);
}

void ModelPicker::loadCurrent() {
  ++generation_;
  if (model_) {
    model_.reset();
    Q_EMIT modelChanged();
  }
  const QString path = box_->currentData().toString();
  if (path.isEmpty()) {
    status_->setText(tr("No model chosen"));
    return;
  }
  status_->setText(tr("Loading %1…").arg(box_->currentText()));
  if (loader_) return;  // finishLoad sees the newer generation and loads again
  const std::uint64_t generation = generation_;
  loader_ = QThread::create([this, path, generation] {
    std::shared_ptr<analysis::ModelHandle> handle;
    QString error;
    try {
      handle = analysis::ModelHandle::load(path.toStdString());
    } catch (const std::exception& failure) {
      error = QString::fromUtf8(failure.what());
    }
    QMetaObject::invokeMethod(
        this, [this, generation, handle, error] { finishLoad(generation, handle, error); },
        Qt::QueuedConnection);
  });
  connect(loader_, &QThread::finished, loader_, &QObject::deleteLater);
  loader_->start(QThread::LowPriority);
}

void ModelPicker::finishLoad(std::uint64_t generation,
                             std::shared_ptr<analysis::ModelHandle> handle, const QString& error) {
  loader_->wait();
  loader_ = nullptr;
  if (generation != generation_) {
    loadCurrent();
    return;
  }
  if (!error.isEmpty()) {
    status_->setText(tr("Cannot load the model: %1").arg(error));
    return;
  }
  model_ = std::move(handle);
  status_->setText(QString::fromStdString(model_->description()));
  status_->setToolTip(QString::fromStdString(model_->path().string()));
  Q_EMIT modelChanged();
}

ImageSet imagesWithShape(const ImageSet& images, std::int64_t channels, std::int64_t height,
                         std::int64_t width) {
  ImageSet prepared = convertChannels(images, channels);
  if (prepared.height != height || prepared.width != width)
    prepared = resizeImages(prepared, height, width);
  return prepared;
}

ImageSet imagesForModel(const ImageSet& images, const analysis::ModelHandle* model) {
  if (!model) return images;
  return imagesWithShape(images, model->channels(), model->height(), model->width());
}

ImageSet firstImages(const ImageSet& images, std::int64_t count) {
  ImageSet first = images;
  first.count = std::clamp<std::int64_t>(count, 0, images.count);
  first.pixels.resize(static_cast<std::size_t>(first.count * images.imageBytes()));
  if (images.labelled()) first.labels.resize(static_cast<std::size_t>(first.count));
  return first;
}

}  // namespace glowscope
