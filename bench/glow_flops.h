#pragma once
// Analytic multiply-add counts of a Glow (docs/flows.md, "Performance"), shared by the benches:
// FLOPs per image of a forward pass, and the convolution shapes one training step runs.
#include <cstdint>
#include <string>
#include <vector>

#include "core/flows/model_config.h"

namespace glowscope::bench {

/// Multiply-adds of one flow step's coupling net and 1x1 mixing on C channels of HxW positions
/// (conv) or D dims (dense); ActNorms, sigmoid and the latent priors are O(D) and left out.
inline double stepMacs(const ModelConfig& config, std::int64_t channels, std::int64_t positions) {
  const double h = config.hiddenChannels;
  if (config.type == FlowType::Dense) {
    const double d = static_cast<double>(channels * positions);
    return d / 2 * h + h * h + h * d + d * d;
  }
  const double c = static_cast<double>(channels);
  return static_cast<double>(positions) * (9 * c / 2 * h + h * h + 9 * h * c + c * c);
}

/// 2 FLOPs per multiply-add, summed over scales: each squeezes (C*4, HW/4), then splits off half.
inline double forwardFlopsPerImage(const ModelConfig& config) {
  const std::int64_t patches = config.type == FlowType::Local
                                   ? (config.height / config.patchSize) *
                                         (config.width / config.patchSize)
                                   : 1;
  std::int64_t channels = config.channels;
  std::int64_t positions = config.type == FlowType::Local ? config.patchSize * config.patchSize
                                                          : std::int64_t{config.height} *
                                                                config.width;
  double macs = 0;
  for (int scale = 0; scale < config.numScales; ++scale) {
    channels *= 4;
    positions /= 4;
    macs += config.stepsPerScale * stepMacs(config, channels, positions);
    channels /= 2;
  }
  return 2 * macs * static_cast<double>(patches);
}

/// A training step runs forward, gradient of the input and gradient of the weights: 3x forward.
/// The margin loss adds the same for the outlier batch, the outlier loss also a forward of the
/// frozen general model. `loss`: "train", "margin" or "outlier".
inline double trainingFlopsPerImage(const ModelConfig& config, const std::string& loss) {
  const double forwards = loss == "outlier" ? 7.0 : loss == "margin" ? 6.0 : 3.0;
  return forwardFlopsPerImage(config) * forwards;
}

/// One convolution shape of a conv Glow and how often a forward pass runs it.
struct ConvShape {
  std::int64_t inChannels, outChannels, kernel, height, width;
  int count;
  bool bias;
};

/// The convolutions of a conv (not local) Glow: per step the 1x1 mixing (C -> C) and the coupling
/// net's 3x3 (C/2 -> h), 1x1 (h -> h) and zero-initialised 3x3 with bias (h -> C).
inline std::vector<ConvShape> convShapes(const ModelConfig& config) {
  std::vector<ConvShape> shapes;
  std::int64_t channels = config.channels, height = config.height, width = config.width;
  const std::int64_t h = config.hiddenChannels;
  for (int scale = 0; scale < config.numScales; ++scale) {
    channels *= 4;
    height /= 2;
    width /= 2;
    const int k = config.stepsPerScale;
    shapes.push_back({channels, channels, 1, height, width, k, false});
    shapes.push_back({channels / 2, h, 3, height, width, k, false});
    shapes.push_back({h, h, 1, height, width, k, false});
    shapes.push_back({h, channels, 3, height, width, k, true});
    channels /= 2;
  }
  return shapes;
}

}  // namespace glowscope::bench
