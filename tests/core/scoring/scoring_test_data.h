#pragma once
// Small random images and a tiny initialised model shared by the scoring tests.
#include <ATen/ATen.h>

#include <random>

#include "core/data/image_set.h"
#include "core/flows/flow_model.h"
#include "core/flows/preprocess.h"

namespace glowscope::testing {

inline ImageSet randomImages(int64_t count, int64_t channels, int64_t side, uint64_t seed) {
  ImageSet set;
  set.name = "random";
  set.count = count;
  set.channels = channels;
  set.height = side;
  set.width = side;
  set.pixels.resize(static_cast<size_t>(count * channels * side * side));
  std::mt19937_64 rng(seed);
  for (auto& pixel : set.pixels) pixel = static_cast<uint8_t>(rng() % 256);
  return set;
}

inline FlowModel tinyInitialisedModel(uint64_t seed, int side = 8) {
  ModelConfig config = modelPreset("tiny", FlowType::Conv, 1, side, side);
  config.seed = seed;
  FlowModel model = createFlowModel(config);
  const ImageSet init = randomImages(32, 1, side, seed + 100);
  at::Tensor pixels = at::from_blob(const_cast<uint8_t*>(init.pixels.data()),
                                    {init.count, 1, side, side}, at::kByte)
                          .clone();
  initializeActNorms(*model, preprocessImages(pixels, PreprocessMode::PaperEvaluation));
  return model;
}

}  // namespace glowscope::testing
