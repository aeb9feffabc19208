#include "app/gui/training_controller.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QInputDialog>
#include <QMenu>
#include <QSettings>
#include <QThread>
#include <cmath>

#include "app/gui/project_controller.h"
#include "core/project/project_folders.h"
#include "core/project/workspace_file.h"
#include "core/training/local_training.h"
#include "core/training/run_metrics.h"
#include "core/training/trainer.h"
#include "core/util/atomic_file.h"
#include "core/util/errors.h"
#include "core/util/log.h"
#include "widgets/remove_run_dialog.h"
#include "widgets/training_view.h"
#include "widgets/training_wizard.h"

namespace glowscope {
namespace {

/// A run's outputDir relative to the project folder when it lies inside it (portable projects).
nlohmann::json portableConfig(nlohmann::json config, const QString& projectFolder) {
  const QString outputDir = QString::fromStdString(config.value("outputDir", ""));
  const QString relative = QDir(projectFolder).relativeFilePath(outputDir);
  if (!projectFolder.isEmpty() && !relative.startsWith(".."))
    config["outputDir"] = relative.toStdString();
  return config;
}

/// One process: a set-up failure (a set that does not load, ...) is also written to the run's
/// metrics file, so that the run is listed as failed with its reason after a restart.
TrainingResult trainHere(const TrainingConfig& config, const TrainingProgressCallback& report,
                         TrainingControl* control) {
  std::optional<Trainer> trainer;
  try {
    trainer.emplace(config);
  } catch (const std::exception& error) {
    recordRunFailure(config.outputDir, error.what());
    throw;
  }
  return trainer->run(report, control);  // writes its own failure record
}

}  // namespace

QString TrainingController::workspaceFolder() {
  return QSettings()
      .value("Training/workspace", QDir::home().filePath("glowscope-runs"))
      .toString();
}

TrainingController::TrainingController(ProjectController* projects, TrainingView* view,
                                       QWidget* window)
    : QObject(window), projects_(projects), view_(view), window_(window) {
  connect(view_, &TrainingView::pauseRequested, this, &TrainingController::setPaused);
  connect(view_, &TrainingView::cancelRequested, this, &TrainingController::stop);
  connect(view_, &TrainingView::resumeRequested, this, &TrainingController::resume);
  connect(view_, &TrainingView::restartRequested, this, &TrainingController::editAndRestart);
  connect(view_, &TrainingView::removeRequested, this, &TrainingController::askToRemoveRun);
  connect(view_, &TrainingView::restoreRequested, this, &TrainingController::restoreRemovedRun);
  connect(view_, &TrainingView::showRemovedRunsChanged, this,
          &TrainingController::showRecordedRuns);
  projects_->setWorkspaceSource([this] { return workspaceRuns(); });
  projects_->setSaveAsBlocker([this] {
    return hasActiveRuns() ? tr("Stop the training runs first (Training ▸ Stop All Runs): their "
                                "folders are still being written.")
                           : QString();
  });
}

TrainingController::~TrainingController() {
  // Every run is asked to stop first (each writes a resumable checkpoint), then each is waited
  // for as active_ goes; nothing is reported to the view any more.
  for (auto& [name, run] : active_) run.task->discard();
}

QStringList TrainingController::activeRuns() const {
  QStringList names;
  for (const auto& [name, run] : active_) names << name;
  return names;
}

void TrainingController::setDatasetNameSource(std::function<QStringList()> source) {
  datasetNames_ = std::move(source);
}

void TrainingController::populateMenu(QMenu* menu) {
  QAction* wizard =
      menu->addAction(tr("&New Training Run…"), this, &TrainingController::openWizard);
  wizard->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
  wizard->setObjectName("actionNewRun");
  QAction* stopAll = menu->addAction(tr("S&top All Runs"), this, [this] {
    for (const QString& name : activeRuns()) stop(name);
  });
  stopAll->setObjectName("actionStopAll");
  menu->addSeparator();
  QAction* showRemoved = menu->addAction(tr("Show &Removed Runs"));
  showRemoved->setObjectName("actionShowRemovedRuns");
  showRemoved->setCheckable(true);
  showRemoved->setToolTip(tr("List removed runs in the Training page, greyed, to restore them"));
  connect(showRemoved, &QAction::toggled, view_, &TrainingView::setShowRemovedRuns);
  connect(view_, &TrainingView::showRemovedRunsChanged, showRemoved, &QAction::setChecked);
}

TrainingWizard* TrainingController::openWizard() {
  TrainingWizardContext context;
  if (datasetNames_) context.datasets = datasetNames_();
  if (projects_->hasProject()) {
    context.outputRoot = QDir(projects_->folder()).filePath("runs");
    for (const ProjectRun& run : projects_->project().runs)
      context.existingRunNames << QString::fromStdString(run.name);
    for (const ProjectModel& model : projects_->project().models)
      context.modelFiles
          << QDir(projects_->folder()).filePath(QString::fromStdString(model.file.string()));
  } else {
    context.outputRoot = workspaceFolder();
  }
  context.defaultThreads = defaultThreads_;
  context.existingRunNames << view_->runIds();
  for (const QString& name : view_->runIds()) {  // speeds seen, for the summary's estimate
    const nlohmann::json config = knownConfig(name);
    const TrainingSeries* series = view_->series(name);
    if (series && config.is_object() && config.contains("model"))
      context.speeds.push_back({name, config.at("model"), config.value("threads", 0),
                                series->last.imagesPerSecond});
  }
  for (const QString& folder : QDir(context.outputRoot).entryList(QDir::Dirs | QDir::NoDotAndDotDot))
    context.existingRunNames << folder;  // never offer a name whose folder exists
  context.existingRunNames.removeDuplicates();
  auto* wizard = new TrainingWizard(context, window_);
  wizard->setAttribute(Qt::WA_DeleteOnClose);
  connect(wizard, &QWizard::accepted, this,
          [this, wizard] { startRun(wizard->runName(), wizard->configJson()); });
  wizard->open();
  return wizard;
}

bool TrainingController::startRun(const QString& name, nlohmann::json config, bool resume) {
  if (active_.count(name)) {
    Q_EMIT errorOccurred(tr("Training"), tr("The run %1 is already active.").arg(name));
    return false;
  }
  const std::optional<TrainingConfig> parsed = checkedConfig(config, resume);
  if (!parsed) return false;
  configs_[name] = config;
  if (projects_->hasProject())
    recordStartedRun(name, config, *parsed);  // listed again if it was removed
  else
    unhideWorkspaceRun(name);
  view_->addRun(name, name, !resume);
  view_->setRunState(name, "running", tr("Starting %1…").arg(name));
  view_->selectRun(name);
  launchRun(name, *parsed);
  return true;
}

std::optional<TrainingConfig> TrainingController::checkedConfig(const nlohmann::json& config,
                                                                bool resume) {
  try {
    TrainingConfig parsed = TrainingConfig::fromJson(config);
    if (parsed.outputDir.is_relative() && projects_->hasProject())
      parsed.outputDir =
          std::filesystem::path(projects_->folder().toStdString()) / parsed.outputDir;
    parsed.resume = resume;
    parsed.validate();
    return parsed;
  } catch (const Error& error) {
    Q_EMIT errorOccurred(tr("Training"), QString::fromStdString(error.what()));
    return std::nullopt;
  }
}

void TrainingController::recordStartedRun(const QString& name, const nlohmann::json& config,
                                          const TrainingConfig& parsed) {
  ProjectRun run;
  if (const ProjectRun* existing = projects_->project().findRun(name.toStdString()))
    run = *existing;
  run.name = name.toStdString();
  run.config = portableConfig(config, projects_->folder());
  run.config["resume"] = false;
  run.hidden = false;
  if (run.created.empty()) run.created = utcTimestamp();
  run.status = "running";
  for (const std::string& set : {parsed.trainSet, parsed.testSet, parsed.outlierSet})
    if (!set.empty()) projects_->addDataset(QString::fromStdString(set));
  projects_->recordRun(run);
}

void TrainingController::launchRun(const QString& name, const TrainingConfig& parsed) {
  ActiveRun& active = active_[name];
  active.control = std::make_shared<TrainingControl>();
  active.task = std::make_unique<BackgroundTask<RunOutcome>>(
      this, [this, name](RunOutcome outcome) { finishRun(name, std::move(outcome)); });
  const auto control = active.control;
  BackgroundRunOptions options;
  options.priority = QThread::InheritPriority;                 // the user waits for this one
  options.onCancel = [control] { control->requestCancel(); };  // also ends a pause
  active.task->start(
      [this, name, parsed, control](const BackgroundRun& run) {
        const TrainingProgressCallback report = [this, name,
                                                 &run](const TrainingProgress& progress) {
          run.post([this, name, progress] { view_->updateRun(name, progress); });
        };
        // Several processes: this one is rank 0, glowscope-cli beside it (or GLOWSCOPE_CLI) runs
        // the others.
        const QString cli = qEnvironmentVariable(
            "GLOWSCOPE_CLI",
            QDir(QCoreApplication::applicationDirPath()).filePath("glowscope-cli"));
        const TrainingResult result =
            parsed.processes > 1
                ? trainWithLocalProcesses(parsed, cli.toStdString(), report, control.get())
                : trainHere(parsed, report, control.get());
        RunOutcome outcome;
        outcome.state = result.cancelled ? "cancelled" : "finished";
        outcome.steps = result.steps;
        outcome.testBpd = result.testBitsPerDim;
        outcome.modelFile = QString::fromStdString(result.modelFile.string());
        outcome.message = result.cancelled
                              ? tr("%1 stopped at step %2; resumable checkpoint %3")
                                    .arg(name)
                                    .arg(result.steps)
                                    .arg(QString::fromStdString(result.lastCheckpoint.string()))
                              : tr("%1 finished after %2 steps").arg(name).arg(result.steps);
        return outcome;
      },
      options);
}

void TrainingController::setPaused(const QString& name, bool paused) {
  if (!active_.count(name)) return;
  if (paused && configs_.value(name).value("processes", 1) > 1) {  // the others would time out
    view_->setRunState(name, "running",
                       tr("%1 runs on several processes and cannot pause: stop it and resume it "
                          "later")
                           .arg(name));
    return;
  }
  active_.at(name).control->setPaused(paused);
  view_->setRunState(name, paused ? "paused" : "running",
                     paused ? tr("%1 paused").arg(name) : tr("%1 continues").arg(name));
  recordRunState(name, paused ? "paused" : "running", -1, kNotComputed);
}

void TrainingController::stop(const QString& name) {
  if (!active_.count(name)) return;
  active_.at(name).task->cancel();  // the trainer stops at the next step boundary
  view_->setRunState(name, "running", tr("Stopping %1 after the current step…").arg(name));
}

bool TrainingController::resume(const QString& name) {
  const nlohmann::json config = knownConfig(name);
  if (config.is_null()) {
    Q_EMIT errorOccurred(tr("Resume"), tr("No configuration is known for the run %1.").arg(name));
    return false;
  }
  return startRun(name, config, true);
}

void TrainingController::stopAllAndWait() {
  for (auto& [name, run] : active_) run.task->cancel();
  while (!active_.empty()) {
    // finishRun (queued from the worker) removes each run; keep the window painting meanwhile.
    QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    QThread::msleep(10);
  }
}

void TrainingController::finishRun(const QString& name, RunOutcome outcome) {
  active_.erase(name);  // its thread has ended
  if (!outcome.error.isEmpty()) {
    outcome.state = "failed";
    outcome.message = tr("%1 failed: %2").arg(name, outcome.error);
    logger()->error("{}", outcome.message.toStdString());
  }
  view_->setRunState(name, outcome.state, outcome.message);
  recordRunState(name, outcome.state, outcome.steps,
                 outcome.error.isEmpty() ? outcome.testBpd : kNotComputed);
  if (outcome.state == "finished" && projects_->hasProject() && !outcome.modelFile.isEmpty())
    recordModel(name, outcome.modelFile);
  Q_EMIT runFinished(name, outcome.state);
}

void TrainingController::recordModel(const QString& name, const QString& modelFile) {
  ProjectModel model;
  model.name = name.toStdString();
  model.file = QDir(projects_->folder()).relativeFilePath(modelFile).toStdString();
  model.run = name.toStdString();
  const ProjectRun* run = projects_->project().findRun(name.toStdString());
  const bool general =
      run &&
      run->config.value("losses", nlohmann::json::object()).value("trainedModel", "") == "general";
  model.role = general ? "general" : "in-distribution";
  projects_->recordModel(model);
  projects_->save();
}

void TrainingController::recordRunState(const QString& name, const QString& state, int64_t steps,
                                        double testBpd) {
  if (!projects_->hasProject()) return;
  const ProjectRun* existing = projects_->project().findRun(name.toStdString());
  if (!existing) return;
  ProjectRun run = *existing;
  run.status = state.toStdString();
  if (steps >= 0) run.steps = steps;
  if (std::isfinite(testBpd)) run.testBitsPerDim = testBpd;
  projects_->recordRun(run);
}

}  // namespace glowscope

