#pragma once
// Owns the open project (core/project): New / Open / Open Recent / Save, the unsaved-changes
// mark in the window title, and the recent-projects list (QSettings). Failures are reported by
// errorOccurred and leave the open project exactly as it was.
#include <QObject>
#include <QStringList>
#include <optional>

#include "core/project/project_file.h"

class QMenu;
class QWidget;

namespace glowscope {

class ProjectController : public QObject {
  Q_OBJECT

 public:
  explicit ProjectController(QWidget* window);

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

 private:
  void setDirty(bool dirty);
  void updateTitle();
  void rememberRecent(const QString& folder);
  void rebuildRecentMenu();
  void newProjectDialog(const QString& title);

  QWidget* window_;
  std::optional<Project> project_;
  QString folder_;
  bool dirty_ = false;
  QMenu* recentMenu_ = nullptr;
};

}  // namespace glowscope
