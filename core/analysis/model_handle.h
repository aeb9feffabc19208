#pragma once
// A flow model loaded from a file, for code that must not include torch headers (the GUI's
// analysis views). The views hand it to core's analysis functions through torch-free wrappers;
// the model itself stays behind a forward declaration.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/data/image_set.h"
#include "core/scoring/model_scores.h"

namespace glowscope {
class FlowModelImpl;
}

namespace glowscope::analysis {

class ModelHandle {
 public:
  /// Loads `model.glow` (or any file saveFlowModel wrote) onto `deviceName` ("cpu", "cuda";
  /// empty = preferredDeviceName()). Throws glowscope::Error subclasses naming the file; a
  /// PixelCNN++ file gets "this analysis is for flow models only: a PixelCNN++ model has no
  /// scales or latents".
  static std::shared_ptr<ModelHandle> load(const std::filesystem::path& path,
                                           const std::string& deviceName = {});
  ~ModelHandle();
  ModelHandle(const ModelHandle&) = delete;
  ModelHandle& operator=(const ModelHandle&) = delete;

  /// What description() says, as data for a view that words it in its own language.
  struct Summary {
    std::string flowType;  ///< flowTypeName: "conv", "dense", "local"
    int numScales = 0;
    int stepsPerScale = 0;
    std::int64_t hiddenChannels = 0;
    std::int64_t channels = 0, height = 0, width = 0;
    std::int64_t parameters = 0;
  };

  const std::filesystem::path& path() const;
  /// "conv Glow, 3 scales x 8 steps, hidden 128, 1x32x32, 801120 parameters".
  std::string description() const;
  Summary summary() const;
  std::int64_t channels() const;
  std::int64_t height() const;
  std::int64_t width() const;
  int numScales() const;  ///< number of latents z_1..z_L (= number of c_i)

  /// The model, for core functions that take FlowModelImpl&. Hold lock() while using it: one
  /// computation at a time (worker threads of several views may share a handle).
  FlowModelImpl& model();
  std::unique_lock<std::mutex> lock();

  /// log p and every c_i of the images (any size/channels; brought to the model's shape).
  /// Locks the handle for the call.
  ModelScores score(const ImageSet& images, const ScoringOptions& options = {});

 private:
  ModelHandle();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// The images at the model's C, H, W (imagesWithShape, core/data/image_set_ops.h), or a copy of
/// them when `model` is null: the analysis views mix and measure the very images a model scores.
ImageSet imagesForModel(const ImageSet& images, const ModelHandle* model);

}  // namespace glowscope::analysis