namespace glowscope {

nlohmann::json TrainingController::knownConfig(const QString& name) const {
  if (projects_->hasProject()) {
    if (const ProjectRun* run = projects_->project().findRun(name.toStdString()))
      return run->config;
  }
  if (configs_.contains(name)) return configs_[name];
  return nullptr;
}

QString TrainingController::outputDirOf(const nlohmann::json& config) const {
  const QString dir = QString::fromStdString(config.value("outputDir", ""));
  if (QDir::isRelativePath(dir) && projects_->hasProject())
    return QDir(projects_->folder()).filePath(dir);
  return dir;
}

void TrainingController::showRecordedRuns() {
  for (const QString& name : view_->runIds())
    if (!active_.count(name)) view_->removeRun(name);
  if (projects_->hasProject()) {
    view_->setRunsFolder(QDir(projects_->folder()).filePath("runs"), true);
    const bool showRemoved = view_->showsRemovedRuns();
    for (const ProjectRun& run : projects_->project().runs) {
      const QString name = QString::fromStdString(run.name);
      if (active_.count(name) || (run.hidden && !showRemoved)) continue;
      restoreRun(name, outputDirOf(run.config), QString::fromStdString(run.status));
      if (run.hidden) view_->setRunRemoved(name, true);
    }
    return;
  }
  const QString workspace = workspaceFolder();
  view_->setRunsFolder(workspace, false);
  WorkspaceState state;
  try {
    state = loadWorkspaceState(workspace.toStdString());
  } catch (const Error& error) {  // every run listed, removed ones too
    logger()->warn("{}", error.what());
  }
  const QDir folder(workspace);
  for (const QString& name : folder.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Time)) {
    const QString runDir = folder.filePath(name);
    const bool isRun = QFileInfo::exists(QDir(runDir).filePath(kRunMetricsFileName)) ||
                       QFileInfo::exists(QDir(runDir).filePath("config.json"));
    const bool removed = state.isHidden(name.toStdString());
    if (!isRun || active_.count(name) || (removed && !view_->showsRemovedRuns())) continue;
    try {  // the configuration the run was started with, for resume and restart
      configs_[name] = nlohmann::json::parse(
          readWholeFile(QDir(runDir).filePath("config.json").toStdString()));
    } catch (const std::exception&) {
      // No (readable) config.json: listed, but neither resumable nor restartable.
    }
    restoreRun(name, runDir, {});
    if (removed) view_->setRunRemoved(name, true);
  }
}

