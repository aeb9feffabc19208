#include "app/gui/project_controller.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>
#include <QSettings>
#include <QWidget>

#include "core/project/project_folders.h"
#include "core/util/errors.h"
#include "core/util/log.h"
#include "widgets/base/background_task.h"

namespace glowscope {
namespace {
constexpr auto kRecentKey = "Projects/recent";
constexpr int kMaxRecent = 8;
}  // namespace

/// What a Save As copy hands back to the GUI thread.
struct ProjectController::SaveAsOutcome {
  std::optional<Project> project;
  QString folder;
  QString error;
  bool cancelled = false;
};

ProjectController::ProjectController(QWidget* window) : QObject(window), window_(window) {
  updateTitle();
}

ProjectController::~ProjectController() = default;  // a copy still going is cancelled, removed

bool ProjectController::newProject(const QString& folder, const QString& name) {
  const std::filesystem::path path = folder.toStdString();
  if (std::filesystem::exists(projectFilePath(path))) {
    Q_EMIT errorOccurred(tr("New project"),
                         tr("%1 already holds a project; open it instead.").arg(folder));
    return false;
  }
  Project project;
  project.name = name.toStdString();
  try {
    saveProject(project, path);
  } catch (const Error& error) {
    Q_EMIT errorOccurred(tr("New project"), QString::fromStdString(error.what()));
    return false;
  }
  project_ = std::move(project);
  folder_ = QDir(folder).absolutePath();
  setDirty(false);
  rememberRecent(folder_);
  Q_EMIT projectChanged();
  return true;
}

bool ProjectController::openProject(const QString& folderOrFile) {
  try {
    Project loaded = loadProject(folderOrFile.toStdString());
    const QFileInfo info(folderOrFile);
    project_ = std::move(loaded);
    folder_ = info.suffix() == "json" ? info.absolutePath() : info.absoluteFilePath();
  } catch (const Error& error) {
    Q_EMIT errorOccurred(tr("Open project"), tr("The project could not be opened; nothing was "
                                                "changed.\n\n%1")
                                                 .arg(QString::fromStdString(error.what())));
    return false;
  }
  setDirty(false);
  rememberRecent(folder_);
  logger()->info("opened project {}", folder_.toStdString());
  Q_EMIT projectChanged();
  return true;
}

bool ProjectController::save() {
  if (!project_) return false;
  try {
    saveProject(*project_, folder_.toStdString());
  } catch (const Error& error) {
    Q_EMIT errorOccurred(tr("Save project"), QString::fromStdString(error.what()));
    return false;
  }
  setDirty(false);
  return true;
}

void ProjectController::close() {
  project_.reset();
  folder_.clear();
  setDirty(false);
  Q_EMIT projectChanged();
}

void ProjectController::addDataset(const QString& spec) {
  if (project_ && project_->addDataset(spec.toStdString())) setDirty(true);
}

void ProjectController::recordRun(const ProjectRun& run) {
  if (!project_) return;
  project_->upsertRun(run);
  setDirty(true);
  save();
}

void ProjectController::recordModel(const ProjectModel& model) {
  if (!project_) return;
  for (ProjectModel& existing : project_->models)
    if (existing.name == model.name) {
      existing = model;
      setDirty(true);
      return;
    }
  project_->models.push_back(model);
  setDirty(true);
}

void ProjectController::setDirty(bool dirty) {
  const bool changed = dirty != dirty_;
  dirty_ = dirty;
  updateTitle();
  if (changed) Q_EMIT modifiedChanged(dirty_);
}

void ProjectController::updateTitle() {
  const QString name = project_ ? QString::fromStdString(project_->name) : QString();
  window_->setWindowTitle(name.isEmpty() ? tr("Glowscope") : tr("%1[*] — Glowscope").arg(name));
  window_->setWindowModified(dirty_);
}

QStringList ProjectController::recentProjects() const {
  return QSettings().value(kRecentKey).toStringList();
}

void ProjectController::rememberRecent(const QString& folder) {
  QStringList recent = recentProjects();
  recent.removeAll(folder);
  recent.prepend(folder);
  while (recent.size() > kMaxRecent) recent.removeLast();
  QSettings().setValue(kRecentKey, recent);
  rebuildRecentMenu();
}

void ProjectController::rebuildRecentMenu() {
  if (!recentMenu_) return;
  recentMenu_->clear();
  for (const QString& folder : recentProjects())
    recentMenu_->addAction(folder, this, [this, folder] {
      if (maybeSave()) openProject(folder);
    });
  recentMenu_->setEnabled(!recentMenu_->isEmpty());
}

void ProjectController::populateFileMenu(QMenu* menu) {
  QAction* newAction = menu->addAction(tr("&New Project…"), this, [this] {
    newProjectDialog(tr("Choose an empty folder for the new project"));
  });
  newAction->setShortcut(QKeySequence::New);
  newAction->setObjectName("actionNewProject");
  QAction* openAction =
      menu->addAction(tr("&Open Project…"), this, &ProjectController::openProjectDialog);
  openAction->setShortcut(QKeySequence::Open);
  openAction->setObjectName("actionOpenProject");
  recentMenu_ = menu->addMenu(tr("Open &Recent"));
  recentMenu_->setObjectName("menuRecent");
  rebuildRecentMenu();
  QAction* saveAction = menu->addAction(tr("&Save Project"), this, &ProjectController::saveOrAsk);
  saveAction->setShortcut(QKeySequence::Save);
  saveAction->setObjectName("actionSaveProject");
  QAction* saveAsAction =
      menu->addAction(tr("Save Project &As…"), this, &ProjectController::saveAsDialog);
  // The platform's Save As keys; Windows and a bare X11 session have none: Ctrl+Shift+S there.
  QList<QKeySequence> saveAsKeys = QKeySequence::keyBindings(QKeySequence::SaveAs);
  if (saveAsKeys.isEmpty()) saveAsKeys << QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S);
  saveAsAction->setShortcuts(saveAsKeys);
  saveAsAction->setObjectName("actionSaveProjectAs");
  saveAsAction->setToolTip(
      tr("Copy the project with its runs' folders (checkpoints, metrics) into a new folder and "
         "continue there"));
  menu->addSeparator();
}

