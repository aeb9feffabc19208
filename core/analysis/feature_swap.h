#pragma once
#include <cstdint>
#include <vector>

#include "core/analysis/task_control.h"
#include "core/data/image_set.h"
#include "core/flows/flow_model.h"
#include "core/flows/preprocess.h"

namespace glowscope::analysis {

struct FeatureSwapOptions {
  /// 0-based index of the first latent counted as "high level"; -1 = the last one (z_L), as in
  /// Fig. 3A. Latents before it are "low level".
  int firstHighLatent = -1;
  PreprocessMode mode = PreprocessMode::PaperEvaluation;
  int64_t batchSize = 64;
};

/// Fig. 3A for pairs (a_i, b_i) = (image i of `imagesA`, image i of `imagesB`).
struct FeatureSwapResult {
  /// 4 images per pair, in order: a_i, b_i, swap(a-low, b-high), swap(b-low, a-high), where
  /// swap(a-low, b-high) = inverse(z_1..z_{h-1} of a, z_h..z_L of b). Quantised to uint8.
  ImageSet images;
  /// log p (nats) of the four images: for a and b the forward pass of the preprocessed input,
  /// for the swaps the inverse pass's log p of the continuous generated x.
  std::vector<double> logLikelihoodNats;
  /// log p of all four images after quantisation, re-scored by a forward pass in `mode`.
  std::vector<double> quantisedLogLikelihoodNats;
};

/// Throws ConfigError for different counts, images that do not fit the model, or a bad index.
FeatureSwapResult swapFeatures(FlowModelImpl& model, const ImageSet& imagesA,
                               const ImageSet& imagesB, const FeatureSwapOptions& options = {},
                               const TaskControl& control = {});

}  // namespace glowscope::analysis
