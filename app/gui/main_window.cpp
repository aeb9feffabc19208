#include "app/gui/main_window.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>

#include "app/gui/help_menu.h"
#include "app/gui/project_controller.h"
#include "app/gui/results_images.h"
#include "app/gui/training_controller.h"
#include "core/runtime/runtime.h"
#include "core/util/log.h"
#include "widgets/analysis/analysis_page.h"
#include "widgets/base/qt_strings.h"
#include "widgets/dataset_browser.h"
#include "widgets/log_bridge.h"
#include "widgets/log_panel.h"
#include "widgets/theme.h"
#include "widgets/training_view.h"
#include "widgets/views/batch_export_dialog.h"
#include "widgets/views/results_browser.h"
#include "widgets/welcome_page.h"

namespace glowscope {
namespace {
constexpr auto kGeometryKey = "MainWindow/geometry";
constexpr auto kStateKey = "MainWindow/state";
}  // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {
  setObjectName("MainWindow");
  setWindowTitle(tr("Glowscope"));
  setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowNestedDocks |
                 QMainWindow::AllowTabbedDocks);
  createWorkbench();
  createLogDock();
  createMenus();
  createRuntimeStatus();
  statusBar()->showMessage(tr("Ready"));
  restoreWindowState();
  training_->showRecordedRuns();  // no project yet: the workspace's runs
  logger()->info("Glowscope window opened ({})", describeRuntime());
}

MainWindow::~MainWindow() = default;

void MainWindow::createRuntimeStatus() {
  // A short permanent line: the full description (BLAS library path) is as long as the status
  // bar and pushed status messages out of sight; it stays one hover away and in the log.
  const RuntimeInfo info = runtimeInfo();
  statusLabel_ = new QLabel(
      tr("LibTorch %1 · %2 · %3 of %4 threads")
          .arg(QString::fromStdString(torchVersion()), QString::fromStdString(info.deviceName),
               QLocale().toString(info.torchThreads), QLocale().toString(info.hardwareThreads)));
  statusLabel_->setObjectName("runtimeStatus");
  statusLabel_->setToolTip(QString::fromStdString(describeRuntime()));
  statusBar()->addPermanentWidget(statusLabel_);
}

void MainWindow::createLogDock() {
  logPanel_ = new LogPanel(this);
  logDock_ = new QDockWidget(tr("Log"), this);
  logDock_->setObjectName("logDock");
  logDock_->setWidget(logPanel_);
  addDockWidget(Qt::BottomDockWidgetArea, logDock_);
  logBridge_ = new LogBridge(this);
  // Queued: records may come from worker threads; the panel must only be touched on the GUI thread.
  connect(logBridge_, &LogBridge::recordLogged, logPanel_, &LogPanel::appendRecord,
          Qt::QueuedConnection);
}

void MainWindow::createWorkbench() {
  // Central pages: the dataset browser, the live training view and the results of experiments;
  // further views come as docks.
  pages_ = new QTabWidget(this);
  pages_->setObjectName("workbenchPages");
  datasetBrowser_ = new DatasetBrowser(pages_);
  trainingView_ = new TrainingView(pages_);
  pages_->addTab(datasetBrowser_, tr("&Datasets"));
  pages_->addTab(trainingView_, tr("T&raining"));
  // The browser's toolbars are wide; a scroll area keeps the window usable on small screens.
  auto* resultsScroll = new QScrollArea(pages_);
  resultsScroll->setWidgetResizable(true);
  resultsScroll->setFrameShape(QFrame::NoFrame);
  resultsBrowser_ = new ResultsBrowser(resultsScroll);
  resultsScroll->setWidget(resultsBrowser_);
  pages_->addTab(resultsScroll, tr("&Results"));
  createResultsImages();
  createAnalysisPage();
  projects_ = new ProjectController(this);
  training_ = new TrainingController(projects_, trainingView_, this);
  createWelcomePage();
  training_->setDatasetNameSource([this] { return datasetBrowser_->usableDatasetNames(); });
  connect(projects_, &ProjectController::errorOccurred, this, &MainWindow::showError);
  connect(training_, &TrainingController::errorOccurred, this, &MainWindow::showError);
  connect(datasetBrowser_, &DatasetBrowser::loadFailed, this,
          [this](const QString& spec, const QString& message) {
            // The status bar forgets after 10 s; the log panel keeps it.
            logger()->warn("dataset {}: {}", spec.toStdString(), message.toStdString());
            statusBar()->showMessage(tr("%1: %2").arg(spec, message), 10000);
          });
  connect(datasetBrowser_, &DatasetBrowser::datasetAdded, projects_,
          &ProjectController::addDataset);
  connect(projects_, &ProjectController::projectChanged, this, &MainWindow::syncWithProject);
  connect(training_, &TrainingController::runFinished, this,
          [this](const QString& run, const QString& state) {
            statusBar()->showMessage(tr("Run %1: %2").arg(run, TrainingView::stateText(state)),
                                     10000);
          });
}