void ProjectController::saveOrAsk() {
  if (project_) {
    save();
    return;
  }
  newProjectDialog(tr("No project is open: choose an empty folder to save a new project in"));
}

void ProjectController::newProjectDialog(const QString& title) {
  if (!maybeSave()) return;
  const QString folder = QFileDialog::getExistingDirectory(window_, title, QDir::homePath());
  if (!folder.isEmpty()) newProject(folder, QFileInfo(folder).fileName());
}

void ProjectController::openProjectDialog() {
  if (!maybeSave()) return;
  const QString file = QFileDialog::getOpenFileName(
      window_, tr("Open project"), QDir::homePath(),
      tr("Glowscope projects (%1);;JSON (*.json)").arg(kProjectFileName));
  if (!file.isEmpty()) openProject(file);
}

bool ProjectController::maybeSave() {
  if (!project_ || !dirty_) return true;
  const auto answer = QMessageBox::question(
      window_, tr("Unsaved changes"),
      tr("The project %1 has unsaved changes. Save them?")
          .arg(QString::fromStdString(project_->name)),
      QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
  if (answer == QMessageBox::Cancel) return false;
  return answer == QMessageBox::Discard || save();
}

}  // namespace glowscope

namespace glowscope {

bool ProjectController::deleteRun(const QString& name) {
  if (!project_) return false;
  Project changed = *project_;
  try {
    deleteProjectRun(changed, folder_.toStdString(), name.toStdString());
  } catch (const Error& error) {
    Q_EMIT errorOccurred(
        tr("Delete run"),
        tr("Nothing was deleted.\n\n%1").arg(QString::fromStdString(error.what())));
    return false;
  }
  project_ = std::move(changed);
  setDirty(true);
  return save();
}

bool ProjectController::isSavingAs() const { return saveAsTask_ && saveAsTask_->isBusy(); }

void ProjectController::saveAsDialog() {
  if (isSavingAs()) return;
  const QString base = project_ ? QFileInfo(folder_).absolutePath() : QDir::homePath();
  const QString suggested =
      project_ ? tr("%1-copy").arg(QFileInfo(folder_).fileName()) : tr("glowscope-project");
  const QString folder = QFileDialog::getSaveFileName(
      window_, tr("Save project as: name a new (or empty) folder"), QDir(base).filePath(suggested),
      QString(), nullptr, QFileDialog::DontConfirmOverwrite | QFileDialog::ShowDirsOnly);
  if (!folder.isEmpty()) saveProjectAs(folder);
}

bool ProjectController::saveProjectAs(const QString& folder) {
  if (isSavingAs()) return false;
  const QString title = tr("Save project as");
  if (const QString reason = saveAsBlocker_ ? saveAsBlocker_() : QString(); !reason.isEmpty()) {
    Q_EMIT errorOccurred(title, reason);
    return false;
  }
  const QString target = QDir::cleanPath(QDir(folder).absolutePath());
  if (!project_ && !workspaceSource_) return newProject(target, QFileInfo(target).fileName());
  const WorkspaceRuns source = project_ ? WorkspaceRuns{*project_, folder_} : workspaceSource_();
  try {
    checkSaveAsTarget(source.folder.toStdString(), target.toStdString());
  } catch (const Error& error) {
    Q_EMIT errorOccurred(title,
                         tr("Nothing was copied.\n\n%1").arg(QString::fromUtf8(error.what())));
    return false;
  }
  saveAsProgress_ = new QProgressDialog(tr("Copying the project to %1…").arg(target), tr("Cancel"),
                                        0, 1000, window_);
  saveAsProgress_->setWindowModality(Qt::WindowModal);
  saveAsProgress_->setMinimumDuration(400);
  saveAsProgress_->setAttribute(Qt::WA_DeleteOnClose);
  saveAsTask_ = std::make_unique<BackgroundTask<SaveAsOutcome>>(
      this, [this](SaveAsOutcome outcome) { finishSaveAs(std::move(outcome)); },
      [this](double fraction, const QString&) {
        if (saveAsProgress_) saveAsProgress_->setValue(static_cast<int>(fraction * 1000));
      });
  connect(saveAsProgress_, &QProgressDialog::canceled, this, [this] { saveAsTask_->cancel(); });
  saveAsTask_->start([source, target](const BackgroundRun& run) {
    SaveAsOptions options;
    options.newName = QFileInfo(target).fileName().toStdString();
    options.cancelRequested = run.cancelRequested;
    options.onProgress = [&run](std::uintmax_t copied, std::uintmax_t total) {
      run.progress(total > 0 ? static_cast<double>(copied) / static_cast<double>(total) : 1.0, {});
    };
    SaveAsOutcome outcome;
    outcome.project = glowscope::saveProjectAs(source.project, source.folder.toStdString(),
                                               target.toStdString(), options);
    outcome.folder = target;
    return outcome;
  });
  return true;
}

void ProjectController::finishSaveAs(SaveAsOutcome outcome) {
  if (saveAsProgress_) {
    saveAsProgress_->disconnect(this);  // closing it emits canceled()
    saveAsProgress_->close();
  }
  if (outcome.cancelled || !outcome.error.isEmpty() || !outcome.project) {
    if (!outcome.cancelled)
      Q_EMIT errorOccurred(
          tr("Save project as"),
          tr("The project was not copied; nothing was changed.\n\n%1").arg(outcome.error));
    Q_EMIT saveAsFinished(false);
    return;
  }
  project_ = std::move(outcome.project);
  folder_ = outcome.folder;
  setDirty(false);
  rememberRecent(folder_);
  Q_EMIT projectChanged();
  Q_EMIT saveAsFinished(true);
}

}  // namespace glowscope
