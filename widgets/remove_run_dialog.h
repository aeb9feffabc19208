#pragma once
// Remove for a training run: "Remove run X from the list", and only when the user ticks it,
// also delete the run's folder (checkpoints, metrics). The delete is never the default: the box
// starts unticked, and ticking it names the folder, warns that it cannot be undone and turns the
// button into "Remove and Delete Files", so the deletion is confirmed by the button pressed.
#include <QDialog>

class QCheckBox;
class QLabel;
class QPushButton;

namespace glowscope {

class RemoveRunDialog : public QDialog {
  Q_OBJECT

 public:
  /// `runFolder`: where the run's files are; empty when it has none (the box is disabled).
  RemoveRunDialog(const QString& runName, const QString& runFolder, QWidget* parent = nullptr);

  /// True when the user asked to delete the run's files too.
  bool deleteFiles() const;
  QCheckBox* deleteBox() const { return deleteBox_; }
  QPushButton* removeButton() const { return removeButton_; }

 private:
  void updateForChoice();

  QCheckBox* deleteBox_ = nullptr;
  QLabel* warning_ = nullptr;
  QPushButton* removeButton_ = nullptr;
  QPushButton* cancelButton_ = nullptr;
};

}  // namespace glowscope
