// The objective, start and schedule pages of the training wizard.
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "core/project/project_file.h"
#include "core/runtime/runtime.h"
#include "core/util/errors.h"
#include "widgets/wizard_pages.h"

namespace glowscope {
namespace {

constexpr auto kModelFilter = "Glowscope models (*.glow *.ckpt);;All files (*)";

QDoubleSpinBox* doubleSpin(const char* name, double maximum, double value, int decimals,
                           QWidget* parent) {
  auto* spin = new QDoubleSpinBox(parent);
  spin->setObjectName(name);
  spin->setRange(0, maximum);
  spin->setDecimals(decimals);
  spin->setValue(value);
  return spin;
}

QSpinBox* intSpin(const char* name, int minimum, int maximum, int value, QWidget* parent) {
  auto* spin = new QSpinBox(parent);
  spin->setObjectName(name);
  spin->setRange(minimum, maximum);
  spin->setValue(value);
  return spin;
}

QString missingFile(const QString& path, const QString& what) {
  if (path.isEmpty()) return QObject::tr("Choose %1.").arg(what);
  if (!QFileInfo(path).isFile()) return QObject::tr("%1 '%2' does not exist.").arg(what, path);
  return {};
}

}  // namespace

ObjectivePage::ObjectivePage(const TrainingWizardContext& context, const DataPage* data,
                             QWidget* parent)
    : WizardPageBase(parent), data_(data) {
  setTitle(tr("Objective"));
  setSubTitle(tr("Which losses train the model (see the paper, section 5)."));
  likelihood_ = new QCheckBox(tr("&Maximum likelihood on the training set"), this);
  likelihood_->setObjectName("lossLikelihood");
  likelihood_->setChecked(true);
  outlier_ = new QCheckBox(tr("&Outlier loss (needs a general distribution and model)"), this);
  outlier_->setObjectName("lossOutlier");
  outlierWeight_ = doubleSpin("outlierWeight", 1e9, 6000, 1, this);
  temperature_ = doubleSpin("outlierTemperature", 1e9, 1000, 1, this);
  margin_ = new QCheckBox(tr("M&argin loss (baseline)"), this);
  margin_->setObjectName("lossMargin");
  marginNats_ = doubleSpin("marginNats", 1e9, 0, 1, this);
  marginNats_->setSpecialValueText(tr("D (1 nat per dimension)"));
  diffDagger_ = new QCheckBox(tr("&Diff\u2020: train the general model, in-distribution images "
                                 "as outliers"),
                              this);
  diffDagger_->setObjectName("lossDiffDagger");
  inDistributionModel_ = new QComboBox(this);
  inDistributionModel_->setObjectName("inDistributionModel");
  supervised_ = new QCheckBox(tr("&Supervised (class-conditional heads)"), this);
  supervised_->setObjectName("lossSupervised");
  numClasses_ = intSpin("numClasses", 2, 1000, 10, this);
  setAllowedRange(numClasses_, 2, 1000);
  auto* form = new QFormLayout;
  form->addRow(likelihood_);
  form->addRow(outlier_);
  form->addRow(tr("Outlier weight \u03bb:"), outlierWeight_);
  form->addRow(tr("Temperature T (nats):"), temperature_);
  form->addRow(margin_);
  form->addRow(tr("Margin (nats):"), marginNats_);
  form->addRow(diffDagger_);
  form->addRow(tr("Frozen in-distribution model:"),
               pathChooser(inDistributionModel_, context.modelFiles, kModelFilter, this));
  form->addRow(supervised_);
  form->addRow(tr("Classes:"), numClasses_);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(errorLabel_);
  const auto updateEnabled = [this] {
    outlierWeight_->setEnabled(outlier_->isChecked());
    temperature_->setEnabled(outlier_->isChecked());
    marginNats_->setEnabled(margin_->isChecked());
    inDistributionModel_->setEnabled(diffDagger_->isChecked());
    numClasses_->setEnabled(supervised_->isChecked());
  };
  for (QCheckBox* box : {outlier_, margin_, diffDagger_, supervised_})
    connect(box, &QCheckBox::toggled, this, updateEnabled);
  updateEnabled();
}

bool ObjectivePage::needsGeneralModel() const {
  return outlier_->isChecked() || supervised_->isChecked() || diffDagger_->isChecked();
}

QString ObjectivePage::check() const {
  if (!likelihood_->isChecked() && !outlier_->isChecked() && !margin_->isChecked() &&
      !supervised_->isChecked())
    return tr("Enable at least one loss.");
  if ((outlier_->isChecked() || margin_->isChecked()) && data_->outlierSet().isEmpty())
    return tr("The outlier and margin losses need a general distribution (Data page).");
  if (outlier_->isChecked() && temperature_->value() <= 0)
    return tr("The temperature T must be positive.");
  if (diffDagger_->isChecked() && !outlier_->isChecked())
    return tr("Diff\u2020 trains with the outlier loss: enable it too.");
  if (diffDagger_->isChecked()) {
    const QString text = inDistributionModel_->currentText().trimmed();
    if (!text.isEmpty() && !QFileInfo(text).isFile())
      return tr("The in-distribution model '%1' does not exist.").arg(text);
  }
  return {};
}

void ObjectivePage::writeTo(nlohmann::json& config) const {
  nlohmann::json losses = {
      {"likelihood", likelihood_->isChecked()},
      {"outlier", outlier_->isChecked()},
      {"margin", margin_->isChecked()},
      {"supervised", supervised_->isChecked()},
      {"trainedModel", diffDagger_->isChecked() ? "general" : "in-distribution"}};
  if (outlier_->isChecked()) {
    losses["outlierWeight"] = outlierWeight_->value();
    losses["outlierTemperature"] = temperature_->value();
  }
  if (margin_->isChecked()) losses["marginNats"] = marginNats_->value();
  config["losses"] = losses;
  if (supervised_->isChecked()) config["model"]["numClasses"] = numClasses_->value();
  const QString inDistribution = inDistributionModel_->currentText().trimmed();
  if (diffDagger_->isChecked() && !inDistribution.isEmpty())
    config["inDistributionModel"] = inDistribution.toStdString();
}

// ---------------------------------------------------------------------------------------------

StartPage::StartPage(const TrainingWizardContext& context, const ObjectivePage* objective,
                     QWidget* parent)
    : WizardPageBase(parent), objective_(objective) {
  setTitle(tr("Start"));
  setSubTitle(tr("Train from scratch or fine-tune a general model."));
  scratch_ = new QRadioButton(tr("From s&cratch (data-dependent ActNorm initialisation)"), this);
  scratch_->setObjectName("startScratch");
  scratch_->setChecked(true);
  fineTune_ = new QRadioButton(tr("&Fine-tune from a model or checkpoint"), this);
  fineTune_->setObjectName("startFineTune");
  initFrom_ = new QComboBox(this);
  initFrom_->setObjectName("initFrom");
  freezeScales_ = intSpin("freezeScales", 0, 6, 0, this);
  freezeScales_->setSpecialValueText(tr("none"));
  setAllowedRange(freezeScales_, 0, 6, true);
  generalModel_ = new QComboBox(this);
  generalModel_->setObjectName("generalModel");
  auto* form = new QFormLayout;
  // A long label (in German, the general model's) goes above its field instead of widening the
  // wizard, whose buttons would then move.
  form->setRowWrapPolicy(QFormLayout::WrapLongRows);
  form->addRow(scratch_);
  form->addRow(fineTune_);
  form->addRow(tr("&Model to fine-tune:"),
               pathChooser(initFrom_, context.modelFiles, kModelFilter, this));
  form->addRow(tr("F&reeze the first scales:"), freezeScales_);
  form->addRow(tr("&General model (frozen; ratio AUROC, outlier loss, Diff\u2020):"),
               pathChooser(generalModel_, context.modelFiles, kModelFilter, this));
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(errorLabel_);
  const auto updateEnabled = [this] {
    initFrom_->setEnabled(fineTune_->isChecked());
    freezeScales_->setEnabled(fineTune_->isChecked());
  };
  connect(fineTune_, &QRadioButton::toggled, this, updateEnabled);
  updateEnabled();
}

QString StartPage::check() const {
  if (fineTune_->isChecked()) {
    const QString problem =
        missingFile(initFrom_->currentText().trimmed(), tr("the model to fine-tune"));
    if (!problem.isEmpty()) return problem;
  }
  const QString general = generalModel_->currentText().trimmed();
  if (objective_->needsGeneralModel() && general.isEmpty())
    return tr("The chosen objective needs a general model.");
  if (!general.isEmpty()) return missingFile(general, tr("the general model"));
  return {};
}

void StartPage::writeTo(nlohmann::json& config) const {
  if (fineTune_->isChecked()) {
    config["initFrom"] = initFrom_->currentText().trimmed().toStdString();
    config["freezeScales"] = freezeScales_->value();
  }
  const QString general = generalModel_->currentText().trimmed();
  if (!general.isEmpty()) config["generalModel"] = general.toStdString();
}

// ---------------------------------------------------------------------------------------------

SchedulePage::SchedulePage(const TrainingWizardContext& context, QWidget* parent)
    : WizardPageBase(parent), existingRuns_(context.existingRunNames) {
  setTitle(tr("Schedule"));
  setSubTitle(tr("How long and how fast to train, and where."));
  runName_ = new QLineEdit(this);
  runName_->setObjectName("runName");
  int index = context.existingRunNames.size() + 1;
  while (existingRuns_.contains(QString("run-%1").arg(index))) ++index;
  runName_->setText(QString("run-%1").arg(index));
  useSteps_ = new QRadioButton(tr("S&teps:"), this);
  useSteps_->setObjectName("useSteps");
  useSteps_->setChecked(true);
  useEpochs_ = new QRadioButton(tr("E&pochs:"), this);
  useEpochs_->setObjectName("useEpochs");
  steps_ = intSpin("steps", 1, 10'000'000, 1000, this);
  epochs_ = intSpin("epochs", 1, 100'000, 10, this);
  batch_ = intSpin("batchSize", 1, 4096, 64, this);
  learningRate_ = new QLineEdit("5e-4", this);
  learningRate_->setObjectName("learningRate");
  warmup_ = intSpin("warmupSteps", -1, 1'000'000, -1, this);
  warmup_->setSpecialValueText(tr("auto (100 when fine-tuning, else 0)"));
  schedule_ = new QComboBox(this);
  schedule_->setObjectName("schedule");
  schedule_->addItem(tr("constant"), "constant");
  schedule_->addItem(tr("cosine decay to zero"), "cosine");
  averageDecay_ = new QDoubleSpinBox(this);
  averageDecay_->setObjectName("averageDecay");
  averageDecay_->setRange(0, 0.9999);
  averageDecay_->setDecimals(4);
  averageDecay_->setSingleStep(0.001);
  averageDecay_->setSpecialValueText(tr("off"));
  averageDecay_->setToolTip(
      tr("Polyak averaging: an exponential moving average of the weights "
         "with this decay; evaluation and the saved model use it. 0.99 "
         "averages over roughly the last 100 steps."));
  seed_ = intSpin("seed", 0, 2'000'000'000, 0, this);
  threads_ = intSpin("threads", 0, 256, 0, this);
  threads_->setSpecialValueText(tr("all cores"));
  processes_ = intSpin("processes", 1, 64, 1, this);
  processes_->setToolTip(
      tr("Data-parallel processes on this machine: each trains on its share of every batch and "
         "the threads are split between them (docs/scaling-out.md)."));
  device_ = new QComboBox(this);
  device_->setObjectName("device");
  device_->addItem("cpu");
  if (preferredDeviceName() == "cuda") device_->addItem("cuda");  // only what this machine has
  device_->setCurrentText(QString::fromStdString(preferredDeviceName()));
  evalEvery_ = intSpin("evalEverySteps", 0, 10'000'000, 200, this);
  evalEvery_->setSpecialValueText(tr("only at the end"));
  checkpointEvery_ = intSpin("checkpointEverySteps", 1, 10'000'000, 500, this);
  threads_->setValue(context.defaultThreads);
  // Every number typed is kept as typed; the page refuses one outside its range and says so.
  setAllowedRange(steps_, 1, 10'000'000);
  setAllowedRange(epochs_, 1, 100'000);
  setAllowedRange(batch_, 1, 4096);
  setAllowedRange(warmup_, -1, 1'000'000, true);
  setAllowedRange(seed_, 0, 2'000'000'000);
  setAllowedRange(threads_, 0, 256, true);
  setAllowedRange(processes_, 1, 64);
  setAllowedRange(evalEvery_, 0, 10'000'000, true);
  setAllowedRange(checkpointEvery_, 1, 10'000'000);
  auto* form = new QFormLayout;
  form->addRow(tr("&Run name:"), runName_);
  form->addRow(useSteps_, steps_);
  form->addRow(useEpochs_, epochs_);
  form->addRow(tr("&Batch size:"), batch_);
  form->addRow(tr("&Learning rate:"), learningRate_);
  form->addRow(tr("&Warm-up steps:"), warmup_);
  form->addRow(tr("Learning-rate sch&edule:"), schedule_);
  form->addRow(tr("Weight &averaging (decay):"), averageDecay_);
  form->addRow(tr("&Seed:"), seed_);
  form->addRow(tr("T&hreads:"), threads_);
  form->addRow(tr("Pr&ocesses:"), processes_);
  form->addRow(tr("&Device:"), device_);
  form->addRow(tr("E&valuate every (steps):"), evalEvery_);
  form->addRow(tr("&Checkpoint every (steps):"), checkpointEvery_);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(form);
  layout->addWidget(errorLabel_);
  const auto updateEnabled = [this] {
    steps_->setEnabled(useSteps_->isChecked());
    epochs_->setEnabled(useEpochs_->isChecked());
  };
  connect(useSteps_, &QRadioButton::toggled, this, updateEnabled);
  updateEnabled();
}

QString SchedulePage::runName() const { return runName_->text().trimmed(); }

QString SchedulePage::check() const {
  try {
    validateRunName(runName().toStdString());
  } catch (const ConfigError& error) {
    return tr("Run name: %1").arg(QString::fromStdString(error.what()));
  }
  if (existingRuns_.contains(runName()))
    return tr("A run named '%1' exists already: choose another name.").arg(runName());
  bool ok = false;
  const double rate = learningRate_->text().trimmed().toDouble(&ok);
  if (!ok || !(rate > 0) || rate > 1)
    return tr("The learning rate must be a number in (0, 1], e.g. 5e-4.");
  if (processes_->value() > 0 && batch_->value() % processes_->value() != 0)
    return tr("The batch size must be a multiple of the number of processes: each process takes "
              "an equal share of every batch.");
  return {};
}

void SchedulePage::writeTo(nlohmann::json& config) const {
  config["steps"] = useSteps_->isChecked() ? steps_->value() : 0;
  config["epochs"] = useEpochs_->isChecked() ? epochs_->value() : 0;
  config["batchSize"] = batch_->value();
  config["optimizer"]["learningRate"] = learningRate_->text().trimmed().toDouble();
  config["optimizer"]["warmupSteps"] = warmup_->value();
  config["optimizer"]["schedule"] = schedule_->currentData().toString().toStdString();
  config["optimizer"]["averageDecay"] = averageDecay_->value();
  config["seed"] = seed_->value();
  config["dataSeed"] = seed_->value();
  config["threads"] = threads_->value();
  config["processes"] = processes_->value();
  config["device"] = device_->currentText().toStdString();
  config["evalEverySteps"] = evalEvery_->value();
  config["checkpointEverySteps"] = checkpointEvery_->value();
}

}  // namespace glowscope
