#pragma once
#include <cstdint>

#include "core/analysis/task_control.h"
#include "core/data/image_set.h"
#include "core/flows/flow_model.h"

namespace glowscope::analysis {

struct SamplingOptions {
  int64_t count = 64;
  double temperature = 1.0;  ///< std multiplier of every latent's prior (Glow's T)
  uint64_t seed = 0;         ///< seeds a private generator on the model's device
  int64_t batchSize = 64;
  int64_t classIndex = -1;  ///< class-conditional models: the class head (-1 = random)
};

struct SamplingResult {
  ImageSet images;                        ///< quantised to uint8 as quantiseModelImages
  std::vector<double> logLikelihoodNats;  ///< log p of each continuous sample
};

/// Draws samples without gradients; the same seed gives the same images on the same device.
/// Throws ConfigError for count < 1, batch size < 1 or a negative temperature.
SamplingResult sampleImages(FlowModelImpl& model, const SamplingOptions& options = {},
                            const TaskControl& control = {});

}  // namespace glowscope::analysis