void MainWindow::createWelcomePage() {
  // Until the user opens or starts something, the window shows where to begin rather than
  // empty plots.
  central_ = new QStackedWidget(this);
  welcomePage_ = new WelcomePage(central_);
  central_->addWidget(welcomePage_);
  central_->addWidget(pages_);
  setCentralWidget(central_);
  welcomePage_->setRecentProjects(projects_->recentProjects());
  connect(welcomePage_, &WelcomePage::recentProjectChosen, this, [this](const QString& folder) {
    if (projects_->maybeSave()) projects_->openProject(folder);
  });
  connect(welcomePage_, &WelcomePage::openProjectRequested, projects_,
          &ProjectController::openProjectDialog);
  connect(welcomePage_, &WelcomePage::openResultsRequested, this,
          [this] { chooseResultsFolder(); });
  connect(welcomePage_, &WelcomePage::trainRequested, this, [this] {
    showPage(1);
    training_->openWizard();
  });
  connect(welcomePage_, &WelcomePage::datasetsRequested, this, [this] { showPage(0); });
  connect(welcomePage_, &WelcomePage::documentationRequested, this, [this] {
    if (QAction* docs = findChild<QAction*>("actionDocumentation")) docs->trigger();
  });
}

void MainWindow::showPage(int index) {
  central_->setCurrentWidget(pages_);
  pages_->setCurrentIndex(index);
}

void MainWindow::showWelcomePage() {
  welcomePage_->setRecentProjects(projects_->recentProjects());
  central_->setCurrentWidget(welcomePage_);
}

bool MainWindow::welcomePageShown() const { return central_->currentWidget() == welcomePage_; }

bool MainWindow::openResultsFolder(const QString& folder) {
  QString error;
  if (!resultsBrowser_->openFolder(folder, &error)) {
    showError(tr("Cannot open results"), error);
    return false;
  }
  QSettings().setValue("MainWindow/lastResultsFolder", folder);
  showPage(2);
  statusBar()->showMessage(tr("Results: %1").arg(folder), 10000);
  return true;
}

void MainWindow::chooseResultsFolder() {
  // A results folder is what `glowscope-cli evaluate` or `demo` wrote (summary.json inside).
  const QString start = QSettings().value("MainWindow/lastResultsFolder").toString();
  const QString folder =
      QFileDialog::getExistingDirectory(this, tr("Open a results folder"), start);
  if (!folder.isEmpty()) openResultsFolder(folder);
}

void MainWindow::createAnalysisPage() {
  // Fourier mixing, z_L swaps, the pixel-difference prior and PixelCNN++ per-pixel maps on the
  // open results folder's models (first seed) and data sets; the page's one model row (any other
  // model file can be loaded there) and one image pair serve every tab.
  // In a scroll area, like the results: the views' controls must not set the window's minimum.
  auto* analysisScroll = new QScrollArea(pages_);
  analysisScroll->setWidgetResizable(true);
  analysisScroll->setFrameShape(QFrame::NoFrame);
  analysisPage_ = new AnalysisPage(nullptr, analysisScroll);
  analysisScroll->setWidget(analysisPage_);
  pages_->addTab(analysisScroll, tr("&Analysis"));
  connect(resultsBrowser_, &ResultsBrowser::resultsChanged, this, [this] {
    const auto& results = resultsBrowser_->results();
    if (!results || results->seeds.empty()) return;
    analysisPage_->setModels(
        resultsFolderModels(toQString(results->path.string()), results->seeds.front()));
    analysisPage_->setSetNames(toQStringList(results->allSets()));
  });
}

void MainWindow::createResultsImages() {
  // The images behind the scores, for the thumbnails of a histogram bin and the scatter hover.
  resultsImages_ = new ResultsImagesLoader(this);
  connect(resultsBrowser_, &ResultsBrowser::resultsChanged, this, [this] {
    const auto& results = resultsBrowser_->results();
    if (results)
      resultsImages_->load(toQString(results->path.string()), toQStringList(results->allSets()));
  });
  connect(resultsImages_, &ResultsImagesLoader::setLoaded, this,
          [this](const QString& folder, const ResultsSetImages& images) {
            const auto& results = resultsBrowser_->results();
            if (results && toQString(results->path.string()) == folder && images.images)
              resultsBrowser_->setSetImages(images.setName, images.images);
          });
}

void MainWindow::addExportAllViewsAction(QMenu* fileMenu) {
  QAction* action = fileMenu->addAction(tr("Export All &Views…"), this, [this] {
    if (resultsBrowser_->results()) exportAllViewsInteractively(this, *resultsBrowser_->results());
  });
  action->setObjectName("actionExportAllViews");
  action->setEnabled(resultsBrowser_->results().has_value());
  connect(resultsBrowser_, &ResultsBrowser::resultsChanged, action,
          [this, action] { action->setEnabled(resultsBrowser_->results().has_value()); });
}

