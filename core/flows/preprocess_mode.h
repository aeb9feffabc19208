#pragma once
// Kept apart from preprocess.h (which needs ATen) so that torch-free headers such as
// core/scoring/model_scores.h and core/analysis/model_handle.h can name the mode.

namespace glowscope {

/// How pixel values are dequantised when mapped to the model's continuous input
/// (docs/flows.md): x = k/256 - 0.5 + offset.
enum class PreprocessMode {
  TrainingNoise,    ///< offset ~ U[0, 1/256) per sub-pixel (training and in-training eval)
  PaperEvaluation,  ///< offset = +1/512, deterministic (paper-style evaluation)
  NoOffset,         ///< offset = 0 (visualisation only)
};

}  // namespace glowscope
