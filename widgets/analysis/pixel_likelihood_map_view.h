#pragma once
// Where in an image log p comes from (docs/analysis.md, "Per-pixel log-likelihood map"): the
// image, its per-pixel log-likelihood under a PixelCNN++ model, and the difference of that map
// to a general model's (where the "Diff" ratio comes from). Computation in
// core/analysis/pixel_likelihood_map.h; this view only chooses inputs and displays.
#include <QString>
#include <QWidget>
#include <memory>
#include <utility>
#include <vector>

#include "core/analysis/pixel_likelihood_map.h"
#include "widgets/analysis/analysis_inputs.h"
#include "widgets/base/background_task.h"

class QComboBox;
class QCPColorMap;
class QCustomPlot;
class QLabel;
class QPushButton;

namespace glowscope {

class ImagePicker;
class ImageSetCache;

struct PixelLikelihoodMapResult {
  analysis::PixelLikelihoodMaps maps;
  /// The models the maps were computed with, kept by the view for the next computation.
  std::shared_ptr<analysis::PixelMapModel> model, general;
  QString title;  ///< "<set> #<index>"
  QString error;
};

class PixelLikelihoodMapView : public QWidget {
  Q_OBJECT
 public:
  /// `cache` null = ImageSetCache::shared(). With `shared.imageA` the view maps the Analysis
  /// page's image a; its two model boxes stay its own (a PixelCNN++ model and a general model).
  explicit PixelLikelihoodMapView(ImageSetCache* cache = nullptr, const AnalysisInputs& shared = {},
                                  QWidget* parent = nullptr);
  ~PixelLikelihoodMapView() override;

  /// (label, model file) of the models offered; both boxes list them, the general box also
  /// offers "none".
  void setModels(const std::vector<std::pair<QString, QString>>& labelAndPath);
  void setSetNames(const QStringList& names);
  /// Chooses model and general model by index (general -1 = none).
  void setCurrentModels(int model, int general);
  /// Computes the maps of the picked image on a worker; the plot follows (finished()). A model
  /// file is loaded on the first computation with it and kept until another file is chosen.
  void run();

  ImagePicker* imagePicker() const { return picker_; }
  QCustomPlot* plot() const { return plot_; }
  QLabel* statusLabel() const { return status_; }
  /// The maps shown (empty before a successful run).
  const analysis::PixelLikelihoodMaps& maps() const { return shown_; }

 Q_SIGNALS:
  void finished();

 private:
  void show(PixelLikelihoodMapResult result);
  void showPanel(int panel, const std::vector<double>& values, bool diverging);
  /// The loaded model for the file chosen in `box`, or null when it is not loaded yet.
  static std::shared_ptr<analysis::PixelMapModel> loadedFor(
      const QComboBox* box, const std::shared_ptr<analysis::PixelMapModel>& loaded);
  QString csv() const;

  QComboBox* model_;
  QComboBox* general_;
  ImagePicker* picker_;
  bool ownPicker_;
  QPushButton* compute_;
  QLabel* status_;
  QCustomPlot* plot_;
  std::vector<QCPColorMap*> panels_;
  analysis::PixelLikelihoodMaps shown_;
  std::shared_ptr<analysis::PixelMapModel> loadedModel_, loadedGeneral_;
  BackgroundTask<PixelLikelihoodMapResult> task_{
      this, [this](PixelLikelihoodMapResult result) { show(std::move(result)); }};
};

}  // namespace glowscope