void MainWindow::syncWithProject() {
  QStringList added;
  if (projects_->hasProject()) {
    for (const std::string& spec : projects_->project().datasets)
      if (QString::fromStdString(spec).contains(":/")) added << QString::fromStdString(spec);
  }
  training_->showRecordedRuns();  // the project's runs, or the workspace's without one
  datasetBrowser_->setUserDatasets(added);
  welcomePage_->setRecentProjects(projects_->recentProjects());
  if (projects_->hasProject() && welcomePageShown()) showPage(pages_->currentIndex());
}

void MainWindow::showError(const QString& title, const QString& message) {
  logger()->error("{}: {}", title.toStdString(), message.toStdString());
  QMessageBox::critical(this, title, message);
}

void MainWindow::createThemeMenu() {
  QMenu* themeMenu = viewMenu_->addMenu(tr("&Theme"));
  auto* group = new QActionGroup(themeMenu);
  for (const Theme theme : {Theme::Light, Theme::Dark}) {
    QAction* action = themeMenu->addAction(theme == Theme::Light ? tr("&Light") : tr("&Dark"));
    action->setObjectName(theme == Theme::Light ? "actionThemeLight" : "actionThemeDark");
    action->setCheckable(true);
    action->setChecked(storedTheme() == theme);
    group->addAction(action);
    connect(action, &QAction::triggered, this, [theme] { applyTheme(theme); });
  }
}

void MainWindow::createMenus() {
  QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
  projects_->populateFileMenu(fileMenu);
  QAction* resultsAction =
      fileMenu->addAction(tr("Open &Results Folder…"), this, [this] { chooseResultsFolder(); });
  resultsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
  resultsAction->setObjectName("actionOpenResults");
  addExportAllViewsAction(fileMenu);
  QAction* quitAction = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
  quitAction->setShortcut(QKeySequence::Quit);
  quitAction->setObjectName("actionQuit");

  QMenu* trainingMenu = menuBar()->addMenu(tr("&Training"));
  trainingMenu->setObjectName("menuTraining");
  training_->populateMenu(trainingMenu);

  viewMenu_ = menuBar()->addMenu(tr("&View"));
  viewMenu_->setObjectName("menuView");
  viewMenu_->addAction(logDock_->toggleViewAction());
  QAction* startAction =
      viewMenu_->addAction(tr("&Start Page"), this, [this] { showWelcomePage(); });
  startAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
  startAction->setObjectName("actionWelcomePage");
  QAction* datasetsAction = viewMenu_->addAction(tr("&Datasets"), this, [this] { showPage(0); });
  datasetsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
  QAction* trainingAction = viewMenu_->addAction(tr("T&raining"), this, [this] { showPage(1); });
  trainingAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
  QAction* resultsPageAction = viewMenu_->addAction(tr("R&esults"), this, [this] { showPage(2); });
  resultsPageAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
  QAction* analysisPageAction =
      viewMenu_->addAction(tr("&Analysis"), this, [this] { showPage(3); });
  analysisPageAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_4));
  createThemeMenu();

  QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
  helpMenu->setObjectName("menuHelp");
  populateHelpMenu(helpMenu, this);
}

void MainWindow::addViewDock(QDockWidget* dock, Qt::DockWidgetArea area) {
  addDockWidget(area, dock);
  viewMenu_->addAction(dock->toggleViewAction());
}

void MainWindow::restoreWindowState() {
  QSettings settings;
  if (!restoreGeometry(settings.value(kGeometryKey).toByteArray())) {
    // 1200 x 800, or less on a smaller screen: the status bar must not start off-screen.
    const QSize screenSize = screen()->availableGeometry().size();
    QSize size = QSize(1200, 800).boundedTo(screenSize * 0.9);
    if (screenSize.height() < 800) {
      // A short screen: all its height but the title bar's, and no log dock, which would leave
      // the Analysis page too short (View > Log and the error dialogs remain).
      size.setHeight(screenSize.height() - 40);
      logDock_->hide();
    }
    resize(size);
  }
  restoreState(settings.value(kStateKey).toByteArray());
}

void MainWindow::saveWindowState() {
  QSettings settings;
  settings.setValue(kGeometryKey, saveGeometry());
  settings.setValue(kStateKey, saveState());
}

void MainWindow::closeEvent(QCloseEvent* event) {
  if (training_->hasActiveRuns()) {
    const auto answer = QMessageBox::question(
        this, tr("Training is running"),
        tr("%n run(s) are training. Stop them after the current step and write resumable "
           "checkpoints?",
           "", int(training_->activeRuns().size())),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Yes);
    if (answer != QMessageBox::Yes) {
      event->ignore();
      return;
    }
    statusBar()->showMessage(tr("Stopping training and writing checkpoints…"));
    training_->stopAllAndWait();
  }
  if (!projects_->maybeSave()) {
    event->ignore();
    return;
  }
  saveWindowState();
  event->accept();
}

}  // namespace glowscope
