#include "widgets/wizard_pages.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <cmath>

#include "core/flows/model_config.h"
#include "core/models/pixelcnn_config.h"
#include "core/training/training_config.h"
#include "core/util/errors.h"
#include "widgets/dataset_check.h"

namespace glowscope {
namespace {

QSpinBox* spinBox(const char* name, int minimum, int maximum, int value, QWidget* parent) {
  auto* spin = new QSpinBox(parent);
  spin->setObjectName(name);
  spin->setRange(minimum, maximum);
  spin->setValue(value);
  return spin;
}

QComboBox* setCombo(const char* name, const QStringList& items, bool allowNone, QWidget* parent) {
  auto* combo = new QComboBox(parent);
  combo->setObjectName(name);
  combo->setEditable(true);
  if (allowNone) combo->addItem(QString());
  combo->addItems(items);
  combo->setMinimumContentsLength(28);
  return combo;
}

QString megabytes(double bytes) { return QLocale().toString(bytes / (1024.0 * 1024.0), 'f', 1); }

}  // namespace

WizardPageBase::WizardPageBase(QWidget* parent) : QWizardPage(parent) {
  errorLabel_ = new QLabel(this);
  errorLabel_->setObjectName("pageError");
  errorLabel_->setWordWrap(true);
  errorLabel_->setStyleSheet("color: #d03030;");
}

void setAllowedRange(QSpinBox* spin, int minimum, int maximum, bool keepMinimum) {
  constexpr int kAnything = 2'000'000'000;
  spin->setRange(keepMinimum ? minimum : -kAnything, kAnything);
  spin->setProperty("allowedMinimum", minimum);
  spin->setProperty("allowedMaximum", maximum);
}

QString WizardPageBase::problem() const {
  for (const QSpinBox* spin : findChildren<QSpinBox*>()) {
    const QVariant minimum = spin->property("allowedMinimum");
    if (!minimum.isValid() || !spin->isEnabled()) continue;
    const int maximum = spin->property("allowedMaximum").toInt();
    if (spin->value() >= minimum.toInt() && spin->value() <= maximum) continue;
    QString name = spin->objectName();  // the label of its form row names it for the user
    for (const QFormLayout* form : findChildren<QFormLayout*>()) {
      const QWidget* label = form->labelForField(const_cast<QSpinBox*>(spin));
      if (const auto* text = qobject_cast<const QLabel*>(label)) name = text->text();
      if (const auto* button = qobject_cast<const QAbstractButton*>(label)) name = button->text();
    }
    name = name.remove('&').remove(':').trimmed();
    return tr("%1 must be between %L2 and %L3; %L4 is outside that range.")
        .arg(name)
        .arg(minimum.toInt())
        .arg(maximum)
        .arg(spin->value());
  }
  return check();
}

bool WizardPageBase::validatePage() {
  const QString message = problem();
  errorLabel_->setText(message);
  return message.isEmpty();
}

QString WizardPageBase::errorText() const { return errorLabel_->text(); }

QWidget* pathChooser(QComboBox* combo, const QStringList& known, const QString& filter,
                     QWidget* parent) {
  auto* box = new QWidget(parent);
  auto* row = new QHBoxLayout(box);
  row->setContentsMargins(0, 0, 0, 0);
  combo->setEditable(true);
  combo->addItem(QString());
  combo->addItems(known);
  combo->setMinimumContentsLength(32);
  auto* browse = new QToolButton(box);
  browse->setText(QString::fromUtf8("…"));
  QObject::connect(browse, &QToolButton::clicked, combo, [combo, filter] {
    const QString file =
        QFileDialog::getOpenFileName(combo, QObject::tr("Choose a model"), QString(), filter);
    if (!file.isEmpty()) combo->setCurrentText(file);
  });
  row->addWidget(combo, 1);
  row->addWidget(browse);
  return box;
}

// ---------------------------------------------------------------------------------------------

DataPage::DataPage(const TrainingWizardContext& context, QWidget* parent) : WizardPageBase(parent) {
  setTitle(tr("Data"));
  setSubTitle(
      tr("The in-distribution training set, an optional general distribution (outlier "
         "images for the outlier and margin losses) and the sets evaluated periodically."));
  trainSet_ = setCombo("trainSet", context.datasets, false, this);
  testSet_ = setCombo("testSet", context.datasets, true, this);
  outlierSet_ = setCombo("outlierSet", context.datasets, true, this);
  oodSets_ = new QListWidget(this);
  oodSets_->setObjectName("oodSets");
  for (const QString& name : context.datasets) {
    auto* item = new QListWidgetItem(name, oodSets_);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
    item->setCheckState(Qt::Unchecked);
  }
  trainLimit_ = spinBox("trainLimit", 0, 10'000'000, 0, this);
  trainLimit_->setSpecialValueText(tr("all"));
  setAllowedRange(trainLimit_, 0, 10'000'000, true);
  evalLimit_ = spinBox("evalLimit", 1, 1'000'000, 1000, this);
  setAllowedRange(evalLimit_, 1, 1'000'000);
  const auto statusLabel = [this](const char* name) {
    auto* label = new QLabel(this);
    label->setObjectName(name);
    label->setWordWrap(true);  // a long reason wraps; it never widens the wizard
    return label;
  };
  trainStatus_ = statusLabel("trainSetStatus");
  testStatus_ = statusLabel("testSetStatus");
  outlierStatus_ = statusLabel("outlierSetStatus");
  oodStatus_ = statusLabel("oodSetsStatus");
  auto* form = new QFormLayout;
  form->addRow(tr("&Training set (in-distribution):"), trainSet_);
  form->addRow(QString(), trainStatus_);
  form->addRow(tr("Training images &used:"), trainLimit_);
  form->addRow(tr("T&est set (bits/dim):"), testSet_);
  form->addRow(QString(), testStatus_);
  form->addRow(tr("&General distribution (outliers):"), outlierSet_);
  form->addRow(QString(), outlierStatus_);
  form->addRow(tr("&OOD sets (periodic AUROC):"), oodSets_);
  form->addRow(QString(), oodStatus_);
  form->addRow(tr("Images per &evaluated set:"), evalLimit_);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(errorLabel_);
  // Each chosen set is loaded once in the background; the page says what the loader said.
  check_ = new DatasetCheck(this);
  checkDelay_ = new QTimer(this);
  checkDelay_->setSingleShot(true);
  checkDelay_->setInterval(400);  // typing a name checks the name, not every prefix of it
  connect(checkDelay_, &QTimer::timeout, this, &DataPage::requestChecks);
  for (QComboBox* combo : {trainSet_, testSet_, outlierSet_})
    connect(combo, &QComboBox::currentTextChanged, this, [this] {
      checkDelay_->start();
      Q_EMIT completeChanged();  // Next waits for the answer
    });
  connect(oodSets_, &QListWidget::itemChanged, this, &DataPage::requestChecks);
  connect(check_, &DatasetCheck::answered, this, [this] {
    showAnswers();
    Q_EMIT completeChanged();
    if (!errorLabel_->text().isEmpty()) errorLabel_->setText(problem());
  });
  requestChecks();
}

QStringList DataPage::chosenSets() const {
  QStringList sets;
  for (const QString& name : {trainSet_->currentText().trimmed(),
                              testSet_->currentText().trimmed(), outlierSet()})
    if (!name.isEmpty()) sets << name;
  for (int row = 0; row < oodSets_->count(); ++row)
    if (oodSets_->item(row)->checkState() == Qt::Checked) sets << oodSets_->item(row)->text();
  sets.removeDuplicates();
  return sets;
}

bool DataPage::checksPending() const { return checkDelay_->isActive() || check_->busy(); }

bool DataPage::isComplete() const { return !checksPending(); }

void DataPage::requestChecks() {
  check_->request(chosenSets());
  showAnswers();
  Q_EMIT completeChanged();
}

QString DataPage::setShape(const QString& spec) const {
  const DatasetCheck::Answer answer = check_->answer(spec);
  return answer.state == DatasetCheck::State::Loads ? answer.detail : QString();
}

void DataPage::showAnswers() {
  const auto describe = [this](const QString& spec, QLabel* label) {
    const DatasetCheck::Answer answer = check_->answer(spec);
    label->setToolTip(answer.detail);
    label->setStyleSheet(answer.state == DatasetCheck::State::Fails ? "color: #d03030;" : "");
    switch (answer.state) {
      case DatasetCheck::State::Unknown:
        label->clear();
        break;
      case DatasetCheck::State::Checking:
        label->setText(tr("checking %1…").arg(spec));
        break;
      case DatasetCheck::State::Loads:
        label->setText(tr("loads: %1 images (height×width×channels)").arg(answer.detail));
        break;
      case DatasetCheck::State::Fails:
        label->setText(tr("cannot be loaded: %1").arg(answer.detail));
        break;
    }
  };
  describe(trainSet_->currentText().trimmed(), trainStatus_);
  describe(testSet_->currentText().trimmed(), testStatus_);
  describe(outlierSet(), outlierStatus_);
  QStringList failing;
  for (int row = 0; row < oodSets_->count(); ++row) {
    QListWidgetItem* item = oodSets_->item(row);
    const DatasetCheck::Answer answer = check_->answer(item->text());
    const QSignalBlocker blocker(oodSets_);
    item->setForeground(answer.state == DatasetCheck::State::Fails ? QColor(208, 48, 48)
                                                                   : QBrush());
    item->setToolTip(answer.detail);
    if (item->checkState() == Qt::Checked && answer.state == DatasetCheck::State::Fails)
      failing << item->text();
  }
  oodStatus_->setStyleSheet(failing.isEmpty() ? "" : "color: #d03030;");
  oodStatus_->setText(failing.isEmpty() ? QString()
                                        : tr("cannot be loaded: %1").arg(failing.join(", ")));
}

QString DataPage::outlierSet() const { return outlierSet_->currentText().trimmed(); }

QString DataPage::check() const {
  const QString train = trainSet_->currentText().trimmed();
  if (train.isEmpty()) return tr("Choose a training set.");
  for (const QString& name : {train, testSet_->currentText().trimmed(), outlierSet()})
    if (name.contains('[') || name.endsWith(":/dir") || name.endsWith(":/path"))
      return tr("'%1' is a pattern, not a dataset: replace the path part.").arg(name);
  for (int row = 0; row < oodSets_->count(); ++row)
    if (oodSets_->item(row)->checkState() == Qt::Checked && oodSets_->item(row)->text() == train)
      return tr("The training set cannot also be an OOD set.");
  if (outlierSet() == train)
    return tr("The general distribution must differ from the training set.");
  for (const QString& spec : chosenSets()) {
    const DatasetCheck::Answer answer = check_->answer(spec);
    if (answer.state == DatasetCheck::State::Fails)
      return tr("The set '%1' cannot be loaded: %2").arg(spec, answer.detail);
    if (answer.state != DatasetCheck::State::Loads)
      return tr("Still checking that '%1' loads; try again in a moment.").arg(spec);
  }
  return {};
}

void DataPage::writeTo(nlohmann::json& config) const {
  config["trainSet"] = trainSet_->currentText().trimmed().toStdString();
  const QString test = testSet_->currentText().trimmed();
  if (!test.isEmpty()) config["testSet"] = test.toStdString();
  if (!outlierSet().isEmpty()) config["outlierSet"] = outlierSet().toStdString();
  nlohmann::json ood = nlohmann::json::array();
  for (int row = 0; row < oodSets_->count(); ++row)
    if (oodSets_->item(row)->checkState() == Qt::Checked)
      ood.push_back(oodSets_->item(row)->text().toStdString());
  config["oodSets"] = ood;
  config["trainLimit"] = trainLimit_->value();
  config["evalLimit"] = evalLimit_->value();
}

// ---------------------------------------------------------------------------------------------

ModelPage::ModelPage(QWidget* parent) : WizardPageBase(parent) {
  setTitle(tr("Model"));
  setSubTitle(
      tr("A Glow flow: multi-scale convolutional, fully connected (dense) or local "
         "(one small Glow on every patch); or PixelCNN++, an autoregressive model with "
         "per-pixel log-likelihoods (no scales)."));
  type_ = new QComboBox(this);
  type_->setObjectName("modelType");
  type_->addItem(tr("Convolutional Glow"), "conv");
  type_->addItem(tr("Dense Glow"), "dense");
  type_->addItem(tr("Local Glow (patches)"), "local");
  type_->addItem(tr("PixelCNN++ (autoregressive)"), QString::fromUtf8(kPixelCnnTypeName));
  preset_ = new QComboBox(this);
  preset_->setObjectName("modelPreset");
  for (const std::string& name : modelPresetNames()) preset_->addItem(QString::fromStdString(name));
  channels_ = spinBox("modelChannels", 1, 4, 1, this);
  height_ = spinBox("modelHeight", 4, 256, 32, this);
  width_ = spinBox("modelWidth", 4, 256, 32, this);
  scales_ = spinBox("numScales", 1, 6, 3, this);
  stepsPerScale_ = spinBox("stepsPerScale", 1, 64, 8, this);
  hidden_ = spinBox("hiddenChannels", 1, 2048, 128, this);
  patch_ = spinBox("patchSize", 2, 64, 8, this);
  summary_ = new QLabel(this);
  summary_->setObjectName("modelSummary");
  auto* form = new QFormLayout;
  form->addRow(tr("&Type:"), type_);
  form->addRow(tr("&Preset:"), preset_);
  form->addRow(tr("Image &channels:"), channels_);
  form->addRow(tr("Image &height:"), height_);
  form->addRow(tr("Image &width:"), width_);
  form->addRow(tr("&Scales (L):"), scales_);
  form->addRow(tr("Flow steps per scale (&K):"), stepsPerScale_);
  form->addRow(tr("Hidden channels/&units:"), hidden_);
  form->addRow(tr("Patch si&ze (local):"), patch_);
  form->addRow(tr("Size:"), summary_);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(errorLabel_);
  preset_->setCurrentText("small");
  connect(preset_, &QComboBox::currentIndexChanged, this, &ModelPage::applyPreset);
  connect(type_, &QComboBox::currentIndexChanged, this, [this] {
    listFamilyPresets();
    applyPreset();
  });
  for (QSpinBox* spin : {channels_, height_, width_, scales_, stepsPerScale_, hidden_, patch_})
    connect(spin, &QSpinBox::valueChanged, this, &ModelPage::updateSummary);
  applyPreset();
}

bool ModelPage::isPixelCnn() const { return type_->currentData().toString() == kPixelCnnTypeName; }

/// The preset box lists the chosen family's presets (both have tiny, small and paper).
void ModelPage::listFamilyPresets() {
  const QSignalBlocker blocker(preset_);
  const QString current = preset_->currentText();
  preset_->clear();
  for (const std::string& name : isPixelCnn() ? pixelCnnPresetNames() : modelPresetNames())
    preset_->addItem(QString::fromStdString(name));
  preset_->setCurrentText(current);
}

void ModelPage::applyPreset() {
  for (QSpinBox* spin : {scales_, stepsPerScale_, hidden_}) spin->setEnabled(!isPixelCnn());
  if (isPixelCnn()) {
    patch_->setEnabled(false);
    updateSummary();
    return;
  }
  try {
    const ModelConfig preset =
        modelPreset(preset_->currentText().toStdString(),
                    flowTypeFromName(type_->currentData().toString().toStdString()),
                    channels_->value(), height_->value(), width_->value());
    scales_->setValue(preset.numScales);
    stepsPerScale_->setValue(preset.stepsPerScale);
    hidden_->setValue(preset.hiddenChannels);
    patch_->setValue(preset.patchSize);
  } catch (const Error&) {
    // The sizes are shown as they are; check() names the problem.
  }
  patch_->setEnabled(type_->currentData().toString() == "local");
  updateSummary();
}

nlohmann::json ModelPage::modelJson() const {
  if (isPixelCnn())  // the preset names the architecture (docs/pixelcnn.md)
    return {{"type", kPixelCnnTypeName},
            {"preset", preset_->currentText().toStdString()},
            {"channels", channels_->value()},
            {"height", height_->value()},
            {"width", width_->value()}};
  nlohmann::json model = {{"type", type_->currentData().toString().toStdString()},
                          {"channels", channels_->value()},
                          {"height", height_->value()},
                          {"width", width_->value()},
                          {"numScales", scales_->value()},
                          {"stepsPerScale", stepsPerScale_->value()},
                          {"hiddenChannels", hidden_->value()}};
  if (type_->currentData().toString() == "local") model["patchSize"] = patch_->value();
  return model;
}

void ModelPage::updateSummary() {
  try {
    if (isPixelCnn()) {
      const PixelCnnConfig config = pixelCnnConfigFromJson(modelJson());
      summary_->setText(tr("%L1 parameters; %2 blocks per stage, %3 filters, %4 logistics")
                            .arg(static_cast<qint64>(pixelCnnParameterCount(config)))
                            .arg(config.resnetBlocks)
                            .arg(config.filters)
                            .arg(config.logistics));
      return;
    }
    const ModelConfig config = modelConfigFromJson(modelJson());
    const auto parameters = static_cast<double>(analyticParameterCount(config));
    const double memory = estimatedTrainingBytes(config, 64);
    summary_->setText(tr("%L1 parameters (%2 MB); about %3 MB to train with batch 64")
                          .arg(static_cast<qint64>(parameters))
                          .arg(megabytes(parameters * 4.0))
                          .arg(megabytes(memory)));
  } catch (const Error& error) {
    summary_->setText(QString::fromStdString(error.what()));
  }
}

QString ModelPage::check() const {
  try {
    if (isPixelCnn())
      pixelCnnConfigFromJson(modelJson());
    else
      modelConfigFromJson(modelJson());
  } catch (const Error& error) {
    return tr("Model: %1").arg(QString::fromStdString(error.what()));
  }
  return {};
}

void ModelPage::writeTo(nlohmann::json& config) const { config["model"] = modelJson(); }

}  // namespace glowscope
