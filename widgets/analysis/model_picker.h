#pragma once
// The "Model:" row of the analysis views: a box of known models (label, path of a model.glow), a
// "Load model file…" button, and the chosen model loaded on a worker thread and kept until
// another one is chosen.
#include <QString>
#include <QWidget>
#include <memory>
#include <utility>
#include <vector>

#include "widgets/base/background_task.h"

class QComboBox;
class QLabel;
class QPushButton;

namespace glowscope {

namespace analysis {
class ModelHandle;
}

class ModelPicker : public QWidget {
  Q_OBJECT
 public:
  explicit ModelPicker(QWidget* parent = nullptr);
  ~ModelPicker() override;  ///< waits for a load in progress (one file: it cannot be interrupted)

  /// Replaces the box's entries (label, path of a model.glow) and loads the first one.
  void setModels(const std::vector<std::pair<QString, QString>>& labelAndPath);
  /// Adds a model file (label = its folder and file name unless given) and chooses it.
  void addModelFile(const QString& path, const QString& label = {});

  /// The loaded model, or null while it loads, when none is chosen or loading failed.
  std::shared_ptr<analysis::ModelHandle> model() const { return model_; }
  /// A short name of the loaded model for titles ("conv-seed0"); empty without one.
  QString modelLabel() const;
  bool isLoading() const { return loader_.isRunning(); }

  QComboBox* modelBox() const { return box_; }
  QPushButton* loadFileButton() const { return loadFile_; }
  QLabel* statusLabel() const { return status_; }

  /// The status line for a loaded model in the interface's language and locale: "conv Glow,
  /// 3 scales × 8 steps, hidden 128, 1×32×32, 801,120 parameters".
  static QString summaryText(const analysis::ModelHandle& model);

 Q_SIGNALS:
  /// A model was loaded, or the model was cleared (model() null, e.g. after a failure).
  void modelChanged();

 private:
  void chooseFile();
  void loadCurrent();
  struct ModelLoad {
    std::shared_ptr<analysis::ModelHandle> handle;
    QString error;
  };
  void finishLoad(ModelLoad load);

  QComboBox* box_;
  QPushButton* loadFile_;
  QLabel* status_;
  std::shared_ptr<analysis::ModelHandle> model_;
  // Last: waits for its load before the widgets it reports to go. The newest choice wins.
  BackgroundTask<ModelLoad> loader_{this, [this](ModelLoad load) { finishLoad(std::move(load)); }};
};

}  // namespace glowscope
