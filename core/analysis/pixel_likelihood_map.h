#pragma once
// Per-pixel log-likelihood maps of an autoregressive model (docs/analysis.md, "Per-pixel
// log-likelihood map"): where in an image log p comes from, and where the likelihood ratio to a
// general model comes from. Only PixelCNN++ has exact per-pixel terms (docs/pixelcnn.md); a flow
// is refused. Torch-free header, for the GUI's view.
#include <cstdint>
#include <filesystem>
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

/// The maps of `images` (any size/channels: brought to the model's shape) under the PixelCNN++
/// model in `modelFile` and, when `generalModelFile` is not empty, under that general model too
/// (also PixelCNN++, of the same shape). Throws Error for a flow model ("a flow has no per-pixel
/// log-likelihood terms"), FileError for unreadable files, ConfigError("general") for a general
/// model of another shape. Runs on the CPU under no-grad, in eval state.
PixelLikelihoodMaps pixelLikelihoodMaps(const std::filesystem::path& modelFile,
                                        const std::filesystem::path& generalModelFile,
                                        const ImageSet& images);

/// Whether `modelFile` holds a model with per-pixel terms (PixelCNN++). Throws FileError.
bool hasPixelLikelihoodMaps(const std::filesystem::path& modelFile);

}  // namespace glowscope::analysis
