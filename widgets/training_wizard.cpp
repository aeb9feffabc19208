#include "widgets/training_wizard.h"

#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "core/training/training_config.h"
#include "core/util/atomic_file.h"
#include "core/util/errors.h"

namespace glowscope {

TrainingWizard::TrainingWizard(TrainingWizardContext context, QWidget* parent)
    : QWizard(parent), context_(std::move(context)) {
  setObjectName("trainingWizard");
  setWindowTitle(tr("New training run"));
  setWizardStyle(QWizard::ClassicStyle);
  setOption(QWizard::HaveHelpButton, false);
  dataPage_ = new DataPage(context_, this);
  modelPage_ = new ModelPage(this);
  objectivePage_ = new ObjectivePage(context_, dataPage_, this);
  startPage_ = new StartPage(context_, objectivePage_, this);
  schedulePage_ = new SchedulePage(context_, this);
  summaryPage_ = new SummaryPage(this, this);
  setPage(kDataPage, dataPage_);
  setPage(kModelPage, modelPage_);
  setPage(kObjectivePage, objectivePage_);
  setPage(kStartPage, startPage_);
  setPage(kSchedulePage, schedulePage_);
  setPage(kSummaryPage, summaryPage_);
  setButtonText(QWizard::FinishButton, tr("&Start training"));
  resize(720, 620);
}

WizardPageBase* TrainingWizard::pageById(PageId id) const {
  return qobject_cast<WizardPageBase*>(page(id));
}

QString TrainingWizard::runName() const { return schedulePage_->runName(); }

nlohmann::json TrainingWizard::configJson() const {
  nlohmann::json form = nlohmann::json::object();
  // Order matters: the objective adds numClasses to the model the model page wrote.
  dataPage_->writeTo(form);
  modelPage_->writeTo(form);
  objectivePage_->writeTo(form);
  startPage_->writeTo(form);
  schedulePage_->writeTo(form);
  const QString root = context_.outputRoot.isEmpty() ? QDir::currentPath() : context_.outputRoot;
  form["outputDir"] = QDir(root).filePath(runName()).toStdString();
  return TrainingConfig::fromJson(form).toJson();
}

QString TrainingWizard::validationError() const {
  for (const WizardPageBase* page :
       {static_cast<WizardPageBase*>(dataPage_), static_cast<WizardPageBase*>(modelPage_),
        static_cast<WizardPageBase*>(objectivePage_), static_cast<WizardPageBase*>(startPage_),
        static_cast<WizardPageBase*>(schedulePage_)}) {
    const QString problem = page->check();
    if (!problem.isEmpty()) return page->title() + ": " + problem;
  }
  try {
    TrainingConfig::fromJson(configJson()).validate();
  } catch (const Error& error) {
    return QString::fromStdString(error.what());
  }
  return {};
}

bool TrainingWizard::saveConfig(const QString& path, QString* error) const {
  try {
    writeFileAtomically(path.toStdString(), configJson().dump(2) + "\n");
    return true;
  } catch (const Error& failure) {
    if (error) *error = QString::fromStdString(failure.what());
    return false;
  }
}

// ---------------------------------------------------------------------------------------------

SummaryPage::SummaryPage(const TrainingWizard* wizard, QWidget* parent)
    : QWizardPage(parent), wizard_(wizard) {
  setTitle(tr("Summary"));
  setSubTitle(tr("The run's configuration, exactly as glowscope-cli train --config takes it."));
  json_ = new QPlainTextEdit(this);
  json_->setObjectName("configJson");
  json_->setReadOnly(true);
  json_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
  error_ = new QLabel(this);
  error_->setObjectName("pageError");
  error_->setWordWrap(true);
  error_->setStyleSheet("color: #d03030;");
  auto* save = new QPushButton(tr("Save &JSON…"), this);
  save->setObjectName("saveJsonButton");
  connect(save, &QPushButton::clicked, this, [this] {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save training config"), wizard_->runName() + ".json", tr("JSON (*.json)"));
    QString problem;
    if (!path.isEmpty() && !wizard_->saveConfig(path, &problem)) error_->setText(problem);
  });
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(json_, 1);
  layout->addWidget(error_);
  layout->addWidget(save, 0, Qt::AlignRight);
}

void SummaryPage::initializePage() {
  error_->setText(wizard_->validationError());
  try {
    json_->setPlainText(QString::fromStdString(wizard_->configJson().dump(2)));
  } catch (const Error& error) {
    json_->clear();
    error_->setText(QString::fromStdString(error.what()));
  }
}

bool SummaryPage::validatePage() {
  error_->setText(wizard_->validationError());
  return error_->text().isEmpty();
}

QString SummaryPage::errorText() const { return error_->text(); }
QString SummaryPage::jsonText() const { return json_->toPlainText(); }

}  // namespace glowscope