void TrainingController::restoreRun(const QString& name, const QString& outputDir,
                                    const QString& recordedStatus) {
  RunMetrics metrics;
  try {
    metrics = readRunMetrics(outputDir.toStdString());
  } catch (const Error& error) {
    logger()->warn("run {}: {}", name.toStdString(), error.what());
  }
  view_->addRun(name, name);
  view_->showHistory(name, metrics.records);
  const bool checkpoint = runFolderHasCheckpoint(outputDir.toStdString());
  QString state, message;
  switch (metrics.end()) {
    case RunEnd::Finished:
      state = "finished";
      break;
    case RunEnd::Cancelled:
      state = "cancelled";
      break;
    case RunEnd::Failed:
      state = "failed";
      message = tr("%1 failed: %2").arg(name, QString::fromStdString(metrics.failureMessage()));
      break;
    case RunEnd::None:
    case RunEnd::Interrupted:
      // Killed, or the application ended while it trained: resumable from its last checkpoint.
      if (checkpoint)
        state = "cancelled";
      else if (recordedStatus == "finished" || recordedStatus == "failed")
        state = recordedStatus;
      else {
        state = "failed";
        message = tr("%1 ended before its first checkpoint").arg(name);
      }
      break;
  }
  if (state == "cancelled" && !checkpoint) state = "failed";  // nothing to resume from
  view_->setRunState(name, state, message);
  if (metrics.ignoredLines > 0)
    logger()->info("run {}: {} unreadable line(s) of its metrics file skipped (a kill's torn "
                   "last line)",
                   name.toStdString(), metrics.ignoredLines);
}

