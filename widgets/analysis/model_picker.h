#pragma once
// The "Model:" row of the analysis views: a box of known models (label, path of a model.glow), a
// "Load model file…" button, and the chosen model loaded on a worker thread and kept until
// another one is chosen.
#include <QString>
#include <QWidget>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "core/data/image_set.h"

class QComboBox;
class QLabel;
class QPushButton;
class QThread;

namespace glowscope {

namespace analysis {
class ModelHandle;
}

class ModelPicker : public QWidget {
  Q_OBJECT
 public:
  explicit ModelPicker(QWidget* parent = nullptr);
  ~ModelPicker() override;  ///< waits for a load in progress

  /// Replaces the box's entries (label, path of a model.glow) and loads the first one.
  void setModels(const std::vector<std::pair<QString, QString>>& labelAndPath);
  /// Adds a model file (label = its folder and file name unless given) and chooses it.
  void addModelFile(const QString& path, const QString& label = {});

  /// The loaded model, or null while it loads, when none is chosen or loading failed.
  std::shared_ptr<analysis::ModelHandle> model() const { return model_; }
  /// A short name of the loaded model for titles ("conv-seed0"); empty without one.
  QString modelLabel() const;
  bool isLoading() const { return loader_ != nullptr; }

  QComboBox* modelBox() const { return box_; }
  QPushButton* loadFileButton() const { return loadFile_; }
  QLabel* statusLabel() const { return status_; }

 Q_SIGNALS:
  /// A model was loaded, or the model was cleared (model() null, e.g. after a failure).
  void modelChanged();

 private:
  void chooseFile();
  void loadCurrent();
  void finishLoad(std::uint64_t generation, std::shared_ptr<analysis::ModelHandle> handle,
                  const QString& error);

  QComboBox* box_;
  QPushButton* loadFile_;
  QLabel* status_;
  QThread* loader_ = nullptr;
  std::uint64_t generation_ = 0;  ///< a load whose generation is stale is dropped
  std::shared_ptr<analysis::ModelHandle> model_;
};

/// The images converted to `channels` (grey <-> RGB) and resized bilinearly to height x width:
/// the conversion prepareImagesForModel applies before scoring.
ImageSet imagesWithShape(const ImageSet& images, std::int64_t channels, std::int64_t height,
                         std::int64_t width);
/// imagesWithShape to the model's shape, or a copy of the images when `model` is null. The
/// analysis views mix and measure the very images the model scores.
ImageSet imagesForModel(const ImageSet& images, const analysis::ModelHandle* model);
/// The first min(count, images.count) images.
ImageSet firstImages(const ImageSet& images, std::int64_t count);

}  // namespace glowscope
