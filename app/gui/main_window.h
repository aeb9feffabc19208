#pragma once
#include <QMainWindow>

class QDockWidget;
class QLabel;

namespace glowscope {

class LogBridge;
class LogPanel;

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

 protected:
  void closeEvent(QCloseEvent* event) override;

 private:
  void createMenus();
  void createLogDock();
  void restoreWindowState();
  void saveWindowState();

  LogBridge* logBridge_ = nullptr;
  LogPanel* logPanel_ = nullptr;
  QDockWidget* logDock_ = nullptr;
  QMenu* viewMenu_ = nullptr;
  QLabel* statusLabel_ = nullptr;
};

}  // namespace glowscope
