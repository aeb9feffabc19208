#pragma once
// Per-pixel log-likelihood maps of an autoregressive model (docs/analysis.md, "Per-pixel
// log-likelihood map"): where in an image log p comes from, and where the likelihood ratio to a
// general model comes from. Only PixelCNN++ has exact per-pixel terms (docs/pixelcnn.md); a flow
// is refused. Torch-free header, for the GUI's view.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "core/data/image_set.h"

namespace glowscope::analysis {

/// One image's maps, H*W values in raster order, in nats.
struct PixelLikelihoodMap {
  /// log P(pixel | earlier pixels), summed over the pixel's channels (the sub-pixel
  /// conditionals of the model's order). Summed over the image it is
  /// log P(x) = log p(x) - D ln 256.
  std::vector<double> logProbNats;
  /// The same for the general model (empty without one).
  std::vector<double> generalLogProbNats;
  /// logProbNats - generalLogProbNats (empty without a general model): summed over the image it
  /// is the log-likelihood ratio of the "Diff" score (Eq. 1).
  std::vector<double> differenceNats;
  /// The image as one grey level per pixel (0..255): the mean over its channels, as scored.
  std::vector<double> greyLevels;
  double totalLogProbNats = 0;  ///< sum of logProbNats: log P(x)
  /// Sum of differenceNats (0 without a general model): the log-likelihood ratio of "Diff".
  double totalDifferenceNats = 0;
};

struct PixelLikelihoodMaps {
  ImageSet images;                       ///< the images as the model scores them (its C x H x W)
  std::vector<PixelLikelihoodMap> maps;  ///< one per image, in order
  int height = 0, width = 0;
};

/// A loaded model with per-pixel terms (PixelCNN++), on the CPU in eval state: the map view
/// keeps it between computations and loads again only when another file is chosen.
class PixelMapModel {
 public:
  /// Throws Error for a flow model ("a flow has no per-pixel log-likelihood terms"), FileError
  /// for an unreadable file.
  static std::shared_ptr<PixelMapModel> load(const std::filesystem::path& modelFile);
  ~PixelMapModel();
  PixelMapModel(const PixelMapModel&) = delete;
  PixelMapModel& operator=(const PixelMapModel&) = delete;

  const std::filesystem::path& path() const;

 private:
  PixelMapModel();
  friend PixelLikelihoodMaps pixelLikelihoodMaps(PixelMapModel&, PixelMapModel*, const ImageSet&);
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// The maps of `images` (any size/channels: brought to the model's shape) under `model` and,
/// when `general` is not null, under that general model too (of the same shape). Throws
/// ConfigError("general") for a general model of another shape. Runs under no-grad; one
/// computation at a time per model (worker threads may share one).
PixelLikelihoodMaps pixelLikelihoodMaps(PixelMapModel& model, PixelMapModel* general,
                                        const ImageSet& images);

/// The same for the models in `modelFile` and, when `generalModelFile` is not empty,
/// `generalModelFile`, loaded for this call (PixelMapModel::load's errors).
PixelLikelihoodMaps pixelLikelihoodMaps(const std::filesystem::path& modelFile,
                                        const std::filesystem::path& generalModelFile,
                                        const ImageSet& images);

/// Whether `modelFile` holds a model with per-pixel terms (PixelCNN++). Throws FileError.
bool hasPixelLikelihoodMaps(const std::filesystem::path& modelFile);

}  // namespace glowscope::analysis
