#pragma once
// Bringing any dataset to the shape a model expects, the same way everywhere (training, scoring,
// analysis), so a score never depends on which code path prepared the images.
#include "core/data/image_set.h"
#include "core/flows/model_config.h"
#include "core/models/image_shape.h"

namespace glowscope {

/// Converts channels (grey↔RGB) and resizes bilinearly (the paper's 28→32) to the model's
/// C×H×W. Returns a copy even when nothing changes, so callers may modify it.
ImageSet prepareImagesForModel(const ImageSet& images, const ImageShape& shape);
ImageSet prepareImagesForModel(const ImageSet& images, const ModelConfig& config);

}  // namespace glowscope
