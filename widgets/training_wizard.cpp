#include "widgets/training_wizard.h"

#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "core/flows/model_config.h"
#include "core/training/training_config.h"
#include "core/util/atomic_file.h"
#include "core/util/errors.h"
#include "widgets/training_series.h"

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

void TrainingWizard::showEvent(QShowEvent* event) {
  QWizard::showEvent(event);
  if (sizedForAllPages_ || !currentPage()) return;
  sizedForAllPages_ = true;
  // QWizard widens to the current page when it needs more room, moving Back/Next under the
  // cursor. Wide enough for the widest page (a translation may widen any) from the start.
  const int chrome = minimumSizeHint().width() - currentPage()->minimumSizeHint().width();
  int widestPage = 0;
  for (const int id : pageIds()) {
    page(id)->ensurePolished();  // a page not shown yet has no style metrics otherwise
    widestPage = std::max(widestPage, page(id)->minimumSizeHint().width());
  }
  resize(std::max(width(), widestPage + chrome), height());
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
    const QString problem = page->problem();
    if (!problem.isEmpty()) return page->title() + ": " + problem;
  }
  try {
    TrainingConfig::fromJson(configJson()).validate();
  } catch (const Error& error) {
    return QString::fromStdString(error.what());
  }
  return {};
}

namespace {

QString escaped(const std::string& text) { return QString::fromStdString(text).toHtmlEscaped(); }

/// The recorded speed of a run with the same architecture (and threads when one matches).
const RecordedSpeed* matchingSpeed(const QList<RecordedSpeed>& speeds, const nlohmann::json& model,
                                   int threads) {
  const RecordedSpeed* found = nullptr;
  for (const RecordedSpeed& speed : speeds) {
    if (!(speed.imagesPerSecond > 0)) continue;
    bool same = true;
    for (const char* key : {"type", "channels", "height", "width", "numScales", "stepsPerScale",
                            "hiddenChannels", "patchSize", "preset"})
      if (model.value(key, nlohmann::json()) != speed.model.value(key, nlohmann::json()))
        same = false;
    if (same && (!found || speed.threads == threads)) found = &speed;
  }
  return found;
}

/// The overview's model line of a PixelCNN++ (docs/pixelcnn.md): no scales or steps to show.
QString pixelCnnOverview(const nlohmann::json& modelJson) {
  const PixelCnnConfig model = pixelCnnConfigFromJson(modelJson);
  return QObject::tr("PixelCNN++ (%1), %2 blocks per stage, %3 filters, %4 logistics; %5×%6×%7 "
                     "images; %L8 parameters")
      .arg(QString::fromStdString(modelJson.value("preset", "custom")))
      .arg(model.resnetBlocks)
      .arg(model.filters)
      .arg(model.logistics)
      .arg(model.height)
      .arg(model.width)
      .arg(model.channels)
      .arg(static_cast<qint64>(pixelCnnParameterCount(model)));
}

}  // namespace

