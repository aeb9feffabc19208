#pragma once
// The tiny conv Glow the analysis tests (core and views) run on, saved to a file so tests can also
// load it the way users do (ModelHandle, the views' model pickers).
#include <cstdint>
#include <filesystem>
#include <optional>

#include "core/analysis/model_images.h"
#include "core/data/image_set.h"
#include "core/flows/flow_model.h"
#include "core/flows/preprocess.h"

namespace glowscope::analysis::testing {

/// K=2, hidden 16, L=3 at the shape of `init`; ActNorms initialised on `init` (so log p is finite
/// and depends on the image); saved to `file`. `seed` overrides the preset's initialisation seed.
inline FlowModel saveTinyConvModel(const std::filesystem::path& file, const ImageSet& init,
                                   std::optional<std::uint64_t> seed = std::nullopt) {
  ModelConfig config = modelPreset("tiny", FlowType::Conv, init.channels, init.height, init.width);
  if (seed) config.seed = *seed;
  FlowModel model = createFlowModel(config);
  initializeActNorms(*model, preprocessImages(uint8Batch(init, 0, init.count, at::kCPU),
                                              PreprocessMode::TrainingNoise));
  saveFlowModel(*model, file);
  return model;
}

}  // namespace glowscope::analysis::testing
