#include "widgets/analysis/model_picker.h"

#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

#include "core/analysis/model_handle.h"
#include "core/util/log.h"

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
  // A long description or error must not widen the window: cut at the right, whole in the
  // tooltip.
  status_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
  auto* row = new QHBoxLayout(this);
  row->setContentsMargins(0, 0, 0, 0);
  row->addWidget(new QLabel(tr("Model:"), this));
  row->addWidget(box_);
  row->addWidget(loadFile_);
  row->addWidget(status_, 1);
  connect(box_, &QComboBox::currentIndexChanged, this, [this] { loadCurrent(); });
  connect(loadFile_, &QPushButton::clicked, this, &ModelPicker::chooseFile);
}

ModelPicker::~ModelPicker() = default;

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

QString ModelPicker::summaryText(const analysis::ModelHandle& model) {
  const analysis::ModelHandle::Summary s = model.summary();
  return tr("%1 Glow, %2 scales × %3 steps, hidden %4, %5×%6×%7, %L8 parameters")
      .arg(QString::fromStdString(s.flowType))
      .arg(s.numScales)
      .arg(s.stepsPerScale)
      .arg(s.hiddenChannels)
      .arg(s.channels)
      .arg(s.height)
      .arg(s.width)
      .arg(s.parameters);
}

QString ModelPicker::modelLabel() const { return model_ ? box_->currentText() : QString(); }

void ModelPicker::chooseFile() {
  const QString path = QFileDialog::getOpenFileName(this, tr("Load model file"), QString(),
                                                    tr("Glow models (*.glow);;All files (*)"));
  if (!path.isEmpty()) addModelFile(path);
}

void ModelPicker::loadCurrent() {
  if (model_) {
    model_.reset();
    Q_EMIT modelChanged();
  }
  const QString path = box_->currentData().toString();
  if (path.isEmpty()) {
    loader_.discard();
    status_->setText(tr("No model chosen"));
    return;
  }
  status_->setText(tr("Loading %1…").arg(box_->currentText()));
  status_->setToolTip(path);
  loader_.start([path](const BackgroundRun&) {
    return ModelLoad{analysis::ModelHandle::load(path.toStdString()), {}};
  });
}

void ModelPicker::finishLoad(ModelLoad load) {
  if (!load.error.isEmpty()) {
    status_->setText(tr("Cannot load the model: %1").arg(load.error));
    status_->setToolTip(status_->text() + "\n" + box_->currentData().toString());
    logger()->error("cannot load the model {}: {}", box_->currentData().toString().toStdString(),
                    load.error.toStdString());
    return;
  }
  model_ = std::move(load.handle);
  status_->setText(summaryText(*model_));
  status_->setToolTip(status_->text() + "\n" + QString::fromStdString(model_->path().string()));
  Q_EMIT modelChanged();
}

}  // namespace glowscope