QString TrainingWizard::overviewHtml() const {
  const nlohmann::json config = configJson();
  const bool pixelCnn = isPixelCnnModelJson(config.at("model"));
  const ModelConfig model = pixelCnn ? ModelConfig{} : modelConfigFromJson(config.at("model"));
  const auto modelType = [&] {
    const std::string type = config.at("model").value("type", "conv");
    return type == "dense"   ? tr("Dense Glow")
           : type == "local" ? tr("Local Glow (patches of %1×%1)").arg(model.patchSize)
                             : tr("Convolutional Glow");
  }();
  QString html = "<table cellspacing='4'>";
  const auto row = [&html](const QString& label, const QString& value) {
    html += "<tr><td valign='top'><b>" + label + "</b></td><td>" + value + "</td></tr>";
  };
  row(tr("Run"), escaped(runName().toStdString()));
  row(tr("Files go to"), escaped(config.value("outputDir", "")) + "<br><small>" +
                             tr("config.json, metrics.jsonl (the curves), checkpoints/, "
                                "model.glow") +
                             "</small>");
  if (pixelCnn) row(tr("Model"), pixelCnnOverview(config.at("model")));
  else row(tr("Model"), tr("%1, %2 scales × %3 steps, %L4 hidden; %5×%6×%7 images; %L8 parameters")
                       .arg(modelType)
                       .arg(model.numScales)
                       .arg(model.stepsPerScale)
                       .arg(model.hiddenChannels)
                       .arg(model.height)
                       .arg(model.width)
                       .arg(model.channels)
                       .arg(static_cast<qint64>(analyticParameterCount(model))));
  const auto set = [this](const std::string& spec) {
    const QString shape = dataPage_->setShape(QString::fromStdString(spec));
    return escaped(spec) + (shape.isEmpty() ? QString() : " (" + shape + ")");
  };
  const int64_t limit = config.value("trainLimit", int64_t{0});
  row(tr("Trained on"), set(config.value("trainSet", "")) +
                            (limit > 0 ? tr(", the first %L1 images").arg(limit) : QString()));
  if (!config.value("testSet", "").empty()) row(tr("Test set"), set(config.value("testSet", "")));
  if (!config.value("outlierSet", "").empty())
    row(tr("General distribution"), set(config.value("outlierSet", "")));
  QStringList ood;
  for (const auto& name : config.value("oodSets", nlohmann::json::array()))
    ood << set(name.get<std::string>());
  row(tr("OOD sets"), ood.isEmpty() ? tr("none") : ood.join(", "));
  QStringList losses;
  const nlohmann::json& lossConfig = config.at("losses");
  if (lossConfig.value("likelihood", false)) losses << tr("maximum likelihood");
  if (lossConfig.value("outlier", false)) losses << tr("outlier loss");
  if (lossConfig.value("margin", false)) losses << tr("margin loss");
  if (lossConfig.value("supervised", false)) losses << tr("supervised");
  row(tr("Objective"), losses.join(", "));
  const int64_t steps = config.value("steps", int64_t{0});
  const int64_t batch = config.value("batchSize", int64_t{64});
  const int threads = config.value("threads", 0);
  const QString length = steps > 0 ? tr("%L1 steps of %L2 images").arg(steps).arg(batch)
                                   : tr("%L1 epochs, batches of %L2 images")
                                         .arg(config.value("epochs", int64_t{0}))
                                         .arg(batch);
  // One translatable sentence with its parts in it, so a translation can order them.
  row(tr("Schedule"),
      tr("%1; %2, %3, %4")
          .arg(length, threads > 0 ? tr("%n thread(s)", "", threads) : tr("all cores"),
               tr("%n process(es)", "", config.value("processes", 1)),
               escaped(config.value("device", "cpu"))));
  const RecordedSpeed* speed = matchingSpeed(context_.speeds, config.at("model"), threads);
  if (steps > 0 && speed)
    row(tr("Time"),
        tr("about %1 at %L2 images/s (measured in the run %3)")
            .arg(formatDuration(static_cast<double>(steps * batch) / speed->imagesPerSecond))
            .arg(speed->imagesPerSecond, 0, 'f', 0)
            .arg(speed->run.toHtmlEscaped()));
  else
    row(tr("Time"), tr("no speed recorded yet for this model on this machine; the run shows "
                       "images/s and the time left as it trains"));
  return html + "</table>";
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
  setSubTitle(tr("What will be trained, on what, for how long and where the files go."));
  overview_ = new QLabel(this);
  overview_->setObjectName("summaryOverview");
  overview_->setWordWrap(true);
  overview_->setTextFormat(Qt::RichText);
  overview_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  overview_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
  auto* overviewScroll = new QScrollArea(this);
  overviewScroll->setWidgetResizable(true);
  overviewScroll->setFrameShape(QFrame::NoFrame);
  overviewScroll->setWidget(overview_);
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
  auto* tabs = new QTabWidget(this);
  tabs->setObjectName("summaryTabs");
  tabs->addTab(overviewScroll, tr("&Overview"));
  tabs->addTab(json_, tr("JSO&N (glowscope-cli train --config)"));
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(tabs, 1);
  layout->addWidget(error_);
  layout->addWidget(save, 0, Qt::AlignRight);
}

void SummaryPage::initializePage() {
  error_->setText(wizard_->validationError());
  try {
    json_->setPlainText(QString::fromStdString(wizard_->configJson().dump(2)));
    overview_->setText(wizard_->overviewHtml());
  } catch (const Error& error) {
    json_->clear();
    overview_->clear();
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
