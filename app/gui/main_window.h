#pragma once
#include <QMainWindow>

class QDockWidget;
class QLabel;
class QStackedWidget;
class QTabWidget;

namespace glowscope {

class AnalysisPage;
class DatasetBrowser;
class LogBridge;
class LogPanel;
class ProjectController;
class ResultsBrowser;
class ResultsImagesLoader;
class WelcomePage;
class TrainingController;
class TrainingView;

/// The workbench window: menus, a dock area for views, a status bar and the log panel. Views are
/// added as docks by their controllers; the window itself holds no analysis logic.
class MainWindow : public QMainWindow {
  Q_OBJECT

 public:
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  LogPanel* logPanel() const { return logPanel_; }
  QDockWidget* logDock() const { return logDock_; }

  /// Adds a view as a dock; its toggle action goes into the View menu.
  void addViewDock(QDockWidget* dock, Qt::DockWidgetArea area);

  ProjectController* projectController() const { return projects_; }
  TrainingController* trainingController() const { return training_; }
  DatasetBrowser* datasetBrowser() const { return datasetBrowser_; }
  TrainingView* trainingView() const { return trainingView_; }
  ResultsBrowser* resultsBrowser() const { return resultsBrowser_; }
  AnalysisPage* analysisPage() const { return analysisPage_; }
  WelcomePage* welcomePage() const { return welcomePage_; }
  /// Central tabs: 0 = datasets, 1 = training, 2 = results, 3 = analysis. Leaves the start page.
  void showPage(int index);
  /// The start page (shown at launch until something is opened), with the recent projects.
  void showWelcomePage();
  bool welcomePageShown() const;
  /// Shows an experiment's results folder in the Results tab; reports errors, returns success.
  bool openResultsFolder(const QString& folder);

 protected:
  void closeEvent(QCloseEvent* event) override;

 private:
  void createMenus();
  void createWorkbench();
  void createThemeMenu();
  void showError(const QString& title, const QString& message);
  void chooseResultsFolder();
  void createResultsImages();
  void createAnalysisPage();
  void createWelcomePage();
  void addExportAllViewsAction(QMenu* fileMenu);
  void syncWithProject();
  void createRuntimeStatus();
  void createLogDock();
  void restoreWindowState();
  void saveWindowState();

  LogBridge* logBridge_ = nullptr;
  LogPanel* logPanel_ = nullptr;
  QDockWidget* logDock_ = nullptr;
  QMenu* viewMenu_ = nullptr;
  QLabel* statusLabel_ = nullptr;
  QStackedWidget* central_ = nullptr;  ///< the start page or the tabs
  WelcomePage* welcomePage_ = nullptr;
  QTabWidget* pages_ = nullptr;
  DatasetBrowser* datasetBrowser_ = nullptr;
  TrainingView* trainingView_ = nullptr;
  ResultsBrowser* resultsBrowser_ = nullptr;
  AnalysisPage* analysisPage_ = nullptr;
  ResultsImagesLoader* resultsImages_ = nullptr;
  ProjectController* projects_ = nullptr;
  TrainingController* training_ = nullptr;
};

}  // namespace glowscope