void TrainingController::editAndRestart(const QString& name) {
  const nlohmann::json config = knownConfig(name);
  if (config.is_null()) {
    Q_EMIT errorOccurred(tr("Restart"), tr("No configuration is known for the run %1.").arg(name));
    return;
  }
  bool ok = false;
  const QString text = QInputDialog::getMultiLineText(
      window_, tr("Edit and restart %1").arg(name),
      tr("The run's configuration (as glowscope-cli train --config takes it). It trains again "
         "from step 0; its earlier curves are replaced."),
      QString::fromStdString(config.dump(2)), &ok);
  if (!ok) return;
  nlohmann::json edited;
  try {
    edited = nlohmann::json::parse(text.toStdString());
  } catch (const std::exception& error) {
    Q_EMIT errorOccurred(tr("Restart"), tr("The configuration is not valid JSON: %1")
                                            .arg(QString::fromUtf8(error.what())));
    return;
  }
  edited["resume"] = false;
  startRun(name, edited, false);
}

void TrainingController::hideRun(const QString& name) {
  if (projects_->hasProject()) {
    const ProjectRun* recorded = projects_->project().findRun(name.toStdString());
    if (!recorded) return;
    ProjectRun run = *recorded;
    run.hidden = true;
    projects_->recordRun(run);  // saves the project
    return;
  }
  try {
    WorkspaceState state = loadWorkspaceState(workspaceFolder().toStdString());
    state.hide(name.toStdString());
    saveWorkspaceState(state, workspaceFolder().toStdString());
  } catch (const Error& error) {
    Q_EMIT errorOccurred(tr("Remove run"), tr("%1 is removed from the list until the next start "
                                              "only: %2")
                                               .arg(name, QString::fromUtf8(error.what())));
  }
}

