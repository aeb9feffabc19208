#pragma once
// Bridges between 8-bit ImageSets and a flow model: batched scoring, encoding, and the
// quantisation of model-space images back to 8 bits.
#include <ATen/core/Tensor.h>

#include <cstdint>
#include <string>
#include <vector>

#include "core/analysis/task_control.h"
#include "core/data/image_set.h"
#include "core/data/image_set_ops.h"
#include "core/flows/flow_model.h"
#include "core/flows/preprocess.h"
#include "core/scoring/model_scores.h"

namespace glowscope::analysis {

/// Per-image scores of one model on one image set (nats, continuous density, no -D ln 256):
/// logLikelihoodNats[image], scaleLogLikelihoodNats[scale i][image] = c_{i+1}.
using ImageScores = glowscope::ModelScores;

struct ScoringOptions {
  int64_t batchSize = 256;
  PreprocessMode mode = PreprocessMode::PaperEvaluation;  ///< +1/512, deterministic
};

/// Throws ConfigError when the images' C, H, W differ from the model's config.
void checkImagesFitModel(const FlowModelImpl& model, const ImageSet& images);

/// Images [begin, end) as a (B,C,H,W) uint8 tensor on `device`.
at::Tensor uint8Batch(const ImageSet& images, int64_t begin, int64_t end, at::Device device);

/// Forward pass over all images in batches, without gradients (core/scoring's scoreImages after
/// a strict shape check: analyses never resize silently).
ImageScores scoreImages(FlowModelImpl& model, const ImageSet& images,
                        const ScoringOptions& options = {}, const TaskControl& control = {});

/// Model-space x (B,C,H,W) to 8 bits: k = clamp(round((x + 0.5) * 256 - 0.5), 0, 255), i.e. the
/// bin [k/256 - 0.5, (k+1)/256 - 0.5) that x falls in; an x preprocessed with +1/512 maps back
/// to its own k. NaN maps to 0.
ImageSet quantiseModelImages(const at::Tensor& x, const std::string& name);

// appendImages: core/data/image_set_ops.h.
using glowscope::appendImages;

}  // namespace glowscope::analysis
