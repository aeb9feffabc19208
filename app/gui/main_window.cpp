#include "app/gui/main_window.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>

#include "app/gui/about_dialog.h"
#include "core/util/log.h"
#include "core/util/runtime.h"
#include "widgets/log_bridge.h"
#include "widgets/log_panel.h"

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
  // The central area stays empty until views are opened; docks are where views live.
  auto* placeholder = new QLabel(tr("Open a project or start a training run to see views here."));
  placeholder->setAlignment(Qt::AlignCenter);
  placeholder->setObjectName("centralPlaceholder");
  setCentralWidget(placeholder);
  createLogDock();
  createMenus();
  statusLabel_ = new QLabel(QString::fromStdString(describeRuntime()));
  statusBar()->addPermanentWidget(statusLabel_);
  statusBar()->showMessage(tr("Ready"));
  restoreWindowState();
  logger()->info("Glowscope window opened ({})", describeRuntime());
}

MainWindow::~MainWindow() = default;

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

void MainWindow::createMenus() {
  QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
  QAction* quitAction = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
  quitAction->setShortcut(QKeySequence::Quit);
  quitAction->setObjectName("actionQuit");

  viewMenu_ = menuBar()->addMenu(tr("&View"));
  viewMenu_->setObjectName("menuView");
  viewMenu_->addAction(logDock_->toggleViewAction());

  QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
  QAction* aboutAction = helpMenu->addAction(tr("&About Glowscope"), this,
                                             [this] { showAboutDialog(this); });
  aboutAction->setObjectName("actionAbout");
  helpMenu->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::addViewDock(QDockWidget* dock, Qt::DockWidgetArea area) {
  addDockWidget(area, dock);
  viewMenu_->addAction(dock->toggleViewAction());
}

void MainWindow::restoreWindowState() {
  QSettings settings;
  if (!restoreGeometry(settings.value(kGeometryKey).toByteArray())) resize(1200, 800);
  restoreState(settings.value(kStateKey).toByteArray());
}

void MainWindow::saveWindowState() {
  QSettings settings;
  settings.setValue(kGeometryKey, saveGeometry());
  settings.setValue(kStateKey, saveState());
}

void MainWindow::closeEvent(QCloseEvent* event) {
  saveWindowState();
  event->accept();
}

}  // namespace glowscope
