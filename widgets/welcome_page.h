#pragma once
// What the window shows on launch before anything is open, instead of empty plots: the recent
// projects and the four ways to begin (open a project, open a results folder, train a model,
// read the documentation). It only emits what the user picked; the window acts on it.
#include <QWidget>

class QListWidget;

namespace glowscope {

class WelcomePage : public QWidget {
  Q_OBJECT

 public:
  explicit WelcomePage(QWidget* parent = nullptr);

  /// Folders, newest first; an empty list shows a hint instead.
  void setRecentProjects(const QStringList& folders);
  QStringList recentProjects() const;

 Q_SIGNALS:
  void recentProjectChosen(const QString& folder);
  void openProjectRequested();
  void openResultsRequested();
  void trainRequested();
  void documentationRequested();
  void datasetsRequested();

 private:
  QWidget* buildActions();

  QListWidget* recent_ = nullptr;
};

}  // namespace glowscope
