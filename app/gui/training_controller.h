#pragma once
// Runs training (core/training Trainer) on worker threads, one per run, and feeds the live view.
// Pause, stop (with a resumable checkpoint) and resume from the latest checkpoint; every run is
// recorded in the project with its exact config.
#include <QHash>
#include <QObject>
#include <QStringList>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

#include "app/gui/project_controller.h"
#include "widgets/base/background_task.h"

class QMenu;
class QWidget;

namespace glowscope {

class TrainingControl;
class TrainingView;
class TrainingWizard;
struct TrainingConfig;

class TrainingController : public QObject {
  Q_OBJECT

 public:
  TrainingController(ProjectController* projects, TrainingView* view, QWidget* window);
  ~TrainingController() override;

  /// Where the wizard takes its dataset names from (the dataset browser).
  void setDatasetNameSource(std::function<QStringList()> source);
  /// The wizard's threads value to start with (the application's --threads; 0 = all cores).
  void setDefaultThreads(int threads) { defaultThreads_ = threads; }
  void populateMenu(QMenu* menu);

  /// Starts (or with `resume`, continues) run `name` with a TrainingConfig JSON. Returns false
  /// with errorOccurred when the config is invalid or the run is already active.
  bool startRun(const QString& name, nlohmann::json config, bool resume = false);
  void setPaused(const QString& name, bool paused);
  void stop(const QString& name);
  /// Continues a stopped run of the project from its latest checkpoint.
  bool resume(const QString& name);

  bool hasActiveRuns() const { return !active_.empty(); }
  QStringList activeRuns() const;
  /// Asks every run to stop and waits (processing events) until each wrote its checkpoint.
  void stopAllAndWait();
  /// Opens the wizard (window-modal); a finished wizard starts its run.
  TrainingWizard* openWizard();

  /// Where runs go without an open project (QSettings "Training/workspace", by default
  /// ~/glowscope-runs); each run is a folder <workspace>/<run name>.
  static QString workspaceFolder();
  /// Lists the runs of the open project (or, without one, of the workspace) in the view with
  /// the curves of their metrics files; runs still training stay as they are.
  void showRecordedRuns();
  /// Asks for the run's configuration (JSON, editable) and trains it again from step 0.
  void editAndRestart(const QString& name);
  /// Keeps a run the user removed out of the list from now on: marked hidden in the project, or
  /// listed in the workspace's glowscope-workspace.json. Its files stay; starting a run of that
  /// name lists it again.
  void hideRun(const QString& name);
  /// Remove with the user's choice (the view's Remove asks with a RemoveRunDialog): hidden as
  /// hideRun does, or with `deleteFiles` its folder deleted (never a folder outside the project
  /// or workspace) and its record dropped. False when refused (errorOccurred).
  bool removeRun(const QString& name, bool deleteFiles);
  /// Lists a removed run again (its record's hidden flag cleared, or the workspace's list).
  void restoreRemovedRun(const QString& name);
  /// The runs listed without a project, as a project record for Save As.
  ProjectController::WorkspaceRuns workspaceRuns() const;

 Q_SIGNALS:
  void runFinished(const QString& name, const QString& state);
  void errorOccurred(const QString& title, const QString& message);

 private:
  /// How a training ended (a failure: `error`).
  struct RunOutcome {
    QString state = "failed";
    int64_t steps = 0;
    double testBpd = 0;
    QString modelFile;
    QString message;
    QString error;
  };
  struct ActiveRun {
    std::shared_ptr<TrainingControl> control;
    std::unique_ptr<BackgroundTask<RunOutcome>> task;
  };
  /// The run's config checked and resolved (outputDir inside the project); none after an error.
  std::optional<TrainingConfig> checkedConfig(const nlohmann::json& config, bool resume);
  void recordStartedRun(const QString& name, const nlohmann::json& config,
                        const TrainingConfig& parsed);
  void launchRun(const QString& name, const TrainingConfig& parsed);
  void finishRun(const QString& name, RunOutcome outcome);
  void recordModel(const QString& name, const QString& modelFile);
  void recordRunState(const QString& name, const QString& state, int64_t steps, double testBpd);
  /// Shows one recorded run: its metrics file's curves and the state they end in.
  void restoreRun(const QString& name, const QString& outputDir, const QString& recordedStatus);
  /// The configuration a run was started with (project record, runs started in this window, config.json).
  nlohmann::json knownConfig(const QString& name) const;
  QString outputDirOf(const nlohmann::json& config) const;
  /// Shows the run again (a new run of a removed run's name): the workspace's hidden list.
  void unhideWorkspaceRun(const QString& name);
  /// Asks how to remove the run (list only, or files too) and does it.
  void askToRemoveRun(const QString& name);
  /// The folder holding the run's files, or an empty string when none is known.
  QString runFolder(const QString& name) const;

  ProjectController* projects_;
  TrainingView* view_;
  QWidget* window_;
  std::function<QStringList()> datasetNames_;
  int defaultThreads_ = 0;
  std::map<QString, ActiveRun> active_;
  QHash<QString, nlohmann::json> configs_;  ///< runs started without a project
};

}  // namespace glowscope