void TrainingController::unhideWorkspaceRun(const QString& name) {
  try {
    WorkspaceState state = loadWorkspaceState(workspaceFolder().toStdString());
    if (!state.isHidden(name.toStdString())) return;
    state.unhide(name.toStdString());
    saveWorkspaceState(state, workspaceFolder().toStdString());
  } catch (const Error& error) {
    logger()->warn("{}", error.what());
  }
}

}  // namespace glowscope

namespace glowscope {

QString TrainingController::runFolder(const QString& name) const {
  QString folder;
  if (projects_->hasProject()) {
    if (const ProjectRun* run = projects_->project().findRun(name.toStdString()))
      folder =
          QString::fromStdString(runFolderOf(*run, projects_->folder().toStdString()).string());
  } else {
    const nlohmann::json config = knownConfig(name);
    folder = config.is_object() && config.contains("outputDir")
                 ? outputDirOf(config)
                 : QDir(workspaceFolder()).filePath(name);
  }
  return !folder.isEmpty() && QFileInfo(folder).isDir() ? QDir::cleanPath(folder) : QString();
}

void TrainingController::askToRemoveRun(const QString& name) {
  if (active_.count(name)) return;  // the view offers Remove only for runs not training
  RemoveRunDialog dialog(name, runFolder(name), window_);
  if (dialog.exec() != QDialog::Accepted) return;
  removeRun(name, dialog.deleteFiles());
}

bool TrainingController::removeRun(const QString& name, bool deleteFiles) {
  if (active_.count(name)) return false;
  if (!deleteFiles) {
    hideRun(name);
    if (view_->showsRemovedRuns())
      view_->setRunRemoved(name, true);
    else
      view_->removeRun(name);
    return true;
  }
  if (projects_->hasProject()) {
    if (!projects_->deleteRun(name)) return false;
  } else {
    const QString folder = runFolder(name);
    try {  // only a folder inside the workspace, never one a config points elsewhere
      if (!folder.isEmpty()) deleteRunFolder(folder.toStdString(), workspaceFolder().toStdString());
    } catch (const Error& error) {
      Q_EMIT errorOccurred(tr("Delete run"),
                           tr("Nothing was deleted.\n\n%1").arg(QString::fromUtf8(error.what())));
      return false;
    }
    unhideWorkspaceRun(name);
    configs_.remove(name);
  }
  view_->removeRun(name);
  return true;
}

void TrainingController::restoreRemovedRun(const QString& name) {
  if (projects_->hasProject()) {
    const ProjectRun* recorded = projects_->project().findRun(name.toStdString());
    if (!recorded) return;
    ProjectRun run = *recorded;
    run.hidden = false;
    projects_->recordRun(run);  // saves the project
  } else {
    unhideWorkspaceRun(name);
  }
  view_->setRunRemoved(name, false);
}

ProjectController::WorkspaceRuns TrainingController::workspaceRuns() const {
  ProjectController::WorkspaceRuns result;
  result.folder = workspaceFolder();
  result.project.name = QFileInfo(result.folder).fileName().toStdString();
  WorkspaceState state;
  try {
    state = loadWorkspaceState(result.folder.toStdString());
  } catch (const Error& error) {
    logger()->warn("{}", error.what());
  }
  QStringList names = view_->runIds();  // what is listed, and the removed runs' folders
  for (const std::string& hidden : state.hiddenRuns)
    if (QFileInfo(QDir(result.folder).filePath(QString::fromStdString(hidden))).isDir())
      names << QString::fromStdString(hidden);
  names.removeDuplicates();
  for (const QString& name : names) {
    ProjectRun run;
    run.name = name.toStdString();
    run.config = knownConfig(name);
    if (!run.config.is_object()) run.config = nlohmann::json::object();
    const QString folder = run.config.contains("outputDir") ? outputDirOf(run.config)
                                                            : QDir(result.folder).filePath(name);
    run.config["outputDir"] = QDir(folder).absolutePath().toStdString();
    if (const TrainingSeries* series = view_->series(name)) {
      const QString status = series->state == "waiting" ? "new" : series->state;
      run.status = status.isEmpty() ? "new" : status.toStdString();
      run.steps = series->last.step;
      if (std::isfinite(series->last.testBitsPerDim))
        run.testBitsPerDim = series->last.testBitsPerDim;
    }
    run.hidden = state.isHidden(run.name) || view_->isRunRemoved(name);
    for (const char* field : {"trainSet", "testSet", "outlierSet"})
      if (run.config.contains(field) && run.config.at(field).is_string() &&
          !run.config.at(field).get<std::string>().empty())
        result.project.addDataset(run.config.at(field).get<std::string>());
    try {
      validateRunName(run.name);  // a folder whose name no project run may have stays behind
      result.project.upsertRun(run);
    } catch (const Error& error) {
      logger()->warn("Save As leaves {} out: {}", run.name, error.what());
    }
  }
  return result;
}

}  // namespace glowscope
