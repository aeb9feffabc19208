#pragma once
// Owns the open project (core/project): New / Open / Open Recent / Save, the unsaved-changes
// mark in the window title, and the recent-projects list (QSettings). Failures are reported by
// errorOccurred and leave the open project exactly as it was.
#include <QObject>
#include <QPointer>
#include <QProgressDialog>
#include <QStringList>
#include <functional>
#include <memory>
#include <optional>

#include "core/project/project_file.h"

class QMenu;
class QWidget;

namespace glowscope {

template <typename Result>
class BackgroundTask;

class ProjectController : public QObject {
  Q_OBJECT

 public:
  explicit ProjectController(QWidget* window);
  ~ProjectController() override;

  bool hasProject() const { return project_.has_value(); }
  const Project& project() const { return *project_; }
  QString folder() const { return folder_; }
  bool dirty() const { return dirty_; }

  /// Creates a project in `folder` (made if missing) and saves it at once. Refuses a folder
  /// that already holds a project file.
  bool newProject(const QString& folder, const QString& name);
  bool openProject(const QString& folderOrFile);
  bool save();
  void close();

  void addDataset(const QString& spec);
  /// Records a run (and saves: run records mirror files already written to runs/).
  void recordRun(const ProjectRun& run);
  void recordModel(const ProjectModel& model);
  /// Deletes run `name`'s folder (core's deleteProjectRun: never outside the project folder)
  /// and takes the run and its models out of the project, which is saved. False with
  /// errorOccurred (nothing changed) when refused.
  bool deleteRun(const QString& name);

  /// What Save As copies when no project is open: the workbench's runs as a project record
  /// (outputDirs absolute) and the folder they lie in. Set by the training controller.
  struct WorkspaceRuns {
    Project project;
    QString folder;
  };
  void setWorkspaceSource(std::function<WorkspaceRuns()> source) {
    workspaceSource_ = std::move(source);
  }
  /// A reason Save As must wait (runs still writing their folders), or an empty string.
  void setSaveAsBlocker(std::function<QString()> blocker) { saveAsBlocker_ = std::move(blocker); }
  /// Save As: copies the open project (or, without one, the workspace's runs) into the new
  /// folder `folder` (core's saveProjectAs, on a worker thread) and then opens the copy. A
  /// refused folder or a failure leaves everything as it was (errorOccurred). Returns false when
  /// the copy was not started.
  bool saveProjectAs(const QString& folder);
  bool isSavingAs() const;
  void saveAsDialog();

  QStringList recentProjects() const;
  /// File menu entries with the standard shortcuts.
  void populateFileMenu(QMenu* menu);
  /// Asks to save unsaved changes; false when the user cancels.
  bool maybeSave();
  /// File > Save: saves the open project; without one, offers to save the workbench as a new
  /// project (a folder dialog) instead of doing nothing.
  void saveOrAsk();
  void openProjectDialog();

 Q_SIGNALS:
  void projectChanged();
  void modifiedChanged(bool dirty);
  void errorOccurred(const QString& title, const QString& message);
  /// A Save As ended: `ok` when the copy was written and is now the open project.
  void saveAsFinished(bool ok);

 private:
  void setDirty(bool dirty);
  void updateTitle();
  void rememberRecent(const QString& folder);
  void rebuildRecentMenu();
  void newProjectDialog(const QString& title);
  struct SaveAsOutcome;
  void finishSaveAs(SaveAsOutcome outcome);

  QWidget* window_;
  std::optional<Project> project_;
  QString folder_;
  bool dirty_ = false;
  QMenu* recentMenu_ = nullptr;
  std::function<WorkspaceRuns()> workspaceSource_;
  std::function<QString()> saveAsBlocker_;
  std::unique_ptr<BackgroundTask<SaveAsOutcome>> saveAsTask_;
  QPointer<QProgressDialog> saveAsProgress_;
};

}  // namespace glowscope
